"""The measures of the record, defined once in data/measures.yaml.

A measure is one quantity claimed again and again over time (hectares cleared, the
Russian side's running total of returns...). Context rows and article figures name it
by id; its chart, labels and unit come from here, never from page code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from newsdash.data.models import SNAKE_CASE, Bilingual, Strict, lowercase_unit
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


class Measure(Strict):
    id: str = Field(pattern=SNAKE_CASE)
    label: Bilingual
    unit: str = Field(min_length=1)
    category: str = Field(pattern=SNAKE_CASE)
    cumulative: bool
    title: Bilingual
    subtitle: Bilingual
    note: Bilingual
    source: Bilingual
    line: LineStyle = LineStyle(colour="blue")
    words: Words = Words()

    _unit = field_validator("unit")(lowercase_unit)


class MeasuresFile(Strict):
    measures: list[Measure]


def load_measures(data: Path) -> tuple[dict[str, Measure], bytes | None, list[DataError]]:
    """The measures by id (in the file's order), the bytes parsed, and every error.

    A missing file is an error and gives no measures: every figure naming one is then
    reported, so nothing is drawn on a measure no one defined."""
    path = data / MEASURES_FILE
    try:
        raw = read_bytes(path, root=data)
        parsed, lines = parse_with_lines(path, decode_text(path, raw))
    except FileNotFoundError:
        return {}, None, [DataError(str(path), "the measures file is missing (see docs/measures.md)")]
    except DataError as error:
        return {}, None, [error]
    try:
        measures = MeasuresFile.model_validate(parsed).measures
    except ValidationError as exc:
        return {}, raw, [_placed(path, parsed, lines, tuple(e["loc"]), _message(e)) for e in exc.errors()]
    errors = [_placed(path, parsed, lines, ("measures", i, "id"), f"id '{m.id}' is used twice")
              for i, m in enumerate(measures) if m.id in {n.id for n in measures[:i]}]
    return ({} if errors else {m.id: m for m in measures}), raw, errors


def _message(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field"
    return error["msg"].removeprefix("Value error, ")


def _placed(path: Path, parsed: object, lines: dict, loc: tuple, message: str) -> DataError:
    """file:line: measure id: field: message, as for an article."""
    line = next((lines[loc[:cut]] for cut in range(len(loc), -1, -1) if loc[:cut] in lines), None)
    record, field = "-", ".".join(str(p) for p in loc) or "-"
    if len(loc) > 1 and loc[0] == "measures" and isinstance(loc[1], int):
        items = parsed.get("measures") if isinstance(parsed, dict) else None
        item = items[loc[1]] if isinstance(items, list) and 0 <= loc[1] < len(items) else None
        record = str(item.get("id")) if isinstance(item, dict) and item.get("id") else f"measures[{loc[1]}]"
        field = ".".join(str(p) for p in loc[2:]) or "-"
    return DataError(str(path), message, line, record, field)


def figure_measure_problem(measure_id: str | None, unit: str, measures: dict[str, Measure]) -> str | None:
    """Why a figure cannot be drawn on the measure it names, or None."""
    if measure_id is None:
        return None
    measure = measures.get(measure_id)
    if measure is None:
        return f"no measure '{measure_id}' in {MEASURES_FILE} (add it there, or leave the field out)"
    if unit != measure.unit:
        return f"the figure's unit is '{unit}' but measure '{measure_id}' counts '{measure.unit}'"
    return None


def in_category(measures: dict[str, Measure], category: str) -> list[Measure]:
    """The measures of one category, in the file's order."""
    return [m for m in measures.values() if m.category == category]
