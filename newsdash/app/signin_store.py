"""The sign-in record every replica shares: the guessing brake and the signed-out cookies.

One SQLite file, `<state folder>/sign-in.sqlite3` (the state folder is DASHBOARD_STATE_DIR,
else `<data folder>/.state`), made on first use, in SQLite's rollback-journal mode (not WAL:
WAL needs shared memory, which a folder shared between containers or machines may not
give). Every replica opens it for each decision, inside one IMMEDIATE transaction, so two
replicas cannot both take the same slot. Pure: no Streamlit, no Starlette.

The brake, per account (the reader password; each editor name; unknown names together):
- a check of a password is booked only when the account's last failed (or still running)
  check is at least `spacing` seconds old: at most 60 / spacing checks a minute for that
  account across the whole deployment (10 s: 6 a minute), however the guesses are spread
  over addresses, sessions and replicas;
- per network (an IPv4 /24, an IPv6 /48: one office, or one attacker's block of addresses),
  each failed check doubles the wait before that network's next one (spacing, 2 x, 4 x ...
  up to 60 s), so guessers from a few networks leave most of the account's slots free;
- a browser that signed in before (its signed known-browser cookie, for this account and
  this password's generation) is never held up by either: it has only its own doubling wait;
- nothing is ever locked: a refused attempt is not checked, and is told when to come back
  (`Booking.retry_after`); a right password is not counted as a guess.
What it cannot do: tell a first-time reader apart from guessers spread over many networks
at once (six or more, each guessing once a minute, take every slot): such a reader comes
back when told and competes with them for the next slot. Keeping slots for those told to
come back was tried: guessers that never come back then fill the queue with kept slots,
which locks everyone out. The known-browser cookie spares everyone who signed in before.

Sign-outs: the signed-out cookie's id until its expiry; `is_revoked` reads a copy that is
at most `revoked_ttl` seconds old (one query a second per process, not one per request).
"""

from __future__ import annotations

import ipaddress
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FILE_NAME = "sign-in.sqlite3"
KNOWN = "browser:"  # the address column of a known browser's checks
_LOGGER = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (account TEXT NOT NULL, address TEXT NOT NULL, at REAL NOT NULL,
                                   failed INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS checks_by_account ON checks (account, failed, at);
CREATE INDEX IF NOT EXISTS checks_by_address ON checks (address, failed, at);
CREATE TABLE IF NOT EXISTS revoked (id TEXT PRIMARY KEY, until REAL NOT NULL);
"""


def network_of(address: str | None) -> str:
    """The brake's key for a client address: its /24 (IPv4) or /48 (IPv6) network; a name
    that is no address (a missing one, "loopback") as itself."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return f"name:{(address or 'unknown')[:60]}"
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def backoff(failures: int, base: float = 1.0, cap: float = 60.0) -> float:
    return 0.0 if failures <= 0 else min(base * 2 ** (failures - 1), cap)


@dataclass(frozen=True)
class Booking:
    """A check that may run now (row set), or a refusal and when to try again."""

    row: int | None
    retry_after: float = 0.0

    @property
    def granted(self) -> bool:
        return self.row is not None


class StoreUnavailable(RuntimeError):
    """The state folder cannot be written: no check is booked (the door fails closed)."""


@dataclass
class SignInStore:
    folder: Path
    spacing: float = 10.0
    cap: float = 60.0
    window: float = 600.0
    revoked_ttl: float = 1.0
    clock: Callable[[], float] = time.time
    _revoked: tuple[float, frozenset[str]] = (float("-inf"), frozenset())
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def path(self) -> Path:
        return Path(self.folder) / FILE_NAME

    def _connect(self) -> sqlite3.Connection:
        try:
            Path(self.folder).mkdir(parents=True, exist_ok=True, mode=0o700)
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            connection.execute("PRAGMA journal_mode=DELETE")
            connection.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as problem:
            raise StoreUnavailable(f"the sign-in record cannot be written ({type(problem).__name__})") from None
        return connection

    def book(self, account: str, address: str | None, known_browser: str | None = None) -> Booking:
        """Book a check of `account`'s password for this client now, or refuse."""
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            now = self.clock()
            connection.execute("DELETE FROM checks WHERE at < ?", (now - self.window,))
            if known_browser:
                key = KNOWN + known_browser
                ready = self._address_ready(connection, key, now)
            else:
                key = network_of(address)
                last = connection.execute(
                    "SELECT MAX(at) FROM checks WHERE account = ? AND failed = 1 AND address NOT LIKE ?",
                    (account, KNOWN + "%")).fetchone()[0]
                ready = max(self._address_ready(connection, key, now), (last or float("-inf")) + self.spacing)
            if ready > now:
                connection.execute("COMMIT")
                return Booking(None, ready - now)
            row = connection.execute("INSERT INTO checks VALUES (?, ?, ?, 1)", (account, key, now)).lastrowid
            connection.execute("COMMIT")
            return Booking(row)
        except sqlite3.Error as problem:
            raise StoreUnavailable(f"the sign-in record cannot be written ({type(problem).__name__})") from None
        finally:
            connection.close()

    def _address_ready(self, connection: sqlite3.Connection, key: str, now: float) -> float:
        failures, last = connection.execute(
            "SELECT COUNT(*), MAX(at) FROM checks WHERE address = ? AND failed = 1", (key,)).fetchone()
        return last + backoff(failures, base=self.spacing, cap=max(self.cap, self.spacing)) if failures else now

    def record(self, booking: Booking, right: bool) -> None:
        """After the check: a right password is no guess (it frees the account's slot)."""
        if booking.row is None or not right:
            return
        connection = self._connect()
        try:
            connection.execute("UPDATE checks SET failed = 0 WHERE rowid = ?", (booking.row,))
        finally:
            connection.close()

    def checks_since(self, since: float) -> int:
        """How many checks were booked since then (for the tests and the log)."""
        connection = self._connect()
        try:
            return connection.execute("SELECT COUNT(*) FROM checks WHERE at >= ?", (since,)).fetchone()[0]
        finally:
            connection.close()

    # --- sign-outs ---------------------------------------------------------------------

    def revoke(self, cookie_id: str, until: float) -> None:
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("DELETE FROM revoked WHERE until < ?", (self.clock(),))
            connection.execute("INSERT OR REPLACE INTO revoked VALUES (?, ?)", (cookie_id, until))
            connection.execute("COMMIT")
        finally:
            connection.close()
        with self._lock:
            self._revoked = (float("-inf"), frozenset())  # this replica sees it at once

    def is_revoked(self, cookie_id: str) -> bool:
        return cookie_id in self._revoked_ids()

    def _revoked_ids(self) -> frozenset[str]:
        now = time.monotonic()
        read_at, ids = self._revoked
        if now - read_at < self.revoked_ttl:
            return ids
        try:
            connection = self._connect()
        except StoreUnavailable:
            if not self.path.exists():  # nothing was ever signed out here
                return frozenset()
            raise
        try:
            rows = connection.execute("SELECT id FROM revoked WHERE until >= ?", (self.clock(),)).fetchall()
        finally:
            connection.close()
        ids = frozenset(row[0] for row in rows)
        with self._lock:
            self._revoked = (now, ids)
        return ids
