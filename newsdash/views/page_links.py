"""A page's address as st.Page names it, and the Original text page's fixed script: light
(no data layer), so the server's door can import them at its start (the CSP's script
hashes, the embeds' links) without the seconds the data layer takes to import."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode


def page_url(page: str, params: dict[str, str]) -> str:
    """The URL of a page as st.Page names it ('pages/demining.py' -> 'demining?fig=...').

    Relative, so it works under any base path. st.Page drops a leading number prefix
    such as '01_' from the file name.
    """
    path = re.sub(r"^\d+[_ -]*", "", Path(page).stem)
    query = urlencode(params)
    return f"{path}?{query}" if query else path


# Where scrollIntoView puts an element, as a test of its box `r` ("start": its top at its
# scroll margin, below Streamlit's header; "center": the middle of the window)
_OUT_OF_PLACE = {"start": "Math.abs(r.top-(parseFloat(getComputedStyle(el).scrollMarginTop)||0))>16",
                 "center": "Math.abs((r.top+r.bottom)/2-innerHeight/2)>40"}


def keep_in_view_js(find: str, block: str) -> str:
    """A script's body that scrolls to an element once it is drawn and keeps it in place
    while the page settles. Streamlit draws the page after the browser has looked for it,
    and the page keeps changing after the first scroll: what is drawn above pushes the
    element away (the rest of the run, the charts once their library has loaded, a web
    font), and what is drawn below lets it come up further (the last chart of a page was
    scrolled as far as the page then went, 665 px down, and stayed there once the page had
    grown). So: look every 100 ms for up to 30 s; scroll to it whenever it is not where
    `block` puts it (scrolling changes nothing where the page cannot go further); stop once
    it has stayed in place for two seconds, or as soon as the reader scrolls, taps or
    presses a key. `find` is a JavaScript expression for the element. Fixed text, no data;
    no '<' inside: Streamlit's sanitizer drops a script whose text holds '<' before a
    letter or digit."""
    return ("(function(){var stop=false,still=0,tries=0;"
            "function quit(){stop=true;}"
            "['wheel','touchstart','keydown','mousedown'].forEach(function(t){"
            "window.addEventListener(t,quit,{once:true,capture:true});});"
            "function go(){if(stop){return;}var el=FIND;"
            "if(el){var r=el.getBoundingClientRect();"
            "if(OUT_OF_PLACE){el.scrollIntoView({block:'BLOCK'});still=0;}else{still+=1;}"
            "if(still>=20){return;}}"
            "tries+=1;if(tries>=300){return;}setTimeout(go,100);}go();})();"
            ).replace("FIND", find).replace("BLOCK", block).replace("OUT_OF_PLACE", _OUT_OF_PLACE[block])


# The selected record's mark (article_html marks it q-selected), on Original text. Its
# CSP hash is the page's (newsdash/app/page_scripts.py).
SCROLL_TO_SELECTED_JS = ("<script>" + keep_in_view_js("document.querySelector('.nd-text mark.q-selected')", "center")
                         + "</script>")
