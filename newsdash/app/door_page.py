"""The door's two small pages, as HTML strings: the sign-in form and the sign-out button
(pure: no Streamlit, no Starlette; newsdash/app/door_asgi.py serves them).

Self-contained (inline style, no script, no font, image or request of any kind), in English
or Arabic (right to left), every text escaped, labelled fields, tap targets of 44 px.
"""

from __future__ import annotations

import math
from html import escape

from newsdash.reading.i18n import t

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Sign in", "تسجيل الدخول"),
    "intro_reader": ("This dashboard is shared with a password.", "هذه اللوحة مشتركة بكلمة مرور."),
    "intro_editor": ("Editors sign in with their own name and password.",
                     "يسجّل المحررون الدخول باسمهم وكلمة مرورهم."),
    "editor_name": ("Editor's name (editors only)", "اسم المحرر (للمحررين فقط)"),
    "editor_name_required": ("Editor's name", "اسم المحرر"),
    "submit": ("Sign in", "دخول"),
    "wrong_editor": ("That name and password do not match an editor account.",
                     "الاسم وكلمة المرور لا يطابقان حساب محرر."),
    "busy": ("Too many sign-in attempts right now. Try again in {seconds} seconds.",
             "محاولات دخول كثيرة الآن. حاول مرة أخرى بعد {seconds} ثانية."),
    "unavailable": ("Signing in is not possible right now: the server cannot keep its sign-in record. "
                    "The server's log says why.",
                    "لا يمكن تسجيل الدخول الآن: لا يستطيع الخادم حفظ سجل الدخول. سجل الخادم يذكر السبب."),
    "misconfigured": ("The password gate is misconfigured, so nobody can sign in: {reason}",
                      "إعداد كلمة المرور غير صالح، فلا يمكن لأحد الدخول: {reason}"),
    "foreign": ("This form only accepts sign-ins from the dashboard's own page. Reload it and try again.",
                "لا يقبل هذا النموذج الدخول إلا من صفحة اللوحة نفسها. أعد تحميلها وحاول مرة أخرى."),
    "other_language": ("العربية", "English"),
    "signed_out": ("You are signed out.", "تم تسجيل خروجك."),
    "sign_out_title": ("Sign out", "تسجيل الخروج"),
    "sign_out_intro": ("Sign out of the dashboard in this browser.", "اخرج من اللوحة في هذا المتصفح."),
    "back": ("Back to the dashboard", "العودة إلى اللوحة"),
    "signed_in_as": ("Signed in as {who}.", "تم الدخول باسم {who}."),
    "reader": ("a reader", "قارئ"),
    "onward": ("Signed out of the dashboard. Signing you out of your newsroom account too…",
               "تم خروجك من اللوحة. يجري الآن خروجك من حساب غرفة الأخبار أيضًا…"),
    "continue": ("Continue", "متابعة"),
}


def w(key: str, lang: str) -> str:
    english, arabic = WORDS[key]
    return arabic if lang == "ar" else english


STYLE = """
body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic",sans-serif;
color:#111;background:#fff}
main{max-width:28rem;margin:2rem auto;padding:0 1rem}
[dir=rtl] main{text-align:right}
h1{font-size:1.6rem;margin:0 0 1rem}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{box-sizing:border-box;width:100%;min-height:44px;padding:.5rem;font:inherit;border:2px solid #555;border-radius:4px}
button{min-height:44px;min-width:44px;margin-top:1.25rem;padding:.5rem 1.25rem;font:inherit;font-weight:600;color:#fff;
background:#B3261E;border:0;border-radius:4px;cursor:pointer}
a{color:#0b57d0;display:inline-block;min-height:44px;line-height:44px}
input:focus,button:focus,a:focus{outline:3px solid #0b57d0;outline-offset:2px}
.error{color:#8c1d18;border-inline-start:4px solid #8c1d18;padding:.25rem .75rem;margin:1rem 0}
.note{color:#333}
"""


def page(title: str, body: str, lang: str, head: str = "") -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    return (f'<!doctype html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="referrer" content="same-origin"><link rel="icon" href="data:,">'
            f"<title>{escape(title)}</title><style>{STYLE}</style>{head}</head>"
            f"<body><main>{body}</main></body></html>\n")


