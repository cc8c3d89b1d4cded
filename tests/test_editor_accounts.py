"""Editor accounts (newsdash.app.auth): a name and its own hash, from secrets or the
environment; the local editor of one machine; the name checked with its password."""

from __future__ import annotations

import pytest

from newsdash.app import auth
from tests.test_auth import ENCODED, PASSWORD, hash_command

OTHER = auth.hash_password("another editor's passphrase")


def test_accounts_come_from_secrets_before_the_environment() -> None:
    secrets = {"dashboard": {"editors": {"Amal Haddad": ENCODED, " Ben Roy ": OTHER}}}
    environ = {auth.EDITORS_ENV: f"Someone Else:{ENCODED}"}
    assert auth.editor_hashes(secrets, environ) == {"Amal Haddad": ENCODED, "Ben Roy": OTHER}
    assert auth.editor_hashes(None, environ) == {"Someone Else": ENCODED}
    assert auth.editor_hashes({"dashboard": {"password_hash": ENCODED}}, {}) == {}  # the reader password is no editor


def test_a_name_signs_in_only_with_its_own_password() -> None:
    accounts = {"Amal Haddad": ENCODED, "Ben Roy": OTHER}
    assert auth.verify_editor("amal haddad ", PASSWORD, accounts) == "Amal Haddad"  # the account's own spelling
    assert auth.verify_editor("Ben Roy", PASSWORD, accounts) is None  # Amal's password is not Ben's
    assert auth.verify_editor("Nobody", PASSWORD, accounts) is None
    assert auth.verify_editor("Amal Haddad", "x" * 5000, accounts) is None


def test_an_unknown_name_costs_a_check_too(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda password, stored: checked.append(stored) or real(password, stored))
    auth.verify_editor("Nobody", PASSWORD, {"Amal Haddad": ENCODED})
    assert len(checked) == 1  # the time taken does not tell which names exist


@pytest.mark.parametrize(("secrets", "environ", "expected"), [
    (None, {}, None),  # off by default
    ({"dashboard": {"local_editor": " Amal Haddad "}}, {}, "Amal Haddad"),
    (None, {auth.LOCAL_EDITOR_ENV: "Ben Roy"}, "Ben Roy"),
    (None, {auth.LOCAL_EDITOR_ENV: "   "}, None),
])
def test_local_editing_is_an_explicit_setting(secrets: dict | None, environ: dict, expected: str | None) -> None:
    assert auth.local_editor(secrets, environ) == expected


def test_the_hash_command_says_where_an_editor_account_goes() -> None:
    result = hash_command(PASSWORD)
    assert result.returncode == 0
    assert "under [dashboard.editors]" in result.stderr
