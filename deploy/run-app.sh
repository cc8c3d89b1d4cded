#!/usr/bin/env bash
# One dashboard process behind nginx (deploy/nginx-newsdash.conf).
#   deploy/run-app.sh 8501 dashboard.newsroom.internal
#   deploy/run-app.sh 8502 dashboard.newsroom.internal
# The second argument is the host name readers type. Streamlit accepts websocket
# connections only from origins it knows: this name, localhost and 127.0.0.1 (for any
# other it would ask the internet for this machine's address, which we never want).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:?usage: run-app.sh PORT PUBLIC_HOST}"
PUBLIC_HOST="${2:?usage: run-app.sh PORT PUBLIC_HOST}"
exec .venv/bin/streamlit run dashboard.py \
  --server.port "$PORT" \
  --server.address 127.0.0.1 \
  --server.baseUrlPath newsdash \
  --browser.serverAddress "$PUBLIC_HOST" \
  --server.headless true
