"""The Dockerfile, deploy/compose.yaml (and its nginx file), the systemd units, the
Kubernetes manifests and the deployment settings of .streamlit/config.toml. Docker itself
runs only where a daemon answers; everywhere else the files are checked for what they
must keep, the compose nginx file runs through Debian's nginx, the unit's first start and
a save run as a user who is not root, and the manifests are checked against the
Kubernetes schemas (kubernetes-validate, offline)."""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from newsdash.app.serve import free_port

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "deploy" / "compose.yaml"
COMPOSE_NGINX = ROOT / "deploy" / "compose-nginx.conf"
UNIT = ROOT / "deploy" / "newsdash.service"
TEMPLATE = ROOT / "deploy" / "newsdash@.service"
RECORD = "/var/lib/newsdash/record"  # the record's folder in the image and under systemd


def docker_answers() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def instructions(text: str) -> list[tuple[str, str]]:
    """Dockerfile instructions (continuation lines joined, comments dropped)."""
    joined = re.sub(r"\\\n\s*", " ", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in joined.splitlines() if line.strip()]


def test_the_dockerfile_runs_as_a_user_with_a_health_check_and_debians_chromium():
    steps = instructions(DOCKERFILE.read_text(encoding="utf-8"))
    assert steps[0] == ("FROM", "python:3.11-slim")
    users = [arg for op, arg in steps if op == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert [i for i, (op, _) in enumerate(steps) if op == "USER"][-1] < [i for i, (op, _) in enumerate(steps)
                                                                         if op == "CMD"][0]
    health = [arg for op, arg in steps if op == "HEALTHCHECK"]
    assert len(health) == 1 and "http://127.0.0.1:8501/_stcore/health" in health[0] and "urllib" in health[0]
    assert ("EXPOSE", "8501") in steps
    env = " ".join(arg for op, arg in steps if op == "ENV")
    assert "DASHBOARD_APP_DIR=/app" in env and f"DASHBOARD_DATA_DIR={RECORD}" in env
    assert ("CMD", '["newsdash", "serve", "--address", "0.0.0.0"]') in steps
    apt = " ".join(arg for op, arg in steps if op == "RUN" and "apt-get install" in arg)
    assert "chromium" in apt and "fonts-noto-core" in apt
    assert not [arg for op, arg in steps if "playwright install" in arg]


def test_the_image_leaves_out_secrets_and_the_checkouts_clutter():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for entry in (".git", ".venv", ".streamlit/secrets.toml", "tests"):
        assert entry in ignored
    copied = " ".join(arg for op, arg in instructions(DOCKERFILE.read_text(encoding="utf-8")) if op in ("COPY", "ADD"))
    assert "secrets" not in copied and ".streamlit/config.toml" in copied


def test_deployments_show_readers_no_error_details_and_take_small_uploads():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] == 1


def test_a_replica_does_not_watch_its_source_files():
    """Streamlit's watcher walked every imported module after each session's runs: 0.2 s of
    the server's CPU per reader's first view, for a prompt no reader can act on."""
    from streamlit.watcher.path_watcher import get_path_watcher_class

    from newsdash.bench.browser import BENCH_OPTIONS

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
    assert get_path_watcher_class("none").__name__ == "NoOpPathWatcher"  # a value Streamlit knows
    # the benchmark measures the app as configured
    assert "fileWatcherType" not in " ".join(BENCH_OPTIONS)


def test_the_error_setting_is_one_streamlit_accepts():
    from streamlit.config import ShowErrorDetailsConfigOptions

    value = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["client"]["showErrorDetails"]
    assert value == ShowErrorDetailsConfigOptions.NONE.value  # "none": the generic line only


IN_THE_IMAGE_SAVE = (
    "import os; from pathlib import Path; from newsdash.curation.confirm import _put_seed; "
    "from newsdash.data.corpus import data_dir, seeds_dir_for; "
    "print(_put_seed(seeds_dir_for(data_dir()) / '999_0000000000000000.txt', b'kept'), os.getuid())")


