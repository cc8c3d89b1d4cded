# The dashboard in a container: `docker build -t newsdash .` then
# `docker run --rm -p 127.0.0.1:8501:8501 -v newsdash-record:/var/lib/newsdash/record \
#    -e DASHBOARD_PASSWORD_HASH='scrypt$...' -e DASHBOARD_COOKIE_SECRET=... newsdash`.
# Replicas behind nginx: deploy/compose.yaml (`--scale app=N`); Kubernetes: deploy/k8s/.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Debian's Chromium for the PNG/SVG exports (kaleido drives it; never `playwright install`)
# and Noto, which carries the Arabic faces (Naskh, Sans, Kufi) the charts and pages use.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-core \
 && rm -rf /var/lib/apt/lists/*

# The pinned dependencies first: their layer is reused while only the code changes.
COPY requirements.txt /tmp/requirements.txt
RUN pip install -r /tmp/requirements.txt

# The package (code only) ...
COPY pyproject.toml README.md /tmp/src/
COPY newsdash /tmp/src/newsdash
RUN pip install --no-deps /tmp/src && rm -rf /tmp/src /tmp/requirements.txt

# ... and the app folder it serves: entry script, pages, Streamlit settings, and the
# bundled record (data/ and seeds/), which is only ever read: copied into the record
# volume on its first start.
# Secrets are not baked in: give them in the environment (DASHBOARD_PASSWORD_HASH,
# DASHBOARD_COOKIE_SECRET) or mount a secrets.toml at /app/.streamlit/secrets.toml.
WORKDIR /app
COPY dashboard.py ./
COPY pages ./pages
COPY .streamlit/config.toml ./.streamlit/config.toml
COPY data ./data
COPY seeds ./seeds

# The record every replica reads and writes: one folder, owned by the app's user, a
# volume (compose's named volume, Kubernetes' ReadWriteMany claim). Made and owned before
# VOLUME: Docker copies a new named volume's owner from here, so Save works as the app's
# user. The uid is fixed: Kubernetes' runAsUser and fsGroup name it (deploy/k8s/).
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/newsdash \
      --shell /usr/sbin/nologin newsdash \
 && install -d -o newsdash -g newsdash -m 0770 /var/lib/newsdash/record
VOLUME ["/var/lib/newsdash/record"]
USER 10001:10001

# The app folder for `newsdash serve`, the record for every command (validate, export);
# seeds live inside the record (<record>/seeds).
ENV DASHBOARD_APP_DIR=/app \
    DASHBOARD_DATA_DIR=/var/lib/newsdash/record \
    HOME=/home/newsdash \
    BROWSER_PATH=/usr/bin/chromium

EXPOSE 8501

# No curl in slim images: Python's urllib asks Streamlit's own health route.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

# Every start, whatever the command: an empty record volume gets the bundled record (never
# over an existing one), what a replica killed mid-save left is cleaned up, orphans are
# logged; then the command takes the process's place (newsdash/data/store.py).
ENTRYPOINT ["python", "-m", "newsdash.data.store", "prepare", "--bundle", "/app/data", "--"]

# Inside a container, 0.0.0.0 is the container's own interface: publish the port on the
# host's loopback (or put nginx in front), as the commands above do.
CMD ["newsdash", "serve", "--address", "0.0.0.0"]
