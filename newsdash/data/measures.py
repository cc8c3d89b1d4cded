"""The measures of the record, defined once in data/measures.yaml.

A measure is one quantity claimed again and again over time (hectares cleared, the
Russian side's running total of returns...). Context rows and article figures name it
by id; its chart, labels and unit come from here, never from page code.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from newsdash.data.models import SNAKE_CASE, Bilingual, Strict, lowercase_unit
from newsdash.data.placing import Placer
from newsdash.data.yamlsafe import decode_text, parse_with_lines, read_bytes
from newsdash.errors import DataError

MEASURES_FILE = "measures.yaml"
Dash = Literal["solid", "dash", "longdash", "dashdot"]  # never "dot": dotted means no report


class LineStyle(Strict):
    """A series line: a colour name the chart layer maps to its palette (vermillion and
    orange are kept for the article being viewed) and a dash."""

    colour: Literal["blue", "green", "sky", "purple", "yellow", "black", "grey"]
    dash: Dash = "solid"


class Words(Strict):
    """Words of a quote that suggest this measure (curation proposals use them)."""

    en: list[str] = []
    ar: list[str] = []


class Aliases(Strict):
    """How copy names a party: its names, abbreviations and usual descriptions."""

    en: list[str] = []
    ar: list[str] = []


class Party(Strict):
    """Who counts: an agency, a ministry, a mission. A series is one party's count."""

    id: str = Field(pattern=SNAKE_CASE)
    name: Bilingual
    aliases: Aliases = Aliases()

    def all_aliases(self) -> tuple[str, ...]:
        return (self.name.en, self.name.ar, *self.aliases.en, *self.aliases.ar)


# total: a running total since a date (a fall is flagged); flow: what happened in one
# period (per day, weekend, week or month: it rises and falls); level: a count on a date
Kind = Literal["total", "flow", "level"]
Per = Literal["day", "weekend", "week", "month"]
KINDS: tuple[str, ...] = ("total", "flow", "level")


class Measure(Strict):
    id: str = Field(pattern=SNAKE_CASE)
    label: Bilingual
    unit: str = Field(min_length=1)
    category: str = Field(pattern=SNAKE_CASE)
    party: str = Field(pattern=SNAKE_CASE)  # an id of the file's parties: who counts it
    kind: Kind
    since: str | None = None  # a running total: since when it counts (YYYY, YYYY-MM or YYYY-MM-DD)
    per: Per | None = None  # a flow: the period each value covers
    area: Bilingual | None = None  # where the sources say the count applies
    # One name per measure: its label, on every surface. The chart's title is computed from
    # the series (newsdash.views.findings); `title_override` replaces it when the computed
    # one is not the story. `title`, once a second name, is accepted only as the label.
    title: Bilingual | None = None
    title_override: Bilingual | None = None
    subtitle: Bilingual
    note: Bilingual
    source: Bilingual
    line: LineStyle = LineStyle(colour="blue")
    words: Words = Words()

    _unit = field_validator("unit")(lowercase_unit)

    @property
    def cumulative(self) -> bool:
        """A running total: it may not fall, and only totals are compared with totals."""
        return self.kind == "total"

    @model_validator(mode="after")
    def _kind_has_its_period(self) -> Measure:
        if self.kind == "flow" and self.per is None:
            raise ValueError("a flow says the period each value covers: per: day, weekend, week or month")
        if self.kind != "flow" and self.per is not None:
            raise ValueError(f"per is for a flow; this measure is a {self.kind}")
        if self.kind != "total" and self.since is not None:
            raise ValueError(f"since is for a running total; this measure is a {self.kind}")
        if self.title is not None and self.title != self.label:
            raise ValueError("a measure has one name, its label: drop title (the chart's title is computed "
                             "from the series; set title_override, in both languages, to replace it)")
        return self


class MeasuresFile(Strict):
    parties: list[Party] = []
    measures: list[Measure]