@pytest.mark.skipif(not docker_answers(), reason="docker is not available here (no daemon answers `docker info`): "
                    "the image is not built; the static checks above still run")
def test_the_image_builds_saves_as_its_user_and_a_new_container_keeps_the_record():
    tag, volume = "newsdash:test", f"newsdash-test-{os.getpid()}"
    subprocess.run(["docker", "build", "-t", tag, str(ROOT)], check=True, timeout=1800)
    run = ["docker", "run", "-d", "--rm", "-p", "127.0.0.1::8501", "-v", f"{volume}:{RECORD}", tag]
    container = subprocess.run(run, check=True, capture_output=True, text=True, timeout=60).stdout.strip()
    try:
        user = subprocess.run(["docker", "exec", container, "id", "-u"], capture_output=True, text=True,
                              timeout=60).stdout.strip()
        assert user == "10001"
        for _ in range(60):
            state = subprocess.run(["docker", "inspect", "-f", "{{.State.Health.Status}}", container],
                                   capture_output=True, text=True, timeout=30).stdout.strip()
            if state in ("healthy", "unhealthy"):
                break
            subprocess.run(["sleep", "2"], check=True)
        assert state == "healthy"
        # the write that answered "Permission denied: .../seeds/.001_....tmp" before
        saved = subprocess.run(["docker", "exec", container, "python", "-c", IN_THE_IMAGE_SAVE],
                               capture_output=True, text=True, timeout=120)
        assert saved.returncode == 0 and saved.stdout.split() == [f"{RECORD}/seeds/999_0000000000000000.txt", "10001"]
        subprocess.run(["docker", "rm", "-f", container], capture_output=True, timeout=60)
        # a new container (a rebuild, an upgrade) on the same volume: the record is kept
        kept = subprocess.run(["docker", "run", "--rm", "-v", f"{volume}:{RECORD}", tag, "cat",
                               f"{RECORD}/seeds/999_0000000000000000.txt"], capture_output=True, text=True, timeout=120)
        assert kept.stdout == "kept", kept.stderr
    finally:
        subprocess.run(["docker", "rm", "-f", container], capture_output=True, timeout=60)
        subprocess.run(["docker", "volume", "rm", "-f", volume], capture_output=True, timeout=60)


# --- the image: its user owns the record, a volume seeded on its first start -----------

def test_the_image_gives_its_user_the_record_as_a_volume_seeded_on_first_start():
    steps = instructions(DOCKERFILE.read_text(encoding="utf-8"))
    ops = [op for op, _ in steps]
    [volume] = [arg for op, arg in steps if op == "VOLUME"]
    assert json.loads(volume) == [RECORD]
    owned = [i for i, (op, arg) in enumerate(steps) if op == "RUN" and "-o newsdash -g newsdash" in arg
             and RECORD in arg and "useradd" in arg and "--uid 10001" in arg]
    assert owned and owned[0] < ops.index("VOLUME")  # changes after VOLUME would be thrown away
    assert ops.index("VOLUME") < ops.index("USER") and steps[ops.index("USER")][1] == "10001:10001"
    [entry] = [json.loads(arg) for op, arg in steps if op == "ENTRYPOINT"]
    assert entry == ["python", "-m", "newsdash.data.store", "prepare", "--bundle", "/app/data", "--"]
    copied = [arg for op, arg in steps if op == "COPY"]
    assert "data ./data" in copied and "seeds ./seeds" in copied  # the bundle: the checkout's layout
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert "data/.state" in ignored and ".save.lock" in ignored


# --- compose: one scalable app service on one named volume -----------------------------

