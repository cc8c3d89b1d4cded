"""Extraction cannot be made slow or huge by what is pasted: it is linear in the text,
stops after MAX_CANDIDATES candidates (and NUMBER_BUDGET numbers), and a page reads a
paste in a child process with a time limit, at a lower priority.

No wall-clock limits here: linearity compares the processor time of the same text at n
and 2n repetitions (a pattern that backtracks, or a pass over everything found so far,
shows as 4x or worse; linear work as 2x).
"""

from __future__ import annotations

import os
import time

import pytest
import yaml

from newsdash.curation import worker as worker_mod
from newsdash.curation.worker import TooSlow, extract_bounded, run_bounded
from newsdash.reading.candidates import MAX_CANDIDATES, extract, to_yaml

PUBLISHED = "2021-12-29"
# digits, separators and qualifier words that a backtracking pattern or a quadratic scan
# would choke on, each repeated 50,000 times
REPEATED = ["1 ", "1", "1.", "1,", "0 ", "000 35 ", "12.450 ", "، ", "نحو ", "أكثر من ", "ألف ", "a ", "الخامس من ",
            "في 9 نوفمبر "]
N = 50_000


def _cpu_seconds(text: str) -> float:
    """The CPU of one extraction, counted on this thread alone: the test process's other
    threads (a browser's driver, an exporter's loop) do not count against it."""
    start = time.thread_time()
    extract(text, PUBLISHED)
    return time.thread_time() - start


def _linear(half: float, full: float) -> bool:
    # linear work doubles; the small floor keeps timer noise on tiny times from deciding
    return full <= 3 * max(half, 0.02)


@pytest.mark.parametrize("unit", REPEATED)
def test_extraction_on_a_repeated_unit_scales_linearly(unit):
    """Measured once; only a pair over the bound is measured twice more, keeping the least
    of each size, so that a garbage collection falling in one run does not decide (a
    quadratic extraction stays over the bound however often it is measured)."""
    half, full = _cpu_seconds(unit * (N // 2)), _cpu_seconds(unit * N)
    for _ in range(2):
        if _linear(half, full):
            break
        half, full = min(half, _cpu_seconds(unit * (N // 2))), min(full, _cpu_seconds(unit * N))
    assert _linear(half, full), f"{unit!r}: {half:.3f} s at {N // 2:,}, {full:.3f} s at {N:,}"


def test_a_hostile_paste_gives_a_bounded_list_and_says_so():
    """Before: "1 " 99,500 times gave 99,500 candidates (8.4 MB of YAML)."""
    found = extract("1 " * 99_500, PUBLISHED)
    assert found.truncated is True
    assert len(found.figures) <= MAX_CANDIDATES
    printed = to_yaml(found)
    assert len(printed.encode("utf-8")) < 100_000
    assert yaml.safe_load(printed)["truncated"] == "more than 300 candidates: only the first 300 are listed"


def test_many_different_figures_stop_at_the_cap():
    text = " ".join(f"أزيل {i} لغما." for i in range(1, 5_000))
    found = extract(text, PUBLISHED)
    assert len(found.figures) == MAX_CANDIDATES and found.truncated
    assert [f.value for f in found.figures[:3]] == [1, 2, 3] and found.figures[-1].value == MAX_CANDIDATES


def test_an_article_is_not_truncated():
    text = "نزح 30 - 40 ألف شخص. " * 40
    assert extract(text, PUBLISHED).truncated is False


def test_a_number_of_thousands_of_digits_is_not_a_figure():
    assert extract("1" * 50_000, PUBLISHED).figures == ()


def test_a_2000_character_article_is_read_whole():
    paragraph = ("أعلنت الوزارة أن فرقها أزالت أكثر من 000 35 لغم و3.218 قذيفة، وطهرت 417 12 هكتار خلال الأيام الخمسة "
                 "الماضية. وأصيب جريحين في الخامس من كانون الأول الجاري، وعاد ما يقترب من 70 ألف شخص في السابع من الشهر "
                 "نفسه.\n\n")
    text = (paragraph * 12)[:2_000]
    found = extract(text, PUBLISHED)
    assert len(text) == 2_000 and not found.truncated
    assert {f.value for f in found.figures} >= {35_000, 3218, 12_417, 5, 2, 70_000}
    assert {e.date for e in found.events} >= {"2021-12-05", "2021-12-07"}


# --- the child process a page reads a paste in ------------------------------------------

def test_a_paste_is_read_in_another_process_with_the_same_result():
    text = "عاد أكثر من 50 ألف لاجئ في الخامس من كانون الأول الجاري"
    assert extract_bounded(text, PUBLISHED) == extract(text, PUBLISHED)
    assert run_bounded("os", "getpid") != os.getpid()


def test_reading_a_paste_does_not_load_the_tables_library():
    """The child is a new interpreter for every paste: what it imports, every paste pays
    (pandas was 0.45 of its 0.64 CPU-seconds, for a folder's path)."""
    from newsdash.curation.worker import read_bounded

    published, found = read_bounded("29 ديسمبر 2021\nعاد أكثر من 50 ألف لاجئ في الخامس من كانون الأول الجاري", None)
    assert published.isoformat() == "2021-12-29" and found.figures
    loaded = run_bounded("tests.worker_probe", "modules_after_reading", "عاد 50 ألف لاجئ")
    assert "newsdash.reading.candidates" in loaded and "pandas" not in loaded


def test_the_child_runs_at_a_lower_priority():
    assert run_bounded("os", "nice", 0) >= os.nice(0) + min(worker_mod.LOWER_PRIORITY, 19 - os.nice(0))


def test_a_reading_over_the_time_limit_is_stopped_and_its_process_killed():
    started = time.monotonic()
    with pytest.raises(TooSlow) as stopped:
        run_bounded("time", "sleep", 60, seconds=1)
    assert stopped.value.seconds == 1
    assert time.monotonic() - started < 30  # the child was killed, not waited for (60 s)


def test_a_failure_in_the_child_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="ValueError"):
        run_bounded("newsdash.reading.candidates", "extract", "text", "not a date")


def test_a_long_text_is_drafted_in_a_child_with_the_same_draft():
    from newsdash.curation.draft import seed_file_name
    from newsdash.curation.worker import draft_bounded, light
    from newsdash.views import add_article as review
    from tests.conftest import ROOT

    text = "29 ديسمبر 2021\n\n" + " ".join(f"أزيل {i} لغما في الموقع رقم {i}." for i in range(1, 400))
    incoming = review.incoming(None, text)
    found = extract(incoming.text, PUBLISHED)
    assert not light(incoming.text, found)
    kept = list(range(len(found.figures)))
    seed_name = seed_file_name(incoming.raw, ROOT / "seeds")
    in_child = draft_bounded(incoming, found, seed_name, kept, [])
    assert in_child == review.draft_for(incoming, found, seed_name, kept, [])
    assert in_child.figures == MAX_CANDIDATES
