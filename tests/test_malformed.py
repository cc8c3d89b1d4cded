"""A table of malformed inputs: each must fail with its exact message, at its line.

Each case edits one spot of a copy of the real article file. The expected line is found
in the edited text itself (the line holding a marker), so the table states where the
problem is, not what the loader happens to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newsdash.data.corpus import load_corpus
from tests.conftest import ARTICLE

FILE = f"articles/{ARTICLE}"


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    new: str
    marker: str  # text on the line the error must point to (in the edited file)
    expected: str  # "record: field: message" after "file:line: "


CASES = [
    Case("yaml syntax error", "  - id: buildings_inspected\n", "  - id: [buildings_inspected\n",
         "label: {en: Buildings inspected", "-: -: YAML error: expected ',' or ']', but got ':'"),
    Case("wrong type for value", "value: 1937", "value: lots", "value: lots",
         "buildings_inspected: value: must be a number, got 'lots'"),
    Case("unknown key", "    unit: buildings\n", "    unit: buildings\n    units: buildings\n", "units: buildings",
         "buildings_inspected: units: unknown field"),
    Case("duplicate key", "    unit: hectares\n", "    unit: hectares\n    unit: hectares\n", "    unit: hectares",
         "-: -: duplicate key 'unit' (first at line {line_minus_1})"),
    Case("duplicate id", "  - id: refugees_returned", "  - id: buildings_inspected",
         "  - id: buildings_inspected\n    label: {en: Refugees",
         "buildings_inspected: id: id 'buildings_inspected' is used twice"),
    Case("quote not in the seed", 'quote: "تم فحص 1937 مبنى"', 'quote: "تم فحص 1937 بيتا"', "1937 بيتا",
         "buildings_inspected: quote: quote not found in the source text"),
    Case("value disagrees with quote", "value: 683", "value: 638", "value: 638",
         "roads_cleared_km: value: value 638 disagrees with the quote, which says 683"),
    Case("multiplier word ignored", "value: 50000", "value: 50", "value: 50\n",
         "refugees_returned: value: value 50 disagrees with the quote, which says 50,000"),
    Case("lost 'more than'", "    value: 26000\n    qualifier: more_than", "    value: 26000\n    qualifier: exact",
         "qualifier: exact\n    unit: explosive", "explosive_objects_neutralised: qualifier: qualifier 'exact' disagrees with the quote, which says 'more_than'"),
    Case("unknown qualifier", "qualifier: about", "qualifier: roughly", "qualifier: roughly",
         "fighting_duration_months: qualifier: Input should be 'exact', 'more_than', 'less_than', 'about' or 'range', got 'roughly'"),
    Case("impossible date", 'date: "2020-11-10"', 'date: "2020-11-31"', '2020-11-31',
         "ceasefire_in_force: date: '2020-11-31' is not a day of that month"),
    Case("date disagrees with quote", 'date: "2020-11-09"', 'date: "2020-11-19"', '2020-11-19',
         "trilateral_statement_signed: date: the quote does not name day 19"),
    Case("precision disagrees with date", "date_precision: month\n    label:\n      en: \"Hostilities",
         "date_precision: day\n    label:\n      en: \"Hostilities", "  - id: hostilities_resumed",
         "hostilities_resumed: -: date '2020-09' has month precision, not day"),
    Case("unit not lowercase", "unit: hectares", "unit: Hectares", "unit: Hectares",
         "hectares_surveyed: unit: unit 'Hectares' must be lowercase (e.g. 'hectares')"),
    Case("missing translation", '    translation: "19 Azerbaijanis"\n', "", "  - id: azerbaijanis_helped_home",
         "azerbaijanis_helped_home: translation: Field required"),
    Case("id not snake_case", "id: roads_cleared_km", "id: Roads-Cleared", "id: Roads-Cleared",
         "Roads-Cleared: id: String should match pattern '^[a-z][a-z0-9_]*$'"),
    Case("chart names an unknown figure", "figures: [fighting_duration_months]", "figures: [fighting_months]",
         "figures: [fighting_months]", "chart_timeline: figures: no figure with id 'fighting_months'"),
    Case("figure on an unknown measure", "measure: road_km", "measure: road_length", "measure: road_length",
         "roads_cleared_km: measure: no measure 'road_length' in measures.yaml (add it there, or leave the field out)"),
    Case("seed hash changed", "sha256: 34ecce79c2a75c3e", "sha256: 44ecce79c2a75c3e", "sha256: 44ecce",
         "article: seed.sha256: seed sha256 is 34ecce79c2a75c3e6d4476e985ba1c866953902dbd93a22ea47853952f4c5ef4, "
         "not the one recorded: the source text has changed"),
    Case("python object tag", "value: 19\n", "value: !!python/object/apply:os.system [echo]\n", "python/object",
         "-: -: tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"),
    Case("quote occurs twice", 'quote: "127 أرمنيًا"', 'quote: "قره باغ"', 'quote: "قره باغ"',
         "armenians_helped_home: quote: quote occurs 9 times in the source text; lengthen it"),
    Case("quote with two numbers", 'quote: "19 أذربيجانيًا"', 'quote: "127 أرمنيًا و 19 أذربيجانيًا"', "127 أرمنيًا و 19",
         "azerbaijanis_helped_home: quote: the quote states several numbers 127, 19; shorten it"),
]


def _line_of(text: str, marker: str) -> int:
    """Line of the marker's last occurrence (a duplicate is reported where it repeats)."""
    assert marker in text, f"marker {marker!r} not in edited file"
    return text[: text.rindex(marker)].count("\n") + 1


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_input_fails_with_exact_message_and_line(case: Case, data_copy: Path):
    path = data_copy / FILE
    original = path.read_text(encoding="utf-8")
    assert original.count(case.old) == 1, f"{case.name}: edit target must be unique"
    edited = original.replace(case.old, case.new)
    path.write_text(edited, encoding="utf-8")
    line = _line_of(edited, case.marker)
    corpus = load_corpus(data_copy)
    assert corpus.articles == ()
    expected = case.expected.replace("{line_minus_1}", str(line - 1))
    assert [str(e) for e in corpus.errors] == [f"{path}:{line}: {expected}"]


def test_there_are_at_least_fifteen_cases():
    assert len(CASES) >= 15


def test_a_data_error_passes_through_a_with_block_as_itself():
    """contextlib sets __traceback__ on an error a `with` block re-raises (st.spinner is such
    a block); a frozen error refusing it surfaced as a FrozenInstanceError, which no page
    catches, so the reader saw a traceback instead of the placed message."""
    from contextlib import contextmanager
    from dataclasses import FrozenInstanceError

    from newsdash.errors import DataError

    @contextmanager
    def block():
        yield

    with pytest.raises(DataError) as caught:
        with block():
            raise DataError("data/articles/a.yaml", "no chart with id 'x'", line=3, record_id="x")
    assert str(caught.value) == "data/articles/a.yaml:3: x: -: no chart with id 'x'"
    with pytest.raises(FrozenInstanceError):
        caught.value.line = 4  # the placed fields stay as they were raised
