"""The Dockerfile, deploy/compose.yaml, deploy/newsdash.service and the deployment settings
of .streamlit/config.toml. Docker itself runs only where a daemon answers; everywhere
else the files are checked for what they must keep."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "deploy" / "compose.yaml"
UNIT = ROOT / "deploy" / "newsdash.service"


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
    assert "DASHBOARD_APP_DIR=/app" in env and "DASHBOARD_DATA_DIR=/app/data" in env
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


def test_compose_runs_two_app_replicas_behind_nginx_with_the_shipped_site_file():
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"app-a", "app-b", "nginx"}
    site = (ROOT / "deploy" / "nginx-newsdash.conf").read_text(encoding="utf-8")
    for name, port in (("app-a", "8501"), ("app-b", "8502")):
        app = services[name]
        assert app["build"]["context"] == ".." and app["command"][:2] == ["newsdash", "serve"]
        assert app["command"][app["command"].index("--port") + 1] == port
        assert app["command"][app["command"].index("--base-url-path") + 1] == "newsdash"
        assert f"127.0.0.1:{port}/newsdash/_stcore/health" in " ".join(app["healthcheck"]["test"])
        assert f"127.0.0.1:{port}" in site  # the address the nginx command rewrites
        assert f'"~:{port}$"' in site  # the sticky cookie's map matches the port alone
    nginx = services["nginx"]
    assert nginx["depends_on"] == {"app-a": {"condition": "service_healthy"},
                                   "app-b": {"condition": "service_healthy"}}
    assert "./nginx-newsdash.conf:/etc/newsdash/nginx-newsdash.conf:ro" in nginx["volumes"]
    script = nginx["command"][-1]
    assert r"s/127\.0\.0\.1:8501/app-a:8501/g" in script and r"s/127\.0\.0\.1:8502/app-b:8502/g" in script
    assert all(port.startswith("127.0.0.1:") for port in nginx["ports"])


def test_the_compose_rewrite_gives_nginx_the_container_names():
    """The same substitution the nginx container runs, applied here: every upstream names a
    container, no loopback address is left."""
    script = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]["nginx"]["command"][-1]
    site = (ROOT / "deploy" / "nginx-newsdash.conf").read_text(encoding="utf-8")
    for old, new in re.findall(r"s/([^/]+)/([^/]+)/g", script):
        site = re.sub(old, new, site)
    servers = re.findall(r"^\s*server (\S+:\d+)", site, re.MULTILINE)
    assert servers == ["app-a:8501", "app-b:8502", "app-b:8502", "app-a:8501", "app-a:8501", "app-b:8502"]
    assert "127.0.0.1" not in site


def test_the_systemd_unit_restarts_and_confines_the_app():
    lines = {line.strip() for line in UNIT.read_text(encoding="utf-8").splitlines()}
    for expected in ("Restart=on-failure", "User=newsdash", "WorkingDirectory=/opt/newsdash",
                     "EnvironmentFile=/etc/newsdash/newsdash.env", "NoNewPrivileges=yes",
                     "ProtectSystem=strict", "Environment=DASHBOARD_APP_DIR=/opt/newsdash"):
        assert expected in lines
    start = next(line for line in lines if line.startswith("ExecStart="))
    assert start.startswith("ExecStart=/opt/newsdash/.venv/bin/newsdash serve --address 127.0.0.1")
    assert "DASHBOARD_PASSWORD_HASH=" not in "\n".join(line for line in lines if not line.startswith("#"))


def test_systemd_accepts_the_unit(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed: the unit's syntax is not checked here")
    program = tmp_path / "opt" / ".venv" / "bin" / "newsdash"  # ExecStart must name an executable
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    unit = tmp_path / "newsdash.service"
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/opt/newsdash", str(tmp_path / "opt")), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_deployments_show_readers_no_error_details_and_take_small_uploads():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] == 1


def test_the_error_setting_is_one_streamlit_accepts():
    from streamlit.config import ShowErrorDetailsConfigOptions

    value = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["client"]["showErrorDetails"]
    assert value == ShowErrorDetailsConfigOptions.NONE.value  # "none": the generic line only


@pytest.mark.skipif(not docker_answers(), reason="docker is not available here (no daemon answers `docker info`): "
                    "the image is not built; the static checks above still run")
def test_the_image_builds_and_answers_its_health_check():
    tag = "newsdash:test"
    subprocess.run(["docker", "build", "-t", tag, str(ROOT)], check=True, timeout=1800)
    container = subprocess.run(["docker", "run", "-d", "--rm", "-p", "127.0.0.1::8501", tag],
                               check=True, capture_output=True, text=True, timeout=60).stdout.strip()
    try:
        user = subprocess.run(["docker", "exec", container, "id", "-u"], capture_output=True, text=True,
                              timeout=60).stdout.strip()
        assert user != "0"
        for _ in range(60):
            state = subprocess.run(["docker", "inspect", "-f", "{{.State.Health.Status}}", container],
                                   capture_output=True, text=True, timeout=30).stdout.strip()
            if state in ("healthy", "unhealthy"):
                break
            subprocess.run(["sleep", "2"], check=True)
        assert state == "healthy"
    finally:
        subprocess.run(["docker", "rm", "-f", container], capture_output=True, timeout=60)
