"""Sign-in with the newsroom's own accounts, end to end: headless Chromium, the dashboard
under `streamlit run` (the project's launcher) with an [auth] section, and the tests' own
OpenID provider on loopback (tests/oidc_provider.py), which Streamlit's st.login talks to
over HTTP. An editor, a reader, an outsider, sign-out and expiry.

The server runs the project's own dashboard.py: the door in front of Streamlit takes the
provider's sign-in as its identity source (newsdash/app/door_oidc.py), mints its own cookie
for it, and the pages read that cookie. The tests look at what a browser sees."""

from __future__ import annotations

import secrets
import time

import pytest

from newsdash.app.door_cookie import SIGN_IN_COOKIE
from newsdash.app.serve import free_port, loopback_server, stop
from tests import record_data as rd
from tests.conftest import ROOT, require_browser
from tests.doorclient import call
from tests.oidc_provider import Provider
from tests.test_door_server import websocket_refused
from tests.wsclient import run_async

pytestmark = pytest.mark.browser
PROVIDER_NAME = "Newsroom SSO"
WAIT = 60_000

SECRETS = '''[auth]
redirect_uri = "{origin}/oauth2callback"
cookie_secret = "{cookie_secret}"
client_id = "newsdash"
client_secret = "{client_secret}"
server_metadata_url = "{metadata_url}"

[dashboard.oidc]
follow_token_expiry = true
names = {{ default = "{name}" }}

[dashboard.roles]
editors = ["ana@newsroom.org"]
editor_groups = ["desk-editors"]
reader_domains = ["newsroom.org"]
'''


@pytest.fixture(scope="module")
def provider():
    with Provider(id_token_seconds=600) as running:
        running.add_user("ana", "pw-ana", "Ana Lima", "ana@newsroom.org")
        running.add_user("dee", "pw-dee", "Dee Desk", "dee@freelance.example", groups=("desk-editors",))
        running.add_user("bo", "pw-bo", "Bo Reader", "bo@newsroom.org")
        running.add_user("eve", "pw-eve", "Eve Outsider", "eve@newsroom.org.evil.example")
        yield running


@pytest.fixture(scope="module")
def app_url(provider, tmp_path_factory):
    """The dashboard on a copy of the record, signing in with the provider."""
    require_browser()
    tmp = tmp_path_factory.mktemp("oidc")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    provider.client.redirect_uris.append(f"{origin}/oauth2callback")
    secrets_file = tmp / "secrets.toml"
    secrets_file.write_text(SECRETS.format(
        origin=origin, cookie_secret=secrets.token_urlsafe(32), client_secret=provider.client.client_secret,
        metadata_url=provider.metadata_url, name=PROVIDER_NAME))
    env = {"DASHBOARD_DATA_DIR": str(rd.data_folder(tmp)), "PYTHONPATH": str(ROOT),
           "DASHBOARD_STATE_DIR": str(tmp / "state")}
    proc, url = loopback_server(ROOT / "dashboard.py", env=env, port=port, options=(
        "--secrets.files", str(secrets_file), "--browser.gatherUsageStats", "false"))
    yield url
    stop(proc)


@pytest.fixture(autouse=True)
def _needs_a_browser() -> None:
    require_browser()


