"""OpenID Connect at the door: newsdash/app/oidc.py's reading of a provider sign-in,
registered as an identity source of the door (newsdash/app/identity.py) when `[auth]`
configures a provider, and the one route the door adds for it.

- The source closes the door (a provider configured means nobody reads without signing
  in) and opens Streamlit's own login, callback and logout routes to a browser without a
  sign-in; the door then mints its own cookie for the provider's identity, which ends no
  later than the provider sign-in does (newsdash.app.oidc: its hours, the ID token's exp).
- The sign-in form links each provider to `<base>/sign-in/provider/<name>`, which
  redirects to a fresh Streamlit login URL: that URL's token lasts two minutes, so a form
  left open longer would otherwise lead to an error.
- A real sign-in whose account the roles leave out gets a plain refusal instead of the
  form, in the reader's language, with the provider's sign-out as the way out.
- The door's own sign-out of a provider identity goes on to Streamlit's logout, which
  clears its cookie and ends the provider's session (RP-initiated logout).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from urllib.parse import quote

from newsdash.app import door, identity, oidc, roles
from newsdash.reading.i18n import t

PROVIDER_PATH = "provider"  # <base>/sign-in/provider/<name>
CONFIG_PROBLEM = "config_problem"  # a Refusal's reason when [dashboard.*] cannot be read
_LOGGER = logging.getLogger("newsdash.door")


def provider_href(base: str, name: str) -> str:
    return f"{base}/{door.SIGN_IN}/{PROVIDER_PATH}/{quote(name, safe='')}"


def sign_in_links(secrets: Mapping | None, base: str) -> tuple[tuple[str, str, str], ...]:
    """(href, English, Arabic) per configured provider: "Sign in with <its name>"."""
    names = oidc.providers(secrets)
    try:
        labels = oidc.settings(secrets).names if names else {}
    except oidc.OidcConfigError:
        labels = {}
    return tuple((provider_href(base, name), t("oidc_sign_in_with", "en").format(name=labels.get(name, name)),
                  t("oidc_sign_in_with", "ar").format(name=labels.get(name, name))) for name in names)


def wire(secrets: Mapping | None, base: str) -> bool:
    """Register the provider sign-in as the door's identity source when [auth] configures
    a provider (True), else take it out (False). Called when dashboard.py builds the app."""
    if not oidc.is_configured(secrets):
        identity.unregister_source(oidc.identity_from_cookies)
        return False
    try:
        oidc.settings(secrets)
    except oidc.OidcConfigError as problem:  # the door stays closed; nobody gets in through it
        _LOGGER.error("provider sign-in is misconfigured, nobody can sign in with it: %s", problem)
    identity.register_source(
        oidc.identity_from_cookies, closes_the_door=True,
        open_paths=(oidc.LOGIN_ROUTE, oidc.CALLBACK_ROUTE, oidc.LOGOUT_ROUTE),
        sign_in_links=sign_in_links(secrets, base), refusal=refusal_notice, source=oidc.SOURCE,
        sign_out_path=oidc.LOGOUT_ROUTE)
    return True


def refusal_of(cookies: Mapping[str, str]) -> roles.Refusal | None:
    """Why a browser that signed in with the provider may not come in, or None."""
    try:
        found = oidc.read_sign_in(cookies)
    except oidc.OidcConfigError as problem:
        # a browser back from the provider is told why nobody gets in (the others see the form)
        return roles.Refusal(CONFIG_PROBLEM, str(problem)) if cookies.get(oidc.USER_COOKIE) else None
    return found if isinstance(found, roles.Refusal) else None


def refusal_text(refusal: roles.Refusal, lang: str) -> str:
    if refusal.reason == CONFIG_PROBLEM:
        return t("oidc_misconfigured", lang).format(reason=refusal.email)
    key = {roles.UNVERIFIED_EMAIL: "oidc_refused_unverified", roles.NO_ROLES: "oidc_refused_no_roles"}
    return t(key.get(refusal.reason, "oidc_refused_not_listed"), lang).format(
        email=refusal.email or t("oidc_no_email", lang))


def refusal_notice(cookies: Mapping[str, str], lang: str) -> identity.Notice | None:
    """The door's refusal page for a provider account the roles leave out."""
    refusal = refusal_of(cookies)
    if refusal is None:
        return None
    from newsdash.app.door_asgi import current_config

    return identity.Notice(t("oidc_refused_title", lang), refusal_text(refusal, lang),
                           oidc.logout_url(current_config().base), t("oidc_sign_out_other", lang))


async def provider_login(request):  # noqa: ANN001, ANN201 - a Starlette Request and Response
    """GET <base>/sign-in/provider/<name>: to Streamlit's login for that provider, with a
    token made now (it lasts two minutes)."""
    from starlette.responses import PlainTextResponse, RedirectResponse

    from newsdash.app.door_asgi import current_config

    name = request.path_params["name"]
    if name not in oidc.providers(oidc.streamlit_secrets()):
        return PlainTextResponse("Not found\n", status_code=404, headers={"Cache-Control": "no-store"})
    return RedirectResponse(oidc.login_url(name, current_config().base), status_code=303,
                            headers={"Cache-Control": "no-store"})


def routes(base: str) -> list:
    from starlette.routing import Route

    return [Route(f"{base}/{door.SIGN_IN}/{PROVIDER_PATH}/{{name}}", provider_login, methods=["GET", "HEAD"])]
