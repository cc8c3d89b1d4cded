"""`newsdash serve`: run the dashboard with the project's Streamlit settings.

The installed package holds only the code; the app (dashboard.py, pages/, .streamlit/)
and its data (data/, seeds/) live in an app folder. Streamlit reads config.toml and
secrets.toml from the folder it is started in, so the server runs there. The folder is
--app-dir, else DASHBOARD_APP_DIR, else the checkout this package is imported from,
else the current folder: the first that holds dashboard.py.

It is also the one launcher of a server on loopback (`loopback_server`, `wait_healthy`,
`stop`), for the benchmark, the load test and the tests alike: each starts the same
command, waits for the same health check and stops a server the same way.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from newsdash.data.corpus import DATA_DIR_ENV, PROJECT_ROOT

APP_DIR_ENV = "DASHBOARD_APP_DIR"
ENTRY = "dashboard.py"


class AppDirError(ValueError):
    """No folder holding dashboard.py was found."""


def add_command(commands) -> None:  # noqa: ANN001 - argparse's subparsers action
    serve = commands.add_parser("serve", help="run the dashboard (Streamlit) on 127.0.0.1:8501")
    serve.add_argument("--app-dir", type=Path, help=f"folder holding {ENTRY}, pages/ and .streamlit/ "
                       f"(default: {APP_DIR_ENV}, else this checkout, else the current folder)")
    serve.add_argument("--address", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--base-url-path", default="", help="serve under a sub-path, e.g. newsdash")
    serve.add_argument("--public-host", help="the host name readers type (Streamlit accepts "
                       "websockets only from origins it knows)")
    serve.set_defaults(run=serve_command)


def app_dir(explicit: Path | None, environ: Mapping[str, str] = os.environ, cwd: Path | None = None) -> Path:
    """The first candidate folder that holds dashboard.py."""
    candidates = [explicit] if explicit else [Path(environ[APP_DIR_ENV])] if environ.get(APP_DIR_ENV) else []
    if not candidates:
        candidates = [PROJECT_ROOT, cwd or Path.cwd()]
    for folder in candidates:
        if (folder / ENTRY).is_file():
            return folder.resolve()
    tried = ", ".join(str(folder) for folder in candidates)
    raise AppDirError(f"no {ENTRY} in {tried}: give the app folder with --app-dir or {APP_DIR_ENV}")


def run_command(script: Path | str, address: str, port: int, base_url_path: str = "",
                options: tuple[str, ...] = ()) -> list[str]:
    """`python -m streamlit run SCRIPT` on an address and port (config.toml has the rest)."""
    command = [sys.executable, "-m", "streamlit", "run", str(script),
               "--server.address", address, "--server.port", str(port), "--server.headless", "true", *options]
    if base_url_path:
        command += ["--server.baseUrlPath", base_url_path]
    return command


def streamlit_command(folder: Path, args: argparse.Namespace) -> list[str]:
    """The command `newsdash serve` runs, with the options given."""
    options = ("--browser.serverAddress", args.public_host) if args.public_host else ()
    return run_command(folder / ENTRY, args.address, args.port, args.base_url_path, options)


def server_environment(folder: Path, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The app folder's data unless DASHBOARD_DATA_DIR says otherwise; the package found
    first on the path is the app folder's own when it has one (a checkout)."""
    env = dict(environ)
    env.setdefault(DATA_DIR_ENV, str(folder / "data"))
    env[APP_DIR_ENV] = str(folder)
    if (folder / "newsdash" / "__init__.py").is_file():
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(folder), environ.get("PYTHONPATH", "")) if p)
    return env


def serve_command(args: argparse.Namespace) -> int:
    try:
        folder = app_dir(args.app_dir)
    except AppDirError as problem:
        print(problem, file=sys.stderr)
        return 2
    command = streamlit_command(folder, args)
    os.chdir(folder)  # Streamlit reads .streamlit/config.toml and secrets.toml from here
    os.execve(command[0], command, server_environment(folder))  # the server takes this process's place
    return 0  # not reached


# --- a server on loopback, for the benchmark, the load test and the tests ---------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def loopback_server(script: Path | str = PROJECT_ROOT / ENTRY, *, env: Mapping[str, str] | None = None,
                    options: tuple[str, ...] = (), port: int | None = None, base_path: str = "",
                    wait: bool = True, timeout: float = 60) -> tuple[subprocess.Popen, str]:
    """`streamlit run SCRIPT` on 127.0.0.1 (a free port unless given), run from the
    checkout with its package first on the path (env may say otherwise) and its output
    dropped; waits for the health check unless told not to, and kills a server that
    never answers. Returns the process and the app's URL."""
    port = port or free_port()
    full_env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})}
    command = run_command(script, "127.0.0.1", port, base_path, options)
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=full_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}" + (f"/{base_path}" if base_path else "")
    if wait:
        try:
            wait_healthy(url, proc, timeout)
        except RuntimeError:
            proc.kill()
            proc.wait(timeout=10)
            raise
    return proc, url


def wait_healthy(url: str, proc: subprocess.Popen | None = None, timeout: float = 60, poll: float = 0.1) -> None:
    """Return once the app answers its health check; fail at once if it exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the app exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(poll)
    raise RuntimeError(f"no answer from {url} within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    """Terminate, and kill what does not stop within 20 s."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