def sign_in(page, url: str, username: str, password: str, path: str = "") -> None:  # noqa: ANN001
    """From the app's sign-in page through the provider's form and back."""
    page.goto(f"{url}/{path}")
    page.get_by_role("link", name=f"Sign in with {PROVIDER_NAME}").click(timeout=WAIT)
    page.get_by_label("Username").fill(username, timeout=WAIT)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{url}/**", timeout=WAIT)


def test_an_editor_by_group_signs_in_and_sees_the_review_queue(page, app_url, provider):
    sign_in(page, app_url, "dee", "pw-dee")
    page.get_by_text("Signed in as Dee Desk (editor)").wait_for(timeout=WAIT)
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=WAIT)  # the Overview, drawn
    assert provider.issued[-1]["groups"] == ["desk-editors"]
    page.goto(f"{app_url}/add_article")
    page.get_by_role("heading", name="Awaiting review").wait_for(timeout=WAIT)
    page.get_by_text("Nothing awaits review.").wait_for(timeout=WAIT)


def test_a_reader_sees_the_dashboard_without_the_editors_parts(page, app_url):
    sign_in(page, app_url, "bo", "pw-bo")
    page.get_by_text("Signed in as Bo Reader (reader)").wait_for(timeout=WAIT)
    page.goto(f"{app_url}/add_article")
    page.get_by_label("…or paste the text").wait_for(timeout=WAIT)  # drawn after the editors' parts
    assert page.get_by_role("heading", name="Awaiting review").count() == 0


def test_an_outsider_is_refused_on_every_page_and_may_sign_out(page, app_url, provider):
    sign_in(page, app_url, "eve", "pw-eve")
    page.get_by_role("heading", name="This account may not open the dashboard").wait_for(timeout=WAIT)
    page.get_by_text("You signed in as eve@newsroom.org.evil.example").wait_for(timeout=WAIT)
    assert page.locator('[data-testid="stMetricValue"]').count() == 0
    page.goto(f"{app_url}/demining")
    page.get_by_role("heading", name="This account may not open the dashboard").wait_for(timeout=WAIT)
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    page.get_by_role("link", name="Sign out and use another account").click()
    page.get_by_role("link", name=f"Sign in with {PROVIDER_NAME}").wait_for(timeout=WAIT)
    assert "eve" in provider.signed_out


def test_sign_out_ends_the_apps_and_the_providers_session(page, app_url, provider):
    context = page.context
    sign_in(page, app_url, "bo", "pw-bo")
    page.get_by_text("Signed in as Bo Reader (reader)").wait_for(timeout=WAIT)
    assert any(c["name"] == "_streamlit_user" for c in context.cookies())
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name=f"Sign in with {PROVIDER_NAME}").wait_for(timeout=WAIT)
    assert not any(c["name"].startswith("_streamlit_user") for c in context.cookies())
    assert provider.signed_out.count("bo") == 1
    page.goto(app_url)  # a reload: still signed out
    page.get_by_role("link", name=f"Sign in with {PROVIDER_NAME}").click(timeout=WAIT)
    page.get_by_label("Password").wait_for(timeout=WAIT)  # the provider asks again: its session ended too


def test_a_sign_in_expires_with_the_providers_token_and_the_app_asks_again(page, app_url, provider):
    provider.id_token_seconds = 8
    try:
        sign_in(page, app_url, "ana", "pw-ana")
        signed_at = time.time()
        page.get_by_text("Signed in as Ana Lima (editor)").wait_for(timeout=WAIT)
    finally:
        provider.id_token_seconds = 600
    time.sleep(max(0.0, signed_at + 9 - time.time()))
    page.reload()
    page.get_by_role("link", name=f"Sign in with {PROVIDER_NAME}").wait_for(timeout=WAIT)
    assert page.get_by_text("Signed in as Ana Lima").count() == 0


def test_without_a_sign_in_the_door_refuses_the_websocket_and_sends_pages_to_the_form(app_url):
    """Only a provider configured (no reader password): the door is closed all the same."""
    assert run_async(websocket_refused(app_url, {"Origin": app_url}))
    answer = call(f"{app_url}/demining?lang=ar")
    assert answer.status == 303 and "/sign-in?next=" in answer.header("location")
    form = call(f"{app_url}/sign-in?lang=ar")
    assert form.status == 200 and "/sign-in/provider/default" in form.body.decode()
    assert "تسجيل الدخول عبر" in form.body.decode()
    login = call(f"{app_url}/sign-in/provider/default")
    assert login.status == 303 and login.header("location").startswith("/auth/login?provider=")
    assert call(f"{app_url}/sign-in/provider/nobody").status == 404


def test_the_doors_cookie_ends_with_the_providers_token(page, app_url, provider):
    context = page.context
    before = time.time()
    sign_in(page, app_url, "bo", "pw-bo")
    page.get_by_text("Signed in as Bo Reader (reader)").wait_for(timeout=WAIT)
    door_cookie = next(c for c in context.cookies() if c["name"] == SIGN_IN_COOKIE)
    assert door_cookie["httpOnly"] and door_cookie["sameSite"] == "Lax"
    # the ID token lasts 600 s ([dashboard.oidc] follow_token_expiry), the door's own hours 12
    assert before + provider.id_token_seconds - 5 <= door_cookie["expires"] <= time.time() + provider.id_token_seconds
