"""`newsdash serve`: run the dashboard with the project's Streamlit settings.

The installed package holds only the code; the app (dashboard.py, pages/, .streamlit/)
and its data (data/, seeds/) live in an app folder. Streamlit reads config.toml and
secrets.toml from the folder it is started in, so the server runs there. The folder is
--app-dir, else DASHBOARD_APP_DIR, else the checkout this package is imported from,
else the current folder: the first that holds dashboard.py.
"""

from __future__ import annotations

import argparse
import os
import sys
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


def streamlit_command(folder: Path, args: argparse.Namespace) -> list[str]:
    """`python -m streamlit run dashboard.py` with the options given (config.toml has the rest)."""
    command = [sys.executable, "-m", "streamlit", "run", str(folder / ENTRY),
               "--server.address", args.address, "--server.port", str(args.port), "--server.headless", "true"]
    if args.base_url_path:
        command += ["--server.baseUrlPath", args.base_url_path]
    if args.public_host:
        command += ["--browser.serverAddress", args.public_host]
    return command


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
