"""The door in Chromium: Streamlit's frontend under the door's Content-Security-Policy (pages
draw their charts, no violation reported), and the attack of the issue: a page served on
another port of the same host, in a browser signed in to the dashboard, can neither open the
dashboard's websocket, nor read it, nor frame it."""

from __future__ import annotations

import http.server
import threading

import pytest

from newsdash.app.serve import free_port
from tests.conftest import STILL_PAGES
from tests.test_auth import PASSWORD

pytestmark = pytest.mark.browser

ATTACK_PAGE = """<!doctype html><html><body>
<iframe id="framed" src="{app}/add_article" width="600" height="400"></iframe>
<script>
window.results = {{}};
const ws = new WebSocket("{ws}/_stcore/stream", ["streamlit"]);
ws.binaryType = "arraybuffer";
let received = 0;
ws.onmessage = (e) => {{ received += e.data.byteLength || 0; window.results.received = received; }};
ws.onopen = () => {{ window.results.opened = true; }};
ws.onclose = (e) => {{ window.results.closed = e.code; }};
fetch("{app}/", {{credentials: "include"}}).then(r => r.text()).then(
  t => {{ window.results.read = t.length; }}, e => {{ window.results.read = "refused"; }});
</script></body></html>"""


def sign_in(page, url: str, path: str = "/demining?lang=en") -> None:  # noqa: ANN001
    page.goto(url + path)
    page.fill('input[type="password"]', PASSWORD)
    page.keyboard.press("Enter")


def test_the_frontend_draws_under_the_content_security_policy(browser, gated_url):
    context = browser.new_context(**STILL_PAGES)
    page = context.new_page()
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    sign_in(page, gated_url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=150_000)
    page.goto(f"{gated_url}/original_text?lang=ar")
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    page.wait_for_timeout(1500)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert violations == [], "\n".join(violations)
    context.close()


def test_a_page_on_another_port_cannot_reach_the_signed_in_dashboard(browser, gated_url):
    port = free_port()
    app_port = gated_url.rsplit(":", 1)[1]
    body = ATTACK_PAGE.format(app=gated_url, ws=gated_url.replace("http", "ws", 1)).encode()

    class Attacker(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # noqa: ANN002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Attacker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context(**STILL_PAGES)
        reader = context.new_page()
        sign_in(reader, gated_url)
        reader.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
        # the same browser, the same host name, another port: cookies of 127.0.0.1 go along
        evil = context.new_page()
        evil.goto(f"http://127.0.0.1:{port}/")
        evil.wait_for_function("window.results.closed !== undefined && window.results.read !== undefined",
                               timeout=30_000)
        results = evil.evaluate("window.results")
        assert not results.get("opened") and not results.get("received"), results
        assert results["read"] == "refused", results  # no CORS answer: the page cannot read it
        framed = next(f for f in evil.frames if f != evil.main_frame)
        assert framed.evaluate("() => document.querySelector('[data-testid=stApp]')") is None
        assert port != int(app_port)
        context.close()
    finally:
        server.shutdown()
