"""Sharing one chart: a link to that view (its page, its filters, an anchor to the chart),
a responsive embed code for a CMS, and the chart's own standalone page that the embed
shows in an iframe.

The standalone page posts its height to the page around it (postMessage) whenever its
content changes size; the embed code's small script sets the iframe to that height, so
the chart is never cut and never leaves a gap, at any width. Pure: every URL is built
from a base URL given by the caller, every text escaped here.
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlencode

from newsdash.exports.screen_theme import RECOLOUR_JS, SCREEN_CSS
from newsdash.views.page_links import page_url

CHART_ROUTE = "embed/chart"  # <base>/embed/chart/<chart id>?lang=…: the standalone page
PLOTLY_ROUTE = "embed/plotly.min.js"  # plotly.js as the plotly package ships it
HEIGHT_MESSAGE = "newsdash:height"
DEFAULT_EMBED_HEIGHT = 620  # px, until the chart says its height


def _base(base_url: str) -> str:
    return base_url.rstrip("/")


def chart_anchor(chart_id: str) -> str:
    """The id of a chart's place on its page: '#chart-<chart id>' links to it."""
    return f"chart-{chart_id}"


def chart_view_url(base_url: str, page: str, params: dict[str, str], chart_id: str) -> str:
    """'https://host/base/timeline?lang=ar&timeline_layers=…#chart-<id>': the page as the
    reader sees it, with its filters, scrolled to the chart."""
    return f"{_base(base_url)}/{page_url(page, params)}#{chart_anchor(chart_id)}"


def chart_page_url(base_url: str, chart_id: str, params: dict[str, str]) -> str:
    """The chart's standalone page: '<base>/embed/chart/<id>?lang=ar&article=…'."""
    query = urlencode(params)
    return f"{_base(base_url)}/{CHART_ROUTE}/{chart_id}" + (f"?{query}" if query else "")


# The listener the embed code carries: only a message from this very iframe, from the
# dashboard's origin, with a sane height, changes it. No '<' inside.
_LISTENER_JS = """(function () {
  window.addEventListener('message', function (event) {
    var said = event.data;
    if (!said || said.type !== 'MESSAGE' || typeof said.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-newsdash-embed]');
    for (var i = 0; i !== frames.length; i += 1) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = Math.max(120, Math.min(Math.ceil(said.height), 5000)) + 'px';
    }
  });
})();""".replace("MESSAGE", HEIGHT_MESSAGE)


def embed_code(chart_page: str, title: str, height: int = DEFAULT_EMBED_HEIGHT) -> str:
    """An HTML snippet for a CMS: a full-width iframe of the chart's standalone page and
    the script that sets its height to the chart's (the page tells it, by postMessage)."""
    return (f'<iframe src="{html.escape(chart_page)}" title="{html.escape(title)}" data-newsdash-embed '
            f'style="width:100%;height:{int(height)}px;border:0;display:block" loading="lazy"></iframe>\n'
            f"<script>{_LISTENER_JS}</script>")


# The standalone page's own script: draw the chart (in the reader's colour scheme) and tell
# the page around it its height, now and whenever it changes. No '<' inside.
CHART_PAGE_JS = RECOLOUR_JS + """
(function () {
  var figure = JSON.parse(document.getElementById('nd-figure').textContent);
  var config = JSON.parse(document.getElementById('nd-config').textContent);
  var plot = document.getElementById('nd-plot');
  function draw() { var themed = ndThemed(figure); Plotly.react(plot, themed.data, themed.layout, config); }
  function tell() {
    if (window.parent === window) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({type: 'MESSAGE', height: height}, '*');
  }
  draw();
  if (window.ResizeObserver) new ResizeObserver(tell).observe(document.body);
  window.addEventListener('load', tell);
  if (window.matchMedia) window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
  tell();
})();
""".replace("MESSAGE", HEIGHT_MESSAGE)

_CHART_PAGE_CSS = SCREEN_CSS + """
html, body { margin: 0; background: var(--nd-bg); color: var(--nd-ink); font: 15px/1.5 "Noto Sans", Arial, sans-serif; }
body { padding: .5rem .75rem; }
[lang="ar"] { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', serif; }
a { color: var(--nd-link); }
#nd-plot { width: 100%; direction: ltr; }
.chart-words p { color: var(--nd-ink) !important; }
.chart-words p[style*="0.875rem"] { color: var(--nd-muted) !important; }
.nd-credit { font-size: .8rem; color: var(--nd-muted); margin: .4rem 0 0; }
"""


def _script_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def chart_page_html(figure_json: dict, config: dict, *, lang: str, title: str, heading_html: str,  # noqa: PLR0913
                    footer_html: str, alt: str, credit: str, view_url: str, view_words: str,
                    plotly_src: str) -> str:
    """The chart alone on a page, as its dashboard page shows it (the words as HTML that
    wraps, the plot), with the credit, a link to the chart in the dashboard, and the
    script that reports its height. `heading_html` and `footer_html` come escaped from
    the views (newsdash.views.charts.screen_chart); every other text is escaped here."""
    direction = "rtl" if lang == "ar" else "ltr"
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="color-scheme" content="light dark">\n<meta name="robots" content="noindex">\n',
        f"<title>{html.escape(title)}</title>\n<style>{_CHART_PAGE_CSS}</style>\n",
        f'<script src="{html.escape(plotly_src)}"></script>\n</head>\n<body>\n',
        f"<figure style=\"margin:0\">{heading_html}",
        f'<div id="nd-plot" role="img" aria-label="{html.escape(alt)}"></div>{footer_html}',
        f'<p class="nd-credit">{html.escape(credit)} · <a href="{html.escape(view_url)}" target="_blank" '
        f'rel="noopener">{html.escape(view_words)}</a></p></figure>\n',
        f'<script type="application/json" id="nd-figure">{_script_json(figure_json)}</script>\n',
        f'<script type="application/json" id="nd-config">{_script_json(config)}</script>\n',
        f"<script>{CHART_PAGE_JS}</script>\n</body>\n</html>\n",
    ])


def chart_home(corpus, loaded, chart) -> str:  # noqa: ANN001 - Corpus, LoadedArticle, Chart
    """The dashboard page that draws this chart ('pages/demining.py'): a measure's by its
    category, an article's own by its first figure, a timeline on the timeline page."""
    from newsdash.views.links import PAGE_OF_CATEGORY, TIMELINE_PAGE, chart_link

    measure = corpus.measures.get(chart.id)
    if measure is not None:
        return PAGE_OF_CATEGORY.get(measure.category, TIMELINE_PAGE)
    if chart.figures:
        return chart_link(loaded, chart.figures[0], "en")[0]
    return TIMELINE_PAGE