def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def test_compose_scales_one_app_service_on_one_named_volume():
    services = compose()["services"]
    assert set(services) == {"app", "nginx"}
    app = services["app"]
    # `docker compose up --scale app=N`: no fixed name, no host port, nothing per replica
    assert "container_name" not in app and "ports" not in app and app["expose"] == ["8501"]
    assert app["build"]["context"] == ".." and app["command"][:2] == ["newsdash", "serve"]
    assert app["command"][app["command"].index("--port") + 1] == "8501"
    assert app["command"][app["command"].index("--base-url-path") + 1] == "newsdash"
    assert "127.0.0.1:8501/newsdash/_stcore/health" in " ".join(app["healthcheck"]["test"])
    assert app["deploy"]["replicas"] >= 2
    [mount] = app["volumes"][:1]
    name, target = mount.split(":")[:2]
    assert target == RECORD and name in compose()["volumes"]  # a named volume, not a folder of the host
    assert "/" not in name and not name.startswith(".")
    secret = app["environment"]["DASHBOARD_COOKIE_SECRET"]
    assert secret.startswith("${DASHBOARD_COOKIE_SECRET:?")  # one value for every replica, or no start
    nginx = services["nginx"]
    assert nginx["depends_on"] == {"app": {"condition": "service_healthy"}}
    assert "./compose-nginx.conf:/etc/nginx/conf.d/default.conf:ro" in nginx["volumes"]
    assert all(port.startswith("127.0.0.1:") for port in nginx["ports"])
    assert nginx["image"] == "nginx:1.27"  # `resolve` in an upstream: 1.27.3 and later


def test_compose_nginx_finds_the_replicas_by_the_service_name():
    site = COMPOSE_NGINX.read_text(encoding="utf-8")
    assert re.search(r"^resolver 127\.0\.0\.11 valid=\d+s", site, re.MULTILINE)
    upstream = site[site.index("upstream newsdash_replicas {"):]
    upstream = upstream[:upstream.index("}")]
    assert re.findall(r"^\s*server (.+);", upstream, re.MULTILINE) == ["app:8501 resolve max_fails=1 fail_timeout=10s"]
    assert "zone newsdash_replicas" in upstream and "hash $newsdash_sticky consistent;" in upstream
    assert "proxy_read_timeout 1d;" in site and "limit_req zone=newsdash_sign_in" in site
    assert "server_tokens off;" in site


