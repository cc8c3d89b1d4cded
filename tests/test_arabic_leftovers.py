"""Issue 21, part 2: Arabic and exports, the rest (pure tests; the pages are in
tests/test_browser_arabic_leftovers.py)."""

from __future__ import annotations

import pytest

from newsdash.reading.formatting import counted_unit, months_phrase, plural_category_ar, quantity

# 1/ ONE COUNTED-NOUN RULE EVERYWHERE (CLDR through Babel): "١٢٧ شخصًا", never "١٢٧ شخص"

@pytest.mark.parametrize(("value", "qualifier", "unit", "words"), [
    (127, "exact", "people", "١٢٧ شخصًا"),  # 11-99 by the last two digits: the accusative tanween
    (19, "exact", "people", "١٩ شخصًا"),
    (5, "exact", "people", "٥ أشخاص"),
    (103, "exact", "people", "١٠٣ أشخاص"),
    (100, "exact", "people", "١٠٠ شخص"),
    (50_000, "more_than", "refugees", "أكثر من ٥٠٬٠٠٠ لاجئ"),
    (2320, "exact", "hectares", "٢٬٣٢٠ هكتارًا"),
    (2326.6, "exact", "hectares", "٢٬٣٢٦٫٦ هكتار"),  # a fraction takes the singular
    (683, "more_than", "kilometres", "أكثر من ٦٨٣ كم"),  # an abbreviation does not change
])
def test_a_value_and_its_unit_take_the_form_the_number_asks_for(value, qualifier, unit, words):
    assert quantity(value, qualifier, unit, "ar") == words


def test_english_values_keep_their_plural_unit():
    assert quantity(127, "exact", "people", "en") == "127 people"
    assert quantity(26_000, "more_than", "explosive objects", "en") == "more than 26,000 explosive objects"


def test_the_plural_category_is_babels():
    from babel import Locale

    for n in (0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1937, 1_000_000):
        assert plural_category_ar(n) == Locale("ar").plural_form(n)
    assert months_phrase(11, "ar") == "١١ شهرًا" and months_phrase(4, "ar") == "٤ أشهر"
    assert counted_unit("buildings", 5, "ar") == "مبانٍ"


def test_every_page_writes_a_value_through_the_one_function():
    """The bar labels, tiles, hovers, cards and flags: 127 people is '١٢٧ شخصًا' on each."""
    from types import SimpleNamespace

    from newsdash.views.chart_parts import value_text

    row = SimpleNamespace(value=127.0, qualifier="exact", unit="people")
    assert value_text(row, "ar") == "١٢٧ شخصًا"
