"""The C-parser fast path of newsdash.data.yamlsafe reads valid files exactly as the
pure-Python reference does, and leaves every file with a problem to the reference, so
the error messages are the same word for word."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsdash.data import yamlsafe
from newsdash.errors import DataError
from tests.conftest import ARTICLE, ROOT

REAL = (ROOT / "data" / "articles" / ARTICLE).read_text(encoding="utf-8")
pytestmark = pytest.mark.skipif(yamlsafe.CParser is None, reason="PyYAML without libyaml: no fast path")


def reference(text: str) -> tuple | str:
    try:
        return yamlsafe._load_reference(text, Path("x.yaml"))
    except DataError as error:
        return str(error)


def test_the_real_article_takes_the_fast_path_and_reads_the_same():
    fast = yamlsafe._load_fast(REAL, "x.yaml")
    assert fast is not None
    data, lines = fast
    assert data["figures"][0]["value"] == 1937
    assert lines[("figures", 0, "value")] == REAL.splitlines().index("    value: 1937") + 1
    assert fast == reference(REAL)


@pytest.mark.parametrize(("change", "message"), [
    (("{en: Buildings inspected,", "{en: Buildings? inspected,"), "expected ',' or '}', but got '?'"),
    (("    value: 1937", "\tvalue: 1937"), "found character '\\t' that cannot start any token"),
    (("value: 1937", "value: 1937\n    value: 1938"), "duplicate key 'value'"),
    (("value: 1937", "value: &n 1937"), "anchors (&name) are not allowed"),
])
def test_what_pyyaml_refuses_is_refused_with_its_own_message(change, message):
    """libyaml accepts the first two; the fast path must not."""
    text = REAL.replace(*change, 1)
    assert yamlsafe._load_fast(text, "x.yaml") is None
    assert message in reference(text)


def _mutate(text: str, rng: random.Random) -> str:
    alphabet = [chr(c) for c in range(32, 127)] + ["\t", "\n", "\r\n", "ب", "\u00a0", ": ", "\n- ", "\u2028"]
    for _ in range(rng.randint(1, 3)):
        pos = rng.randrange(len(text))
        if rng.random() < 0.5:
            text = text[:pos] + rng.choice(alphabet) + text[pos:]
        else:
            text = text[:pos] + text[pos + rng.randint(1, 3):]
    return text


def test_randomly_damaged_articles_read_the_same_on_both_paths():
    """Whatever the fast path accepts, the reference reads to the very same data and lines."""
    rng = random.Random(20211229)
    accepted = 0
    for _ in range(200):
        text = _mutate(REAL, rng)
        fast = yamlsafe._load_fast(text, "x.yaml")
        if fast is not None:
            accepted += 1
            assert fast == reference(text), text
    assert accepted > 50