def run_nginx_with(tmp_path: Path, site: str, port: int) -> subprocess.Popen:
    """nginx in the foreground with its pid, logs and temp files in tmp_path."""
    for folder in ("logs", "temp"):
        (tmp_path / folder).mkdir(exist_ok=True)
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    temps = "\n".join(f"    {kind}_temp_path {tmp_path}/temp/{kind};"
                      for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"worker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\n"
        f"events {{ worker_connections 64; }}\nhttp {{\n    access_log {tmp_path}/logs/access.log;\n{temps}\n"
        f"    include {tmp_path}/site.conf;\n}}\n", encoding="utf-8")
    proc = subprocess.Popen(["nginx", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode())
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("nginx did not listen")


class Replica(http.server.ThreadingHTTPServer):
    """A stand-in for one app replica: answers every request with its own name."""

    def __init__(self, name: str) -> None:
        class Answer(http.server.BaseHTTPRequestHandler):
            def answer(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = name.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = answer

            def log_message(self, *args) -> None:  # noqa: ANN002
                pass

        super().__init__(("127.0.0.1", 0), Answer)
        threading.Thread(target=self.serve_forever, daemon=True).start()


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed: the compose nginx file is not run here")
def test_compose_nginx_keeps_a_reader_on_one_replica_and_one_sign_in_budget(tmp_path: Path):
    """The shipped file through Debian's nginx (1.22: without `resolve`, so the service
    name's replicas are written out as two loopback servers): first visits spread, each
    browser then sticks to one replica by its cookie, and password posts are limited for
    the whole site whatever the address or cookie."""
    replicas = [Replica(name) for name in ("one", "two")]
    listen = free_port()
    site = COMPOSE_NGINX.read_text(encoding="utf-8")
    servers = "\n".join(f"    server 127.0.0.1:{r.server_address[1]} max_fails=1 fail_timeout=10s;" for r in replicas)
    site = site.replace("    server app:8501 resolve max_fails=1 fail_timeout=10s;", servers)
    assert "app:8501" not in site
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    nginx = run_nginx_with(tmp_path, site, listen)
    base = f"http://127.0.0.1:{listen}/newsdash/"
    try:
        def get(path: str = "", cookie: str = "", method: str = "GET") -> tuple[int, str, str]:
            request = urllib.request.Request(base + path, method=method, data=b"x" if method == "POST" else None)
            if cookie:
                request.add_header("Cookie", cookie)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, response.read().decode(), response.headers.get("Set-Cookie") or ""
            except urllib.error.HTTPError as refused:
                return refused.code, "", ""

        firsts = [get() for _ in range(24)]
        assert {body for _, body, _ in firsts} == {"one", "two"}  # spread, not one office on one replica
        for _, body, set_cookie in firsts[:4]:
            value, *flags = [part.strip() for part in set_cookie.split(";")]
            assert re.fullmatch(r"newsdash_sticky=[0-9a-f]{32}", value)
            assert set(flags) == {"Path=/newsdash/", "HttpOnly", "SameSite=Lax"}
            answers = [get("_stcore/health", value) for _ in range(5)]
            assert {a[1] for a in answers} == {body} and all(a[2] == "" for a in answers)
        posts = [get("sign-in", f"newsdash_sticky={i:032x}", "POST")[0] for i in range(8)]
        assert posts[:3] == [200, 200, 200] and set(posts[3:]) == {429}  # 6 a minute, a burst of 2
        assert get("sign-in")[0] == 200  # the form itself is not counted
    finally:
        nginx.terminate()
        nginx.wait(timeout=20)
        for replica in replicas:
            replica.shutdown()


# --- systemd: the record writable, a template for more processes ------------------------

def unit_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def unit_values(path: Path, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in unit_lines(path) if line.split("=", 1)[0] == key]


@pytest.mark.parametrize("unit", [UNIT, TEMPLATE], ids=lambda p: p.name)
def test_the_systemd_units_confine_the_app_but_leave_the_record_writable(unit: Path):
    lines = set(unit_lines(unit))
    for expected in ("Restart=on-failure", "User=newsdash", "WorkingDirectory=/opt/newsdash",
                     "EnvironmentFile=/etc/newsdash/newsdash.env", "NoNewPrivileges=yes",
                     "ProtectSystem=strict", "Environment=DASHBOARD_APP_DIR=/opt/newsdash",
                     f"Environment=DASHBOARD_DATA_DIR={RECORD}"):
        assert expected in lines
    assert "newsdash/record" in unit_values(unit, "StateDirectory")[0].split()  # made and owned by systemd
    assert RECORD in unit_values(unit, "ReadWritePaths")[0].split()
    assert unit_values(unit, "ExecStartPre") == [
        "/opt/newsdash/.venv/bin/python -m newsdash.data.store prepare --bundle /opt/newsdash/data"]
    [start] = unit_values(unit, "ExecStart")
    assert start.startswith("/opt/newsdash/.venv/bin/newsdash serve --address 127.0.0.1")
    port = "%i" if unit == TEMPLATE else "8501"
    assert f"--port {port} " in start
    assert not [line for line in lines if line.startswith(("Environment=DASHBOARD_PASSWORD_HASH",
                                                           "Environment=DASHBOARD_COOKIE_SECRET"))]


@pytest.mark.parametrize("unit", [UNIT, TEMPLATE], ids=lambda p: p.name)
def test_systemd_accepts_the_units(tmp_path: Path, unit: Path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed: the unit's syntax is not checked here")
    program = tmp_path / "opt" / ".venv" / "bin" / "newsdash"  # ExecStart must name an executable
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    (program.parent / "python").symlink_to(program)
    name = "newsdash@8502.service" if unit == TEMPLATE else "newsdash.service"
    copy = tmp_path / name
    copy.write_text(unit.read_text(encoding="utf-8").replace("/opt/newsdash", str(tmp_path / "opt")), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


SAVE_AS_EDITOR = """
import os
from pathlib import Path
from newsdash.curation import confirm as c
from tests import record_data as rd
from tests.test_one_story import confirmed

data = Path(os.environ["DASHBOARD_DATA_DIR"])
path = c.save_confirmed(confirmed(rd.seed_bytes(), data / "seeds"), rd.seed_bytes(), data)
print("saved", path, os.getuid())
"""


@pytest.fixture
def unprivileged_folder():  # noqa: ANN201 - yields (folder, uid)
    """A folder owned by a uid of no account, as systemd's StateDirectory makes it."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to act as another user")
    uid = 54321
    folder = Path(tempfile.mkdtemp(prefix="newsdash-state-", dir="/tmp"))
    folder.chmod(0o755)
    record = folder / "record"
    record.mkdir(mode=0o750)
    os.chown(record, uid, uid)
    try:
        yield record, uid
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_the_first_start_and_a_save_work_as_the_apps_own_user(unprivileged_folder):
    """As the unit runs them: ExecStartPre fills the empty record from the checkout, and a
    save as that user writes into the record, never into the checkout (read-only to it, as
    under ProtectSystem=strict). With the record in the checkout's data/, as before, the
    same save was refused: Permission denied on the seed's temporary file."""
    record, uid = unprivileged_folder
    # the test's Python may live under /root (pyenv): reading and searching folders is
    # allowed (CAP_DAC_READ_SEARCH), writing is checked as for any user
    as_user = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=+dac_read_search",
               "--ambient-caps=+dac_read_search", "--"]
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}, "HOME": str(record.parent),
           "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [*as_user, sys.executable, "-m", "newsdash.data.store", "prepare", "--bundle", str(ROOT / "data"),
               "--", sys.executable, "-c", SAVE_AS_EDITOR]
    done = subprocess.run(command, cwd=ROOT, env={**env, "DASHBOARD_DATA_DIR": str(record)},
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "was empty; the bundled record" in done.stderr and done.stdout.split()[-1] == str(uid)
    saved = record / "articles" / "2020-12-06-sputnik-mod-returns.yaml"
    assert saved.stat().st_uid == uid and (record / "seeds" / "001_fb74683482dfbc10.txt").stat().st_uid == uid
    assert not (ROOT / "seeds" / "001_fb74683482dfbc10.txt").exists()
    old_layout = subprocess.run([*as_user, sys.executable, "-c", SAVE_AS_EDITOR], cwd=ROOT, capture_output=True,
                                text=True, timeout=180, env={**env, "DASHBOARD_DATA_DIR": str(ROOT / "data")})
    assert old_layout.returncode != 0 and "Permission denied" in old_layout.stderr


# --- Kubernetes -------------------------------------------------------------------------

K8S = ROOT / "deploy" / "k8s"
K8S_VERSION = "1.33"  # the oldest Kubernetes the manifests are checked against; also the newest below


def manifests() -> dict[str, dict]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    return {name: yaml.safe_load((K8S / name).read_text(encoding="utf-8")) for name in kustomization["resources"]}


@pytest.mark.parametrize("version", [K8S_VERSION, "1.37"])
def test_every_manifest_passes_the_kubernetes_schemas(version: str):
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    files = {**manifests(), "secret.example.yaml": yaml.safe_load((K8S / "secret.example.yaml").read_text())}
    assert {path.name for path in K8S.glob("*.yaml")} == {*files, "kustomization.yaml"}  # none left out
    for document in files.values():
        kubernetes_validate.validate(document, version, strict=True)  # raises, naming the field
    broken = json.loads(json.dumps(files["deployment.yaml"]))
    broken["spec"]["template"]["spec"]["securityContext"]["runAsNonroot"] = True  # a typo is refused
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, version, strict=True)


def test_the_deployment_runs_replicas_as_the_image_user_on_one_shared_volume():
    found = manifests()
    deployment, claim = found["deployment.yaml"], found["pvc.yaml"]
    assert deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]["spec"]
    security = pod["securityContext"]
    assert security["runAsNonRoot"] is True and security["runAsUser"] == security["fsGroup"] == 10001
    assert "--uid 10001" in DOCKERFILE.read_text(encoding="utf-8")  # the image's user
    [app] = pod["containers"]
    assert app["securityContext"]["readOnlyRootFilesystem"] is True
    assert app["securityContext"]["allowPrivilegeEscalation"] is False
    assert "command" not in app  # the image's entrypoint prepares the record first
    mounts = {m["mountPath"]: m["name"] for m in app["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert volumes[mounts[RECORD]]["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    for writable in ("/tmp", "/home/newsdash"):
        assert "emptyDir" in volumes[mounts[writable]]
    env = {e["name"]: e for e in app["env"]}
    assert env["DASHBOARD_DATA_DIR"]["value"] == RECORD
    for name, key in (("DASHBOARD_COOKIE_SECRET", "cookie-secret"), ("DASHBOARD_PASSWORD_HASH", "password-hash"),
                      ("DASHBOARD_EDITORS", "editors")):
        ref = env[name]["valueFrom"]["secretKeyRef"]
        assert (ref["name"], ref["key"]) == ("newsdash-secrets", key)
    assert "optional" not in env["DASHBOARD_COOKIE_SECRET"]["valueFrom"]["secretKeyRef"]
    secrets_file = volumes[mounts["/app/.streamlit/secrets.toml"]]["secret"]
    assert secrets_file["secretName"] == "newsdash-secrets"
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert app[probe]["httpGet"] == {"path": "/newsdash/_stcore/health", "port": "http"}
    assert set(app["resources"]) == {"requests", "limits"}
    assert "--base-url-path" in app["args"] and app["args"][app["args"].index("--base-url-path") + 1] == "newsdash"


def test_the_example_secret_holds_placeholders_only():
    secret = yaml.safe_load((K8S / "secret.example.yaml").read_text(encoding="utf-8"))
    assert secret["metadata"]["name"] == "newsdash-secrets"
    values = secret["stringData"]
    assert set(values) == {"cookie-secret", "password-hash", "editors", "secrets.toml"}
    assert all("REPLACE" in value for value in values.values())
    auth = tomllib.loads(values["secrets.toml"])["auth"]
    assert auth["cookie_secret"].startswith("REPLACE")
    assert "secret.example.yaml" not in yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]


def test_the_ingress_keeps_readers_on_one_pod_and_limits_the_sign_in_route():
    found = manifests()
    service = found["service.yaml"]
    main, sign_in = found["ingress.yaml"], found["ingress-sign-in.yaml"]
    for ingress in (main, sign_in):
        notes = ingress["metadata"]["annotations"]
        assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
        assert notes["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
        assert ingress["spec"]["ingressClassName"] == "nginx"
        [path] = ingress["spec"]["rules"][0]["http"]["paths"]
        assert path["backend"]["service"] == {"name": service["metadata"]["name"], "port": {"name": "http"}}
    assert int(main["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert main["spec"]["rules"][0]["http"]["paths"][0]["path"] == "/newsdash"
    [exact] = sign_in["spec"]["rules"][0]["http"]["paths"]
    assert (exact["path"], exact["pathType"]) == ("/newsdash/sign-in", "Exact")
    assert sign_in["metadata"]["annotations"]["nginx.ingress.kubernetes.io/limit-rpm"] == "6"
    assert service["spec"]["selector"] == found["deployment.yaml"]["spec"]["selector"]["matchLabels"]
