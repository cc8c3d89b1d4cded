"""Where the data lives: the project's folder and the data folder a deployment names.
Light (no pandas, no models): the server's door reads it at its start, before any page
needs the corpus (newsdash/app/door_asgi.py)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"


def data_dir() -> Path:
    """The data folder: DASHBOARD_DATA_DIR, else the project's own data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or PROJECT_ROOT / "data").resolve()
