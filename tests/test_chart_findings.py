"""Findings, not labels, on the charts that still had label titles: the Overview's small
multiples, an article's chart of counts (the Returns bars) and its timeline. Each title says
what the chart shows, computed from the seed article's real values, in both languages; the
editors' `title_override` replaces it; no multiple is worked out from a "more than" bound as
if it were exact. Pure: the builders and the title functions, no page."""

from __future__ import annotations

import pytest

from newsdash.data.models import Bilingual
from newsdash.views import charts
from newsdash.views.comparison import compare_article
from newsdash.views.findings import Count, counts_title
from newsdash.views.screen_charts import plain_text
from newsdash.views.small_multiples import comparison_chart


def _chart_id(loaded, kind: str) -> str:  # noqa: ANN001
    return next(c.id for c in loaded.article.charts if c.kind == kind)


def _drawn_title(loaded, corpus, kind: str, lang: str) -> str:  # noqa: ANN001
    fig = charts.build_chart(loaded, corpus, _chart_id(loaded, kind), lang)
    return plain_text(fig.layout.title.text)


# 1/ THE SMALL MULTIPLES: THE MEASURE'S NAME, THEN HOW THE ARTICLE'S FIGURE STANDS


@pytest.mark.parametrize(("lang", "land", "explosives"), [
    ("en", "Land cleared or surveyed the article's 2,320 hectares is below the 2,326.6 hectares of 20 December 2021",
     "Explosive objects neutralised the article's more than 26,000 explosive objects: a bound already passed "
     "(26,088 explosive objects on 20 December 2021)"),
    ("ar", "الأراضي التي تم تطهيرها أو مسحها رقم المقال (٢٬٣٢٠ هكتارًا) أدنى من رقم ٢٠ ديسمبر ٢٠٢١ (٢٬٣٢٦٫٦ هكتار)",
     "المواد المتفجرة التي تم إبطال مفعولها رقم المقال (أكثر من ٢٦٬٠٠٠ مادة متفجرة) حد أدنى سبق تجاوزه "
     "(٢٦٬٠٨٨ مادة متفجرة في ٢٠ ديسمبر ٢٠٢١)"),
])
def test_a_small_multiple_says_how_the_figure_stands_against_the_last_report(corpus, loaded, lang, land, explosives):
    by_measure = {c.measure: c for c in compare_article(loaded, corpus)}
    titles = {m: plain_text(comparison_chart(c, lang, corpus.measures[m].label.get(lang)).layout.title.text).replace(
        "\u00a0", " ") for m, c in by_measure.items()}
    assert titles["hectares"] == land
    assert titles["explosive_objects"] == explosives
    # the name is a line of its own, in bold; every line fits a phone's width
    text = comparison_chart(by_measure["hectares"], lang, corpus.measures["hectares"].label.get(lang)).layout.title.text
    assert text.startswith("<b>") and all(len(plain_text(line)) <= 36 for line in text.split("<br>"))


def test_a_small_multiples_title_never_works_out_a_difference(corpus, loaded):
    for comparison in compare_article(loaded, corpus):
        words = plain_text(comparison_chart(comparison, "en").layout.title.text)
        assert not any(w in words for w in ("risen", "rose", "up by", "down by", "fell by")), words


# 2/ AN ARTICLE'S CHART OF COUNTS


@pytest.mark.parametrize(("lang", "title"), [
    ("en", "Armenians helped to return home: 127 people, 6.7 times as many as Azerbaijanis helped to return home "
           "(19 people)"),
    ("ar", "أرمن ساعدهم حفظة السلام على العودة: ١٢٧ شخصًا، أي ٦٫٧ أضعاف فئة «أذربيجانيون ساعدهم حفظة السلام على "
           "العودة» (١٩ شخصًا)"),
])
def test_the_returns_bars_say_how_many_times_one_count_is_the_other(corpus, loaded, lang, title):
    assert _drawn_title(loaded, corpus, "bars", lang) == title
    assert charts.get_chart(loaded, _chart_id(loaded, "bars"), corpus).title.get(lang) == title
    assert charts.alt_text(loaded.article.charts[0], loaded, lang).startswith(title)  # said to a screen reader too


def test_a_multiple_of_a_lower_bound_is_at_least_and_of_two_bounds_is_not_said():
    armenians, azerbaijanis = Count("Armenians", 127, "more_than", "people"), Count("Azerbaijanis", 19, "exact", "people")
    assert counts_title([armenians, azerbaijanis], "en") == (
        "Armenians: more than 127 people, at least 6.7 times as many as Azerbaijanis (19 people)")
    assert "٦٫٧ أضعاف" in counts_title([armenians, azerbaijanis], "ar")
    assert counts_title([armenians, azerbaijanis], "ar").endswith("على الأقل")
    both_bounds = [armenians, Count("Azerbaijanis", 19, "more_than", "people")]
    assert counts_title(both_bounds, "en") == "Armenians: more than 127 people, against more than 19 people for Azerbaijanis"
    assert counts_title([Count("Buses", 120, "exact", "people"), Count("Cars", 100, "exact", "people")], "en") == (
        "Buses: 120 people, against 100 people for Cars")  # close: side by side, no multiple
    assert counts_title([], "en") is None


# 3/ THE TIMELINE


@pytest.mark.parametrize(("lang", "title"), [
    ("en", "Length of the fighting: about 1.5 months, to 10 November 2020; the article's latest date, 29 December "
           "2021, comes more than 13 months later"),
    ("ar", "مدة المعارك: نحو ١٫٥ شهر حتى ١٠ نوفمبر ٢٠٢٠؛ وآخر تاريخ في المقال، ٢٩ ديسمبر ٢٠٢١، يأتي بعد ذلك بأكثر "
           "من ١٣ شهرًا"),
])
def test_the_timeline_says_how_long_the_fighting_lasted_and_how_long_after_the_article_came(corpus, loaded, lang, title):
    assert _drawn_title(loaded, corpus, "timeline", lang) == title


def test_a_timeline_without_a_duration_counts_its_dates(corpus, loaded):
    chart = next(c for c in loaded.article.charts if c.kind == "timeline")
    bare = chart.model_copy(update={"figures": []})
    assert charts.titled_chart(bare, loaded, corpus).title.en == "5 dates from September 2020 to 29 December 2021"


# 4/ THE EDITORS' OVERRIDE, THE SAME WAY AS A MEASURE'S


@pytest.mark.parametrize("kind", ["bars", "timeline"])
def test_the_editors_title_override_replaces_the_computed_title(corpus, loaded, kind):
    chart = next(c for c in loaded.article.charts if c.kind == kind)
    chosen = chart.model_copy(update={"title_override": Bilingual(en="What the editors say", ar="ما يقوله المحررون")})
    titled = charts.titled_chart(chosen, loaded, corpus)
    assert (titled.title.en, titled.title.ar) == ("What the editors say", "ما يقوله المحررون")
    # the chart's name leads the subtitle, so it still says what it draws
    assert titled.subtitle.en == f"{chart.title.en}: {chart.subtitle.en}"
    assert titled.subtitle.ar.startswith(f"{chart.title.ar}: ")
