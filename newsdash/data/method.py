"""How the data was curated, as the newsroom wrote it: data/method.yaml, read and checked
(its title, its steps and the credit line exported images carry)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from newsdash.data.models import Bilingual, Strict
from newsdash.data.placing import Placer
from newsdash.data.yamlsafe import load_with_lines
from newsdash.errors import DataError

METHOD_FILE = "method.yaml"


class MethodStep(Strict):
    heading: Bilingual
    text: Bilingual


class Method(Strict):
    title: Bilingual
    steps: list[MethodStep] = Field(min_length=1)
    # the newsroom's credit line on every downloaded image ("Graphic: The Daily Example");
    # without it, the interface's default (newsdash.reading.i18n "credit_default")
    credit: Bilingual | None = None


def load_method(data: Path) -> tuple[Method | None, list[DataError]]:
    """The method text, or None and every error placed at its line."""
    path = data / METHOD_FILE
    try:
        raw, lines = load_with_lines(path)
    except FileNotFoundError:
        return None, [DataError(str(path), "method file not found")]
    except DataError as error:
        return None, [error]
    try:
        return Method.model_validate(raw), []
    except ValidationError as exc:
        return None, Placer(str(path), lines=lines, record="method").validation_errors(exc)
