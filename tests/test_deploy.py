"""deploy/: the nginx configuration, run for real. nginx (Debian's package, installed
when missing and we are root) in front of two app processes on loopback sharing one
password, the app under /newsdash/, driven in headless Chromium: the reader's process is
stopped, the page reconnects to the other, the first comes back, and the reader's
download and reload still reach the process that holds their session (a cookie names it).

Everything runs on 127.0.0.1 with free ports, and nginx keeps its pid, logs and temp
files in the test's own folder. Runs in CI (`CI=true`), where a missing nginx fails.
"""

from __future__ import annotations

import re
import secrets
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from newsdash.app.serve import stop
from tests.conftest import ROOT
from tests.nginx_stack import BASE, PASSWORD, SITE, Stack

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

def wait_until_both_serve(stack: Stack, timeout: float = 20) -> None:
    """Until nginx sends each cookie to its own process again: after the failover test
    (whichever order the tests run in) nginx keeps a restarted process aside for its
    fail_timeout (10 s in deploy/nginx-newsdash.conf), as it should."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(probe(stack, f"newsdash_replica={name}")[1] == stack.port_named(name) for name in "ab"):
            return
        time.sleep(0.5)
    raise AssertionError(f"nginx does not send each cookie to its process:\n{stack.diagnosis()}")


def probe(stack: Stack, cookie: str | None = None) -> tuple[int, int, str | None]:
    """One plain request through nginx: (status, app port that answered, Set-Cookie)."""
    tag = f"probe={secrets.token_hex(6)}"
    request = urllib.request.Request(f"{stack.url}_stcore/health?{tag}")
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=10) as response:
        ours = [c for c in response.headers.get_all("Set-Cookie") or [] if c.startswith("newsdash_replica=")]
    set_cookie = ours[0] if len(ours) == 1 else None
    status, port = stack.answered(tag)
    return status, port, set_cookie


def sign_in(page) -> None:
    """Fill the door's password form (once per browser: its cookie holds on both replicas)."""
    page.locator('input[type="password"]').fill(PASSWORD, timeout=60_000)
    page.get_by_role("button", name="Sign in").click()


def wait_for_charts(page) -> None:
    # a chart's first build on a busy CI machine can pass a minute: wait, not assert
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=150_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def replica_cookie(page) -> dict:
    [cookie] = [c for c in page.context.cookies() if c["name"] == "newsdash_replica"]
    return cookie


