"""Pages the dashboard serves beside Streamlit's own, as Starlette handlers: a chart's
standalone page (what an embed shows in an iframe) and the plotly.js it loads; and link
previews: the page a chat's crawler gets for a page's URL (title, description, image)
and the preview image.

No streamlit here: these are plain HTTP handlers, mounted in front of Streamlit's routes
by the app's entry (dashboard.py: `st.App(script, routes=..., middleware=...)` through
newsdash/app/door_asgi.py, the routes and the preview middleware inside the door). They read the same data folder
as the pages and build from the same pure views, per request, from the corpus the data
module keeps per file (an unchanged file is not read again). A wrong chart id, article or
filter is a 404 with one line, never a traceback. Where the dashboard is behind a
password, these routes are behind it too (the door classifies them as Kind.TRAVEL).
"""

from __future__ import annotations

import threading

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from newsdash import caches
from newsdash.app import door
from newsdash.app.url_state import parse_choice, parse_multi
from newsdash.errors import DataError
from newsdash.exports import embeds
from newsdash.exports.crawlers import is_link_preview_agent
from newsdash.reading.i18n import LANGS, t

# The handlers import the data layer, the chart builders and the exports when first called:
# this module is imported when the server starts (the door's routes, newsdash/app/door_asgi.py),
# and those imports would hold up its first answer by seconds.

# The chart page may be framed by the sites the newsroom names ([dashboard] embed_origins:
# that is what an embed is) but runs only its own script (by its hash) and plotly.js from
# this server, and fetches nothing else (newsdash.app.door.embed_page_policy).
CHART_PAGE_SCRIPT_HASHES = tuple(door.inline_script_hashes(f"<script>{embeds.CHART_PAGE_JS}</script>"))
CHART_PAGE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",  # the data may change: the browser asks again, the page is small
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def _not_found(what: str) -> Response:
    return PlainTextResponse(f"Not found: {what}", status_code=404, headers={"X-Content-Type-Options": "nosniff"})


def base_url(request: Request, route_suffix: str) -> str:
    """The dashboard's URL, worked out from this request's (the app may live under a base
    path, behind a proxy that sets the host): the request's URL without the route's part."""
    url = str(request.url.replace(query="", fragment=""))
    at = url.rfind(f"/{route_suffix}")
    return url[:at] if at >= 0 else url


def chart_page(request: Request) -> Response:
    """GET <base>/embed/chart/<chart id>?lang=ar&article=<id>&timeline_layers=…: the chart
    as its page draws it, standalone, reporting its height to an embedding page."""
    from newsdash.data.corpus import data_dir, load_corpus
    from newsdash.data.method import load_method
    from newsdash.exports.offline import figure_json
    from newsdash.views import charts as chart_views
    from newsdash.views.data_method import credit_line
    from newsdash.views.data_pages import DEFAULT_LAYERS

    lang = parse_choice("lang", request.query_params.get("lang"), LANGS, "en").value
    corpus = load_corpus(data_dir())
    loaded = corpus.article(request.query_params.get("article"))
    chart_id = request.path_params["chart_id"]
    if loaded is None or (request.query_params.get("article") not in (None, "", loaded.id)):
        return _not_found("article")
    try:
        chart = chart_views.get_chart(loaded, chart_id, corpus)
    except DataError:
        return _not_found("chart")
    filters = {}
    if chart.kind == "timeline":
        layers = parse_multi("timeline_layers", request.query_params.get("timeline_layers"),
                             chart_views.TIMELINE_LAYERS, DEFAULT_LAYERS)
        filters["layers"] = layers.value
    if chart_views.empty_message(loaded, corpus, chart.id, lang, **filters):
        return _not_found("nothing to draw")
    screen = chart_views.screen_chart(chart_views.build_chart(loaded, corpus, chart.id, lang, **filters),
                                      chart.kind, lang, copy=False)
    base = base_url(request, f"{embeds.CHART_ROUTE}/")
    params = {"lang": lang} if lang != "en" else {}
    if len(corpus.articles) > 1:
        params["article"] = loaded.id
    if chart.kind == "timeline" and "layers" in filters and list(filters["layers"]) != list(DEFAULT_LAYERS):
        params["timeline_layers"] = ",".join(filters["layers"])
    home = embeds.chart_home(corpus, loaded, chart)
    page = embeds.chart_page_html(
        figure_json(screen.figure), {**chart_views.plotly_config(chart, loaded, lang), "responsive": True},
        lang=lang, title=chart.title.get(lang), heading_html=screen.heading_html, footer_html=screen.footer_html,
        alt=chart_views.alt_text(chart, loaded, lang), credit=credit_line(load_method(data_dir())[0], lang),
        view_url=embeds.chart_view_url(base, home, params, chart.id),
        view_words=t("share_open_dashboard", lang),
        plotly_src="../plotly.min.js")
    policy = door.embed_page_policy(_embed_origins(), CHART_PAGE_SCRIPT_HASHES)
    return Response(page, media_type="text/html; charset=utf-8",
                    headers={**CHART_PAGE_HEADERS, "Content-Security-Policy": policy})


