"""'Cite this': how to cite a chart of the dashboard, in English or Arabic.

Who said it comes first (the outlet and wire, the date, the speaker and the article's
title), then where the reader saw it (the chart, the dashboard, its link) and when it was
retrieved: a citation of a claim, never of a fact. Dates and numbers in the language's
digits; the link as it is. Plain text: the page shows it in a code block to copy.
"""

from __future__ import annotations

from datetime import date

from newsdash.data.models import ArticleInfo
from newsdash.reading.formatting import format_date
from newsdash.reading.i18n import t


def citation(info: ArticleInfo, chart_title: str, link: str, retrieved: date | str, lang: str) -> str:
    """'UrduPoint Network / Sputnik (29 December 2021). Andrei Rudenko, …, quoted in “…”.
    In <chart>, <dashboard>. <link> (retrieved 6 December 2026).'"""
    retrieved_iso = retrieved.isoformat() if isinstance(retrieved, date) else retrieved
    return " ".join(t("cite_template", lang).format(
        outlet=f"{info.outlet.get(lang)} / {info.wire_agency.get(lang)}",
        date=format_date(info.published, lang),
        speaker=info.speaker.name.get(lang),
        role=info.speaker.role.get(lang),
        title=info.title.get(lang).rstrip("."),
        chart=chart_title,
        dashboard=t("app_title", lang),
        url=link,
        retrieved=format_date(retrieved_iso, lang),
    ).split())