class TestBehindNginx:
    """One nginx and two app processes for both tests."""

    def test_first_visits_spread_and_each_client_then_sticks(self, stack):
        """Two clients from one address (one office behind NAT, one /24) are not forced onto
        one process; each then stays where its cookie points."""
        wait_until_both_serve(stack)
        visits = [probe(stack), probe(stack)]
        assert [status for status, _, _ in visits] == [200, 200]
        assert {port for _, port, _ in visits} == set(stack.ports)
        for _status, port, set_cookie in visits:
            value, *flags = [part.strip() for part in set_cookie.split(";")]
            replica = value.removeprefix("newsdash_replica=")
            assert stack.port_named(replica) == port  # the cookie names the process that answered
            assert set(flags) == {"Path=/", "HttpOnly", "SameSite=Lax"}  # no Secure over plain http
            answers = [probe(stack, value)[1] for _ in range(3)]
            assert answers == [port] * 3, stack.diagnosis()

    def test_a_reader_stays_with_their_session_after_failover_and_restart(self, page, stack):
        """Kill the reader's process, the page reconnects to the other; bring the first one
        back: the reader's download and reload still go where their session lives."""
        sockets = []
        page.on("websocket", lambda ws: sockets.append(ws.url))
        page.goto(f"{stack.url}demining")
        sign_in(page)
        wait_for_charts(page)
        assert any(s.startswith(f"{stack.url.replace('http', 'ws')}_stcore/stream") for s in sockets)  # through nginx
        cookie = replica_cookie(page)
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
        first = stack.port_named(cookie["value"])
        [second] = [port for port in stack.ports if port != first]

        stop(stack.apps[first])
        # the page reconnects by itself to the other process; the websocket upgrade's answer
        # moves the cookie there
        deadline = time.monotonic() + 30
        while replica_cookie(page)["value"] != stack.name_of(second):
            assert time.monotonic() < deadline, "the page did not reconnect to the other process"
            page.wait_for_timeout(200)
        # the session there is new, the browser's sign-in is not: the other replica reads the
        # same signed cookie, and the page draws again without asking for the password (a
        # rerun, key R, pressed again if the page had not taken in the new session yet)
        for _attempt in range(6):
            page.locator("body").press("r")
            try:
                page.wait_for_selector('[data-testid="stStatusWidget"]', timeout=5_000)  # running
                break
            except PlaywrightTimeout:
                continue
        wait_for_charts(page)
        assert page.locator('input[type="password"]').count() == 0

        stack.start(first)
        # nginx retries a failed process after its fail_timeout: wait until new visitors reach it
        deadline = time.monotonic() + 30
        while probe(stack)[1] != first:
            assert time.monotonic() < deadline, "nginx never sent a request to the restarted process"
            time.sleep(0.5)

        csv_button = page.locator('[data-testid="stDownloadButton"] button', has_text="(CSV)").first
        # Opening the menu reruns its fragment. Once, on a loaded machine (three test
        # processes on two cores), that first opening after the failover and restart showed
        # no buttons in 30 s: the menu is closed and opened again if they are not there in 15.
        for _attempt in range(2):
            page.locator('[data-testid="stPopover"] button').first.click()
            try:
                csv_button.wait_for(timeout=15_000)
                break
            except PlaywrightTimeout:
                page.keyboard.press("Escape")
        with page.expect_download(timeout=30_000) as download_info:
            csv_button.click()
        assert download_info.value.failure() is None
        assert stack.answered(f"/{BASE}/media/") == (200, second)  # where the session lives, not a 404
        csv_text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
        assert csv_text.splitlines()[0].startswith("chart_id,") and ",2320," in csv_text  # the first chart: hectares

        # a reload starts a new Streamlit session, which the survivor lets in (the browser's
        # sign-in cookie); the page and its websocket stay with the process of the cookie
        before_reload = stack.logged()
        page.reload()
        wait_for_charts(page)
        assert page.locator('input[type="password"]').count() == 0
        assert stack.answered(f"/{BASE}/demining", since=before_reload) == (200, second)
        assert stack.ports_since(before_reload) == {second}
        assert replica_cookie(page)["value"] == stack.name_of(second)


def test_the_site_file_keeps_what_the_dashboard_needs():
    """What a later edit must not lose: websocket upgrade, sticky sessions that follow a
    cookie (set by every answer, the websocket upgrade too), sub-path."""
    text = SITE.read_text(encoding="utf-8")
    pages = text[text.index("location /newsdash/ {"):text.index("location /newsdash/_stcore/stream")]
    stream = text[text.index("location /newsdash/_stcore/stream"):]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $newsdash_connection;" in stream
    for location in (pages, stream):
        assert "proxy_pass http://$newsdash_backend;" in location
        assert "add_header Set-Cookie $newsdash_sticky_cookie always;" in location
    assert "map $cookie_newsdash_replica $newsdash_backend {" in text
    assert "Path=/; HttpOnly; SameSite=Lax" in text
    assert not re.search(r"^\s*ip_hash;", text, re.MULTILINE)  # it puts a whole /24 on one process
    run_app = (ROOT / "deploy" / "run-app.sh").read_text(encoding="utf-8")
    assert "--server.baseUrlPath newsdash" in run_app and "--server.address 127.0.0.1" in run_app


def test_nginx_is_stopped_afterwards(tmp_path_factory: pytest.TempPathFactory):
    """No nginx started by these tests outlives them (each ran in the foreground). Only this
    test process's own: the other one may be running its nginx at this moment."""
    time.sleep(0.5)
    ours = f"nginx -p {tmp_path_factory.getbasetemp()}/"
    leftover = subprocess.run(["pgrep", "-f", ours], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""
