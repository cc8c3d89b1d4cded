"""Entry point: page config, the shared sidebar, and navigation between the pages."""

import streamlit as st

from newsdash.app.preload import start_loading_the_chart_library

# The favicon is an emoji: Streamlit draws it as an inline SVG, where a :material/...: icon
# would make every browser fetch it from fonts.gstatic.com (see tests/test_secure_defaults.py).
# No page_title: it would override every st.Page title, and each tab is named after its
# own page, in the reader's language.
st.set_page_config(page_icon="📰", layout="wide")
start_loading_the_chart_library()  # before the imports below: the browser loads it while they run

from newsdash.app import heap
from newsdash.app.gate import password_gate
from newsdash.app.layout import apply_direction, language
from newsdash.reading.i18n import t

lang = language()
apply_direction(lang)
password_gate(lang)  # when a password is configured, nothing below runs without it

PAGES = [
    # Material icons ship with Streamlit; emoji would need a font the server may lack
    ("pages/overview.py", "page_overview", ":material/dashboard:", True),
    ("pages/demining.py", "page_demining", ":material/landslide:", False),
    ("pages/returns.py", "page_returns", ":material/home:", False),
    ("pages/timeline.py", "page_timeline", ":material/timeline:", False),
    ("pages/original_text.py", "page_original", ":material/article:", False),
    ("pages/data_method.py", "page_method", ":material/table_view:", False),
    ("pages/add_article.py", "page_add", ":material/post_add:", False),
]

navigation = st.navigation(
    [st.Page(path, title=t(key, lang), icon=icon, default=default) for path, key, icon, default in PAGES]
)
try:
    navigation.run()
finally:
    # Freeze what this run added to the long-lived heap (corpus, charts, views), so the
    # garbage collection Streamlit runs after every rerun skips it: see newsdash/app/heap.py
    heap.settle()