class Measures(dict):
    """The measures by id, in the file's order, and the parties that count them by id
    (proposals read the parties' names in a text)."""

    def __init__(self, measures: dict[str, Measure] | None = None, parties: dict[str, Party] | None = None):
        super().__init__(measures or {})
        self.parties: dict[str, Party] = parties or {}


def parties_of(measures: Mapping[str, Measure]) -> dict[str, Party]:
    """The parties that come with a measures mapping (none for a plain dict)."""
    return getattr(measures, "parties", {})


def party_name(measure: Measure, measures: Mapping[str, Measure], lang: str) -> str:
    """Who counts a measure, in words; the party's id when it has no entry."""
    party = parties_of(measures).get(measure.party)
    return party.name.get(lang) if party else measure.party


def load_measures(data: Path) -> tuple[Measures, bytes | None, list[DataError]]:
    """The measures by id (in the file's order), the bytes parsed, and every error.

    A missing file is an error and gives no measures: every figure naming one is then
    reported, so nothing is drawn on a measure no one defined."""
    path = data / MEASURES_FILE
    try:
        raw = read_bytes(path, root=data)
        parsed, lines = parse_with_lines(path, decode_text(path, raw))
    except FileNotFoundError:
        return Measures(), None, [DataError(str(path), "the measures file is missing (see docs/measures.md)")]
    except DataError as error:
        return Measures(), None, [error]
    placer = Placer(str(path), parsed, lines, records=("measures", "parties"), record="-")  # placed as in an article
    try:
        book = MeasuresFile.model_validate(parsed)
    except ValidationError as exc:
        return Measures(), raw, placer.validation_errors(exc)
    measures, parties = book.measures, book.parties
    errors = [placer.error(("measures", i, "id"), f"id '{m.id}' is used twice")
              for i, m in enumerate(measures) if m.id in {n.id for n in measures[:i]}]
    errors += [placer.error(("parties", i, "id"), f"party '{p.id}' is listed twice")
               for i, p in enumerate(parties) if p.id in {q.id for q in parties[:i]}]
    known = {p.id for p in parties}
    errors += [placer.error(("measures", i, "party"),
                            f"no party '{m.party}' in the file's parties (add it there first)")
               for i, m in enumerate(measures) if m.party not in known]
    if errors:
        return Measures(), raw, errors
    return Measures({m.id: m for m in measures}, {p.id: p for p in parties}), raw, errors


def figure_measure_problem(measure_id: str | None, unit: str, measures: Mapping[str, Measure]) -> str | None:
    """Why a figure cannot be drawn on the measure it names, or None."""
    if measure_id is None:
        return None
    measure = measures.get(measure_id)
    if measure is None:
        return f"no measure '{measure_id}' in {MEASURES_FILE} (add it there, or leave the field out)"
    if unit != measure.unit:
        return f"the figure's unit is '{unit}' but measure '{measure_id}' counts '{measure.unit}'"
    return None


def setting_problem(field: str, stated: str | None, measure_id: str | None,
                    measures: Mapping[str, Measure]) -> str | None:
    """Why a figure's stated party (or kind) does not fit its measure, or None: a series is
    one party's count of one kind (a day's flow is never a point on a running total)."""
    measure = measures.get(measure_id) if measure_id else None
    if stated is None or measure is None:
        return None
    declared = getattr(measure, field)
    if stated == declared:
        return None
    if field == "party":
        return (f"the figure is counted by '{stated}' but measure '{measure_id}' is counted by '{declared}': "
                "one party's count is its own series (add a measure for it)")
    return (f"the figure is a {stated} but measure '{measure_id}' is a {declared}: "
            "a flow is never a point on a running total (choose a measure of its kind)")


def in_category(measures: Mapping[str, Measure], category: str) -> list[Measure]:
    """The measures of one category, in the file's order."""
    return [m for m in measures.values() if m.category == category]
