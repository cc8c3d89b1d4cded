"""`pip install .`: the wheel holds the package and its console script; `newsdash serve`
finds the app folder. The wheel is built offline (no build isolation, no dependencies)
from a copy of the project, so the checkout stays clean."""

from __future__ import annotations

import argparse
import configparser
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from newsdash.app import serve
from newsdash.cli import command_parser

ROOT = Path(__file__).resolve().parent.parent


def pins(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith(("#", "-r"))]


def test_the_project_table_declares_what_requirements_pin():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "newsdash" and project["requires-python"] == ">=3.11"
    assert project["dependencies"] == pins(ROOT / "requirements.txt")
    assert project["optional-dependencies"]["dev"] == pins(ROOT / "requirements-dev.txt")
    assert project["scripts"] == {"newsdash": "newsdash.cli:main"}


def test_pyarrow_and_choreographer_are_pinned_at_the_installed_versions():
    from importlib.metadata import version

    pinned = dict(line.split("==") for line in pins(ROOT / "requirements.txt"))
    assert pinned["pyarrow"] == version("pyarrow") == "26.0.1"
    assert pinned["choreographer"] == version("choreographer") == "1.4.0"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("wheel", reason="building a wheel offline needs the `wheel` package (requirements-dev.txt)")
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "newsdash", source / "newsdash", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("dashboard.py", "pages"):  # present, as in a checkout, and left out of the wheel
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-q", "-w", str(out), str(source)], check=True, timeout=120, capture_output=True)
    return next(out.glob("newsdash-*.whl"))


def test_the_wheel_holds_the_package_and_not_the_app(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "newsdash/cli.py" in names and "newsdash/curation/draft.py" in names and "newsdash/app/serve.py" in names
    assert not [n for n in names if n.startswith(("pages/", "data/", "seeds/", "tests/")) or n == "dashboard.py"]
    assert not [n for n in names if n.startswith("newsdash/bench/")], "the benchmark is tooling, not the app"


def test_the_console_script_resolves_to_the_cli(wheel):
    archive = zipfile.ZipFile(wheel)
    entry_points = next(n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt"))
    parsed = configparser.ConfigParser()
    parsed.read_string(archive.read(entry_points).decode())
    assert dict(parsed["console_scripts"]) == {"newsdash": "newsdash.cli:main"}
    metadata = archive.read(entry_points.replace("entry_points.txt", "METADATA")).decode()
    assert "Requires-Dist: streamlit==1.67.0" in metadata and "Requires-Python: >=3.11" in metadata


def test_the_installed_package_runs_its_commands(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=120, capture_output=True)
    assert (target / "bin" / "newsdash").is_file()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "DASHBOARD_DATA_DIR": str(ROOT / "data")}
    code = "from newsdash.cli import main; import newsdash, sys; print(newsdash.__file__); sys.exit(main(['validate']))"
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.startswith(str(target / "newsdash")), result.stdout
    assert result.returncode == 0 and "OK: 1 article(s)" in result.stdout, result.stderr


# --- newsdash serve ----------------------------------------------------------------------

def serve_args(*argv: str) -> argparse.Namespace:
    return command_parser().parse_args(["serve", *argv])


def test_serve_runs_streamlit_on_loopback_by_default():
    args = serve_args()
    command = serve.streamlit_command(ROOT, args)
    assert command[1:5] == ["-m", "streamlit", "run", str(ROOT / "dashboard.py")]
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert command[command.index("--server.port") + 1] == "8501"
    assert "--server.baseUrlPath" not in command


def test_serve_passes_the_deployment_options():
    args = serve_args("--address", "0.0.0.0", "--port", "8600", "--base-url-path", "newsdash",
                      "--public-host", "dash.example")
    command = serve.streamlit_command(ROOT, args)
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    assert command[command.index("--server.port") + 1] == "8600"
    assert command[command.index("--server.baseUrlPath") + 1] == "newsdash"
    assert command[command.index("--browser.serverAddress") + 1] == "dash.example"


def test_the_app_folder_is_explicit_then_the_environment_then_the_checkout(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "dashboard.py").write_text("", encoding="utf-8")
    assert serve.app_dir(app, {}) == app
    assert serve.app_dir(None, {serve.APP_DIR_ENV: str(app)}) == app
    assert serve.app_dir(None, {}, cwd=tmp_path) == ROOT  # from a checkout: the checkout
    with pytest.raises(serve.AppDirError, match="no dashboard.py in .*: give the app folder with --app-dir"):
        serve.app_dir(tmp_path, {})


def test_the_server_reads_the_app_folders_data_unless_told_otherwise(tmp_path):
    env = serve.server_environment(tmp_path, {"PATH": "/bin"})
    assert env["DASHBOARD_DATA_DIR"] == str(tmp_path / "data") and env[serve.APP_DIR_ENV] == str(tmp_path)
    assert "PYTHONPATH" not in env  # an installed package: no checkout to put first
    assert serve.server_environment(tmp_path, {"DASHBOARD_DATA_DIR": "/srv/d"})["DASHBOARD_DATA_DIR"] == "/srv/d"
    assert serve.server_environment(ROOT, {})["PYTHONPATH"] == str(ROOT)


def test_serve_refuses_a_folder_without_the_app(tmp_path, capsys):
    from newsdash.cli import main

    assert main(["serve", "--app-dir", str(tmp_path)]) == 2
    assert "no dashboard.py in" in capsys.readouterr().err
