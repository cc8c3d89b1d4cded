"""Who may read and who may edit, from an OpenID Connect account's claims.

Pure logic: no Streamlit, no network. A newsroom signs in with its own accounts
(newsdash.app.oidc reads the provider's claims); this module says what such an account
may do, from the `[dashboard.roles]` section of secrets.toml:

    [dashboard.roles]
    editors = ["ana@newsroom.org"]          # email addresses, any case
    editor_domains = []                     # every verified address at these domains
    editor_groups = ["desk-editors"]        # values of the group claim (exact, case kept)
    readers = []
    reader_domains = ["newsroom.org"]
    reader_groups = []
    group_claim = "groups"                  # the ID token's claim that lists groups
    require_verified_email = true           # an address counts only with email_verified

An editor may also read. Anyone else who signs in with the provider is refused: a
provider often lets any account of any organisation sign in (Google, Entra's common
endpoint), so only what the lists say lets someone in, and an empty configuration lets
nobody in. An address counts only when the provider says it verified it (the claim
`email_verified`): otherwise anyone could open an account elsewhere under an editor's
address. Domains match the whole part after the one "@" (`newsroom.org` never matches
`newsroom.org.evil.com` nor `evil-newsroom.org`; a sub-domain is its own domain).
Groups are compared exactly: they are the provider's ids or names, and
case may matter to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

EDITOR = "editor"
READER = "reader"
MAX_NAME = 80  # as an editor account's name (newsdash.app.auth.MAX_EDITOR_NAME)
MAX_GROUPS = 1000  # a claim longer than this is someone's mistake: the rest is ignored

# Why someone was refused (the page says it in the reader's language)
NOT_LISTED = "not_listed"
UNVERIFIED_EMAIL = "unverified_email"
NO_ROLES = "no_roles"


class RolesConfigError(ValueError):
    """[dashboard.roles] cannot be read; the app then lets no provider account in."""


@dataclass(frozen=True)
class RolesConfig:
    editors: frozenset[str] = frozenset()
    editor_domains: frozenset[str] = frozenset()
    editor_groups: frozenset[str] = frozenset()
    readers: frozenset[str] = frozenset()
    reader_domains: frozenset[str] = frozenset()
    reader_groups: frozenset[str] = frozenset()
    group_claim: str = "groups"
    require_verified_email: bool = True

    @property
    def lets_anyone_in(self) -> bool:
        return any((self.editors, self.editor_domains, self.editor_groups,
                    self.readers, self.reader_domains, self.reader_groups))


@dataclass(frozen=True)
class Refusal:
    """A provider account that may not see the dashboard, and why."""

    reason: str
    email: str | None = None


_LISTS = ("editors", "editor_domains", "editor_groups", "readers", "reader_domains", "reader_groups")


def roles_config(section: Mapping | None) -> RolesConfig:
    """Read [dashboard.roles]; a missing section is an empty configuration (nobody)."""
    section = section or {}
    if not isinstance(section, Mapping):
        raise RolesConfigError("[dashboard.roles] must be a table")
    unknown = sorted(set(section) - {*_LISTS, "group_claim", "require_verified_email"})
    if unknown:  # a typo (reader_domain) would otherwise silently let nobody in
        raise RolesConfigError(f"[dashboard.roles] has unknown keys: {', '.join(unknown)}")
    lists = {name: _strings(section.get(name), name) for name in _LISTS}
    group_claim = section.get("group_claim", "groups")
    verified = section.get("require_verified_email", True)
    if not isinstance(group_claim, str) or not group_claim.strip():
        raise RolesConfigError("[dashboard.roles] group_claim must be a claim's name")
    if not isinstance(verified, bool):
        raise RolesConfigError("[dashboard.roles] require_verified_email must be true or false")
    return RolesConfig(
        editors=frozenset(_address(a) for a in lists["editors"]),
        editor_domains=frozenset(_domain(d) for d in lists["editor_domains"]),
        editor_groups=frozenset(g.strip() for g in lists["editor_groups"]),
        readers=frozenset(_address(a) for a in lists["readers"]),
        reader_domains=frozenset(_domain(d) for d in lists["reader_domains"]),
        reader_groups=frozenset(g.strip() for g in lists["reader_groups"]),
        group_claim=group_claim.strip(), require_verified_email=verified,
    )


def _strings(value: object, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):  # one value written without brackets
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise RolesConfigError(f"[dashboard.roles] {name} must be a list of strings")
    return [v for v in value if v.strip()]


def _address(text: str) -> str:
    address = normal_email(text)
    if address is None:
        raise RolesConfigError(f"[dashboard.roles]: {text!r} is not an email address")
    return address


def _domain(text: str) -> str:
    domain = text.strip().lower().removeprefix("@")
    if not _plain_domain(domain):
        raise RolesConfigError(f"[dashboard.roles]: {text!r} is not a domain (write newsroom.org)")
    return domain


def _plain_domain(domain: str) -> bool:
    return bool(domain) and "." in domain and all(c.isalnum() or c in ".-" for c in domain) \
        and not domain.startswith((".", "-")) and not domain.endswith((".", "-")) and ".." not in domain


def normal_email(value: object) -> str | None:
    """An address as compared: trimmed, lower case; None for what is not one address."""
    if not isinstance(value, str):
        return None
    address = value.strip().lower()
    local, at, domain = address.rpartition("@")
    if not at or not local or "@" in local or any(c.isspace() or ord(c) < 32 for c in address):
        return None
    return address if _plain_domain(domain) else None


def email_verified(claims: Mapping) -> bool:
    """The provider says it checked the address (some send the JSON string "true")."""
    flag = claims.get("email_verified")
    return flag is True or (isinstance(flag, str) and flag.strip().lower() == "true")


def claim_groups(claims: Mapping, group_claim: str = "groups") -> frozenset[str]:
    """The account's groups: the claim's list (or one string: one group), strings only.
    A dotted name reads a nested claim (realm_access.roles) unless a claim has that
    very name (namespaced claims such as https://newsroom.org/groups have dots)."""
    value = claims.get(group_claim) if group_claim in claims else _nested(claims, group_claim.split("."))
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return frozenset()
    return frozenset(v.strip() for v in value[:MAX_GROUPS] if isinstance(v, str) and v.strip())


def _nested(claims: Mapping, path: list[str]) -> object:
    value: object = claims
    for part in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def role_for(claims: Mapping, config: RolesConfig) -> str | Refusal:
    """EDITOR, READER, or a Refusal for this account's claims."""
    if not config.lets_anyone_in:
        return Refusal(NO_ROLES, normal_email(claims.get("email")))
    email = normal_email(claims.get("email"))
    trusted = email if email and (email_verified(claims) or not config.require_verified_email) else None
    groups = claim_groups(claims, config.group_claim)
    if _matches(trusted, groups, config.editors, config.editor_domains, config.editor_groups):
        return EDITOR
    if _matches(trusted, groups, config.readers, config.reader_domains, config.reader_groups):
        return READER
    listed = email and (_matches(email, frozenset(), config.editors, config.editor_domains, frozenset())
                        or _matches(email, frozenset(), config.readers, config.reader_domains, frozenset()))
    return Refusal(UNVERIFIED_EMAIL if listed else NOT_LISTED, email)


def _matches(email: str | None, groups: frozenset[str], addresses: frozenset[str],
             domains: frozenset[str], wanted_groups: frozenset[str]) -> bool:
    if email and (email in addresses or email.rpartition("@")[2] in domains):
        return True
    return bool(groups & wanted_groups)


def display_name(claims: Mapping) -> str:
    """How the app names the account (and the review log an editor): the provider's
    name for it, else its address, else its subject id."""
    for key in ("name", "preferred_username", "email", "sub"):
        value = claims.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:MAX_NAME]
    return "?"
