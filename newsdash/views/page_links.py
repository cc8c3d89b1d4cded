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


def keep_in_view_js(find: str, block: str) -> str:
    """A script's body that scrolls to an element once it is drawn and keeps it on screen
    while the page settles. Streamlit draws the page after the browser has looked for it,
    and what is drawn above it later (the rest of the run, a web font) pushes it away: the
    quote a reader followed a link to was found, scrolled to, then pushed off screen on a
    slow machine. So: look every 100 ms for up to 30 s; scroll to it when it is first found,
    and again whenever it is no longer on screen; stop once it has stayed there for a
    second, or as soon as the reader scrolls, taps or presses a key. `find` is a JavaScript expression for the element, `block` where
    scrollIntoView puts it. Fixed text, no data; no '<' inside: Streamlit's sanitizer drops
    a script whose text holds '<' before a letter or digit."""
    return ("(function(){var stop=false,placed=false,tries=0,still=0;"
            "function quit(){stop=true;}"
            "['wheel','touchstart','keydown','mousedown'].forEach(function(t){"
            "window.addEventListener(t,quit,{once:true,capture:true});});"
            "function go(){if(stop){return;}var el=FIND;"
            "if(el){var r=el.getBoundingClientRect();"
            "if(placed&&r.top>-8&&window.innerHeight+8>r.bottom){still+=1;}"
            "else{el.scrollIntoView({block:'BLOCK'});placed=true;still=0;}"
            "if(still>=10){return;}}"
            "tries+=1;if(tries>=300){return;}setTimeout(go,100);}go();})();"
            ).replace("FIND", find).replace("BLOCK", block)


# The selected record's mark (article_html marks it q-selected), on Original text. Its
# CSP hash is the page's (newsdash/app/page_scripts.py).
SCROLL_TO_SELECTED_JS = ("<script>" + keep_in_view_js("document.querySelector('.nd-text mark.q-selected')", "center")
                         + "</script>")
