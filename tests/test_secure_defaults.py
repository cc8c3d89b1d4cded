"""Secure defaults, each checked: XSRF protection on, usage statistics off, YAML read
safely, every page's own scripts running under the door's CSP, and nothing sent to any
host but the app's own, by the server or the browser, while every page is used in both
languages and charts are exported."""

from __future__ import annotations

import asyncio
import http.client
import json
import math
import re
import socket
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from newsdash.app.serve import stop
from newsdash.curation.draft import MAX_ARTICLE_BYTES
from newsdash.exports.static_export import EXPORT_PROXY_ENV, OFFLINE_PROXY
from newsdash.reading.i18n import t
from tests.app_walk import load_and_wait, walk_every_page
from tests.browser_pages import PAGES
from tests.conftest import ROOT, require_browser
from tests.csp_watch import csp_watching_context, violations, watched_tab
from tests.netwatch import RecordingProxy, requests_of, start_plain_app

CONFIG = ROOT / ".streamlit" / "config.toml"


def test_the_config_file_turns_on_protection_and_off_phoning_home():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is True
    assert config["browser"]["gatherUsageStats"] is False
    # a set server address stops Streamlit looking up the machine's external IP at start
    assert config["browser"]["serverAddress"] == "localhost"


def test_uploads_are_capped_at_what_the_add_article_page_accepts():
    """Streamlit's default is 200 MB, held in memory; the page takes 200 KB. The setting
    is in whole megabytes (MiB to Streamlit), so the smallest that fits is the cap."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == math.ceil(MAX_ARTICLE_BYTES / 2**20) == 1


def test_streamlit_reads_those_settings_as_the_app_runs_them():
    probe = ("import json; from streamlit import config; from streamlit.web.server import server_util;"
             "config.get_config_options(force_reparse=True);"
             "print(json.dumps({k: config.get_option(k) for k in ('browser.gatherUsageStats',"
             "'server.enableXsrfProtection', 'server.enableCORS')} | {'xsrf': server_util.is_xsrf_enabled()}))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    options = json.loads(result.stdout.strip().splitlines()[-1])
    assert options == {"browser.gatherUsageStats": False, "server.enableXsrfProtection": True,
                       "server.enableCORS": True, "xsrf": True}


UNSAFE_YAML = re.compile(r"yaml\.(load|load_all|full_load|unsafe_load|unsafe_load_all)\(|"
                         r"\b(Unsafe|Full)Loader\b|Loader=yaml\.Loader")


def test_no_code_reads_yaml_unsafely():
    sources = [*ROOT.glob("newsdash/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "dashboard.py"]
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in sources
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if UNSAFE_YAML.search(line)]
    assert offenders == []


# --- a running app --------------------------------------------------------------------

@pytest.fixture(scope="module")
def watched_app():
    """The app as configured (no flags but port and loopback). Its Python side's HTTP
    goes to one recording proxy; the Chromium kaleido starts is pinned to another,
    standing in for the closed port it uses in production."""
    require_browser()
    server_side, export_browser = RecordingProxy(), RecordingProxy()
    env = {**server_side.env(), EXPORT_PROXY_ENV: export_browser.url}
    proc, url = start_plain_app(env=env)
    yield url, server_side, export_browser
    stop(proc)
    server_side.close()
    export_browser.close()


@pytest.mark.browser
def test_an_upload_without_the_xsrf_token_is_refused(watched_app):
    url, *_ = watched_app
    request = urllib.request.Request(f"{url}/_stcore/upload_file/some-session/some-file", data=b"x", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def upload(url: str, size: int) -> int:
    """PUT `size` bytes as an open session's file upload, with the XSRF cookie and header
    a browser sends: the HTTP status."""
    from tests.wsclient import Session, run_async

    async def while_a_session_is_open() -> int:
        session = await Session.open(url)
        try:
            await session.run()
            return await asyncio.to_thread(put_upload, url, session.session_id, size)
        finally:
            await session.close()

    return run_async(while_a_session_is_open())


def put_upload(url: str, session_id: str, size: int) -> int:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as health:  # sets the XSRF cookie
        cookie = health.headers["Set-Cookie"].split(";")[0]
    boundary = "----upload"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + b"x" * size + f"\r\n--{boundary}--\r\n".encode()
    headers = {"Cookie": cookie, "X-Xsrftoken": cookie.split("=", 1)[1],
               "Content-Type": f"multipart/form-data; boundary={boundary}"}
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        try:
            connection.request("PUT", f"{parts.path}/_stcore/upload_file/{session_id}/file-1", body, headers)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a server refusing by Content-Length answers before the body is all sent
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.browser
def test_an_upload_larger_than_the_cap_is_refused_before_it_is_held(watched_app):
    url, *_ = watched_app
    assert upload(url, MAX_ARTICLE_BYTES) == 204  # what the page accepts gets through
    assert upload(url, 3 * 2**20) == 413  # Streamlit's default would have taken it


# the add-article uploader's button word, which a page script puts in the page's language
UPLOADER_WORD = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'


@dataclass
class Walk:
    """What one walk through every page in both languages saw (`walked`)."""

    shown: list[tuple[str, str]]  # (path, language) of each page, in order
    html_lang: dict[tuple[str, str], str]  # the language on <html> as each page was shown
    uploader_word: dict[str, str]  # the add-article uploader's button word, by language
    violations: dict[tuple[str, str], list[str]]  # CSP violations reported by then
    urls: list[str]  # every address the browser asked for
    foreign: list[str]  # those off this machine
    metric_values: int  # the unknown page's fallback: the overview's metrics drawn
    exceptions: int


@pytest.fixture(scope="module")
def walked(browser, watched_app) -> Walk:  # noqa: ANN001 - a Playwright Browser
    """Every page in both languages, clicked through in one tab (tests/app_walk.py) of a
    context that keeps the door's CSP (tests/csp_watch.py), the browser's requests
    recorded; then an unknown page's address opened. One walk for both questions: does
    every page's own script run under the CSP, and does anything leave the machine."""
    url, *_ = watched_app
    context = csp_watching_context(browser)
    tab = watched_tab(context)
    html_lang, uploader_word, seen = {}, {}, {}

    def note(path: str, lang: str) -> None:
        html_lang[path, lang] = tab.evaluate("document.documentElement.lang")  # the language script ran
        if path.endswith("/add_article"):
            uploader_word[lang] = tab.locator(UPLOADER_WORD).inner_text().strip()  # relabelled by a script
        seen[path, lang] = violations(tab)

    try:
        with requests_of(context) as request_log:
            shown = walk_every_page(tab, url, on_each=note)
            load_and_wait(tab, f"{url}/no_such_page?lang=ar")  # an unknown page falls back to the overview
        return Walk(shown, html_lang, uploader_word, seen, list(request_log.urls), request_log.foreign(),
                    tab.locator('[data-testid="stMetricValue"]').count(),
                    tab.locator('[data-testid="stException"]').count())
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_runs_its_scripts_with_no_csp_violation(walked: Walk, lang: str):
    """Each page's scripts come with its run, whether the page was loaded or reached by a
    link: the language on <html>, the uploader's word, and no violation on the way."""
    shown = [path for path, shown_lang in walked.shown if shown_lang == lang]
    assert len(shown) == len(PAGES)
    for path in shown:
        assert walked.html_lang[path, lang] == lang, path
        assert walked.violations[path, lang] == [], f"{path}: {walked.violations[path, lang]}"
    assert walked.uploader_word[lang] == t("add_choose_file", lang)


