"""The one rule that places a problem in a data file (newsdash.data.placing): a table of
paths inside a parsed file and where each is placed, for a file of records (an article,
measures.yaml) and for a file or row with one record of its own (method.yaml, a CSV row)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from newsdash.data.placing import Placer, validation_message

RAW = {"article": {"title": "x"}, "figures": [{"id": "f_roads", "value": 1}, {"value": 2}, {"id": ""}]}
LINES = {("article",): 1, ("article", "title"): 2, ("figures",): 3, ("figures", 0): 4, ("figures", 0, "value"): 5,
         ("figures", 1): 6}
ARTICLE = Placer("a.yaml", RAW, LINES, records=("figures",))


@pytest.mark.parametrize(("loc", "line", "record", "field"), [
    (("figures", 0, "value"), 5, "f_roads", "value"),  # the record's id, the line of the field
    (("figures", 0, "quote", "text"), 4, "f_roads", "quote.text"),  # no line of its own: the record's
    (("figures", 1, "value"), 6, "figures[1]", "value"),  # no id: the record's position
    (("figures", 2, "id"), 3, "figures[2]", "id"),  # an empty id names no record
    (("figures", 9, "value"), 3, "figures[9]", "value"),  # a position past the list
    (("article", "title"), 2, "article", "title"),  # a section of its own is the record
    ((), None, "-", "-"),  # the whole file
])
def test_a_path_in_a_file_of_records_is_placed_at_its_record(loc, line, record, field):
    error = ARTICLE.error(loc, "wrong")
    assert (error.file, error.line, error.record_id, error.field, error.message) == ("a.yaml", line, record, field, "wrong")


def test_a_file_with_one_record_names_it_and_the_whole_path():
    method = Placer("method.yaml", lines={("steps",): 3}, record="method")
    assert str(method.error(("steps", 0, "heading"), "wrong")) == "method.yaml:3: method: steps.0.heading: wrong"


def test_a_csv_row_places_every_problem_at_its_row():
    class Row(BaseModel):
        model_config = ConfigDict(extra="forbid")
        value: float

    with pytest.raises(ValidationError) as caught:
        Row.model_validate({"value": "many", "colour": "red"})
    row = Placer("t.csv", lines={(): 7}, record="row 7", unknown="unknown column")
    assert [str(e) for e in row.validation_errors(caught.value)] == [
        "t.csv:7: row 7: value: Input should be a valid number, unable to parse string as a number",
        "t.csv:7: row 7: colour: unknown column"]


def test_a_value_error_is_said_without_pydantic_s_prefix_and_a_choice_names_what_was_found():
    assert validation_message({"type": "value_error", "msg": "Value error, no such day"}) == "no such day"
    assert validation_message({"type": "literal_error", "msg": "Input should be 'a' or 'b'", "input": "c"}) == (
        "Input should be 'a' or 'b', got 'c'")
    assert validation_message({"type": "extra_forbidden", "msg": "Extra inputs are not permitted"}) == "unknown field"
