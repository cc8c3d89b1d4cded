"""The URL-state parser, fuzzed: whatever a link holds, the view is a known one, a refused
value gives one short notice that quotes it inertly, and every view a page can be in
survives the trip through the URL."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsdash.app.url_state import (
    MAX_PARAM_LENGTH,
    Shown,
    ids_after_switch,
    known_ids,
    parse_choice,
    parse_multi,
    range_ids,
    serialize_multi,
)

IDS = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
OPTIONS = st.lists(IDS, min_size=1, max_size=8, unique=True)
# what people and attackers put in links: anything, markup, very long values
GARBAGE = st.one_of(
    st.text(),
    st.text(min_size=MAX_PARAM_LENGTH, max_size=5000),
    st.sampled_from(["![x](http://203.0.113.7/p.png)", "<script>alert(1)</script>", "$x^2$", "``", "`",
                     "a\n\nb", "\u202eevil", "en,ar", ",", " en", "EN", "%00", "\x00"]),
)
NOTICE = re.compile(r"Ignored an unknown value for '(?P<key>[a-z_]+)' in the link \((?P<code>.*)\); showing the default\.")


def assert_inert_notice(notice: str, key: str) -> None:
    """One line, short, and the link's value inside a single Markdown code span."""
    assert "\n" not in notice and "\r" not in notice
    match = NOTICE.fullmatch(notice)
    assert match and match["key"] == key
    code = match["code"]
    fence = re.match(r"`+", code).group()
    assert code.endswith(fence) and len(code) > 2 * len(fence)
    inner = code[len(fence):-len(fence)]
    assert fence not in re.findall(r"`+", inner), "a backtick run inside would close the span early"
    assert len(notice) < 400


@given(OPTIONS, GARBAGE)
def test_a_choice_is_always_a_known_option(options, raw):
    default = options[0]
    parsed = parse_choice("fig", raw, options, default)
    assert parsed.value in options
    if raw in options:
        assert parsed == parse_choice("fig", raw, options, default) and parsed.value == raw
        assert parsed.notice is None
    elif raw == "":
        assert parsed.value == default and parsed.notice is None
    else:
        assert parsed.value == default
        assert_inert_notice(parsed.notice, "fig")


@given(OPTIONS, st.data())
def test_every_choice_survives_the_url(options, data):
    chosen = data.draw(st.sampled_from(options))
    assert parse_choice("lang", chosen, options, options[0]).value == chosen


@given(OPTIONS, GARBAGE)
def test_a_multi_choice_is_a_subset_in_the_options_order_or_the_default(options, raw):
    default = options[:1]
    parsed = parse_multi("demining_measures", raw, options, default)
    assert set(parsed.value) <= set(options)
    assert parsed.value == [o for o in options if o in parsed.value]
    if parsed.notice:
        assert parsed.value == default
        assert_inert_notice(parsed.notice, "demining_measures")


@given(OPTIONS, st.data())
def test_every_selection_survives_the_url(options, data):
    """Whatever a reader selects, the link reopens exactly that, including nothing."""
    chosen = data.draw(st.lists(st.sampled_from(options), unique=True))
    in_order = [o for o in options if o in chosen]
    text = serialize_multi(in_order)
    assume(len(text) <= MAX_PARAM_LENGTH)
    parsed = parse_multi("timeline_layers", text, options, options)
    assert parsed.value == in_order and parsed.notice is None


@pytest.mark.parametrize("raw", ["x" * 10_000, "hectares," * 1000, "a" * (MAX_PARAM_LENGTH + 1)])
def test_very_long_values_fall_back_with_a_shortened_notice(raw):
    parsed = parse_multi("demining_measures", raw, ["hectares", "road_km"], ["hectares", "road_km"])
    assert parsed.value == ["hectares", "road_km"]
    assert "…" in parsed.notice and len(parsed.notice) < 150


def test_markup_in_a_link_is_quoted_as_code():
    parsed = parse_choice("lang", "![p](http://203.0.113.7/p.png)", ["en", "ar"], "en")
    assert parsed.notice == ("Ignored an unknown value for 'lang' in the link "
                             "(`![p](http://203.0.113.7/p.png)`); showing the default.")
    backticks = parse_choice("lang", "a`b``c", ["en", "ar"], "en")
    assert "(```a`b``c```)" in backticks.notice


# A FILTER ACROSS A LANGUAGE SWITCH


def test_ids_are_given_back_only_after_a_language_switch():
    shown = Shown("en", ("buildings", "hectares"))
    assert ids_after_switch(shown, "ar") == ("buildings", "hectares")
    assert ids_after_switch(shown, "en") is None  # same language: the widget's own state holds
    assert ids_after_switch(None, "ar") is None  # never shown: the URL seeds it
    assert ids_after_switch(Shown("ar", ()), "en") == ()  # an empty choice stays empty


def test_labels_handed_back_by_a_widget_never_reach_the_url():
    options = ["buildings", "hectares", "road_km"]
    assert known_ids(["hectares", "Buildings inspected", "مبانٍ تم فحصها", None, "road_km"], options) == [
        "hectares", "road_km"]
    assert serialize_multi(known_ids(["Land surveyed"], options)) == "-"


def test_a_range_is_two_known_months_in_order():
    months = ["2020-11", "2020-12", "2021-01", "2021-02"]
    whole = ("2020-11", "2021-02")
    assert range_ids(("2021-01", "2020-12"), months, whole) == ("2020-12", "2021-01")
    assert range_ids(("December 2020", "2021-01"), months, whole) == whole  # a label: the whole range
    assert range_ids(("2021-01", "2021-01"), months, whole) == ("2021-01", "2021-01")
    assert range_ids(("2021-01",), months, whole) == whole


@given(OPTIONS, st.data())
def test_every_filter_survives_a_switch_and_the_url(options, data):
    """Whatever is chosen in one language comes back as the same ids in the other and reopens
    from the URL as the same choice."""
    chosen = data.draw(st.lists(st.sampled_from(options), unique=True))
    chosen = [o for o in options if o in chosen]
    given_back = list(ids_after_switch(Shown("en", tuple(chosen)), "ar"))
    assert given_back == chosen
    parsed = parse_multi("filter", serialize_multi(known_ids(given_back, options)), options, options)
    assert parsed.value == chosen and parsed.notice is None
