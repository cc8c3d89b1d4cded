"""The press kit's README: source, date, caveats, how to cite, what each file is, and the
sha256 of every file the kit was built from. Plain Markdown, English with the caveats also
in Arabic, so it reads well in a mail client as in a file browser."""

from __future__ import annotations

import hashlib
from datetime import datetime

from newsdash.data.corpus import Corpus
from newsdash.data.loading import LoadedArticle
from newsdash.views.review import corrections_text

WHAT_FILES_ARE = [
    ("charts/en/", "each chart in English: PNG (2x), SVG, PDF (for print), and CSV of exactly the values drawn"),
    ("charts/ar/", "the same charts in Arabic"),
    ("data/figures.", "every figure of the article with qualifier, quote, character offsets and source"),
    ("data/events.", "every dated event of the article with its date precision and quote"),
    ("data/context_", "sourced context rows from other outlets, each with source title and URL"),
    ("source/data/articles/", "the curated YAML the dashboard reads"),
    ("source/data/context/", "the context tables as curated"),
    ("source/seeds/", "the original Arabic text, byte for byte"),
    ("MANIFEST.json", "sha256 and size of every source file and of every file in this kit"),
    ("SHA256SUMS", "the same hashes for `sha256sum -c SHA256SUMS`"),
    ("README.md", "this file"),
]


def readme_text(corpus: Corpus, built_from: dict[str, bytes], listing: list[str],
                built_at: datetime, images_missing: str | None) -> str:
    parts = ["# Press kit: Karabakh peacekeeping, the figures\n",
             f"Built {built_at:%Y-%m-%d %H:%M} UTC from the curated data of the newsroom dashboard.\n"]
    for loaded in corpus.articles:
        parts += [part for part in (_source(loaded), _corrections(loaded, corpus), _caveats(loaded, corpus),
                                    _citation(loaded)) if part]
    if images_missing:
        parts.append(f"**No PNG, SVG or PDF in this kit**: {images_missing}. "
                     "The data and the chart CSVs are complete.\n")
    parts += [_built_from(built_from), _files(listing)]
    return "\n".join(parts)


def _source(loaded: LoadedArticle) -> str:
    info = loaded.article.article
    return "\n".join([
        "## Source\n",
        f"- Outlet: {info.outlet.en} ({info.outlet.ar}), wire: {info.wire_agency.en}",
        f"- Published: {info.published}",
        f"- Headline (original, Arabic): {info.title_original}",
        f"- Headline (our translation): {info.title.en}",
        f"- Speaker: {info.speaker.name.en}, {info.speaker.role.en}",
        f"- Original text: `source/seeds/{info.seed.file}` (sha256 `{info.seed.sha256}`)\n",
    ])


def _corrections(loaded: LoadedArticle, corpus: Corpus) -> str:
    """Every change approved after the article was first published, dated, with the old
    values (data/review/log.jsonl); nothing when there was none."""
    entries = corpus.corrections(loaded.id)
    if not entries:
        return ""
    lines = ["## Corrections\n"]
    lines += [f"- {en}\n  {ar}" for en, ar in zip(corrections_text(entries, "en"), corrections_text(entries, "ar"),
                                                     strict=True)]
    return "\n".join(lines) + "\n"


def _caveats(loaded: LoadedArticle, corpus: Corpus) -> str:
    info = loaded.article.article
    lines = ["## Caveats\n", f"- {info.claim_caveat.en}", f"- {info.claim_caveat.ar}",
             "- \"More than\" figures are lower bounds and \"about\" figures approximations; "
             "every file keeps the qualifier beside the value.",
             "- English texts are our translations; the Arabic quote in each row is the original."]
    lines += [f"- {note.text.en}" for note in loaded.article.notes]
    lines += [f"- Inconsistent reports flagged: {flag.sentence()}" for flag in corpus.flags]
    return "\n".join(lines) + "\n"


def _citation(loaded: LoadedArticle) -> str:
    info = loaded.article.article
    return "\n".join([
        "## How to cite\n",
        f"Figures as stated by {info.speaker.name.en} ({info.speaker.role.en}) to "
        f"{info.wire_agency.en}, published by {info.outlet.en} on {info.published}: "
        f"\"{info.title.en}\" (original Arabic headline: \"{info.title_original}\"). "
        "Claims by one party, not independently verified.\n",
        "On a chart: keep the source line and the caveat drawn on the image; "
        "do not crop them.\n",
    ])


def _built_from(built_from: dict[str, bytes]) -> str:
    rows = [f"| `{path}` | `{hashlib.sha256(data).hexdigest()}` |" for path, data in sorted(built_from.items())]
    return "\n".join(["## Built from\n", "| file | sha256 |", "|---|---|", *rows]) + "\n"


def _files(listing: list[str]) -> str:
    lines = ["## Files\n"]
    for prefix, meaning in WHAT_FILES_ARE:
        matched = [p for p in listing if p.startswith(prefix)]
        if matched:
            shown = f"{prefix}…" if prefix[-1] in "/._" else prefix
            lines.append(f"- `{shown}`: {meaning} ({len(matched)} file(s))")
    lines += ["", "Every file:", "", *(f"- `{path}`" for path in listing)]
    return "\n".join(lines) + "\n"
