"""The curated article: what each record must hold, checked field by field.

Field names are fixed (other tools read them). Unknown keys are rejected so a typo
in a data file is an error, not a silently ignored field.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newsdash.reading.dates import parse_partial, precision_of
from newsdash.textsafety import character_problem

SNAKE_CASE = r"^[a-z][a-z0-9_]*$"
SHA256 = r"^[0-9a-f]{64}$"
Qualifier = Literal["exact", "more_than", "less_than", "about", "range"]
Status = Literal["confirmed", "draft"]
# What the extractor writes where only an editor can know the answer (a label, a
# translation, who said it). A draft may hold them; a confirmed record may not.
DRAFT_MARKS = ("[draft]", "[مسودة]")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @field_validator("*")
    @classmethod
    def _no_hidden_characters(cls, value: object) -> object:
        """No text field may hold bidi controls or control characters (see textsafety)."""
        for text in value if isinstance(value, list) else [value]:
            problem = character_problem(text) if isinstance(text, str) else None
            if problem:
                raise ValueError(problem)
        return value


def _placeholder_fields(data: object, path: str = "") -> list[str]:
    if isinstance(data, str):
        return [path] if any(mark in data for mark in DRAFT_MARKS) else []
    if isinstance(data, dict):
        return [f for key, value in data.items() for f in _placeholder_fields(value, f"{path}.{key}".lstrip("."))]
    if isinstance(data, list):
        return [f for i, value in enumerate(data) for f in _placeholder_fields(value, f"{path}[{i}]")]
    return []


def _no_placeholder_when_confirmed(record: BaseModel) -> None:
    """A record marked confirmed must not keep a draft placeholder."""
    if getattr(record, "status", "confirmed") != "confirmed":
        return
    fields = _placeholder_fields(record.model_dump())
    if fields:
        raise ValueError(
            f"status is confirmed but {', '.join(fields)} still hold(s) a draft placeholder "
            f"{DRAFT_MARKS[0]}: fill it in, or keep status: draft"
        )


class Bilingual(Strict):
    """A text in English and Arabic; both are required."""

    en: str = Field(min_length=1)
    ar: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


def lowercase_unit(unit: str) -> str:
    """Units are compared as written: one spelling, lowercase, for every record."""
    if unit != unit.lower():
        raise ValueError(f"unit '{unit}' must be lowercase (e.g. '{unit.lower()}')")
    return unit


def _check_date(value: str | None) -> str | None:
    if value is not None:
        parse_partial(value)
    return value


class Period(Strict):
    """What span a figure covers: a start and end, or only an as-of date."""

    start: str | None = None
    end: str | None = None
    as_of: str | None = None

    _dates = field_validator("start", "end", "as_of")(_check_date)

    @model_validator(mode="after")
    def _something_given(self) -> Period:
        if not (self.start or self.end or self.as_of):
            raise ValueError("give start and end, or as_of")
        return self


class Figure(Strict):
    id: str = Field(pattern=SNAKE_CASE)
    label: Bilingual
    category: str = Field(pattern=SNAKE_CASE)
    value: int | float
    value_max: int | float | None = None
    qualifier: Qualifier
    unit: str = Field(min_length=1)
    measure: str | None = Field(default=None, pattern=SNAKE_CASE)  # an id of data/measures.yaml
    # what the text says of the figure, held to its measure's: who counts it, and whether
    # it is a running total, a flow or a count on a date (validate refuses a mismatch)
    party: str | None = Field(default=None, pattern=SNAKE_CASE)
    kind: Literal["total", "flow", "level"] | None = None
    # a draft's new series for this figure (a measure of data/measures.yaml, written
    # there when an editor confirms the article); a confirmed figure holds none
    proposed_measure: dict | None = None
    period: Period
    attributed_to: str = Field(min_length=1)
    attributed_to_ar: str = ""  # the editors' Arabic rendering, shown on Arabic pages
    quote: str = Field(min_length=1)
    translation: str = Field(min_length=1)
    status: Status = "confirmed"

    def attribution(self, lang: str) -> str:
        """Who the figure is attributed to, in Arabic on Arabic pages where the editors
        gave it (else the original wording)."""
        return self.attributed_to_ar if lang == "ar" and self.attributed_to_ar else self.attributed_to

    @model_validator(mode="after")
    def _range_has_maximum(self) -> Figure:
        if self.qualifier == "range" and (self.value_max is None or self.value_max <= self.value):
            raise ValueError("a range needs value_max, greater than value")
        if self.qualifier != "range" and self.value_max is not None:
            raise ValueError(f"value_max is only for qualifier 'range', not '{self.qualifier}'")
        _no_placeholder_when_confirmed(self)
        return self

    @field_validator("value", mode="before")
    @classmethod
    def _a_number(cls, value: object) -> int | float:
        # one clear message instead of one per member of the int | float union
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"must be a number, got {value!r}")
        return int(value) if float(value).is_integer() else value

    _unit = field_validator("unit")(lowercase_unit)


class Event(Strict):
    id: str = Field(pattern=SNAKE_CASE)
    date: str
    date_precision: Literal["day", "month", "year"]
    label: Bilingual
    quote: str = Field(min_length=1)
    translation: str = Field(min_length=1)
    status: Status = "confirmed"

    _date = field_validator("date")(_check_date)

    @model_validator(mode="after")
    def _precision_matches_date(self) -> Event:
        if precision_of(self.date) != self.date_precision:
            raise ValueError(
                f"date '{self.date}' has {precision_of(self.date)} precision, "
                f"not {self.date_precision}"
            )
        _no_placeholder_when_confirmed(self)
        return self


ParagraphKind = Literal["headline", "headline_repeat", "body", "continues_marker", "footer"]
BOILERPLATE_KINDS = {"headline_repeat", "continues_marker", "footer"}


class Paragraph(Strict):
    """One paragraph of the seed (split on blank lines) and its English translation."""

    index: int = Field(ge=0)
    kind: ParagraphKind
    translation: str = Field(min_length=1)

    @property
    def boilerplate(self) -> bool:
        return self.kind in BOILERPLATE_KINDS


class SourceRef(Strict):
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")
    title_ar: str = ""  # the editors' Arabic rendering, shown on Arabic pages (outlet in Arabic letters)


class NoteAnchor(Strict):
    """Where a note applies: a verbatim span of the seed, and/or figures by id."""

    quote: str | None = None
    figures: list[str] = []
    all_figures: bool = False


class Note(Strict):
    id: str = Field(pattern=SNAKE_CASE)
    kind: Literal["editors_reading"]
    text: Bilingual
    concerns: NoteAnchor
    sources: list[SourceRef] = []


ChartKind = Literal["measure_series", "returns_series", "bars", "timeline"]
SERIES_KINDS = ("measure_series", "returns_series")  # made from a measure, never listed by an article


class Chart(Strict):
    """A chart's words live here, not in page code."""

    id: str = Field(pattern=SNAKE_CASE)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    kind: ChartKind
    figures: list[str] = []
    context_measure: str | None = None
    # The chart's name. The title drawn on it is computed from what it draws (newsdash.views.
    # findings); `title_override` replaces that when the computed one is not the story.
    title: Bilingual
    title_override: Bilingual | None = None
    subtitle: Bilingual
    note: Bilingual
    source: Bilingual

    @field_validator("subtitle")
    @classmethod
    def _sentence(cls, subtitle: Bilingual) -> Bilingual:
        if not re.search(r"[.!?]$", subtitle.en):
            raise ValueError("the English subtitle is a sentence: end it with a period")
        return subtitle


