"""The door behind deploy/nginx-newsdash.conf with two replicas (the `stack` fixture): guesses
with forged X-Forwarded-For spread over both replicas stay within one budget for the whole
deployment, nginx's own limit answers 429 to one address's flood, and a browser that signed
in before still gets in."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newsdash.app.door_cookie import KNOWN_BROWSER_COOKIE, SIGN_IN_COOKIE
from newsdash.app.signin_store import SignInStore
from tests.doorclient import GUESS_PAUSE_S, call, cookie_header, post_sign_in, signed_in_cookies
from tests.nginx_stack import BASE, PASSWORD, SPACING

pytestmark = [pytest.mark.browser, pytest.mark.deploy]
ATTACK_SECONDS = 10


class TestGuessingThroughNginx:
    def test_guesses_over_two_replicas_share_one_budget_and_a_returning_browser_gets_in(self, stack):
        url = stack.url.rstrip("/")
        state = Path(stack.env["DASHBOARD_STATE_DIR"])
        known = signed_in_cookies(url, PASSWORD)[KNOWN_BROWSER_COOKIE]  # before the attack
        time.sleep(SPACING)
        since_line, start = stack.logged(), time.time()
        stop_at = time.monotonic() + ATTACK_SECONDS
        seen = {401: 0, 429: 0, 303: 0}
        lock = threading.Lock()

        def guesser(worker: int) -> None:
            """Forged addresses, and a made-up known-browser cookie to slip past nginx's limit."""
            rng = random.Random(worker)
            while time.monotonic() < stop_at:
                answer = post_sign_in(url, f"guess {rng.random()}", cookies={KNOWN_BROWSER_COOKIE: f"x{worker}.y"},
                                      forwarded_for=f"203.0.{rng.randrange(256)}.{rng.randrange(1, 255)}")
                with lock:
                    seen[answer.status] = seen.get(answer.status, 0) + 1
                time.sleep(GUESS_PAUSE_S)

        with ThreadPoolExecutor(8) as pool:
            attackers = [pool.submit(guesser, w) for w in range(8)]
            time.sleep(ATTACK_SECONDS / 2)
            returning = post_sign_in(url, PASSWORD, cookies={KNOWN_BROWSER_COOKIE: known})
            for attacker in attackers:
                attacker.result()
        checks = SignInStore(state).checks_since(start)
        print(f"through nginx: {seen}, {checks} checks in {ATTACK_SECONDS} s")
        assert returning.status == 303 and returning.cookie_value(SIGN_IN_COOKIE)
        assert seen.get(303, 0) == 0
        assert checks <= ATTACK_SECONDS / SPACING + 2, (checks, seen)  # one budget, two replicas
        assert stack.ports_since(since_line) == set(stack.ports)  # the guesses reached both
        # the form's own flood from one address, no cookie at all: nginx answers 429 itself
        statuses = [post_sign_in(url, "flood").status for _ in range(6)]
        assert statuses.count(429) >= 2, statuses
        page = call(f"{url}/", headers=cookie_header({SIGN_IN_COOKIE: returning.cookie_value(SIGN_IN_COOKIE)}))
        assert page.status == 200 and page.header("Content-Security-Policy")
        assert call(f"{url}/_stcore/metrics").status == 404
        assert call(f"{url}/demining").header("Location") == f"/{BASE}/sign-in?next=%2F{BASE}%2Fdemining"