def seconds_text(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


def sign_in_page(lang: str, action: str, next_target: str, *, reader: bool, editors: bool,
                 error: str | None = None, name: str = "", links: tuple[tuple[str, str, str], ...] = (),
                 other_language_href: str | None = None) -> str:
    """The form: a password (the reader's, or with a name an editor's); `error` is already
    written for the reader (see `message`)."""
    parts = [f"<h1>{escape(w('title', lang))}</h1>"]
    if reader:
        parts.append(f'<p class="note">{escape(w("intro_reader", lang))}</p>')
    if editors:
        parts.append(f'<p class="note">{escape(w("intro_editor", lang))}</p>')
    if error:
        parts.append(f'<p class="error" role="alert" id="problem">{escape(error)}</p>')
    described = ' aria-describedby="problem"' if error else ""
    fields = [f'<input type="hidden" name="next" value="{escape(next_target)}">',
              f'<input type="hidden" name="lang" value="{escape(lang)}">']
    if editors:
        label = w("editor_name" if reader else "editor_name_required", lang)
        required = "" if reader else " required"
        fields.append(f'<label for="name">{escape(label)}</label>'
                      f'<input id="name" name="name" autocomplete="username" maxlength="80"'
                      f' value="{escape(name)}"{required}{described}>')
    if reader or editors:
        fields.append(f'<label for="password">{escape(t("password", lang))}</label>'
                      f'<input id="password" name="password" type="password" autocomplete="current-password"'
                      f' maxlength="1024" required autofocus{described}>')
        fields.append(f'<button type="submit">{escape(w("submit", lang))}</button>')
        parts.append(f'<form method="post" action="{escape(action)}">{"".join(fields)}</form>')
    for href, english, arabic in links:
        parts.append(f'<p><a href="{escape(href)}">{escape(arabic if lang == "ar" else english)}</a></p>')
    if other_language_href:
        other = "en" if lang == "ar" else "ar"
        parts.append(f'<p><a href="{escape(other_language_href)}" lang="{other}" hreflang="{other}">'
                     f'{escape(w("other_language", lang))}</a></p>')
    return page(w("title", lang), "".join(parts), lang)


def sign_out_page(lang: str, action: str, back: str, who: str | None) -> str:
    parts = [f"<h1>{escape(w('sign_out_title', lang))}</h1>"]
    if who is not None:
        parts.append(f'<p class="note">{escape(w("signed_in_as", lang).format(who=who or w("reader", lang)))}</p>')
    parts.append(f'<p class="note">{escape(w("sign_out_intro", lang))}</p>'
                 f'<form method="post" action="{escape(action)}"><input type="hidden" name="lang" value="{escape(lang)}">'
                 f'<button type="submit">{escape(w("sign_out_title", lang))}</button></form>'
                 f'<p><a href="{escape(back)}">{escape(w("back", lang))}</a></p>')
    return page(w("sign_out_title", lang), "".join(parts), lang)


def onward_page(lang: str, href: str) -> str:
    """After the door's sign-out: on to the provider's sign-out by itself (a refresh, no
    script), with a link for a browser that does not follow it."""
    head = f'<meta http-equiv="refresh" content="0;url={escape(href)}">'
    body = (f"<h1>{escape(w('sign_out_title', lang))}</h1><p>{escape(w('onward', lang))}</p>"
            f'<p><a href="{escape(href)}">{escape(w("continue", lang))}</a></p>')
    return page(w("sign_out_title", lang), body, lang, head)


def notice_page(lang: str, notice) -> str:  # noqa: ANN001 - identity.Notice
    """A plain page instead of the form: why this browser may not come in, and the way out."""
    body = (f"<h1>{escape(notice.title)}</h1><p>{escape(notice.text)}</p>"
            f'<p><a href="{escape(notice.way_out_href)}">{escape(notice.way_out_label)}</a></p>')
    return page(notice.title, body, lang)


def message(key: str, lang: str, **values: object) -> str:
    """An error line of the form: the door's own words, else the app's (wrong_password)."""
    if key in WORDS:
        return w(key, lang).format(**values)
    return t(key, lang).format(**values)