class Person(Strict):
    name: Bilingual
    role: Bilingual


class SeedRef(Strict):
    file: str = Field(pattern=r"^[^/\\]+\.txt$")
    sha256: str = Field(pattern=SHA256)


class ArticleInfo(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    outlet: Bilingual
    wire_agency: Bilingual
    published: str
    language: Literal["ar", "en"]
    title: Bilingual
    title_original: str = Field(min_length=1)
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")  # where it was published, when known
    speaker: Person
    seed: SeedRef
    claim_caveat: Bilingual
    status: Status = "confirmed"

    _date = field_validator("published")(_check_date)

    @model_validator(mode="after")
    def _filled_in_when_confirmed(self) -> ArticleInfo:
        _no_placeholder_when_confirmed(self)
        return self


class Article(Strict):
    article: ArticleInfo
    figures: list[Figure]
    events: list[Event]
    paragraphs: list[Paragraph]
    notes: list[Note]
    charts: list[Chart] = []

    @field_validator("charts")
    @classmethod
    def _no_series_charts(cls, charts: list[Chart]) -> list[Chart]:
        """A series chart is a measure's (data/measures.yaml), drawn with every article's
        figures on it: an article lists only its own charts (bars, timeline)."""
        for chart in charts:
            if chart.kind in SERIES_KINDS:
                raise ValueError(f"chart '{chart.id}': a {chart.kind} chart comes from data/measures.yaml; "
                                 "give its figures a `measure:` instead (see docs/measures.md)")
        return charts

    @property
    def confirmed_figures(self) -> list[Figure]:
        return [f for f in self.figures if f.status == "confirmed"]

    @property
    def confirmed_events(self) -> list[Event]:
        return [e for e in self.events if e.status == "confirmed"]

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures if f.id == figure_id)
