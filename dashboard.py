"""Entry point, twice over. `streamlit run dashboard.py` imports this file as a module and
serves `app`: the dashboard behind its door (st.App with the door's middleware and routes,
newsdash/app/door_asgi.py). Every page run then runs this same file as its script (module
name __main__, as under AppTest too): page config, the shared sidebar, the gate, and
navigation between the pages.
"""

import streamlit as st

if __name__ != "__main__":  # imported by `streamlit run` (uvicorn): the ASGI app, nothing drawn
    from newsdash.app.door_asgi import door_middleware, door_routes, wire_identity_sources
    from newsdash.app.guard import quiet_server_header

    quiet_server_header()  # no `server: uvicorn` header on any answer
    wire_identity_sources()  # sign-in with the newsroom's accounts when [auth] configures a provider
    app = st.App(__file__, routes=door_routes(), middleware=door_middleware())

else:  # a page run
    from newsdash.app.legacy_pages import run_through_entry_script
    from newsdash.app.preload import start_loading_the_chart_library

    # Before anything is drawn: on a fresh server the first visit to / runs this script as
    # the legacy mode's page, where its widgets would get identities the next run no longer
    # knows (the first click on the language switch was lost): rerun it as itself
    run_through_entry_script()

    # The favicon is an emoji: Streamlit draws it as an inline SVG, where a :material/...: icon
    # would make every browser fetch it from fonts.gstatic.com (see tests/test_secure_defaults.py).
    # No page_title: it would override every st.Page title, and each tab is named after its
    # own page, in the reader's language.
    st.set_page_config(page_icon="📰", layout="wide")
    start_loading_the_chart_library()  # before the imports below: the browser loads it while they run

    from newsdash.app import heap
    from newsdash.app.gate import password_gate
    from newsdash.app.layout import apply_direction, language, navigation_pages

    lang = language()
    apply_direction(lang)
    password_gate(lang)  # when a sign-in is required and this browser has none, nothing below runs

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

    navigation = st.navigation(navigation_pages(PAGES, lang))
    try:
        navigation.run()
    finally:
        # Freeze what this run added to the long-lived heap (corpus, charts, views), so the
        # garbage collection Streamlit runs after every rerun skips it: see newsdash/app/heap.py
        heap.settle()
