#!/usr/bin/env bash
# Install everything the tests need (pip packages; Debian's chromium, its headless shell,
# Arabic fonts and nginx when missing) and run the whole suite. Used by the README and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's packages install in the background while pip fills the virtualenv (about 15 s
# of apt beside the packages' install on a fresh machine); the suite starts once both are done.
# The headless shell only makes the browser tests cheaper (tests/conftest.py falls back to the
# full chromium without it): a mirror without it warns and the suite goes on.
APT_PACKAGES="chromium chromium-driver fonts-noto-core nginx"
SHELL_PACKAGE="chromium-headless-shell"
apt_pid=""
apt_log=$(mktemp)
if ! command -v chromium >/dev/null 2>&1 || [ ! -x /usr/lib/chromium/chromium-headless-shell ] \
    || ! command -v nginx >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Naskh Arabic"; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  # shellcheck disable=SC2086 # the package list splits into words on purpose
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $APT_PACKAGES \
      && { $SUDO apt-get install -y -qq --no-install-recommends $SHELL_PACKAGE \
           || echo "warning: no $SHELL_PACKAGE here: the browser tests drive the full chromium" >&2; }; } \
    >"$apt_log" 2>&1 &
  apt_pid=$!
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
# uv installs the same pinned packages, compiled, in about 10 s where pip takes 36 s
# (docs/performance.md); pip is the fallback where uv cannot be had or cannot install.
UV_VERSION="0.13.10"
if ! { .venv/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION" \
       && .venv/bin/python -m uv pip install -q --compile-bytecode --python .venv/bin/python \
            -r requirements-dev.txt; }; then
  echo "warning: uv could not install the packages: pip installs them" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
fi

# axe-core for the accessibility browser tests (tests/test_browser_reading.py), at the
# version package-lock.json pins
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm is needed for axe-core (apt-get install npm)" >&2; exit 1; }
  npm ci --no-audit --no-fund --silent
fi

# the lint and the record's check need none of Debian's packages: they run while apt
# finishes, and a failure is reported once apt is done (no install left running)
checks_failed=0
.venv/bin/python -m ruff check newsdash pages dashboard.py tests && .venv/bin/python -m newsdash validate \
  || checks_failed=1

if [ -n "$apt_pid" ] && ! wait "$apt_pid"; then
  cat "$apt_log" >&2
  echo "apt-get could not install: $APT_PACKAGES" >&2
  exit 1
fi
grep -h "^warning:" "$apt_log" >&2 || true
rm -f "$apt_log"
[ "$checks_failed" = 0 ] || exit 1
# three worker processes (pytest-xdist) on two cores: while one waits on its browser or
# server, the other two have the cores (docs/performance.md: the suite took 9 min 33 s with
# three, 11 min 2 s with two; four did no better than three). Each test module stays on one worker, in order, so a module's server fixture
# starts once. TEST_WORKERS=0 runs in this process.
# Python may keep its compiled files (PYTHONDONTWRITEBYTECODE off for the tests): pytest
# then keeps the test modules it rewrote for its asserts, and a second run's collection
# takes half the CPU (5 s instead of 11 s a process).
exec env -u PYTHONDONTWRITEBYTECODE .venv/bin/python -m pytest -n "${TEST_WORKERS:-3}" --dist loadscope \
  --no-loadscope-reorder "$@"
