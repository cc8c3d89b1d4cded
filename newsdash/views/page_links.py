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


# A script that scrolls the page to the selected record's mark (article_html marks it
# q-selected) once it is drawn. The article is drawn by the same rerun, possibly a moment
# later: try for a few seconds, then give up quietly. Fixed text, no data (the page's CSP
# allows it by its hash: newsdash/app/page_scripts.py); no '<' inside: Streamlit's
# sanitizer drops a script whose text holds '<' before a letter or digit.
SCROLL_TO_SELECTED_JS = ("<script>(function(){var tries=0;function go(){"
                         "var el=document.querySelector('.nd-text mark.q-selected');"
                         "if(el){el.scrollIntoView({block:'center'});return;}"
                         "tries+=1;if(tries>50){return;}setTimeout(go,100);}go();})();</script>")
