"""One name per measure on every surface: chart titles and legends, hovers, tables, CSV
files, the Overview's sentences and tiles all name a measure by its label in
data/measures.yaml; no other name an article or an old title gave it, and never an id."""

from __future__ import annotations

import re

import pytest
import yaml

from newsdash.exports.chart_files import csv_bytes
from newsdash.views import charts, data_method, data_pages, original_text, overview
from newsdash.views.series_charts import category_charts
from tests.conftest import ROOT


def figure_text(fig) -> list[str]:  # noqa: ANN001
    """Every word a figure shows: title, subtitle, axis titles, legends, texts, hovers, notes."""
    layout = fig.layout
    texts = [layout.title.text or "", layout.title.subtitle.text or "", layout.yaxis.title.text or ""]
    texts += [a.text or "" for a in layout.annotations]
    for trace in fig.data:
        texts.append(trace.name or "")
        for field in ("text", "hovertext"):
            value = getattr(trace, field, None)
            texts += [str(v) for v in value] if isinstance(value, list | tuple) else [str(value or "")]
    return texts


def surfaces(corpus, lang: str, others: bool = False) -> str:  # noqa: ANN001
    loaded = corpus.articles[0]
    texts: list[str] = []
    for chart in [*category_charts(corpus, loaded), *loaded.article.charts]:  # every chart's words and its CSV
        texts += figure_text(charts.build_chart(loaded, corpus, chart.id, lang))
        frame = charts.chart_frame(loaded, corpus, chart.id, lang)
        # a CSV's header and its words (its chart_id, series and record_id columns are keys to the data files)
        words = frame.drop(columns=["chart_id", "series", "record_id", "article_id"])
        texts.append(csv_bytes(words).decode("utf-8"))
        texts.append(charts.alt_text(charts.get_chart(loaded, chart.id, corpus), loaded, lang))
    texts.append(overview.article_lede(loaded, corpus, lang))  # the finding and the comparisons
    texts.append(overview.small_multiples_key(loaded, corpus, lang))
    names = overview.measure_names(corpus, lang)
    for comparison in overview.article_comparisons(loaded, corpus):
        texts += figure_text(charts.comparison_chart(comparison, lang, names[comparison.measure]))
    texts += [overview.figure_name(f, names, lang) for f in loaded.article.confirmed_figures]  # the tiles
    texts.append(overview.figures_table(loaded, lang, names).to_csv())
    if others:  # the surfaces of the Arabic-and-exports part (see the last test)
        texts.append(data_method.display_frame(data_method.provenance_frame(corpus, lang), lang).to_csv())
        texts += [overview.figure_name(f, names, lang) for f in loaded.article.confirmed_figures]  # figure_tiles
        texts.append(original_text.article_html(loaded, lang, None, names))  # the marks' titles
        for record in original_text.record_ids(loaded):  # the selector and its card
            texts += [original_text.record_label(loaded, record, lang, names),
                      original_text.card_html(loaded, record, lang, names)]
        texts += [data_pages.figure_said_html(loaded, f.id, lang, names) for f in loaded.article.figures]  # Returns
        texts += [data_method.note_concerns(n, lang, loaded.article.figures, names) for n in loaded.article.notes]
    texts += [data_pages.measure_label(corpus, m, lang) for m in corpus.measures]  # filters
    text = re.sub(r'href="[^"]*"', "", "\n".join(texts))  # a link's address may carry an id: it is no name
    return re.sub(r"original_text\?\S*", "", text)  # the tables' links to the sentence


def other_names(lang: str) -> set[str]:
    """The names the articles' figures on a measure give it, where they differ from its label."""
    measures = {m["id"]: m for m in yaml.safe_load((ROOT / "data" / "measures.yaml").read_text())["measures"]}
    names = set()
    for path in sorted((ROOT / "data" / "articles").glob("*.yaml")):
        for fig in yaml.safe_load(path.read_text(encoding="utf-8")).get("figures") or []:
            if fig.get("measure") in measures and fig["label"][lang] != measures[fig["measure"]]["label"][lang]:
                names.add(fig["label"][lang])
    return names


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_each_measure_has_one_name_on_every_surface(corpus, lang):
    text = surfaces(corpus, lang)
    for measure in corpus.measures.values():
        assert measure.label.get(lang) in text, measure.id
    assert other_names(lang), "the record's articles name some measures otherwise: the test has names to look for"
    for name in other_names(lang):
        assert name not in text, name
    for old in ("Land surveyed or cleared of mines", "Land surveyed,", "Land surveyed:"):
        assert old not in text
    ids = {m for m in corpus.measures if "_" in m}
    ids |= {f.id for a in corpus.articles for f in a.article.figures}
    for record_id in ids:
        assert record_id not in text, record_id


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_other_pages_name_each_measure_by_its_label_too(corpus, lang):
    text = surfaces(corpus, lang, others=True)
    for name in other_names(lang):
        assert name not in text, name
    assert "returned_to_karabakh_cumulative" not in text and "road_km" not in text
