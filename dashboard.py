"""Entry point: page config, the shared sidebar, and navigation between the pages."""

import streamlit as st

from newsdash.i18n import t
from newsdash.widgets import language

st.set_page_config(page_title="Karabakh peacekeeping: the figures", page_icon="📰", layout="wide")

lang = language()

PAGES = [
    ("pages/overview.py", "page_overview", "🏠", True),
    ("pages/demining.py", "page_demining", "💣", False),
    ("pages/returns.py", "page_returns", "🏘️", False),
    ("pages/timeline.py", "page_timeline", "🗓️", False),
    ("pages/original_text.py", "page_original", "📄", False),
    ("pages/data_method.py", "page_method", "🔎", False),
]

navigation = st.navigation(
    [st.Page(path, title=t(key, lang), icon=icon, default=default) for path, key, icon, default in PAGES]
)
navigation.run()
