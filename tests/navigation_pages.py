"""AppTest with the page run inside the entry script, as in a browser: what the AppTest
files of the language switch, the record pages, the form and the review share."""

from __future__ import annotations

from streamlit.runtime import pages_manager


class NavigationPages(pages_manager.PagesManager):
    """AppTest takes our `pages/` folder for Streamlit's legacy multipage mode and runs a
    switched-to page alone, without dashboard.py and its language switch. A server
    leaves that mode at the first run (newsdash.app.legacy_pages); here every run
    starts out of it, so the page runs inside the entry script as it does in a browser.
    Used as `monkeypatch.setattr(app_test, "PagesManager", NavigationPages)`."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        pages_manager.PagesManager.uses_pages_directory = False
        super().__init__(*args, **kwargs)