def _embed_origins() -> tuple[str, ...]:
    """The sites that may frame a chart: the door's configuration ([dashboard] embed_origins)."""
    from newsdash.app.door_asgi import current_config

    return current_config().embeds


def plotly_script(request: Request) -> Response:  # noqa: ARG001 - Starlette passes the request
    """GET <base>/embed/plotly.min.js: the plotly.js the plotly package ships, cached a day."""
    from newsdash.exports.offline import PLOTLY_JS

    return FileResponse(PLOTLY_JS, media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"})


# LINK PREVIEWS

PREVIEW_ROUTE = "preview"  # <base>/preview/preview-<lang>.png
_preview_lock = threading.Lock()
_preview_images: dict[tuple, bytes] = {}
caches.owns("app.public_routes:_preview_images", _preview_images.clear)


def preview_png(lang: str) -> bytes | None:
    """The preview image of the data as it is now, in a language: rendered once per state
    of the data (one Chromium render, about a second), None without a browser or a chart."""
    from newsdash.data.corpus import data_dir, load_corpus, state_digest
    from newsdash.data.method import load_method
    from newsdash.exports import previews
    from newsdash.exports.static_export import ExportUnavailable, shared_exporter

    folder = data_dir()
    key = (str(folder), state_digest(folder), lang)
    with _preview_lock:
        if key not in _preview_images:
            corpus = load_corpus(folder)
            loaded = corpus.article()
            figure = previews.preview_figure(corpus, loaded, load_method(folder)[0], lang) if loaded else None
            if figure is None:
                return None
            try:
                image = shared_exporter().render(figure, "png", 1)
            except ExportUnavailable:
                return None
            if len(_preview_images) >= 2 * len(LANGS):  # old states of the data
                _preview_images.clear()
            _preview_images[key] = image
        return _preview_images[key]


def preview_image(request: Request) -> Response:
    """GET <base>/preview/preview-<lang>.png."""
    from newsdash.exports import previews

    name = request.path_params["name"]
    lang = next((code for code in LANGS if name == previews.image_name(code)), None)
    image = preview_png(lang) if lang else None
    if image is None:
        return _not_found("preview image")
    return Response(image, media_type="image/png", headers={"Cache-Control": "public, max-age=3600",
                                                            "X-Content-Type-Options": "nosniff"})


def preview_page(request: Request, base_path: str = "") -> Response | None:
    """A crawler's GET of a page: the page's title, description and image as Open Graph
    and Twitter tags; None for anything else (a reader, another path), which Streamlit serves."""
    from newsdash.data.corpus import data_dir, load_corpus
    from newsdash.exports import previews

    if request.method != "GET" or not previews.is_link_preview_agent(request.headers.get("user-agent")):
        return None
    path = request.url.path
    base = "/" + base_path.strip("/") if base_path.strip("/") else ""
    if base and not (path == base or path.startswith(base + "/")):
        return None
    key = previews.page_key(path[len(base):])
    if key is None:
        return None
    lang = parse_choice("lang", request.query_params.get("lang"), LANGS, "en").value
    corpus = load_corpus(data_dir())
    loaded = corpus.article(request.query_params.get("article"))
    root = str(request.url.replace(path=base + "/", query="", fragment=""))
    page = previews.preview_html(previews.page_preview(loaded, key, lang), str(request.url),
                                 f"{root}{PREVIEW_ROUTE}/{previews.image_name(lang)}")
    return Response(page, media_type="text/html; charset=utf-8",
                    headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
                             "Content-Security-Policy": door.PREVIEW_PAGE_POLICY})


class LinkPreviewMiddleware:
    """ASGI middleware in front of Streamlit: a link-preview crawler's GET of a page gets
    preview_page; every other request goes on to the app unchanged."""

    def __init__(self, app, base_path: str = "") -> None:  # noqa: ANN001 - an ASGI app
        self.app = app
        self.base_path = base_path

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] == "http" and scope.get("method") == "GET":
            from starlette.concurrency import run_in_threadpool

            request = Request(scope, receive)
            if is_link_preview_agent(request.headers.get("user-agent")):
                response = await run_in_threadpool(preview_page, request, self.base_path)
                if response is not None:
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def routes(base_path: str = "") -> list[Route]:
    """The routes to mount, under the app's base path ('' or '/news/dash')."""
    base = "/" + base_path.strip("/") if base_path.strip("/") else ""
    return [
        Route(f"{base}/{embeds.CHART_ROUTE}/{{chart_id}}", chart_page, methods=["GET"]),
        Route(f"{base}/{embeds.PLOTLY_ROUTE}", plotly_script, methods=["GET"]),
        Route(f"{base}/{PREVIEW_ROUTE}/{{name}}", preview_image, methods=["GET"]),
    ]


ROUTES = routes()
