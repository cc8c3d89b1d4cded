"""Where each record lives in the dashboard, so every number links to its sentence
and every highlighted sentence links back to its chart."""

from __future__ import annotations

from newsdash.data.loading import LoadedArticle

ORIGINAL_PAGE = "pages/original_text.py"
TIMELINE_PAGE = "pages/timeline.py"
PAGE_OF_CATEGORY = {
    "demining": "pages/demining.py",
    "returns": "pages/returns.py",
    "conflict": TIMELINE_PAGE,
}


def sentence_link(record_id: str, lang: str, article_id: str | None = None) -> tuple[str, dict[str, str]]:
    """The Original text page, scrolled to and highlighting this record's quote; with
    `article_id`, in that article (a figure of another article on the record)."""
    params = _params(record_id, lang)
    if article_id:
        params["article"] = article_id
    return ORIGINAL_PAGE, params


def chart_link(loaded: LoadedArticle, record_id: str, lang: str) -> tuple[str, dict[str, str]]:
    """The page whose chart draws this figure or event, with it selected."""
    figure = next((f for f in loaded.article.figures if f.id == record_id), None)
    page = PAGE_OF_CATEGORY.get(figure.category, TIMELINE_PAGE) if figure else TIMELINE_PAGE
    return page, _params(record_id, lang)


def _params(record_id: str, lang: str) -> dict[str, str]:
    params = {"fig": record_id}
    if lang != "en":
        params["lang"] = lang
    return params
