"""The review refused on the server, not only hidden in the page: a raw websocket client
(tests/wsclient.py), never signed in as an editor, fills the whole confirm form and
sends Save, and sends the Approve click a signed-in editor's page carries; nothing is
saved or approved. The same click from the editor's own session does approve."""

from __future__ import annotations

from streamlit.proto.WidgetStates_pb2 import WidgetState

from newsdash.curation import confirm, review
from newsdash.curation.draft import build_draft
from newsdash.data.measures import load_measures
from newsdash.data.review_log import read_log
from newsdash.reading.candidates import extract, guess_published
from newsdash.views import add_article as view
from tests import record_data as rd
from tests.test_auth import PASSWORD
from tests.test_browser_confirm import DATELINE
from tests.test_review import confirmed
from tests.wsclient import Run, Session, run_async

PAGE = "add_article"
FORM = view.editor_key("confirm", rd.seed_bytes())




def shown_defaults() -> dict[str, str]:
    """What the form's fields hold before anyone types (a proposed title, a period read
    from the text): a browser sends them back on Save; this bare client must send them."""
    raw = rd.seed_bytes()
    text_ = raw.decode("utf-8")
    draft, _ = build_draft(raw, text_, extract(text_, guess_published(text_)), rd.SEED_NAME,
                           measures=load_measures(rd.ROOT / "data")[0])
    return {key: value for key, value in confirm.form_defaults(draft).items()
            if isinstance(value, str) and value and key in ("article.title.ar", "figures.figure_1.period")}


def by_key(run: Run, key: str) -> str:
    """The id of the widget with this user key (Streamlit ends a keyed widget's id with its key)."""
    [found] = [i for ids in run.widgets.values() for i in ids if i.endswith(f"-{key}")]
    return found


def by_label(run: Run, label: str) -> str:
    return next(i for i, text in run.labels.items() if text == label)


def text(widget_id: str, value: str) -> WidgetState:
    return WidgetState(id=widget_id, string_value=value)


def click(widget_id: str) -> WidgetState:
    return WidgetState(id=widget_id, trigger_value=True)


async def save_over_the_websocket(url: str, editor: str | None = None) -> list[str]:
    """Paste, fill every field, Save, as a bare client: never signed in as an editor, or
    (the control, proving the message is well formed) after signing in as one."""
    session = await Session.open(url)
    try:
        first = await session.run(page=PAGE)
        signed_in = []
        if editor:
            signed_in = [text(by_key(first, "editor_name"), editor), text(by_key(first, "editor_password"), PASSWORD),
                         click(by_label(first, "Sign in as an editor"))]
            await session.run(signed_in, page=PAGE)
            signed_in = signed_in[:2]  # the fields keep their values; the click is not sent again
        paste = text(by_key(first, "add_paste"), rd.seed_bytes().decode("utf-8"))
        form = await session.run([*signed_in, paste], page=PAGE)
        answers = shown_defaults() | {k: v for k, v in rd.ANSWERS.items() if not k.endswith(".keep")} | DATELINE
        states = [*signed_in, paste] + [text(by_key(form, f"{FORM}.{k}"), v) for k, v in answers.items()]
        done = await session.run([*states, click(by_label(form, "Save the confirmed article"))], page=PAGE)
        return done.alerts
    finally:
        await session.close()


def test_a_forged_save_without_an_editor_writes_nothing(editors_app) -> None:  # noqa: ANN001
    data, url = editors_app
    alerts = run_async(save_over_the_websocket(url))
    assert not (data / "review" / "pending").exists()
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()
    assert not (data.parent / "seeds" / rd.SEED_NAME).exists()
    assert read_log(data)[0] == ()
    assert "Sign in as an editor (above) to save." in alerts
    alerts = run_async(save_over_the_websocket(url, "Amal Haddad"))  # the same messages, signed in: saved
    assert any(a.startswith(f"Saved for review as review/pending/{rd.ARTICLE_ID}.yaml, by Amal Haddad.")
               for a in alerts), alerts
    assert [(e.action, e.editor) for e in read_log(data)[0]] == [("saved", "Amal Haddad")]
    assert not (data / "articles" / f"{rd.ARTICLE_ID}.yaml").exists()  # awaiting review


async def editor_and_attacker(url: str) -> tuple[list[str], str]:
    """Ben signs in on his own session and sees the Approve button; another session, never
    signed in, sends that very click. Then Ben sends it."""
    ben, attacker = await Session.open(url), await Session.open(url)
    try:
        form = await ben.run(page=PAGE)
        signed_in = await ben.run([text(by_key(form, "editor_name"), "Ben Roy"),
                                   text(by_key(form, "editor_password"), PASSWORD),
                                   click(by_label(form, "Sign in as an editor"))], page=PAGE)
        approve = by_key(signed_in, f"review_approve_{rd.ARTICLE_ID}")
        await attacker.run(page=PAGE)
        forged = await attacker.run([click(approve)], page=PAGE)
        await ben.run([click(approve)], page=PAGE)
        return forged.alerts, approve
    finally:
        await ben.close()
        await attacker.close()


def test_a_forged_approval_is_refused_and_the_editors_own_click_approves(editors_app) -> None:  # noqa: ANN001
    data, url = editors_app
    review.submit(confirmed(), rd.seed_bytes(), data, "Amal Haddad")
    (forged_alerts, _), on_record = run_async(editor_and_attacker(url)), data / "articles" / f"{rd.ARTICLE_ID}.yaml"
    entries = read_log(data)[0]
    assert [(e.action, e.editor) for e in entries] == [("saved", "Amal Haddad"), ("approved", "Ben Roy")]
    assert on_record.is_file()  # approved once, by Ben's own session; the forged click did nothing
    assert not any("Approved" in a for a in forged_alerts)
