"""Link previews: what a chat or a social site shows for a link to the dashboard, the
page's title, a one-line description and an image, as Open Graph and Twitter card tags.

Streamlit answers every page's URL with the same index.html (titled "Streamlit", no
image); the app answers a link-preview crawler's GET with the small page made here
(newsdash.app.public_routes). The words come from the same views as the pages, in the
page's language; the image is the story's first chart as the exports draw it (title,
source line, caveat, credit), at the 1200 x 630 px the previews use, rendered once per
state of the data and language. Pure: every text escaped here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import plotly.graph_objects as go

from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.data.method import Method
from newsdash.exports.crawlers import PREVIEW_AGENTS, is_link_preview_agent  # noqa: F401 - where they were
from newsdash.reading.formatting import format_date, format_number
from newsdash.reading.i18n import t
from newsdash.views import data_pages
from newsdash.views.chart_layout import ExportWords
from newsdash.views.charts import build_chart
from newsdash.views.data_method import credit_line
from newsdash.views.links import PAGE_OF_CATEGORY, TIMELINE_PAGE

IMAGE_WIDTH, IMAGE_HEIGHT = 1200, 630  # px: what Open Graph and Twitter's large card show
DESCRIPTION_CHARACTERS = 200  # a chat shows one or two lines
# a page's URL path (as st.Page names it) -> its title key; '' is the default page
PAGES = {
    "": "page_overview", "overview": "page_overview", "demining": "page_demining", "returns": "page_returns",
    "timeline": "page_timeline", "original_text": "page_original", "data_method": "page_method",
}
INTRO_OF_PAGE = {"page_demining": "demining_intro", "page_returns": "returns_intro",
                 "page_timeline": "timeline_intro", "page_original": "original_intro", "page_method": "method_intro"}
# the link-preview crawlers of the chats and sites a newsroom shares to (lower case)


@dataclass(frozen=True)
class Preview:
    title: str
    description: str
    lang: str


def page_key(path: str) -> str | None:
    """The title key of the page at this URL path (without the base path), None if unknown."""
    return PAGES.get(path.strip("/").split("/")[-1] if path.strip("/") else "")


def _one_line(text: str, limit: int = DESCRIPTION_CHARACTERS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_preview(loaded: LoadedArticle | None, key: str, lang: str) -> Preview:
    """The title ('Demining progress · <the article's headline>') and a one-line description
    of a page: the Overview says whose figures they are; another page what it shows."""
    if loaded is None:
        return Preview(t("app_title", lang), t("no_articles", lang), lang)
    info = loaded.article.article
    headline = info.title.get(lang)
    if key == "page_overview":
        description = t("preview_description", lang).format(
            count=format_number(len(loaded.article.confirmed_figures), lang), speaker=info.speaker.name.get(lang),
            outlet=info.outlet.get(lang), date=format_date(info.published, lang))
        return Preview(_one_line(headline, 120), _one_line(description), lang)
    return Preview(_one_line(f"{t(key, lang)} · {headline}", 120), _one_line(t(INTRO_OF_PAGE[key], lang)), lang)


def preview_html(preview: Preview, page_url: str, image_url: str) -> str:
    """The small page a link-preview crawler gets: Open Graph and Twitter card tags, and a
    link to the page for anything that follows it."""
    title, description = html.escape(preview.title), html.escape(preview.description)
    locale = "ar_AR" if preview.lang == "ar" else "en_GB"
    direction = "rtl" if preview.lang == "ar" else "ltr"
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{preview.lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n',
        f"<title>{title}</title>\n",
        f'<meta name="description" content="{description}">\n',
        '<meta property="og:type" content="website">\n',
        f'<meta property="og:title" content="{title}">\n',
        f'<meta property="og:description" content="{description}">\n',
        f'<meta property="og:url" content="{html.escape(page_url)}">\n',
        f'<meta property="og:image" content="{html.escape(image_url)}">\n',
        '<meta property="og:image:type" content="image/png">\n',
        f'<meta property="og:image:width" content="{IMAGE_WIDTH}">\n',
        f'<meta property="og:image:height" content="{IMAGE_HEIGHT}">\n',
        f'<meta property="og:image:alt" content="{title}">\n',
        f'<meta property="og:locale" content="{locale}">\n',
        '<meta name="twitter:card" content="summary_large_image">\n',
        f'<meta name="twitter:title" content="{title}">\n',
        f'<meta name="twitter:description" content="{description}">\n',
        f'<meta name="twitter:image" content="{html.escape(image_url)}">\n',
        f'</head>\n<body>\n<h1>{title}</h1>\n<p>{description}</p>\n'
        f'<p><a href="{html.escape(page_url)}">{html.escape(page_url)}</a></p>\n</body>\n</html>\n',
    ])


def preview_figure(corpus: Corpus, loaded: LoadedArticle, method: Method | None, lang: str) -> go.Figure | None:
    """The story's first chart as a download draws it (with its title, source, caveat and
    credit), at the preview's size; None when no chart has anything to draw."""
    for category, page in PAGE_OF_CATEGORY.items():
        if page == TIMELINE_PAGE:
            continue
        for chart in data_pages.page_charts(corpus, loaded, category):
            fig = build_chart(loaded, corpus, chart.id, lang, export=ExportWords(credit=credit_line(method, lang)))
            fig.update_layout(width=IMAGE_WIDTH, height=IMAGE_HEIGHT, autosize=False)
            return fig
    return None


def image_name(lang: str) -> str:
    return f"preview-{lang}.png"
