"""What the current script run is: its session, its entry script, the run itself, and
whether a session is still open (Streamlit's script-run context, checked on 1.67.0).

Streamlit has no public API for these (st.context gives a run's headers, cookies, URL,
locale and IP address, never its session), so this module reads them from Streamlit's
runtime, and nothing else of ours does:
- `get_script_run_ctx()` (streamlit.runtime.scriptrunner, shown in Streamlit's guide to
  threads but not in its API reference): the context of the run on this thread;
- its `session_id` and `main_script_path` fields;
- its `cursors` table, which `ScriptRunContext.reset()` replaces by a new dict at the
  start of every run, a fragment's rerun included (where the fragment, as it starts,
  replaces it once more by a copy of its own): the identity of a run (`current_run`),
  for memo.once_per_run. Elements change the table; only its identity is used here;
- `runtime.exists()` and `Runtime.is_active_session(session_id)`: whether a session that
  has said nothing for a while has closed.

newsdash/app/guard.py and legacy_pages.py read Streamlit's internals too, each pinned and
tested on its own. tests/test_run_context.py fails when Streamlit's version differs from
CHECKED_ON or any of the above is gone or behaves otherwise: check each again, then
raise CHECKED_ON.
"""

from __future__ import annotations

from pathlib import Path

CHECKED_ON = "1.67.0"


def _context():  # noqa: ANN202 - ScriptRunContext | None
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    return get_script_run_ctx(suppress_warning=True)


def session_id() -> str | None:
    """The session this run belongs to; None outside a script run (bare mode, a thread
    Streamlit did not start)."""
    ctx = _context()
    return ctx.session_id if ctx else None


def entry_script() -> Path | None:
    """The script `streamlit run` was given (dashboard.py, wherever the app is installed)."""
    ctx = _context()
    return Path(ctx.main_script_path) if ctx else None


def current_run() -> object | None:
    """An object that is the same for every call within one script run and different in the
    next run (a rerun, a fragment's rerun); None outside a script run. Compare with `is`:
    it is only an identity, never read."""
    ctx = _context()
    return getattr(ctx, "cursors", None) if ctx else None


def is_closed(session: str) -> bool:
    """True when a server runs in this process and the session is not open on it; False
    without a server (AppTest, tools), where no session is known to have closed."""
    from streamlit import runtime

    return runtime.exists() and not runtime.get_instance().is_active_session(session)
