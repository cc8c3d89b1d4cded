"""What the door cannot see from a request (newsdash/app/guard.py): which session a /media
file or a deferred download belongs to, and uvicorn's server header; the patches checked
against the Streamlit and uvicorn they were written for; downloads in a browser."""

from __future__ import annotations

import inspect
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import streamlit

from newsdash.app import auth, guard
from tests.conftest import STILL_PAGES, start_app
from tests.nginx_stack import PASSWORD as DEPLOY_PASSWORD
from tests.test_auth import ENCODED, PASSWORD
from tests.wsclient import run_async


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def doors(monkeypatch):
    """A fresh Doors in place of the process's one, with a clock the test moves."""
    fresh = guard.Doors(clock=Clock(), alive=lambda session: session != "closed")
    monkeypatch.setattr(guard, "DOORS", fresh)
    return fresh


# --- the Streamlit these patches were written for ----------------------------------------

def test_streamlit_is_the_version_the_patches_were_checked_on():
    """On an upgrade: read each patched internal again (see guard.py), then raise CHECKED_ON."""
    import uvicorn

    assert streamlit.__version__ == guard.CHECKED_ON
    assert uvicorn.__version__ == guard.UVICORN_CHECKED_ON


def test_streamlit_still_routes_each_door_through_the_patched_place():
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.web.server.starlette import starlette_routes

    for patched in (MediaFileManager.add, DeferredFileHandler.handle):
        assert getattr(patched, "guarded", False), patched
    assert starlette_routes._ROUTE_MEDIA == "media/{file_id:path}"
    assert "media_storage.get_file(file_id)" in inspect.getsource(starlette_routes.create_media_routes)
    # a deferred download's placeholder remembers its session under this name
    assert '"session_id": session_id' in inspect.getsource(MediaFileManager.add_deferred)


def test_uvicorn_encodes_its_server_header_before_it_imports_the_app():
    """quiet_server_header rests on this order in Config.load (and on the server's loop
    copying config.encoded_headers into every answer)."""
    from uvicorn.config import Config
    from uvicorn.server import Server

    load = inspect.getsource(Config.load)
    assert load.index("self.encoded_headers") < load.index("self.loaded_app = self.load_app()")
    assert "self.config.encoded_headers" in inspect.getsource(Server.on_tick)


def test_the_server_header_is_turned_off_on_the_config_that_imports_the_app():
    from uvicorn.config import Config

    config = Config(app="x:y")
    config.encoded_headers = [(b"server", b"uvicorn"), (b"x-other", b"1")]

    def load(self) -> bool:  # noqa: ANN001 - stands for Config.load importing the app
        return guard.quiet_server_header()

    assert load(config) and config.encoded_headers == [(b"x-other", b"1")] and not config.server_header
    assert not guard.quiet_server_header()  # outside uvicorn: nothing to do


def test_uvicorn_takes_x_forwarded_for_only_from_loopback_and_its_last_untrusted_entry():
    """What the brake's address rests on behind deploy/'s nginx."""
    from uvicorn.config import Config
    from uvicorn.middleware.proxy_headers import _TrustedHosts

    trusted = _TrustedHosts(Config(app=None).forwarded_allow_ips)
    assert "127.0.0.1" in trusted and "::1" in trusted and "203.0.113.9" not in trusted
    # nginx appends the real client to what the client claimed: the claim is ignored
    assert trusted.get_trusted_client_address("198.51.100.1, 203.0.113.9")[0] == "203.0.113.9"


# --- media files ----------------------------------------------------------------------

def test_a_download_answers_only_the_signed_in_browser_that_asked_and_only_briefly(doors):
    doors.note_run("reader", "cookie-1")
    doors.note_run("stranger", "cookie-2")
    doors.grant("f1", "reader", guard.DOWNLOAD_SECONDS)
    assert doors.may_fetch("f1", "cookie-1", gated=True)
    assert not doors.may_fetch("f1", None, gated=True)  # no cookie
    assert not doors.may_fetch("f1", "cookie-2", gated=True)  # another browser, signed in
    assert not doors.may_fetch("f2", "cookie-1", gated=True)  # a file nobody was granted
    doors.clock.now += guard.DOWNLOAD_SECONDS + 1
    assert not doors.may_fetch("f1", "cookie-1", gated=True)  # expired


def test_a_download_stops_answering_when_its_session_closes_or_its_browser_signs_in_anew(doors):
    doors.note_run("closed", "cookie-1")
    doors.grant("f2", "closed", 60)
    assert not doors.may_fetch("f2", "cookie-1", gated=True)
    doors.note_run("reader", "cookie-1")
    doors.grant("f3", "reader", 60)
    doors.note_run("reader", "cookie-9")  # the session's browser now sends another cookie
    assert not doors.may_fetch("f3", "cookie-1", gated=True)


def test_without_a_sign_in_links_still_expire(doors):
    doors.note_run("reader", None)
    doors.grant("f1", "reader", guard.DOWNLOAD_SECONDS)
    assert doors.may_fetch("f1", None, gated=False)
    doors.clock.now += guard.DOWNLOAD_SECONDS + 1
    assert not doors.may_fetch("f1", None, gated=False)


def test_grants_are_forgotten_when_they_expire_so_memory_stays_bounded(doors):
    doors.note_run("reader", None)
    for i in range(2000):
        doors.grant(f"f{i}", "reader", 10)
        doors.clock.now += 1
    assert len(doors._grants) <= 512 + 10


def test_download_seconds_from_the_environment_are_bounded():
    assert guard._download_seconds({}) == 60
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "8"}) == 8
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "0"}) == 1
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "1e9"}) == 3600
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "soon"}) == 60
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "nan"}) == 60  # never "forever"
    assert guard._download_seconds({guard.DOWNLOAD_ENV: "inf"}) == 60


