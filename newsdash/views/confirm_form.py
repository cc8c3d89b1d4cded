"""The confirm form of the Add an article page, as plain data: which fields it asks for,
in which sections, with which first values and labels; and what Save's outcome says
(the save itself: newsdash.app.review_queue.save_for_review). The page only lays these
fields out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import field as _default
from pathlib import Path

from newsdash.curation import confirm
from newsdash.curation.proposals import propose_for_quote
from newsdash.data.loading import split_paragraphs
from newsdash.data.measures import Measure
from newsdash.reading.formatting import format_number, format_value
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
    beside: dict[str, str] = _default(default_factory=dict)  # form key -> why it was refused, in words


def _label(name: str, lang: str, mark: str = "") -> str:
    words = t("confirm_f_" + name.replace(".", "_"), lang)
    return f"{mark} · {words}" if mark else words


def _field(key: str, name: str, defaults: dict, lang: str, mark: str = "", help_: str | None = None) -> FormField:
    long = name in LONG_FIELDS or name.endswith("translation")
    return FormField(key, _label(name, lang, mark), str(defaults.get(key, "")), long, help_)


def _measure_field(key: str, defaults: dict, measures: Mapping[str, Measure], unit: str, lang: str,  # noqa: PLR0913
                   mark: str, proposed: Mapping | None = None) -> FormField:
    """A choice among the measures that count in the figure's unit (the loader refuses any
    other), the new measure the draft proposes for it, or none; the proposal first chosen."""
    default = str(defaults.get(key, ""))
    labels = {"": t("confirm_no_measure", lang)} | {m.id: m.label.get(lang) for m in measures.values() if m.unit == unit}
    if proposed:
        labels[str(proposed["id"])] = t("confirm_new_measure", lang).format(label=proposed["label"][lang])
    return FormField(key, _label("measure", lang, mark), default, options=tuple(labels), option_labels=labels)


def _decided(value: object) -> bool:
    """The draft already holds the answer (an English text's own English, a unit the
    machine knows): nothing for the editor to decide, so the form does not ask."""
    return isinstance(value, str) and bool(value.strip()) and not confirm.holds_placeholder(value)


def _asked(record: Mapping, name: str) -> bool:
    return name not in ("unit", "translation") or not _decided(confirm.value_at(record, name))


def sections(draft: dict, seed_text: str, lang: str, measures: Mapping[str, Measure] | None = None) -> list[FormSection]:
    """The article's block, then each kept figure (F1...) with the measure proposed for it
    and why, each kept date (D1...), then a translation of each paragraph, the original
    beside it as help. Only what an editor must decide: no translation of English text,
    no unit the machine read with its noun."""
    measures = measures or {}
    defaults = confirm.form_defaults(draft)
    info = [_field("article.id", "id", defaults, lang, help_=t("confirm_id_help", lang))]
    info += [_field(f"article.{name}", name, defaults, lang) for name in confirm.ARTICLE_FIELDS[1:]]
    result = [FormSection(t("confirm_article_heading", lang), tuple(info))]
    for figure in draft.get("figures", []):
        mark = "F" + figure["id"].rsplit("_", 1)[-1]
        fields = [_measure_field(f"figures.{figure['id']}.measure", defaults, measures, figure["unit"], lang, mark,
                                 figure.get("proposed_measure"))
                  if name == "measure" else
                  _field(f"figures.{figure['id']}.{name}", name, defaults, lang, mark,
                         _figure_help(figure, name, lang))
                  for name in confirm.FIGURE_FIELDS if _asked(figure, name)]
        reading = format_value(figure["value"], figure["qualifier"], lang, figure.get("value_max"))
        why = propose_for_quote(seed_text, figure["quote"], figure["unit"], measures).reason(lang) if measures else ""
        result.append(FormSection(f"{mark} · {reading} · «{figure['quote']}»", tuple(fields), why))
    for event in draft.get("events", []):
        mark = "D" + event["id"].rsplit("_", 1)[-1]
        fields = [_field(f"events.{event['id']}.{name}", name, defaults, lang, mark) for name in confirm.EVENT_FIELDS
                  if _asked(event, name)]
        result.append(FormSection(f"{mark} · {event['date']} · «{event['quote']}»", tuple(fields)))
    originals = split_paragraphs(seed_text)
    paragraphs = [FormField(f"paragraphs.{p['index']}.translation",
                            t("confirm_paragraph", lang).format(number=p["index"] + 1),
                            str(defaults.get(f"paragraphs.{p['index']}.translation", "")), True,
                            originals[p["index"]] if p["index"] < len(originals) else None)
                  for p in draft.get("paragraphs", []) if _asked(p, "translation")]
    if paragraphs:
        result.append(FormSection(t("confirm_paragraphs_heading", lang), tuple(paragraphs)))
    return result


def _figure_help(figure: Mapping, name: str, lang: str) -> str | None:
    if name == "period":
        return t("confirm_period_help", lang)
    if name == "unit":  # the word the machine saw beside the number, as a hint, not an answer
        guess = str(figure.get("unit") or "")
        for mark in confirm.DRAFT_MARKS:
            guess = guess.replace(mark, "")
        return t("confirm_unit_help", lang).format(guess=guess.strip() or "?")
    return None


def refusal_said(refused: confirm.SaveRefused, sections_: list[FormSection], lang: str) -> Saved:
    """A refusal said beside each field it names, in words (never a path such as
    figures.figure_3.unit); a reason that belongs to no field is said above the form."""
    on_form = {f.key for s in sections_ for f in s.fields}
    beside = {key: why or t("confirm_gap", lang) for key, why in refused.problems.items() if key in on_form}
    elsewhere = [why for key, why in refused.problems.items() if key not in on_form]
    if beside and not elsewhere:
        count = format_number(len(beside), lang)
        return Saved(None, t("confirm_refused_beside", lang).format(count=count), refused.field, beside)
    reason = "; ".join(why or t("confirm_gap", lang) for why in elsewhere) or refused.message
    return Saved(None, t("confirm_refused", lang).format(where="", reason=reason), refused.field, beside)


def write_failure_said(problem: OSError, data: Path, lang: str) -> Saved:
    """A full disk, a read-only folder: said in words, not a traceback."""
    reason = f"{problem.strerror or problem}: {problem.filename or data}"
    return Saved(None, t("confirm_refused", lang).format(where="", reason=reason))


def saved_said(path: Path, editor: str, lang: str) -> Saved:
    """The article saved for review at `path` (review/pending/), by this editor."""
    return Saved(path, t("saved_for_review", lang).format(name=f"review/pending/{path.name}", editor=editor))
