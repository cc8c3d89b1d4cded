"""What the overview page says, as plain functions of the data."""

from __future__ import annotations

from newsdash.i18n import category_label, format_date, format_short, format_value, t, unit_label
from newsdash.loading import LoadedArticle
from newsdash.models import ArticleInfo, Figure

PAGE_LINKS = [
    ("pages/demining.py", "page_demining"),
    ("pages/returns.py", "page_returns"),
    ("pages/timeline.py", "page_timeline"),
    ("pages/original_text.py", "page_original"),
    ("pages/data_method.py", "page_method"),
]


def source_line(info: ArticleInfo, lang: str) -> str:
    """'Source: UrduPoint Network / Sputnik · 2021-12-29 · Andrei Rudenko, Deputy …'"""
    parts = [
        f"{t('source_card', lang)}: {info.outlet.get(lang)} / {info.wire_agency.get(lang)}",
        f"{t('published', lang)}: {format_date(info.published, lang)}",
        f"{t('speaker', lang)}: {info.speaker.name.get(lang)}, {info.speaker.role.get(lang)}",
    ]
    return " · ".join(parts)


def figures_by_category(loaded: LoadedArticle) -> dict[str, list[Figure]]:
    groups: dict[str, list[Figure]] = {}
    for fig in loaded.article.confirmed_figures:
        groups.setdefault(fig.category, []).append(fig)
    return groups


def category_heading(category: str, lang: str) -> str:
    return category_label(category, lang)


def metric_value(fig: Figure, lang: str) -> str:
    """'26,000+': short enough never to be cut, so the qualifier is never dropped."""
    return format_short(fig.value, fig.qualifier, lang, fig.value_max)


def metric_caption(fig: Figure, lang: str) -> str:
    """The value in words with its unit: 'more than 26,000 explosive objects'."""
    return f"{format_value(fig.value, fig.qualifier, lang, fig.value_max)} {unit_label(fig.unit, lang)}"


def metric_help(fig: Figure, lang: str) -> str:
    """The tooltip: the value in words, the verbatim quote, its translation, who said it."""
    return "\n\n".join([
        metric_caption(fig, lang),
        f"{t('quote', lang)}: «{fig.quote}»",
        f"{t('translation', lang)}: {fig.translation}",
        f"{t('attributed_to', lang)}: {fig.attributed_to}",
    ])
