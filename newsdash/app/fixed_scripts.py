"""Every page's fixed scripts, registered for the door's CSP (newsdash.app.page_scripts)
when this module is imported: light (no data layer, no Streamlit), so the server computes
their hashes at its start without importing what the pages need (that waits for the first
page run, while the browser loads Streamlit's own code)."""

from __future__ import annotations

import json

from newsdash.app import page_scripts
from newsdash.app.aria_labels import ARABIC_LABELS_JS
from newsdash.app.print_css import PRINT_JS
from newsdash.exports.embeds import chart_anchor
from newsdash.reading.i18n import LANGS, t
from newsdash.views.page_links import keep_in_view_js

# The page's language on <html> itself (WCAG 3.1.1): Streamlit writes <html lang="en">
# whatever the page says, and its text elements take no lang attribute. A fixed script,
# run in the page (st.html runs no script unless told to); it holds no data. The switch
# back to English needs it as much as the switch to Arabic. Not dir="rtl" on <html>:
# Streamlit's frame (the sidebar's rail, the header) is laid out for left to right and
# its rail then covers the text; the main area's direction is set by RTL_PAGE_CSS.
# The language switch names each language in itself ("العربية" on an English page): that
# option is marked in its own language too (WCAG 3.1.2), once the switch is drawn.
DOCUMENT_LANGUAGE_JS = """<script>
document.documentElement.lang = "{lang}";
(function markOptions(tries) {{
  const options = document.querySelectorAll('[data-testid="stMain"] [role="radio"]');
  options.forEach(function (option) {{
    option.lang = /[\u0600-\u06ff]/.test(option.textContent) ? "ar" : "en";
  }});
  if (options.length === 0 && tries > 0) setTimeout(function () {{ markOptions(tries - 1); }}, 200);
}})(25);
</script>"""


# A link to a chart ends in #chart-<id>; Streamlit draws the page after the browser has
# looked for the anchor, so a script scrolls to it once it is drawn, and keeps it on
# screen while the page settles (newsdash.app.share draws the anchor in the chart's
# heading). The anchor is read from the URL. No '<' inside.
SCROLL_TO_CHART_JS = ("<script>(function () {var id = decodeURIComponent(location.hash.slice(1));"
                      "if (id.indexOf(PREFIX) !== 0) return;" + keep_in_view_js("document.getElementById(id)", "start")
                      + "})();</script>").replace("PREFIX", json.dumps(chart_anchor("")))


# Every page's fixed scripts as one: its language, its charts fitted to paper while it
# is printed (newsdash.app.print_css), a '#chart-<id>' link scrolled to its chart
# (newsdash.app.share). One script and one set of style sheets, drawn as one element at
# the head of each run: every element costs a run its message, its hash and its send.
# An Arabic page's also puts Streamlit's own screen-reader labels in Arabic (newsdash.app.aria_labels).
PAGE_SCRIPT = {code: page_scripts.script(page_scripts.joined(DOCUMENT_LANGUAGE_JS.format(lang=code), PRINT_JS,
                                                               SCROLL_TO_CHART_JS,
                                                               *((ARABIC_LABELS_JS,) if code == "ar" else ())))
               for code in LANGS}


# Streamlit's uploader writes its own words in English whatever the page's language:
# "Upload" on its button and "200MB per file • TXT" under it, a limit that is not ours
# (the label gives the article's real limit, in the reader's language). The instructions
# are hidden by a style; the button's word is replaced by a script (CSS content would
# leave the button without an accessible name), tried for a few seconds while it draws.
UPLOADER_BUTTON_JS = """<script>
(function relabel(tries) {
  const words = document.querySelectorAll(
    '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p');
  words.forEach(function (p) { p.textContent = %s; });
  if (words.length === 0 && tries > 0) setTimeout(function () { relabel(tries - 1); }, 200);
})(25);
</script>"""
UPLOADER_BUTTON = {code: page_scripts.script(UPLOADER_BUTTON_JS % json.dumps(t("add_choose_file", code)))
                   for code in LANGS}