@pytest.mark.browser
def test_nothing_leaves_the_machine_while_every_page_is_used(walked: Walk, watched_app):
    """Neither the browser (every request of the walk) nor the server (its HTTP goes to
    the recording proxy) reaches any host but the app's own."""
    _, server_side, _ = watched_app
    assert len({path for path, _ in walked.shown}) >= 6
    assert {lang for _, lang in walked.shown} == {"en", "ar"}
    assert walked.exceptions == 0
    assert walked.metric_values >= 8
    assert walked.urls, "the request log recorded nothing: the test would prove nothing"
    assert walked.foreign == []
    assert any(u.startswith("ws://127.0.0.1") for u in walked.urls)  # the app's own websocket
    assert server_side.attempts == []


IMAGE_DOWNLOADS = {"download_png": b"\x89PNG\r\n\x1a\n", "download_svg": b"<svg", "download_pdf": b"%PDF-"}


@pytest.mark.browser
def test_nothing_leaves_the_machine_while_charts_are_exported(page, watched_app, tmp_path):
    """A chart's PNG, SVG and PDF from its download menu, each rendered with kaleido on
    the server: the press kit renders every chart the same way, through the same exporter
    (its contents are checked in tests/test_export.py).

    kaleido's page must ask for nothing (no MathJax, no plotly.js from a CDN). Chromium's
    own services do try Google and DuckDuckGo: in production they meet a closed port
    (static_export.OFFLINE_PROXY); here they are recorded, and must be only those."""
    url, server_side, export_browser = watched_app
    with requests_of(page.context) as request_log:
        load_and_wait(page, f"{url}/demining")
        assert page.locator('[data-testid="stException"]').count() == 0
        for key, starts in IMAGE_DOWNLOADS.items():
            page.locator('[data-testid="stPopover"] button').first.click()
            button = page.locator('[data-testid="stDownloadButton"] button', has_text=t(key, "en")).first
            button.wait_for(timeout=30_000)
            with page.expect_download(timeout=90_000) as download:
                button.click()
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)
            assert starts in saved.read_bytes()[:300], key
            page.keyboard.press("Escape")
    assert request_log.foreign() == []
    assert server_side.attempts == []
    print("Chromium's own attempts, sent to the dead proxy:", export_browser.attempts)
    asked = " ".join(export_browser.attempts).lower()
    for page_asset in ("mathjax", "plot.ly", "jsdelivr", "cdnjs", "unpkg", "fonts.g"):
        assert page_asset not in asked


def test_the_export_browser_proxy_is_a_closed_loopback_port():
    host, port = urlsplit(OFFLINE_PROXY).hostname, urlsplit(OFFLINE_PROXY).port
    assert host == "127.0.0.1"
    with pytest.raises(ConnectionRefusedError), socket.create_connection((host, port), timeout=2):
        pass
