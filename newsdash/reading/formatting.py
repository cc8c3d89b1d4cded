"""Numbers, dates and units written for each language: Arabic-Indic digits and
separators, the qualifier in words ("more than 26,000"), month names, and the counted
noun or unit in the form its number asks for (Arabic's plural categories).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdash import caches
from newsdash.reading.i18n import pick, t

ARABIC_DIGITS = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")

UNITS = {
    "buildings": ("buildings", "مبنى"),
    "hectares": ("hectares", "هكتار"),
    "kilometres": ("km", "كم"),
    "explosive objects": ("explosive objects", "مادة متفجرة"),
    "refugees": ("refugees", "لاجئ"),
    "people": ("people", "شخص"),
    "months": ("months", "شهر"),
}

# The counted noun after an Arabic number takes the form its plural category asks for
# (CLDR: few = 3-10, many = 11-99, other = 100 and up, by the last two digits): ٥ مبانٍ,
# ٢٬٣٢٠ هكتارًا, ٢٦٬٠٠٠ مادة متفجرة, as the source itself writes them. A unit not listed
# keeps its UNITS label; an abbreviation (كم) does not change.
UNIT_FORMS_AR = {
    "buildings": {"few": "مبانٍ", "many": "مبنى"},
    "hectares": {"few": "هكتارات", "many": "هكتارًا"},
    "explosive objects": {"few": "مواد متفجرة", "many": "مادة متفجرة"},
    "refugees": {"few": "لاجئين", "many": "لاجئًا"},
    "people": {"few": "أشخاص", "many": "شخصًا"},
    "months": {"few": "أشهر", "many": "شهرًا"},
}

# Shorter forms for a tile, where the unit must fit beside the number ("2,320 ha");
# empty where the language has none, so the counted form is used (٢٬٣٢٠ هكتارًا)
UNITS_SHORT = {
    "hectares": ("ha", ""),
    "kilometres": ("km", "كم"),
}

QUALIFIER_WORDS = {
    "more_than": ("more than", "أكثر من"),
    "less_than": ("less than", "أقل من"),
    "about": ("about", "نحو"),
    "range": ("from", "من"),  # with value_max: "between 30,000 and 40,000"
    "exact": ("", ""),
}


def format_number(value: float, lang: str) -> str:
    """1937 -> '1,937' or '١٬٩٣٧'; 1.5 -> '1.5' or '١٫٥'."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(ARABIC_DIGITS) if lang == "ar" else text


# a digit run, unless it belongs to a Latin name ("SHA-256", "sha256", "MP4"): a name keeps its digits
_DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z]-)[0-9]+(?:[.,][0-9]+)*(?![A-Za-z0-9])")
_QUOTED = re.compile(r'("[^"]*(?:"|$)|«[^»]*(?:»|$)|“[^”]*(?:”|$))')  # an unclosed quote (a cut label) runs to the end


def arabic_digits(text: str) -> str:
    """Western digits written as Arabic-Indic, with the Arabic separators between digits
    ("2,326.6" -> "٢٬٣٢٦٫٦"), except inside quotation marks: a quoted passage is the
    source's words and keeps its digits as the source wrote them."""
    parts = _QUOTED.split(text)
    return "".join(part if index % 2 else _DIGIT_RUN.sub(lambda m: m.group().translate(ARABIC_DIGITS), part)
                   for index, part in enumerate(parts))


def digits_for(text: str, lang: str) -> str:
    """The text with the digits of its language (Arabic-Indic in Arabic)."""
    return arabic_digits(text) if lang == "ar" else text


def day_for(iso: str, lang: str) -> str:
    """A date as the language writes it in running text: ISO in English (as the tables
    give it), '٢٩ ديسمبر ٢٠٢١' in Arabic."""
    return format_date(iso, lang) if lang == "ar" and iso else iso


# Counted nouns. Arabic has six plural forms (CLDR: zero, one, two, few, many, other):
# "٨ أرقام" but "٢٦ رقما" and "١٠٠ رقم". The form comes from Babel's CLDR rules.
COUNT_NOUNS = {
    "figures": (("figure", "figures"),
                {"zero": "رقم", "one": "رقم", "two": "رقمين", "few": "أرقام", "many": "رقما", "other": "رقم"}),
    "dates": (("date", "dates"),
              {"zero": "تاريخ", "one": "تاريخ", "two": "تاريخين", "few": "تواريخ", "many": "تاريخا", "other": "تاريخ"}),
    "rows": (("row", "rows"),
             {"zero": "صف", "one": "صف", "two": "صفين", "few": "صفوف", "many": "صفا", "other": "صف"}),
    "items": (("item", "items"),
              {"zero": "عنصر", "one": "عنصر", "two": "عنصرين", "few": "عناصر", "many": "عنصرا", "other": "عنصر"}),
}


@lru_cache(maxsize=256)
def _arabic_plural_form(count: int) -> str:
    from babel import Locale

    return Locale("ar").plural_form(count)


caches.owns("reading.formatting:_arabic_plural_form", _arabic_plural_form.cache_clear)


