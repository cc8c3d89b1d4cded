# The dashboard in a container: `docker build -t newsdash .` then
# `docker run --rm -p 127.0.0.1:8501:8501 -e DASHBOARD_PASSWORD_HASH='scrypt$...' newsdash`.
# Two replicas behind nginx: deploy/compose.yaml.
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

# ... and the app folder it serves: entry script, pages, Streamlit settings, data, seeds.
# Secrets are not baked in: give the hash in the environment (DASHBOARD_PASSWORD_HASH) or
# mount a secrets.toml at /app/.streamlit/secrets.toml.
WORKDIR /app
COPY dashboard.py ./
COPY pages ./pages
COPY .streamlit/config.toml ./.streamlit/config.toml
COPY data ./data
COPY seeds ./seeds

RUN useradd --system --uid 10001 --create-home --home-dir /home/newsdash --shell /usr/sbin/nologin newsdash
USER newsdash

# The app folder for `newsdash serve`, the data folder for every command (validate, export).
ENV DASHBOARD_APP_DIR=/app \
    DASHBOARD_DATA_DIR=/app/data \
    BROWSER_PATH=/usr/bin/chromium

EXPOSE 8501

# No curl in slim images: Python's urllib asks Streamlit's own health route.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

# Inside a container, 0.0.0.0 is the container's own interface: publish the port on the
# host's loopback (or put nginx in front), as the commands above do.
CMD ["newsdash", "serve", "--address", "0.0.0.0"]
