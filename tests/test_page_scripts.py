"""Every script the pages run goes through one registry (newsdash/app/page_scripts.py),
and the door's CSP allows each by its hash: a static scan of the sources fails on a call
site that draws a script any other way, or a module that registers one the CSP would not
know of."""

from __future__ import annotations

import re

import pytest

from newsdash.app import door, door_asgi, page_scripts
from tests.conftest import ROOT

SOURCES = [*sorted((ROOT / "newsdash").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")), ROOT / "dashboard.py"]


def relative(path) -> str:  # noqa: ANN001
    return str(path.relative_to(ROOT))


def test_only_the_registry_draws_a_script():
    """st.html(..., unsafe_allow_javascript=True) anywhere else would bypass the CSP's list."""
    found = [relative(p) for p in SOURCES if "unsafe_allow_javascript" in p.read_text(encoding="utf-8")]
    assert found == ["newsdash/app/page_scripts.py"]
    # nor st.components' html (an iframe that runs any script)
    assert not [relative(p) for p in SOURCES if re.search(r"components\.v1|components\.html", p.read_text("utf-8"))]


def test_every_module_that_registers_a_script_is_loaded_for_the_csp():
    registering = {relative(p).removesuffix(".py").replace("/", ".") for p in SOURCES
                   if "page_scripts.script(" in p.read_text(encoding="utf-8") or p.name == "page_scripts.py"}
    assert registering == set(page_scripts.SCRIPT_MODULES)


def test_every_registered_script_is_allowed_by_the_csp_and_holds_no_angle_bracket():
    scripts = page_scripts.all_scripts()
    assert len(scripts) >= 6  # the page's own (2 languages: language, print, chart link), uploader (2), selected quote, chart library
    policy = door.content_security_policy((), door_asgi.SCRIPT_HASHES)
    for html in scripts:
        [digest] = door.inline_script_hashes(html)
        assert f"'sha256-{digest}'" in policy
        # Streamlit's sanitizer drops a script holding '<' before a letter: none can be left out
        assert not re.search(r"<[A-Za-z/]", html.removeprefix("<script>").removesuffix("</script>"))
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_drawing_refuses_a_script_that_was_not_registered():
    with pytest.raises(page_scripts.UnregisteredScript):
        page_scripts.draw(page_scripts.PageScript("<script>alert(1)</script>"))
    with pytest.raises(page_scripts.UnregisteredScript):
        page_scripts.draw(page_scripts.SCROLL_TO_SELECTED, before="<script>alert(1)</script>")


def test_the_page_style_sheets_hold_no_tag_inside():
    """A '<' before a letter inside a style sheet (a comment's '#chart-<id>') made the page
    drop the whole sheet: its link padding and the chart link's landing went with it."""
    import re

    from newsdash.app import layout

    sheets = (layout.PAGE_CSS, layout.RTL_PAGE_CSS, layout.UPLOADER_CSS)
    for sheet in sheets:
        inside = sheet.removeprefix("<style>").removesuffix("</style>")
        assert not re.search(r"<[A-Za-z/!]", inside), inside[:80]
    assert '[id^="chart-"] { scroll-margin-top:' in layout.PAGE_CSS
