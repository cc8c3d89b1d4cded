"""The confirm form of the Add an article page, as plain data: which fields it asks for,
in which sections, with which first values and labels; and what Save does with them
(newsdash.curation.confirm). The page only lays these fields out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsdash.curation import confirm, review
from newsdash.curation.proposals import propose
from newsdash.data.loading import split_paragraphs
from newsdash.data.measures import Measure
from newsdash.reading.formatting import format_value
from newsdash.reading.i18n import t

LONG_FIELDS = {"claim_caveat.en", "claim_caveat.ar", "translation"}


@dataclass(frozen=True)
class FormField:
    key: str  # where the answer goes in the article: "figures.figure_1.label.en"
    label: str
    default: str
    long: bool = False
    help: str | None = None
    options: tuple[str, ...] = ()  # a choice (the measure): ids, "" for none
    option_labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FormSection:
    heading: str
    fields: tuple[FormField, ...]
    caption: str = ""


@dataclass(frozen=True)
class Saved:
    path: Path | None
    message: str
    field: str | None = None


def _label(name: str, lang: str, mark: str = "") -> str:
    words = t("confirm_f_" + name.replace(".", "_"), lang)
    return f"{mark} · {words}" if mark else words


def _field(key: str, name: str, defaults: dict, lang: str, mark: str = "", help_: str | None = None) -> FormField:
    long = name in LONG_FIELDS or name.endswith("translation")
    return FormField(key, _label(name, lang, mark), str(defaults.get(key, "")), long, help_)


def _measure_field(key: str, defaults: dict, measures: Mapping[str, Measure], unit: str, lang: str,  # noqa: PLR0913
                   mark: str) -> FormField:
    """A choice among the measures that count in the figure's unit (the loader refuses any
    other), or none; the proposal first chosen."""
    default = str(defaults.get(key, ""))
    labels = {"": t("confirm_no_measure", lang)} | {m.id: m.label.get(lang) for m in measures.values() if m.unit == unit}
    return FormField(key, _label("measure", lang, mark), default, options=tuple(labels), option_labels=labels)


def sections(draft: dict, seed_text: str, lang: str, measures: Mapping[str, Measure] | None = None) -> list[FormSection]:
    """The article's block, then each kept figure (F1...) with the measure proposed for it
    and why, each kept date (D1...), then a translation of each paragraph, the original
    beside it as help."""
    measures = measures or {}
    defaults = confirm.form_defaults(draft)
    info = [_field("article.id", "id", defaults, lang, help_=t("confirm_id_help", lang))]
    info += [_field(f"article.{name}", name, defaults, lang) for name in confirm.ARTICLE_FIELDS[1:]]
    result = [FormSection(t("confirm_article_heading", lang), tuple(info))]
    for figure in draft.get("figures", []):
        mark = "F" + figure["id"].rsplit("_", 1)[-1]
        fields = [_measure_field(f"figures.{figure['id']}.measure", defaults, measures, figure["unit"], lang, mark)
                  if name == "measure" else
                  _field(f"figures.{figure['id']}.{name}", name, defaults, lang, mark,
                         t("confirm_period_help", lang) if name == "period" else None)
                  for name in confirm.FIGURE_FIELDS]
        reading = format_value(figure["value"], figure["qualifier"], lang, figure.get("value_max"))
        why = propose(figure["quote"], figure["unit"], measures).reason(lang) if measures else ""
        result.append(FormSection(f"{mark} · {reading} · «{figure['quote']}»", tuple(fields), why))
    for event in draft.get("events", []):
        mark = "D" + event["id"].rsplit("_", 1)[-1]
        fields = [_field(f"events.{event['id']}.{name}", name, defaults, lang, mark) for name in confirm.EVENT_FIELDS]
        result.append(FormSection(f"{mark} · {event['date']} · «{event['quote']}»", tuple(fields)))
    originals = split_paragraphs(seed_text)
    paragraphs = [FormField(f"paragraphs.{p['index']}.translation",
                            t("confirm_paragraph", lang).format(number=p["index"] + 1),
                            str(defaults.get(f"paragraphs.{p['index']}.translation", "")), True,
                            originals[p["index"]] if p["index"] < len(originals) else None)
                  for p in draft.get("paragraphs", [])]
    result.append(FormSection(t("confirm_paragraphs_heading", lang), tuple(paragraphs)))
    return result


def field_label(sections_: list[FormSection], key: str | None) -> str | None:
    return next((f.label for s in sections_ for f in s.fields if f.key == key), None)


def save(draft: dict, raw: bytes, answers: dict, data: Path, *, editor: str | None,
         lang: str, sections_: list[FormSection]) -> Saved:
    """Save the confirmed article for review, as this editor (newsdash.curation.review);
    on a refusal, the reason and the field it names."""
    try:
        entry = review.submit(confirm.confirm(draft, answers), raw, data, editor)
    except confirm.SaveRefused as refused:
        named = field_label(sections_, refused.field)
        where = t("confirm_refused_field", lang).format(field=named) if named else ""
        return Saved(None, t("confirm_refused", lang).format(where=where, reason=refused.message), refused.field)
    except OSError as problem:  # a full disk, a read-only folder: said in words, not a traceback
        reason = f"{problem.strerror or problem}: {problem.filename or data}"
        return Saved(None, t("confirm_refused", lang).format(where="", reason=reason))
    path = review.pending_path(data, entry.article)
    return Saved(path, t("saved_for_review", lang).format(name=f"review/pending/{path.name}", editor=entry.editor))
