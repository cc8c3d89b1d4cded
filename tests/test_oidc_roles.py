"""Roles from an OpenID account's claims (newsdash/app/roles.py): a table of accounts
against one newsroom's [dashboard.roles], and the configuration's own mistakes."""

from __future__ import annotations

import pytest

from newsdash.app import roles
from newsdash.app.roles import EDITOR, NO_ROLES, NOT_LISTED, READER, UNVERIFIED_EMAIL, Refusal

CONFIG = roles.roles_config({
    "editors": ["Ana@Newsroom.org"],
    "editor_groups": ["desk-editors"],
    "reader_domains": ["newsroom.org", "@bureau.newsroom.org"],
    "readers": ["stringer@freelance.example"],
    "reader_groups": ["Newsroom All"],
})


def claims(email: str | None = None, verified: object = True, **extra: object) -> dict:
    found = {"sub": "u1", **extra}
    if email is not None:
        found["email"] = email
        found["email_verified"] = verified
    return found


CASES = [
    # (what, claims, expected role or refusal reason)
    ("a listed editor", claims("ana@newsroom.org"), EDITOR),
    ("an editor's address in another case, with spaces", claims("  ANA@NEWSROOM.ORG "), EDITOR),
    ("an editor by group, even without an address", claims(groups=["desk-editors"]), EDITOR),
    ("an editor by group given as one string", claims(groups="desk-editors"), EDITOR),
    ("an editor group outranks a reader's domain", claims("bo@newsroom.org", groups=["desk-editors"]), EDITOR),
    ("a colleague at the newsroom's domain", claims("bo@newsroom.org"), READER),
    ("a listed sub-domain", claims("bo@bureau.newsroom.org"), READER),
    ("a listed outside reader", claims("Stringer@Freelance.example"), READER),
    ("a reader group, case kept", claims("x@gmail.example", groups=["Newsroom All"]), READER),
    ("email_verified sent as a string", claims("bo@newsroom.org", verified="true"), READER),
    ("the domain as a prefix of another", claims("eve@newsroom.org.evil.com"), NOT_LISTED),
    ("the domain as a suffix of another", claims("eve@evil-newsroom.org"), NOT_LISTED),
    ("an unlisted sub-domain", claims("eve@desk.newsroom.org"), NOT_LISTED),
    ("the domain in the local part", claims("newsroom.org@evil.com"), NOT_LISTED),
    ("two at signs", claims("ana@newsroom.org@evil.com"), NOT_LISTED),
    ("a reader group in another case", claims("x@gmail.example", groups=["newsroom all"]), NOT_LISTED),
    ("a group that is not a string", claims(groups=[["desk-editors"]]), NOT_LISTED),
    ("groups under another claim", claims(roles=["desk-editors"]), NOT_LISTED),
    ("an editor's address not verified", claims("ana@newsroom.org", verified=False), UNVERIFIED_EMAIL),
    ("a domain address without the flag", claims("bo@newsroom.org", verified=None), UNVERIFIED_EMAIL),
    ("the flag as the string false", claims("bo@newsroom.org", verified="false"), UNVERIFIED_EMAIL),
    ("the flag as the number 1", claims("bo@newsroom.org", verified=1), UNVERIFIED_EMAIL),
    ("an outsider", claims("someone@gmail.example"), NOT_LISTED),
    ("no address, no group", claims(), NOT_LISTED),
    ("an address that is not a string", {"email": ["ana@newsroom.org"], "email_verified": True}, NOT_LISTED),
]


@pytest.mark.parametrize(("what", "account", "expected"), CASES, ids=[case[0] for case in CASES])
def test_role_for_each_account(what, account, expected):
    found = roles.role_for(account, CONFIG)
    if expected in (EDITOR, READER):
        assert found == expected, what
    else:
        assert isinstance(found, Refusal) and found.reason == expected, (what, found)


def test_a_refusal_names_the_address_it_was_given():
    assert roles.role_for(claims("Eve@Gmail.example"), CONFIG) == Refusal(NOT_LISTED, "eve@gmail.example")


def test_an_empty_configuration_lets_nobody_in():
    for config in (roles.roles_config(None), roles.roles_config({"group_claim": "groups"})):
        assert not config.lets_anyone_in
        assert roles.role_for(claims("ana@newsroom.org"), config) == Refusal(NO_ROLES, "ana@newsroom.org")


def test_unverified_addresses_count_only_when_the_newsroom_says_so():
    """Entra sends no email_verified: a single-tenant newsroom may trust its own addresses."""
    trusting = roles.roles_config({"reader_domains": ["newsroom.org"], "require_verified_email": False})
    assert roles.role_for(claims("bo@newsroom.org", verified=None), trusting) == READER
    assert isinstance(roles.role_for(claims("bo@newsroom.org.evil.com", verified=None), trusting), Refusal)


def test_the_group_claim_is_configurable_nested_or_namespaced():
    nested = roles.roles_config({"editor_groups": ["desk"], "group_claim": "realm_access.roles"})
    assert roles.role_for({"realm_access": {"roles": ["desk"]}}, nested) == EDITOR
    assert isinstance(roles.role_for({"realm_access": "desk"}, nested), Refusal)
    namespaced = roles.roles_config({"editor_groups": ["desk"], "group_claim": "https://newsroom.org/groups"})
    assert roles.role_for({"https://newsroom.org/groups": ["desk"]}, namespaced) == EDITOR


@pytest.mark.parametrize("section", [
    {"reader_domain": ["newsroom.org"]},  # a typo would let nobody in without a word
    {"readers": ["not an address"]},
    {"readers": [1]},
    {"reader_domains": ["*.newsroom.org"]},
    {"reader_domains": ["newsroom"]},
    {"editor_groups": {"a": 1}},
    {"group_claim": ""},
    {"require_verified_email": "no"},
])
def test_a_configuration_mistake_is_refused_with_its_key(section):
    with pytest.raises(roles.RolesConfigError, match=r"\[dashboard.roles\]"):
        roles.roles_config(section)


def test_one_value_without_brackets_is_a_list_of_one():
    assert roles.roles_config({"reader_domains": "newsroom.org"}).reader_domains == {"newsroom.org"}


def test_display_name_prefers_the_name_then_the_address():
    assert roles.display_name({"name": "  Ana   Lima ", "email": "ana@newsroom.org"}) == "Ana Lima"
    assert roles.display_name({"email": "ana@newsroom.org", "sub": "1"}) == "ana@newsroom.org"
    assert roles.display_name({"sub": "abc"}) == "abc"
    assert len(roles.display_name({"name": "x" * 500})) == roles.MAX_NAME
