"""The run, its session and its entry script, read from Streamlit's internals in one place
(newsdash/app/run_context.py): the Streamlit they were checked on, each internal still
where it was, and what memo.once_per_run builds on them, in real script runs."""

from __future__ import annotations

import dataclasses
import inspect

import streamlit
from streamlit.testing.v1 import AppTest

from newsdash.app import memo, run_context

# 1/ THE STREAMLIT THEY WERE CHECKED ON


def test_streamlit_is_the_version_the_run_context_was_checked_on():
    """On an upgrade: read each internal named in run_context.py again, then raise CHECKED_ON."""
    assert streamlit.__version__ == run_context.CHECKED_ON


def test_each_internal_is_still_where_run_context_reads_it():
    from streamlit import runtime
    from streamlit.runtime.fragment import _fragment
    from streamlit.runtime.runtime import Runtime
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.runtime.scriptrunner_utils.script_run_context import ScriptRunContext

    fields = {f.name for f in dataclasses.fields(ScriptRunContext)}
    assert {"session_id", "main_script_path", "cursors"} <= fields
    assert "suppress_warning" in inspect.signature(get_script_run_ctx).parameters
    # a run's identity: a new table at every run, and once more as a fragment's rerun starts
    assert "self.cursors = {}" in inspect.getsource(ScriptRunContext.reset)
    assert "ctx.cursors = deepcopy(cursors_snapshot)" in inspect.getsource(_fragment)
    assert list(inspect.signature(Runtime.is_active_session).parameters) == ["self", "session_id"]
    assert callable(runtime.exists) and callable(runtime.get_instance)


# 2/ IN REAL SCRIPT RUNS


def _script() -> None:
    import streamlit as st

    from newsdash.app import memo, run_context

    def count() -> int:
        st.session_state["computed"] = st.session_state.get("computed", 0) + 1
        return st.session_state["computed"]

    answers = [memo.once_per_run(("run context test",), count) for _ in range(3)]
    st.session_state["answers"] = answers
    st.session_state["same_run"] = run_context.current_run() is run_context.current_run()
    runs = st.session_state.setdefault("runs", [])
    runs.append(run_context.current_run())
    st.session_state["session"] = run_context.session_id()
    st.session_state["entry"] = run_context.entry_script()


def test_a_run_is_one_run_to_its_end_and_the_next_run_is_another():
    at = AppTest.from_function(_script).run()
    assert not at.exception
    assert at.session_state["same_run"] and at.session_state["answers"] == [1, 1, 1]
    at.run()
    assert at.session_state["answers"] == [2, 2, 2], "the next run computes again, once"
    first, second = at.session_state["runs"]
    assert first is not None and second is not None and first is not second


def test_a_run_knows_its_session_and_entry_script(tmp_path):
    entry = tmp_path / "entry.py"
    entry.write_text(inspect.getsource(_script) + "\n_script()\n", encoding="utf-8")
    at = AppTest.from_file(str(entry)).run()
    assert not at.exception
    assert isinstance(at.session_state["session"], str) and at.session_state["session"]
    assert at.session_state["entry"] == entry


def test_outside_a_script_run_there_is_no_run_and_nothing_is_shared():
    assert run_context.current_run() is None and run_context.session_id() is None
    assert run_context.entry_script() is None
    assert not run_context.is_closed("no such session")  # no server here: none known closed
    calls = []
    memo.once_per_run(("bare",), lambda: calls.append(1))
    memo.once_per_run(("bare",), lambda: calls.append(1))
    assert calls == [1, 1]
