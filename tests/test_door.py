"""The door's decisions, cookies, brake and pages, as pure functions (newsdash/app/door.py,
door_cookie.py, signin_store.py, door_page.py, identity.py): no server, no Streamlit run."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from newsdash.app import door, door_cookie, door_page, identity, signin_store
from newsdash.app.door import Decision, Kind
from newsdash.app.identity import EDITOR, EDITOR_ACCOUNT, PASSWORD, READER, Identity
from tests.test_auth import ENCODED

SECRET = b"s" * 32
READER_ID = Identity("", READER, PASSWORD)


# --- what a request may reach ------------------------------------------------------------

@pytest.mark.parametrize(("path", "kind"), [
    ("/newsdash/sign-in", Kind.SIGN_IN), ("/newsdash/sign-out", Kind.SIGN_OUT),
    ("/newsdash/_stcore/health", Kind.HEALTH), ("/newsdash/_stcore/metrics", Kind.METRICS),
    ("/newsdash/_stcore/stream", Kind.STREAM), ("/newsdash/_stcore/upload_file/s/f", Kind.UPLOAD),
    ("/newsdash/_stcore/host-config", Kind.CORE), ("/newsdash/_stcore/script-health-check", Kind.CORE),
    ("/newsdash/_stcore/health/x", Kind.CORE), ("/newsdash/media/abc.csv", Kind.MEDIA),
    ("/newsdash/static/js/index.js", Kind.ASSET), ("/newsdash/component/x/index.html", Kind.ASSET),
    ("/newsdash/app/static/a.png", Kind.ASSET), ("/newsdash/", Kind.PAGE), ("/newsdash", Kind.PAGE),
    ("/newsdash/demining", Kind.PAGE), ("/newsdash/sign-in/x", Kind.PAGE), ("/", Kind.OUTSIDE),
    ("/newsdashx/demining", Kind.OUTSIDE), ("/newsdash/oauth2callback", Kind.SOURCE_OPEN),
    ("/newsdash/sign-in/provider/default", Kind.SIGN_IN), ("/newsdash/embed/chart/x1", Kind.TRAVEL),
    ("/newsdash/embed/plotly.min.js", Kind.TRAVEL), ("/newsdash/preview/preview-en.png", Kind.TRAVEL),
])
def test_each_path_is_classified(path, kind):
    assert door.classify(path, "/newsdash", open_paths=("oauth2callback",)) is kind


def test_the_travel_routes_are_refused_without_a_sign_in_never_sent_to_the_form():
    """An iframe or a preview image gets a refusal, not the sign-in form (which may not be
    framed); with no sign-in required they pass like any page."""
    assert door.decide(Kind.TRAVEL, "GET", False, True) is Decision.REFUSE
    assert door.decide(Kind.TRAVEL, "GET", True, True) is Decision.PASS
    assert door.decide(Kind.TRAVEL, "GET", False, False) is Decision.PASS
    assert door.safe_next("/embed/chart/x1", "") == "/"


def test_the_embed_page_may_be_framed_by_the_configured_origins_and_runs_scripts_by_hash_only():
    policy = door.embed_page_policy(("https://cms.example.org",), ("abc=",))
    assert "frame-ancestors 'self' https://cms.example.org" in policy
    assert "script-src 'self' 'sha256-abc='" in policy and "unsafe-inline" not in policy.split(";")[1]
    assert "script-src 'none'" in door.PREVIEW_PAGE_POLICY and "frame-ancestors 'none'" in door.PREVIEW_PAGE_POLICY


def test_without_a_base_path_the_same_names_apply():
    assert door.classify("/_stcore/stream", "") is Kind.STREAM
    assert door.classify("/demining", "") is Kind.PAGE
    assert door.classify("/oauth2callback", "") is Kind.PAGE  # no identity source: a page like any other
    assert door.base_path("/newsdash/") == door.base_path("newsdash") == "/newsdash"
    assert door.base_path("") == door.base_path(None) == ""


def test_without_a_sign_in_only_the_form_the_bare_health_check_and_sources_routes_pass():
    passing = {k for k in Kind if door.decide(k, "GET", signed_in=False, required=True) is Decision.PASS}
    assert passing == {Kind.SIGN_IN, Kind.SIGN_OUT, Kind.HEALTH, Kind.SOURCE_OPEN}
    assert door.decide(Kind.PAGE, "GET", False, True) is Decision.TO_SIGN_IN
    assert door.decide(Kind.PAGE, "POST", False, True) is Decision.REFUSE
    for kind in (Kind.STREAM, Kind.MEDIA, Kind.UPLOAD, Kind.CORE, Kind.ASSET):
        assert door.decide(kind, "GET", False, True) is Decision.REFUSE, kind


def test_signed_in_everything_passes_but_metrics_which_nobody_gets():
    for kind in Kind:
        expected = Decision.NOT_FOUND if kind is Kind.METRICS else Decision.PASS
        assert door.decide(kind, "GET", True, True) is expected
        assert door.decide(kind, "GET", False, False) is expected  # no sign-in required


def test_the_sign_in_form_keeps_the_page_and_its_query():
    location = door.sign_in_location("/newsdash", "/newsdash/demining", "lang=ar&article=x")
    assert location == "/newsdash/sign-in?next=%2Fnewsdash%2Fdemining%3Flang%3Dar%26article%3Dx"
    assert door.language_of("/newsdash/demining?lang=ar") == "ar"
    assert door.language_of("/newsdash/demining?lang=fr") == "en"
    assert door.language_of("/x?lang=ar", "en") == "en"


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/x", "/\\evil.example", "http:/evil", "javascript:alert(1)",
    "/other-app/x", "/newsdash/sign-in?next=/x", "/newsdash/_stcore/health", "/newsdash/media/a.csv",
    "newsdash/x", "/newsdash/\r\nSet-Cookie: x=1", None, "",
])
def test_next_never_leads_off_the_app(target):
    assert door.safe_next(target, "/newsdash") == "/newsdash/"


def test_next_keeps_a_page_of_the_app():
    assert door.safe_next("/newsdash/demining?lang=ar", "/newsdash") == "/newsdash/demining?lang=ar"
    assert door.safe_next("/demining?lang=ar", "") == "/demining?lang=ar"


# --- origins ----------------------------------------------------------------------------------

NAMES = ("localhost", "127.0.0.1", "dash.example")


def test_the_own_origin_is_scheme_host_and_port():
    assert door.own_origin("http", "127.0.0.1:8501", NAMES) == "http://127.0.0.1:8501"
    assert door.own_origin("https", "dash.example", NAMES) == "https://dash.example"
    assert door.own_origin("https", "dash.example:443", NAMES) == "https://dash.example"
    assert door.own_origin("http", "evil.example:8501", NAMES) is None  # a rebinding name
    assert door.own_origin("http", "127.0.0.1:8501@evil", NAMES) is None
    assert door.own_origin("http", None, NAMES) is None


def test_another_port_or_scheme_of_the_same_host_is_another_origin():
    own = door.own_origin("http", "127.0.0.1:8501", NAMES)
    assert door.same_origin("http://127.0.0.1:8501", own)
    assert not door.same_origin("http://127.0.0.1:9000", own)  # the cross-port page of the issue
    assert not door.same_origin("https://127.0.0.1:8501", own)
    assert not door.same_origin("http://localhost:8501", own)
    assert not door.same_origin("null", own)
    assert door.websocket_allowed(None, own)  # no browser page (it still needs the cookie)
    assert not door.websocket_allowed("http://127.0.0.1:9000", own)


def test_a_form_post_needs_the_own_origin_or_referer():
    own = "http://127.0.0.1:8501"
    assert door.form_post_allowed("http://127.0.0.1:8501", None, own)
    assert not door.form_post_allowed("http://127.0.0.1:9000", "http://127.0.0.1:8501/sign-in", own)
    assert door.form_post_allowed(None, "http://127.0.0.1:8501/sign-in?next=/", own)
    assert not door.form_post_allowed(None, None, own)
    assert not door.form_post_allowed("null", "http://127.0.0.1:9000/", own)
    assert not door.form_post_allowed("http://127.0.0.1:8501", None, None)


# --- headers ------------------------------------------------------------------------------------

def test_security_headers_frame_only_ourselves_unless_embeds_are_configured():
    headers = dict(door.security_headers((), ["abc="]))
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "'sha256-abc='" in csp and "'unsafe-inline'" not in csp.split(";")[1]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    embedded = dict(door.security_headers(door.embed_origins("https://news.example, javascript:x, nope"), []))
    assert "frame-ancestors 'self' https://news.example;" in embedded["Content-Security-Policy"] + ";"
    assert "X-Frame-Options" not in embedded


def test_the_inline_script_of_streamlits_page_is_allowed_by_its_hash():
    import base64
    import hashlib

    body = "\n window.prerenderReady = false\n "
    expected = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    assert door.inline_script_hashes(f"<head><script>{body}</script><script src=x></script>") == [expected]


# --- configuration ---------------------------------------------------------------------------

def config(**environ) -> door.DoorConfig:
    return door.config_from(None, environ, base_option="newsdash", server_address="dash.example",
                            data_dir=Path("/srv/data"))


def test_the_configuration_names():
    base = config(DASHBOARD_PASSWORD_HASH=ENCODED, DASHBOARD_COOKIE_SECRET="k" * 40, DASHBOARD_SIGN_IN_HOURS="2",
                  DASHBOARD_SIGN_IN_SPACING="3", DASHBOARD_EMBED_ORIGINS="https://news.example")
    assert base.reader_hash == ENCODED and base.secret == b"k" * 40 and not base.secret_is_random
    assert base.sign_in_seconds == 7200 and base.spacing == 3 and base.embeds == ("https://news.example",)
    assert base.base == "/newsdash" and "dash.example" in base.allowed_names()
    assert base.state_dir == Path("/srv/data/.state") and base.required()
    assert config(DASHBOARD_STATE_DIR="/var/lib/x").state_dir == Path("/var/lib/x")
    from_secrets = door.config_from({"dashboard": {"cookie_secret": "c" * 32, "embed_origins": ["https://a.example"],
                                                   "sign_in_required": True}}, {}, base_option="",
                                    server_address=None, data_dir=Path("/d"))
    assert from_secrets.secret == b"c" * 32 and from_secrets.embeds == ("https://a.example",)
    assert from_secrets.required() and not from_secrets.reader_hash


def test_without_a_secret_the_process_has_its_own_random_one():
    short = config(DASHBOARD_COOKIE_SECRET="too short")
    assert short.secret_is_random and len(short.secret) == 32 and short.secret == config().secret


def test_editor_accounts_alone_do_not_close_the_dashboard_to_readers():
    editors = config(DASHBOARD_EDITORS=f"Amal Haddad:{ENCODED}")
    assert editors.editor_accounts == {"Amal Haddad": ENCODED} and not editors.required()
    assert editors.required(sources_close=True)


def test_brake_accounts_put_unknown_names_together():
    accounts = {"Amal Haddad": ENCODED}
    assert door.account_key(None, accounts) == "reader"
    assert door.account_key(" amal HADDAD", accounts) == "editor:amal haddad"
    assert door.account_key("Nobody", accounts) == door.account_key("Someone", accounts) == "editor:?"


# --- the sign-in cookie --------------------------------------------------------------------------

def generation_of(reader_hash: str | None = ENCODED, editors: dict | None = None):  # noqa: ANN201
    return door.DoorConfig(reader_hash=reader_hash, editors=tuple((editors or {}).items())).generation_of


def test_a_signed_cookie_reads_back_on_any_replica_with_the_secret():
    value, minted = door_cookie.mint_sign_in(READER_ID, door_cookie.generation(ENCODED), SECRET, 1000.0, 3600)
    read = door_cookie.read_sign_in(value, SECRET, 1500.0, generation_of())
    assert read == minted and read.identity == READER_ID and read.expires == 4600.0
    assert door_cookie.read_sign_in(value, b"t" * 32, 1500.0, generation_of()) is None  # another secret


def test_a_cookie_expires_is_revoked_or_ends_with_its_password_hash():
    value, minted = door_cookie.mint_sign_in(READER_ID, door_cookie.generation(ENCODED), SECRET, 1000.0, 3600)
    assert door_cookie.read_sign_in(value, SECRET, 4600.0, generation_of()) is None  # expired
    assert door_cookie.read_sign_in(value, SECRET, 500.0, generation_of()) is None  # issued in the future
    assert door_cookie.read_sign_in(value, SECRET, 1001.0, generation_of(), lambda i: i == minted.id) is None
    other = generation_of(reader_hash="scrypt$changed")
    assert door_cookie.read_sign_in(value, SECRET, 1001.0, other) is None  # a changed hash signs everyone out
    assert door_cookie.read_sign_in(value, SECRET, 1001.0, generation_of(reader_hash=None)) is None


def test_a_tampered_or_garbage_cookie_is_no_sign_in():
    value, _ = door_cookie.mint_sign_in(READER_ID, door_cookie.generation(ENCODED), SECRET, 1000.0, 3600)
    body, mac = value.split(".")
    import base64
    import json

    forged = json.loads(base64.urlsafe_b64decode(body + "=="))
    forged["r"], forged["n"], forged["s"] = EDITOR, "Amal Haddad", EDITOR_ACCOUNT
    forged_body = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode().rstrip("=")
    for garbage in (f"{forged_body}.{mac}", value + "x", "x.y", "", None, "a" * 5000, "...", value.replace(".", "")):
        assert door_cookie.read_sign_in(garbage, SECRET, 1001.0, generation_of()) is None
    # a known-browser cookie is not a sign-in cookie, though signed with the same secret
    browser = door_cookie.mint_known_browser("reader", door_cookie.generation(ENCODED), SECRET, 1000, 10**6)
    assert door_cookie.read_sign_in(browser, SECRET, 1001.0, generation_of()) is None


def test_a_signature_spelled_another_way_is_no_sign_in():
    """A 32-byte signature is 43 base64 characters; the last carries 4 bits and 2 spare
    ones, which base64 ignores: another spelling of the same bytes is refused."""
    value, _ = door_cookie.mint_sign_in(READER_ID, door_cookie.generation(ENCODED), SECRET, 1000.0, 3600)
    assert door_cookie.read_sign_in(value, SECRET, 1001.0, generation_of()) is not None
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(value[-1])
    respelled = value[:-1] + alphabet[last | 1]  # the same 4 bits, a spare bit set
    assert respelled != value
    assert door_cookie.read_sign_in(respelled, SECRET, 1001.0, generation_of()) is None


def test_an_editor_cookie_ends_with_that_editors_account():
    amal = Identity("Amal Haddad", EDITOR, EDITOR_ACCOUNT)
    value, _ = door_cookie.mint_sign_in(amal, door_cookie.generation(ENCODED), SECRET, 1000.0, 3600)
    assert door_cookie.read_sign_in(value, SECRET, 1001.0, generation_of(None, {"Amal Haddad": ENCODED}))
    assert door_cookie.read_sign_in(value, SECRET, 1001.0, generation_of(None, {"Ben Roy": ENCODED})) is None


def test_a_known_browser_cookie_vouches_for_one_account_and_generation():
    gen = door_cookie.generation(ENCODED)
    value = door_cookie.mint_known_browser("reader", gen, SECRET, 1000, 90 * 86400)
    assert door_cookie.read_known_browser(value, SECRET, 2000, "reader", gen)
    assert door_cookie.read_known_browser(value, SECRET, 2000, "editor:amal haddad", gen) is None
    assert door_cookie.read_known_browser(value, SECRET, 2000, "reader", door_cookie.generation("x")) is None
    assert door_cookie.read_known_browser(value, SECRET, 1000 + 91 * 86400, "reader", gen) is None


def test_identity_is_frozen_and_checked():
    with pytest.raises(ValueError):
        Identity("x", "admin", "oidc")
    with pytest.raises(AttributeError):
        READER_ID.role = EDITOR  # type: ignore[misc]


def test_identity_sources_are_asked_in_order_and_a_failing_one_is_skipped():
    def broken(cookies):  # noqa: ANN001, ANN202
        raise RuntimeError("provider down")

    def from_cookie(cookies):  # noqa: ANN001, ANN202
        return Identity("amal@example.org", EDITOR, "oidc") if cookies.get("sso") == "ok" else None

    try:
        identity.register_source(broken)
        identity.register_source(from_cookie, closes_the_door=True, open_paths=("/oauth2callback/",))
        identity.register_source(from_cookie, closes_the_door=True, open_paths=("oauth2callback",))  # once only
        assert len(identity.sources()) == 2 and identity.sources()[1].open_paths == ("oauth2callback",)
        assert identity.identity_from_sources({"sso": "ok"}).name == "amal@example.org"
        assert identity.identity_from_sources({}) is None
    finally:
        identity.unregister_source(broken)
        identity.unregister_source(from_cookie)
    assert identity.sources() == ()


# --- the brake every replica shares ------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def replicas(folder: Path, spacing: float = 10.0) -> tuple[signin_store.SignInStore, signin_store.SignInStore, Clock]:
    clock = Clock()
    return (signin_store.SignInStore(folder, spacing=spacing, clock=clock),
            signin_store.SignInStore(folder, spacing=spacing, clock=clock), clock)


def test_two_replicas_share_one_budget_per_account_however_addresses_spread(tmp_path):
    """A guesser with a new address (in a new network) for every attempt, trying every
    second for five minutes on two replicas: 6 checks a minute at most, in total."""
    a, b, clock = replicas(tmp_path)
    checked = []
    for second in range(300):
        clock.now = 1_000_000.0 + second
        replica = (a, b)[second % 2]
        booking = replica.book("reader", f"10.{second % 250}.{second // 250}.7")
        if booking.granted:
            checked.append(clock.now)
            replica.record(booking, right=False)
    per_minute = [sum(1 for at in checked if 1_000_000 + 60 * m <= at < 1_000_060 + 60 * m) for m in range(5)]
    assert max(per_minute) == 6, per_minute
    assert (tmp_path / signin_store.FILE_NAME).is_file()


def test_a_refusal_says_when_to_come_back_and_nothing_is_locked(tmp_path):
    a, b, clock = replicas(tmp_path)
    first = a.book("reader", "192.0.2.1")
    a.record(first, right=False)
    refused = b.book("reader", "198.51.100.1")
    assert not refused.granted and refused.retry_after == pytest.approx(10.0)
    assert not a.book("reader", "192.0.2.1").granted  # the guesser's own network: 10 s too (its first doubling)
    clock.now += refused.retry_after
    assert b.book("reader", "198.51.100.1").granted  # no lockout: on time, it is checked


def test_one_network_doubles_its_own_wait_and_leaves_others_theirs(tmp_path):
    store, _, clock = replicas(tmp_path, spacing=1.0)
    waits = []
    for _ in range(8):
        booking = store.book("reader", "203.0.113.7")
        while not booking.granted:
            waits.append(booking.retry_after)
            clock.now += booking.retry_after
            booking = store.book("reader", "203.0.113.9")  # another address of the same /24
        store.record(booking, right=False)
    assert [round(w) for w in waits] == [1, 2, 4, 8, 16, 32, 60]  # (spacing 1 s: the first wait is the spacing)
    clock.now += 1.0
    assert store.book("reader", "192.0.2.5").granted  # another network: only the account's spacing


def test_a_right_password_is_no_guess(tmp_path):
    store, _, _clock = replicas(tmp_path)
    booking = store.book("reader", "192.0.2.1")
    store.record(booking, right=True)
    assert store.book("reader", "198.51.100.2").granted  # the next reader is not held up


def test_accounts_have_their_own_budgets(tmp_path):
    store, _, _clock = replicas(tmp_path)
    store.record(store.book("reader", "192.0.2.1"), right=False)
    assert not store.book("reader", "198.51.100.1").granted
    assert store.book("editor:amal haddad", "198.51.100.1").granted


def test_a_known_browser_is_never_held_up_by_others_guesses(tmp_path):
    store, other, clock = replicas(tmp_path)
    for i in range(30):  # guessers from many networks keep the account's slots taken
        clock.now += 1
        booking = store.book("reader", f"10.{i}.0.1")
        if booking.granted:
            store.record(booking, right=False)
    assert not store.book("reader", "192.0.2.10").granted
    assert other.book("reader", "192.0.2.10", known_browser="kb1").granted
    # its own mistakes double its own wait only
    store.record(store.book("reader", "x", known_browser="kb2"), right=False)
    assert not store.book("reader", "x", known_browser="kb2").granted
    assert store.book("reader", "x", known_browser="kb3").granted


def test_bookings_at_the_same_moment_on_two_replicas_take_one_slot(tmp_path):
    a, b, _clock = replicas(tmp_path)
    results = []
    barrier = threading.Barrier(8)

    def attempt(store, i):  # noqa: ANN001, ANN202
        barrier.wait()
        results.append(store.book("reader", f"10.{i}.0.1").granted)

    threads = [threading.Thread(target=attempt, args=((a, b)[i % 2], i)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1


def test_a_sign_out_on_one_replica_holds_on_the_other(tmp_path):
    a, b, _clock = replicas(tmp_path)
    b.revoked_ttl = 0.2
    assert not b.is_revoked("cookie-1")
    a.revoke("cookie-1", until=time.time() + 3600)
    assert a.is_revoked("cookie-1")
    time.sleep(0.25)
    assert b.is_revoked("cookie-1") and not b.is_revoked("cookie-2")


def test_the_store_uses_a_rollback_journal_and_says_when_it_cannot_write(tmp_path):
    import sqlite3

    store, _, _clock = replicas(tmp_path / "state")
    store.book("reader", "192.0.2.1")
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(signin_store.StoreUnavailable):
        signin_store.SignInStore(blocked / "state").book("reader", "192.0.2.1")


def test_networks_are_slash_24_and_slash_48():
    assert signin_store.network_of("203.0.113.77") == "203.0.113.0/24"
    assert signin_store.network_of("::ffff:203.0.113.77") == "203.0.113.0/24"
    assert signin_store.network_of("2001:db8:1:2::5") == "2001:db8:1::/48"
    assert signin_store.network_of(None) == "name:unknown"


# --- the pages ---------------------------------------------------------------------------------------

def test_the_form_escapes_every_text_and_labels_its_fields():
    html = door_page.sign_in_page("en", "/sign-in", '/x?"><script>alert(1)</script>', reader=True, editors=True,
                                  error="<b>bad</b>", name='"><img src=x>')
    assert "<script>alert" not in html and "<img src=x>" not in html and "<b>bad" not in html
    assert '<label for="password">Password</label>' in html and '<label for="name">' in html
    assert 'role="alert"' in html and "min-height:44px" in html
    assert "http" not in html.replace("http-equiv", "")  # no external resource of any kind


def test_the_arabic_form_is_right_to_left():
    html = door_page.sign_in_page("ar", "/sign-in", "/?lang=ar", reader=True, editors=False)
    assert '<html lang="ar" dir="rtl">' in html and "كلمة المرور" in html and 'id="name"' not in html


# --- server paths in what readers see ------------------------------------------------------------

def test_readers_see_paths_relative_to_the_record_and_no_other_server_path():
    from newsdash.errors import for_readers

    data = Path("/srv/newsroom/data")
    assert for_readers("/srv/newsroom/data/articles/x.yaml:12: a1: value: bad", data) == "data/articles/x.yaml:12: a1: value: bad"
    assert for_readers("Not saved: [Errno 13] Permission denied: '/app/seeds/.001_x.tmp'", data) == \
        "Not saved: [Errno 13] Permission denied: '…/.001_x.tmp'"
    assert for_readers("see https://example.org/a/b and 1/2", None) == "see https://example.org/a/b and 1/2"


def test_a_refused_provider_account_gets_a_plain_page_in_its_language_with_a_way_out():
    from newsdash.app import door_oidc, roles

    refusal = roles.Refusal(roles.NOT_LISTED, "eve@example.org")
    for lang, title in (("en", "This account may not open the dashboard"), ("ar", "لا يُسمح لهذا الحساب بفتح اللوحة")):
        notice = identity.Notice(door_oidc.t("oidc_refused_title", lang), door_oidc.refusal_text(refusal, lang),
                                 "/news/auth/logout", door_oidc.t("oidc_sign_out_other", lang))
        page = door_page.notice_page(lang, notice)
        assert f"<h1>{title}</h1>" in page and "eve@example.org" in page
        assert '<a href="/news/auth/logout">' in page and f'lang="{lang}"' in page and "<script" not in page
    assert door_oidc.provider_href("/news", "key cloak") == "/news/sign-in/provider/key%20cloak"


def test_the_sign_in_address_leads_back_to_the_page_when_there_is_nothing_to_sign_in_with(monkeypatch):
    """No reader password, no editor, no provider: /sign-in is no dead end, it goes to `next`."""
    from starlette.applications import Starlette
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from newsdash.app import door_asgi

    config = door.DoorConfig()
    monkeypatch.setattr(door_asgi, "current_config", lambda: config)
    monkeypatch.setattr(door_asgi.identity, "sources", lambda: ())
    client = TestClient(Starlette(routes=[Route("/sign-in", door_asgi.sign_in_endpoint, methods=["GET"])]))
    answer = client.get("/sign-in", params={"next": "/demining?lang=ar"}, follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/demining?lang=ar")
    monkeypatch.setattr(door_asgi, "current_config", lambda: door.DoorConfig(editors=(("Amal Haddad", "x"),)))
    assert client.get("/sign-in", follow_redirects=False).status_code == 200  # an editor may sign in here


def test_the_server_starts_without_importing_what_the_pages_need():
    """`streamlit run` imports dashboard.py for its door, and the door reads its
    configuration, before it answers anything: the data layer (pandas, pydantic, YAML) and
    the chart builders load at the first page run instead, while the browser loads
    Streamlit's own code (the benchmark's first view: they added 1.3 s to it when the
    door imported them)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    probe = ("import sys, dashboard; from newsdash.app import door_asgi; door_asgi.current_config(); "
             "heavy = ('pandas', 'pydantic', 'yaml', 'newsdash.data.loading', 'newsdash.views.charts', "
             "'newsdash.exports.offline'); print([m for m in heavy if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
