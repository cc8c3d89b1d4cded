"""nginx on loopback before two app processes (deploy/nginx-newsdash.conf, run for
real): what the `stack` fixture of conftest.py starts for the tests behind nginx (test_deploy,
test_guard). nginx keeps its pid, logs and temp files in the test's
own folder; it is Debian's package, installed when missing and we are root."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsdash.app import auth
from newsdash.app.serve import free_port, stop
from tests.conftest import require_browser
from tests.netwatch import start_plain_app

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx-newsdash.conf"
BASE = "newsdash"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")
APP_PORTS = (8501, 8502)  # as shipped; the cookie names them "a" and "b"
PASSWORD = "deploy test password"  # the password both app processes share
COOKIE_SECRET = "the stack's shared cookie secret, 32 characters or more"
SPACING = 2.0  # seconds between two checks of one account (10 when deployed)


def find_nginx() -> str | None:
    return next((path for name in NGINX_CANDIDATES if (path := shutil.which(name))), None)


def ensure_nginx() -> str:
    """nginx, installed from Debian's archive when missing (root only)."""
    found = find_nginx()
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing and cannot be installed here (needs root and apt-get)")
        pytest.skip("nginx is missing; install Debian's nginx package to run the deploy test")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive", "RUNLEVEL": "1"}
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx"]
    if subprocess.run(install, env=env, capture_output=True, timeout=600).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True, timeout=600)
        subprocess.run(install, env=env, check=True, capture_output=True, timeout=600)
    return find_nginx() or pytest.fail("nginx was installed but is not on PATH")


def site_for_test(listen: int, app_ports: tuple[int, int]) -> str:
    """The shipped site file with only its ports changed (in its maps' patterns too)."""
    text = SITE.read_text(encoding="utf-8")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    for shipped, port in zip(APP_PORTS, app_ports, strict=True):
        assert re.search(rf"127\\?\.0\\?\.0\\?\.1:{shipped}\b", text)
        text = re.sub(rf"\b{shipped}\b", str(port), text)
    return text


def main_config(folder: Path, site: Path) -> str:
    """A whole nginx.conf of our own: pid, logs and temp files in folder, nothing of /etc."""
    temp = {name: folder / name for name in ("client", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
        path.chmod(0o777)  # workers may run as nobody
    return f"""
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    log_format upstream '$request_uri $status cookie=$cookie_newsdash_replica $upstream_addr';
    access_log {folder}/access.log upstream;
    client_body_temp_path {temp['client']};
    proxy_temp_path {temp['proxy']};
    fastcgi_temp_path {temp['fastcgi']};
    uwsgi_temp_path {temp['uwsgi']};
    scgi_temp_path {temp['scgi']};
    include {site};
}}
"""


@dataclass
class Stack:
    """nginx on `url` before the two app processes on `ports` ("a" and "b" in the cookie)."""

    url: str
    ports: tuple[int, int]
    access_log: Path
    env: dict[str, str]
    apps: dict[int, subprocess.Popen] = field(default_factory=dict)

    def start(self, *ports: int) -> None:
        """Start these app processes side by side and wait until each answers."""
        with ThreadPoolExecutor(len(ports)) as pool:
            started = pool.map(lambda port: start_plain_app(env=self.env, port=port, base_path=BASE), ports)
            self.apps.update((port, proc) for port, (proc, _) in zip(ports, started, strict=True))

    def ports_since(self, since: int) -> set[int]:
        """The app ports that answered the requests logged after line `since`."""
        lines = self.access_log.read_text().splitlines()[since:]
        return {int(re.findall(r"127\.0\.0\.1:(\d+)", line)[-1]) for line in lines}

    def port_named(self, replica: str) -> int:
        return self.ports["ab".index(replica)]

    def name_of(self, port: int) -> str:
        return "ab"[self.ports.index(port)]

    def diagnosis(self) -> str:
        """nginx's last access and error lines: why a request went where it went."""
        error_log = self.access_log.with_name("error.log")
        errors = error_log.read_text().splitlines()[-10:] if error_log.exists() else []
        return "\n".join(["access:", *self.access_log.read_text().splitlines()[-12:], "errors:", *errors])

    def logged(self) -> int:
        return len(self.access_log.read_text().splitlines())

    def answered(self, tag: str, since: int = 0, timeout: float = 10) -> tuple[int, int]:
        """(status, app port) of the first request after line `since` whose address holds
        tag, from nginx's log (written when the answer is complete: wait a little)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.access_log.read_text().splitlines()[since:]:
                uri, status, _cookie, upstream = line.split(" ", 3)
                if tag in uri:
                    return int(status), int(re.findall(r"127\.0\.0\.1:(\d+)", upstream)[-1])
            time.sleep(0.1)
        raise AssertionError(f"nginx logged no request for {tag}")


def start_nginx(nginx: str, folder: Path, listen: int, app_ports: tuple[int, int]) -> subprocess.Popen:
    """nginx with deploy/nginx-newsdash.conf's site on a loopback port before two app ports,
    its files in `folder`, checked with `nginx -t` first; the caller stops it."""
    site = folder / "newsdash.conf"
    site.write_text(site_for_test(listen, app_ports), encoding="utf-8")
    conf = folder / "nginx.conf"
    conf.write_text(main_config(folder, site), encoding="utf-8")
    subprocess.run([nginx, "-t", "-p", str(folder), "-c", str(conf)], check=True, capture_output=True)
    return subprocess.Popen([nginx, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def running_stack(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a generator of one Stack
    """nginx on a free loopback port before two app processes sharing one password, for
    the tests of one class (each leaves both processes running); all stopped afterwards."""
    require_browser()
    tmp_path = tmp_path_factory.mktemp("nginx")
    nginx = ensure_nginx()
    listen, ports = free_port(), (free_port(), free_port())
    # both replicas share one cookie secret and one sign-in record, as deploy/ asks
    env = {auth.ENV_VAR: auth.hash_password(PASSWORD), "DASHBOARD_COOKIE_SECRET": COOKIE_SECRET,
           "DASHBOARD_STATE_DIR": str(tmp_path / "state"), auth.SPACING_ENV: str(SPACING)}
    running = Stack(f"http://127.0.0.1:{listen}/{BASE}/", ports, tmp_path / "access.log", env)
    proxy = start_nginx(nginx, tmp_path, listen, ports)
    try:
        running.start(*ports)
        yield running
    finally:
        for proc in running.apps.values():
            if proc.poll() is None:
                stop(proc)
        stop(proxy)
