"""Editors change the YAML while the app runs: the next rerun shows the new data, a
broken or half-written save shows its errors, and fixing it recovers, all in one session
(one AppTest, never restarted)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from newsdash.data.corpus import fingerprint
from tests.conftest import ARTICLE, DASHBOARD

LABEL = "label: {en: Buildings inspected,"  # a same-size edit of the file
# what an editor changes: the caveat (a figure's own label gives way to its measure's name)
CAVEAT = 'en: "All figures are claims by Russia,'


def labels(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def caveat(at: AppTest) -> str:
    return next(w.value for w in at.warning if "verified" in w.value)


@pytest.fixture
def running(data_copy: Path) -> tuple[AppTest, Path]:
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert labels(at)["Buildings inspected"] == "1,937 buildings"
    return at, data_copy / "articles" / ARTICLE


def rewrite(path: Path, old: str, new: str, keep_mtime: bool = False) -> None:
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    if keep_mtime:  # as if written in the same clock tick, or copied with rsync -t
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_an_edit_shows_on_the_next_rerun(running):
    at, path = running
    rewrite(path, CAVEAT, 'en: "Every figure here is a claim by Russia,')
    at.run()
    assert not at.exception
    assert "Every figure here is a claim by Russia" in caveat(at)
    assert labels(at)["Buildings inspected"] == "1,937 buildings"


def test_a_same_size_edit_in_the_same_mtime_tick_is_not_missed(running):
    at, path = running
    size = path.stat().st_size
    rewrite(path, CAVEAT, 'en: "All figures are claims by RUSSIA,', keep_mtime=True)
    assert path.stat().st_size == size
    at.run()
    assert "All figures are claims by RUSSIA" in caveat(at)


def test_a_half_written_save_shows_errors_and_fixing_it_recovers(running):
    at, path = running
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and f"{ARTICLE}:" in at.error[0].value
    assert not at.metric
    at.run()  # a second rerun reads the broken corpus back from the cache
    assert not at.exception and len(at.error) == 1
    path.write_bytes(whole)
    at.run()
    assert not at.exception and not at.error
    assert labels(at)["Buildings inspected"] == "1,937 buildings"


def test_a_wrong_value_saved_then_corrected(running):
    at, path = running
    rewrite(path, "value: 1937", "value: 1973")
    at.run()
    assert "buildings_inspected: value: value 1,973 disagrees with the quote, which says 1,937" in at.error[0].value
    rewrite(path, "value: 1973", "value: 1937")
    at.run()
    assert not at.error and labels(at)["Buildings inspected"] == "1,937 buildings"


def test_editor_lock_and_temporary_files_are_ignored(running):
    at, path = running
    lock = path.parent / f".#{ARTICLE}"
    lock.symlink_to("editor@host.12345")  # Emacs's lock: a dangling symlink
    swap = path.parent / f".{ARTICLE}.swp"  # Vim's swap file
    swap.write_bytes(b"\x00binary swap\x00")
    at.run()
    assert not at.exception and not at.error
    assert labels(at)["Buildings inspected"] == "1,937 buildings"


def test_fingerprint_changes_with_content_even_when_size_and_mtime_do_not(data_copy: Path):
    path = data_copy / "articles" / ARTICLE
    before = fingerprint(data_copy)
    rewrite(path, LABEL, "label: {en: Buildings inspectED,", keep_mtime=True)
    after = fingerprint(data_copy)
    assert [e[1:3] for e in before] == [e[1:3] for e in after]  # mtime and size alike
    assert before != after


def test_fingerprint_lists_a_dangling_link_by_name_without_following_it(data_copy: Path):
    link = data_copy / "articles" / "gone.yaml"
    link.symlink_to(data_copy / "nowhere.yaml")
    entries = {Path(entry[0]).name: entry for entry in fingerprint(data_copy)}
    assert entries["gone.yaml"][1:] == ("link", str(data_copy / "nowhere.yaml"))
    assert entries[ARTICLE][2] == (data_copy / "articles" / ARTICLE).stat().st_size
    link.unlink()  # its going changes the key as well
    assert "gone.yaml" not in [Path(entry[0]).name for entry in fingerprint(data_copy)]
