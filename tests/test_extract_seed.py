"""On the seed article, the extractor finds every figure and dated event our editors
curated by hand, with the same value, qualifier and date (recall 100%), and we
measure how many of its candidates are right (precision)."""

from __future__ import annotations

from newsdash.data.corpus import load_corpus
from newsdash.reading.candidates import extract
from tests.conftest import ROOT


def _curated():
    loaded = load_corpus(ROOT / "data").article()
    return loaded, extract(loaded.seed_text, loaded.article.article.published)


def _overlaps(candidate, span) -> bool:  # noqa: ANN001
    return candidate.start < span.end and span.start < candidate.end


def _figure_found(fig, span, candidates) -> bool:  # noqa: ANN001
    return any(_overlaps(c, span) and (c.value, c.qualifier, c.value_max) == (fig.value, fig.qualifier, fig.value_max)
               for c in candidates)


def _event_found(event, span, candidates) -> bool:  # noqa: ANN001
    return any(_overlaps(c, span) and (c.date, c.date_precision) == (event.date, event.date_precision)
               for c in candidates)


def test_every_curated_figure_is_found_with_its_value_and_qualifier():
    loaded, found = _curated()
    missed = [f.id for f in loaded.article.figures if not _figure_found(f, loaded.spans[f.id], found.figures)]
    assert len(loaded.article.figures) == 8
    assert missed == []


def test_every_curated_event_is_found_with_its_date_and_precision():
    loaded, found = _curated()
    missed = [e.id for e in loaded.article.events if not _event_found(e, loaded.spans[e.id], found.events)]
    assert len(loaded.article.events) == 5
    assert missed == []


def test_precision_on_the_seed(capsys):
    loaded, found = _curated()
    figures, events = loaded.article.figures, loaded.article.events
    right_figures = [c for c in found.figures
                     if any(_figure_found(f, loaded.spans[f.id], [c]) for f in figures)]
    right_events = [c for c in found.events
                    if any(_event_found(e, loaded.spans[e.id], [c]) for e in events)]
    right, total = len(right_figures) + len(right_events), len(found.figures) + len(found.events)
    with capsys.disabled():
        print(f"\nseed precision: figures {len(right_figures)}/{len(found.figures)}, "
              f"events {len(right_events)}/{len(found.events)}, overall {right}/{total} = {right / total:.0%}")
    wrong = [c.quote for c in found.figures if c not in right_figures] + \
            [c.quote for c in found.events if c not in right_events]
    assert wrong == []  # measured: 13 of 13 candidates right


def test_known_figures_get_the_curated_units_and_shortest_quotes():
    _, found = _curated()
    by_value = {c.value: c for c in found.figures}
    assert by_value[1937].unit == "buildings" and by_value[1937].quote == "1937 مبنى"
    assert by_value[26000].quote == "أكثر من 26000 مادة متفجرة"
    assert by_value[26000].unit == "explosive objects"
    assert by_value[50000].quote == "أكثر من 50 ألف لاجئ"
    assert by_value[1.5].quote == "نحو شهر ونصف" and by_value[1.5].unit == "months"
    assert by_value[127].unit == "people"  # أرمنيًا: a nisba noun, people of a nation


def test_offsets_point_at_the_quote_in_the_seed():
    loaded, found = _curated()
    for candidate in (*found.figures, *found.events):
        assert loaded.seed_text[candidate.start:candidate.end] == candidate.quote


def test_the_dateline_date_is_stated_not_inferred():
    _, found = _curated()
    dateline = found.events[0]
    assert (dateline.date, dateline.date_precision, dateline.basis) == ("2021-12-29", "day", "stated")
    assert dateline.quote == "29 ديسمبر 2021ء"