def count_noun(noun: str, count: float, lang: str) -> str:
    """The noun in the form its count asks for: 'figure'/'figures'; in Arabic one of six
    forms by CLDR's rules ('أرقام' for 3 to 10, 'رقما' for 11 to 99)."""
    english, arabic = COUNT_NOUNS[noun]
    if lang == "ar":
        return arabic[_arabic_plural_form(int(count))]
    return english[0] if count == 1 else english[1]


def format_value(value: float, qualifier: str, lang: str, value_max: float | None = None) -> str:
    """A value with its qualifier in words: 'more than 26,000', 'نحو ١٫٥',
    'between 30,000 and 40,000' (a range, given its maximum)."""
    if qualifier == "range" and value_max is not None:
        low, high = format_number(value, lang), format_number(value_max, lang)
        return f"بين {low} و{high}" if lang == "ar" else f"between {low} and {high}"
    words = pick(QUALIFIER_WORDS[qualifier], lang)
    number = format_number(value, lang)
    return f"{words} {number}" if words else number


def format_short(value: float, qualifier: str, lang: str, value_max: float | None = None) -> str:
    """A compact metric form that still keeps the qualifier: '26,000+', '~1.5', '<200',
    '30,000–40,000'."""
    number = format_number(value, lang)
    if lang == "ar" or qualifier == "range":
        if qualifier == "range" and value_max is not None and lang != "ar":
            return f"{number}–{format_number(value_max, lang)}"
        return format_value(value, qualifier, lang, value_max)
    return {"more_than": f"{number}+", "about": f"~{number}", "less_than": f"<{number}"}.get(qualifier, number)


MONTHS = (
    ("January", "يناير"), ("February", "فبراير"), ("March", "مارس"), ("April", "أبريل"),
    ("May", "مايو"), ("June", "يونيو"), ("July", "يوليو"), ("August", "أغسطس"),
    ("September", "سبتمبر"), ("October", "أكتوبر"), ("November", "نوفمبر"), ("December", "ديسمبر"),
)


def format_date(iso: str, lang: str) -> str:
    """'2021-12-29' -> '29 December 2021' / '٢٩ ديسمبر ٢٠٢١'; '2020-09' -> 'September 2020'."""
    parts = [int(p) for p in iso.split("-")]
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, pick(MONTHS[parts[1] - 1], lang))
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    text = " ".join(words)
    return text.translate(ARABIC_DIGITS) if lang == "ar" else text


_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})")


def format_timestamp(at: str, lang: str) -> str:
    """A log's ISO 8601 moment as a reader reads it, to the minute: '2026-03-03T10:15:42+00:00'
    -> '3 March 2026, 10:15' / '٣ مارس ٢٠٢٦، ١٠:١٥'. Text that is not one keeps its
    words, in the language's digits."""
    found = _TIMESTAMP.match(at)
    if not found:
        return digits_for(at, lang)
    day, hour, minute = found.groups()
    comma = "، " if lang == "ar" else ", "
    clock = f"{hour}:{minute}"
    return f"{format_date(day, lang)}{comma}{clock.translate(ARABIC_DIGITS) if lang == 'ar' else clock}"


def unit_label(unit: str, lang: str) -> str:
    return pick(UNITS.get(unit, (unit, unit)), lang)


def unit_short(unit: str, value: float, lang: str) -> str:
    """The unit as a tile shows it after this number: 'ha' for hectares; otherwise the
    counted form (counted_unit)."""
    short = pick(UNITS_SHORT[unit], lang) if unit in UNITS_SHORT else ""
    return short or counted_unit(unit, value, lang)


def plural_category_ar(n: int) -> str:
    """CLDR's Arabic plural category of a whole number: zero, one, two, few (3-10),
    many (11-99) or other (100-102, ...), by its last two digits. Babel's rule: one
    rule for every counted noun and unit (count_noun, counted_unit, months_phrase)."""
    return _arabic_plural_form(int(n))


def months_phrase(n: int, lang: str) -> str:
    """'11 months' / '١١ شهرًا', '3 months' / '٣ أشهر', 'less than a month'."""
    if n <= 0:
        return t("months_0", lang)
    category = plural_category_ar(n) if lang == "ar" else ("one" if n == 1 else "many")
    return t(f"months_{category}", lang).format(n=format_number(n, lang))


def quantity(value: float, qualifier: str, unit: str, lang: str, value_max: float | None = None) -> str:
    """A value in words with its unit in the form the number asks for: 'more than 26,000
    explosive objects', '١٢٧ شخصًا', 'أكثر من ٥٠٬٠٠٠ لاجئ'. The one way a value and its
    unit are written together, on every page and chart."""
    number = format_value(value, qualifier, lang, value_max)
    counted = counted_unit(unit, value_max if qualifier == "range" and value_max is not None else value, lang)
    return f"{number} {counted}".strip()


def counted_unit(unit: str, value: float, lang: str) -> str:
    """The unit as it follows this number: 'hectares' / 'هكتارًا' after 2,320, 'هكتار'
    after 2,326.6 (a fraction takes the singular), 'مبانٍ' after 5."""
    if lang != "ar" or not float(value).is_integer():
        return unit_label(unit, lang)
    form = UNIT_FORMS_AR.get(unit, {}).get(plural_category_ar(int(value)))
    return form or unit_label(unit, lang)
