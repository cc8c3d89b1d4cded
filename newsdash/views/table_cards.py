"""A table as a list of cards, for a phone's width.

At 390 px a data grid shows two or three of its columns and hides the rest behind a
sideways scroll inside a canvas (the Data & method table cut its date column; the
Sourced context table showed no value at all). A card per row shows every cell a reader
needs, top to bottom: the row's name as its heading, the cells that matter most always
visible, the rest behind one tap. The page draws both the grid and the cards and a style
shows one by the screen's width (newsdash.app.layout.responsive_table).
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pandas as pd

from newsdash.reading.formatting import format_number
from newsdash.reading.i18n import t
from newsdash.textsafety import html_text

CARDS_CSS = """<style>
ul.nd-cards { list-style: none; padding: 0 !important; margin: 0 !important; }
ul.nd-cards > li.nd-card { border: 1px solid rgba(49, 51, 63, .25); border-radius: .5rem; padding: .5rem .75rem;
  margin: 0 0 .5rem 0 !important; }
.nd-card .nd-card-head { font-size: 1rem; font-weight: 700; margin: 0 0 .25rem; line-height: 1.4; }
.nd-card dl { display: grid; grid-template-columns: minmax(5rem, 34%) minmax(0, 1fr); gap: .1rem .75rem;
  margin: 0 !important; padding: 0 !important; }
.nd-card dt { font-size: .85rem; font-weight: 400; color: #4a4a4a; margin: 0 !important; padding: 0 !important; }
.nd-card dd { margin: 0 !important; padding: 0 !important; overflow-wrap: anywhere; }
.nd-card a { display: inline-block; min-height: 24px; line-height: 24px; }
.nd-card summary { min-height: 24px; line-height: 24px; cursor: pointer; font-size: .9rem; margin-top: .25rem; }
.nd-cards[dir="rtl"] { text-align: right; font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif; }
details.nd-card-group { margin: 0 0 .5rem; }
details.nd-card-group > summary { min-height: 32px; line-height: 32px; cursor: pointer; font-weight: 600;
  font-size: 1rem; }
details.nd-card-group[dir="rtl"] > summary { text-align: right; font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif; }
</style>"""


@dataclass(frozen=True)
class CardSpec:
    """How a table's rows become cards.

    heading: the column naming the row; always: the columns shown on every card (the
    date and value among them); labels: each column's words in the page's language;
    links: a column holding addresses, with the words to show for them (None: the address
    itself); verbatim: columns shown as the data holds them (quotes, ids, file names);
    english: columns in English whatever the page's language (the editors' translation)."""

    heading: str
    always: Sequence[str]
    labels: Mapping[str, str]
    links: Mapping[str, str | None] = field(default_factory=dict)
    verbatim: Sequence[str] = ()
    english: Sequence[str] = ()


def _empty(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _safe_address(address: str) -> bool:
    """A web address or a link inside the app; never a script (javascript:, data:)."""
    scheme = address.split(":", 1)[0].lower() if ":" in address.split("/", 1)[0] else ""
    return scheme in ("", "http", "https")


def _host(address: str) -> str:
    """'https://www.tass.com/defense/1226571' -> 'tass.com'; an address without a host as it is."""
    host = urlsplit(address).hostname or address
    return host.removeprefix("www.")


def cell_html(column: str, value: object, spec: CardSpec, lang: str) -> str:
    """One cell's value as HTML, escaped: a link, the data's own words, or the words and
    digits of the language."""
    if column in spec.links and isinstance(value, str) and _safe_address(value):
        shown = spec.links[column] or _host(value)  # the site's name: a whole address is a paragraph on a phone
        marks = "" if spec.links[column] else " data-verbatim"
        # another site opens beside the dashboard, as the grid's links do; a page of ours in place
        target = ' target="_blank" rel="noopener noreferrer"' if ":" in value.split("/", 1)[0] else ' target="_self"'
        return f'<a href="{html.escape(value)}"{target}{marks}>{html_text(shown)}</a>'
    if isinstance(value, float | int) and not isinstance(value, bool):
        value = format_number(float(value), lang)
    text = html_text(str(value))
    if column in spec.english:
        return f'<span lang="en" dir="ltr">{text}</span>'
    if column in spec.verbatim:
        return f'<span data-verbatim dir="auto">{text}</span>'
    return text


def _pairs(row: Mapping[str, object], columns: Sequence[str], spec: CardSpec, lang: str) -> str:
    cells = [f"<dt>{html_text(spec.labels.get(c, c))}</dt><dd>{cell_html(c, row[c], spec, lang)}</dd>"
             for c in columns if c in row and not _empty(row[c])]
    return f"<dl>{''.join(cells)}</dl>" if cells else ""


def card_html(row: Mapping[str, object], spec: CardSpec, lang: str) -> str:
    """One row: its name, the cells always shown, and the others behind "All details"."""
    heading = row.get(spec.heading)
    head = cell_html(spec.heading, heading, spec, lang) if not _empty(heading) else ""
    rest = [c for c in row if c not in spec.always and c != spec.heading]
    more = _pairs(row, rest, spec, lang)
    details = (f"<details><summary>{html_text(t('card_details', lang))}</summary>{more}</details>" if more else "")
    return (f'<li class="nd-card"><div class="nd-card-head">{head}</div>'
            f"{_pairs(row, spec.always, spec, lang)}{details}</li>")


def cards_html(frame: pd.DataFrame, spec: CardSpec, lang: str, name: str) -> str:
    """Every row of the table as a card, in a list named for screen readers."""
    direction = ' dir="rtl" lang="ar"' if lang == "ar" else ' dir="ltr" lang="en"'
    cards = "".join(card_html(row, spec, lang) for row in frame.to_dict("records"))
    return f'{CARDS_CSS}<ul class="nd-cards"{direction} aria-label="{html.escape(name)}">{cards}</ul>'


@dataclass(frozen=True)
class CardGroup:
    """Rows of one kind under one heading, collapsed unless `open`: a phone reader
    scrolls past a long group (the context reports) with one line, one tap from its cards."""

    title: str
    rows: pd.DataFrame
    open: bool = False


def grouped_cards_html(groups: Sequence[CardGroup], spec: CardSpec, lang: str) -> str:
    """Each group as a disclosure headed by its title and its number of rows, its
    cards inside (cards_html); empty groups left out."""
    direction = ' dir="rtl" lang="ar"' if lang == "ar" else ' dir="ltr" lang="en"'
    parts = []
    for group in groups:
        if group.rows.empty:
            continue
        count = format_number(float(len(group.rows)), lang)
        cards = cards_html(group.rows, spec, lang, group.title).removeprefix(CARDS_CSS)
        parts.append(f'<details class="nd-card-group"{direction}{" open" if group.open else ""}>'
                     f"<summary>{html_text(group.title)} ({html_text(count)})</summary>{cards}</details>")
    return CARDS_CSS + "".join(parts)