def test_the_brakes_spacing_from_the_environment_is_bounded():
    from pathlib import Path as P

    from newsdash.app import door

    def spacing(value: str | None) -> float:
        environ = {} if value is None else {auth.SPACING_ENV: value}
        return door.config_from(None, environ, base_option="", server_address=None, data_dir=P("/d")).spacing

    assert spacing(None) == 10.0  # 6 checks a minute per account
    assert spacing("2") == 2.0
    assert spacing("0") == 1.0  # never without a brake
    assert spacing("1e9") == 600.0
    assert spacing("inf") == 10.0
    assert spacing("often") == 10.0


# --- deferred downloads ---------------------------------------------------------------

class FakeMediaFiles:
    """Streamlit's MediaFileManager as DeferredFileHandler sees it: one placeholder of A's."""

    def __init__(self) -> None:
        self._deferred_callables = {"placeholder": {"session_id": "A"}}
        self.ran = 0

    def execute_deferred(self, file_id: str) -> str:
        self.ran += 1
        return "/media/0a1b2c.csv"


def deferred_request(file_id: str):  # noqa: ANN201
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    msg.backend_operation_request.request_id = "r1"
    msg.backend_operation_request.deferred_file.file_id = file_id
    return msg.backend_operation_request


def test_a_deferred_download_runs_only_for_its_own_signed_in_session(doors):
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler

    media = FakeMediaFiles()
    handler = DeferredFileHandler(lambda: media)
    doors.note_run("A", "cookie-a")
    doors.note_run("B", "cookie-b")
    refused = run_async(handler.handle(deferred_request("placeholder"), "B"))
    assert refused.error_msg and media.ran == 0  # B knows A's placeholder id: nothing runs
    assert not run_async(handler.handle(deferred_request("unknown"), "A")).deferred_file.url
    served = run_async(handler.handle(deferred_request("placeholder"), "A"))
    assert served.deferred_file.url == "/media/0a1b2c.csv" and media.ran == 1
    assert doors.may_fetch("0a1b2c", "cookie-a", gated=True) and not doors.may_fetch("0a1b2c", "cookie-b", gated=True)


# --- in a browser -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def gated_app_short_links():
    """A gated app whose clicked downloads answer 8 s."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(auth.ENV_VAR, ENCODED)
        patch.setenv(guard.DOWNLOAD_ENV, "8")
        proc, url = start_app()
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def fetch_status(url: str, headers: dict | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def download_a_chart_csv(page, url: str, password: str = PASSWORD):  # noqa: ANN001, ANN201 - playwright Download
    """Sign in on the demining page and download its first chart's CSV."""
    page.goto(f"{url}/demining?lang=en")  # the door's form first
    page.fill('input[type="password"]', password)
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=150_000)
    page.locator('[data-testid="stPopover"] button').first.click()
    csv_button = page.locator('[data-testid="stDownloadButton"] button', has_text="(CSV)").first
    csv_button.wait_for(timeout=30_000)
    with page.expect_download(timeout=60_000) as download_info:
        csv_button.click()
    return download_info.value


@pytest.mark.browser
def test_a_downloaded_csv_answers_only_its_signed_in_browser_and_briefly(browser, gated_app_short_links):
    url = gated_app_short_links
    reader = browser.new_context(**STILL_PAGES, accept_downloads=True)
    page = reader.new_page()
    download = download_a_chart_csv(page, url)
    clicked = time.monotonic()
    assert "/media/" in download.url and download.suggested_filename.endswith(".csv")
    content = Path(download.path()).read_bytes()
    assert content.startswith("\ufeffchart_id,record_id".encode())
    assert b"\nhectares," in content  # the chart's own rows (the first measure of data/measures.yaml)

    again = reader.request.get(download.url)  # the same browser, its cookies: still there
    assert again.status == 200 and again.body() == content
    assert fetch_status(download.url) == 403  # no cookie
    stranger = browser.new_context(**STILL_PAGES)
    stranger_page = stranger.new_page()
    stranger_page.goto(url)
    stranger_page.wait_for_selector('input[type="password"]', timeout=60_000)
    assert stranger.request.get(download.url).status == 403  # a browser without a sign-in
    other = browser.new_context(**STILL_PAGES)  # another browser, signed in: not its session's file
    other_page = other.new_page()
    other_page.goto(f"{url}/?lang=en")
    other_page.fill('input[type="password"]', PASSWORD)
    other_page.keyboard.press("Enter")
    other_page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    assert other.request.get(download.url).status == 404
    other.close()
    time.sleep(max(0.0, clicked + 8.5 - time.monotonic()))
    assert reader.request.get(download.url).status == 404  # expired, though still signed in
    stranger.close()
    reader.close()


@pytest.mark.browser
def test_behind_nginx_a_signed_in_download_works_and_nothing_else_answers(browser, request):
    """deploy/nginx-newsdash.conf with two app processes: the cookie reaches the app."""
    url = request.getfixturevalue("stack").url.rstrip("/")  # test_deploy's, started with the password set
    reader = browser.new_context(**STILL_PAGES, accept_downloads=True)
    download = download_a_chart_csv(reader.new_page(), url, DEPLOY_PASSWORD)
    assert download.url.startswith(f"{url}/media/")
    assert reader.request.get(download.url).status == 200
    assert fetch_status(download.url) == 403
    assert fetch_status(download.url, {"X-Forwarded-For": "127.0.0.1"}) == 403
    assert fetch_status(f"{url}/_stcore/metrics") == 404
    reader.close()
