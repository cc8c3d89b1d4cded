"""The words the extractor knows, written as a reader would spell them.

Every table is folded once at import (see normalize.fold), so "أكثر من" here matches
"اكثر من" in the text, and "مائة" matches "مائه". Number words come in masculine and
feminine forms and in the nominative, accusative and genitive cases wire copy uses.
"""

from __future__ import annotations

from newsdash.reading.normalize import fold
from newsdash.reading.numbers import MULTIPLIERS


def _folded(table: dict[str, object]) -> dict[str, object]:
    return {fold(word): value for word, value in table.items()}


# --- numbers written as words -------------------------------------------------------
# kind: unit (1-9), teen (11-19), ten (10-90), hundred (100, multiplies a unit before it),
# hundreds (200-900 in one word), scale (thousand, million: multiplies what precedes),
# scale_plural (آلاف، ملايين: needs a number before it), dual (ألفان = 2,000 on its own),
# bound (واحد، أحد، اثنا: a number only inside a compound such as أحد عشر), teen_suffix (عشر).
_AR_UNITS = {
    1: ("واحد", "واحدة"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "إثنان", "إثنين"),
    3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع"), 5: ("خمسة", "خمس"), 6: ("ستة", "ست"),
    7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني", "ثمان"), 9: ("تسعة", "تسع"),
}
_AR_TENS = {
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"), 60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
}
_AR_HUNDREDS_JOINED = {
    3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع",
}
_EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_TEENS = {
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {
    "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def _number_words() -> dict[str, tuple[float, str]]:
    words: dict[str, tuple[float, str]] = {}
    for value, forms in _AR_UNITS.items():
        for form in forms:
            words[form] = (value, "bound" if value == 1 else "unit")
    for form in ("أحد", "إحدى", "اثنا", "اثني", "اثنتا", "اثنتي"):
        words[form] = (1 if form in ("أحد", "إحدى") else 2, "bound")
    for form in ("عشرة", "عشر"):
        words[form] = (10, "teen_suffix")
    for value, forms in _AR_TENS.items():
        words.update({form: (value, "ten") for form in forms})
    for form in ("مئة", "مائة", "مئه", "مائه"):
        words[form] = (100, "hundred")
    for form in ("مئتان", "مئتين", "مئتي", "مئتا", "مائتان", "مائتين", "مائتي", "مائتا"):
        words[form] = (200, "hundreds")
    for value, stem in _AR_HUNDREDS_JOINED.items():
        for hundred in ("مئة", "مائة"):
            words[stem + hundred] = (value * 100, "hundreds")
    words["ثمانيمئة"] = (800, "hundreds")
    words["ثمانمائة"] = (800, "hundreds")
    return _folded({**words, **_arabic_scales(), **_english_number_words()})


def _arabic_scales() -> dict[str, tuple[float, str]]:
    words: dict[str, tuple[float, str]] = {}
    words.update({w: (1_000, "scale") for w in ("ألف", "ألفا")})
    words.update({w: (1_000_000, "scale") for w in ("مليون", "مليونا")})
    words.update({w: (1_000_000_000, "scale") for w in ("مليار", "مليارا", "بليون")})
    words["آلاف"] = (1_000, "scale_plural")
    words["ملايين"] = (1_000_000, "scale_plural")
    words["مليارات"] = (1_000_000_000, "scale_plural")
    words.update({w: (2_000, "dual") for w in ("ألفان", "ألفين", "ألفي")})
    words.update({w: (2_000_000, "dual") for w in ("مليونان", "مليونين", "مليوني")})
    words.update({w: (2_000_000_000, "dual") for w in ("ملياران", "مليارين", "ملياري")})
    return words


def _english_number_words() -> dict[str, tuple[float, str]]:
    words: dict[str, tuple[float, str]] = {w: (v, "bound" if v == 1 else "unit") for w, v in _EN_UNITS.items()}
    words.update({w: (v, "teen") for w, v in _EN_TEENS.items()})
    words.update({w: (v, "ten") for w, v in _EN_TENS.items()})
    words["hundred"] = (100, "hundred")
    words.update({"thousand": (1_000, "scale"), "million": (1_000_000, "scale"),
                  "billion": (1_000_000_000, "scale")})
    return words


NUMBER_WORDS: dict[str, tuple[float, str]] = _number_words()
# Digits followed by one of these are multiplied: "50 ألف", "1.5 million".
MULTIPLIER_WORDS: dict[str, int] = {
    **_folded(MULTIPLIERS),
    **_folded({"ألفا": 1_000, "مليونا": 1_000_000, "ملايين": 1_000_000, "مليارا": 1_000_000_000,
               "مليارات": 1_000_000_000, "بليون": 1_000_000_000}),
}
FRACTIONS = {fold("نصف"): 0.5, fold("ربع"): 0.25, "half": 0.5, "quarter": 0.25}
CONJUNCTION_AR = "و"

# --- qualifiers, as written just before the number ------------------------------------
QUALIFIERS_BEFORE: dict[str, tuple[str, ...]] = {
    "more_than": (
        "أكثر من", "ما يزيد على", "ما يزيد عن", "يزيد على", "يزيد عن", "أزيد من", "ما لا يقل عن",
        "لا يقل عن", "more than", "over", "upwards of", "in excess of", "at least",
        "أكثر بقليل من", "ما يربو على", "يربو على", "ما ينيف على", "ينيف على", "ما تزيد على", "ما تزيد عن",
        "تزيد على", "تزيد عن", "لا تقل عن", "ما لا تقل عن", "just over",
    ),
    "less_than": (
        "أقل من", "ما يقل عن", "ما دون", "لا يزيد على", "لا يزيد عن", "ما لا يزيد على",
        "ما لا يزيد عن", "less than", "fewer than", "under", "below", "up to", "no more than",
        "أقل بقليل من", "ما يقل قليلا عن", "تقل عن", "ما تقل عن", "لا تزيد على", "لا تزيد عن",
        "just under", "just below", "short of",
    ),
    "about": (
        "نحو", "حوالي", "حوالى", "قرابة", "ما يقارب", "يقارب", "ما يقرب من", "زهاء", "ما يناهز",
        "يناهز", "تقريبا", "about", "around", "nearly", "almost", "some", "approximately",
        "roughly", "close to", "an estimated", "estimated",
        # approach words: the count comes close to the number, it is not the number
        "يقترب من", "ما يقترب من", "تقترب من", "ما تقترب من", "يقارب من", "تقارب", "ما تقارب", "تناهز",
        "ما تناهز", "زهاءَ", "زهاء من", "قرابه", "في حدود", "ما يقرب", "approaching", "close on",
        "as many as", "in the region of", "the best part of",
    ),
}
# ... and just after it: "50 ألف لاجئ تقريبا", "عشرين ونيف" (twenty and some).
QUALIFIERS_AFTER: dict[str, tuple[str, ...]] = {
    "about": ("تقريبا", "تقريبًا", "approximately", "or so"),
    "more_than": ("ونيف", "ونيّف", "or more"),
}
# A one-letter prefix an Arabic qualifier may carry: بأكثر من، لنحو، وقرابة.
ARABIC_PREFIXES = "وبلف"

# --- units, guessed from the noun after the number --------------------------------------
_UNITS: dict[str, tuple[str, ...]] = {
    "buildings": ("مبنى", "مبان", "مباني", "مبنيين", "building", "buildings"),
    "houses": ("منزل", "منزلا", "منازل", "بيت", "بيتا", "بيوت", "house", "houses", "home", "homes"),
    "hectares": ("هكتار", "هكتارا", "هكتارات", "hectare", "hectares", "ha"),
    "kilometres": ("كيلومتر", "كيلومترا", "كيلومترات", "كم", "كلم", "km", "kilometre", "kilometres",
                   "kilometer", "kilometers"),
    "metres": ("متر", "مترا", "أمتار", "metre", "metres", "meter", "meters"),
    "refugees": ("لاجئ", "لاجئا", "لاجئين", "لاجئون", "refugee", "refugees"),
    "displaced people": ("نازح", "نازحا", "نازحين", "نازحون", "displaced"),
    "people": ("شخص", "شخصا", "أشخاص", "نسمة", "مواطن", "مواطنا", "مواطنين", "people", "persons",
               "person", "residents", "citizens"),
    "women": ("امرأة", "نساء", "سيدة", "woman", "women"),
    "children": ("طفل", "طفلا", "أطفال", "child", "children"),
    "civilians": ("مدني", "مدنيا", "مدنيين", "مدنيون", "civilian", "civilians"),
    "soldiers": ("جندي", "جنديا", "جنود", "عسكري", "عسكريا", "عسكريين", "soldier", "soldiers", "troops"),
    "prisoners": ("أسير", "أسيرا", "أسرى", "معتقل", "معتقلا", "معتقلين", "prisoner", "prisoners",
                  "detainee", "detainees"),
    "deaths": ("قتيل", "قتيلا", "قتلى", "dead", "deaths", "killed"),
    "injured": ("جريح", "جريحا", "جرحى", "injured", "wounded"),
    "explosive objects": ("مادة متفجرة", "مواد متفجرة", "جسم متفجر", "أجسام متفجرة", "عبوة ناسفة",
                          "عبوات ناسفة", "explosive objects", "explosive devices", "explosives"),
    "mines": ("لغم", "لغما", "ألغام", "mine", "mines", "landmines"),
    "shells": ("قذيفة", "قذائف", "shell", "shells"),
    "villages": ("قرية", "قرى", "village", "villages"),
    "tonnes": ("طن", "طنا", "أطنان", "ton", "tons", "tonne", "tonnes"),
    "us dollars": ("دولار", "دولارا", "دولارات", "dollar", "dollars", "usd"),
    "euros": ("يورو", "euro", "euros"),
    "roubles": ("روبل", "روبلا", "روبلات", "rouble", "roubles", "ruble", "rubles"),
    "percent": ("%", "بالمئة", "بالمائة", "في المئة", "في المائة", "percent", "per cent"),
    "minutes": ("دقيقة", "دقائق", "minute", "minutes"),
    "hours": ("ساعة", "ساعات", "hour", "hours"),
    "days": ("يوم", "يوما", "أيام", "day", "days"),
    "weeks": ("أسبوع", "أسبوعا", "أسابيع", "week", "weeks"),
    "months": ("شهر", "شهرا", "أشهر", "شهور", "month", "months"),
    "years": ("عام", "عاما", "أعوام", "سنة", "سنوات", "سنين", "year", "years"),
}
UNIT_WORDS: dict[str, str] = {fold(word): unit for unit, words in _UNITS.items() for word in words}
# Units counted in whole things: before one of these, "12.450" and "3.218" are read with a dot
# as thousands separator (as Turkish, Indonesian and European outlets print them); before a
# measure ("2.5 كيلومتر") the dot stays a decimal point.
COUNT_UNITS = frozenset({
    "buildings", "houses", "hectares", "refugees", "displaced people", "people", "women", "children",
    "civilians", "soldiers", "prisoners", "deaths", "injured", "explosive objects", "mines", "shells",
    "villages",
})
# The dual of a count noun is the number two ("جريحين": two wounded). Only duals that no plural
# shares: "مدنيين" and "لاجئين" are also plurals, so they are not here.
DUAL_NOUNS: dict[str, str] = _folded({
    "جريحين": "injured", "جريحان": "injured", "طفلين": "children", "طفلان": "children",
    "شخصين": "people", "شخصان": "people", "قتيلين": "deaths", "قتيلان": "deaths",
    "جنديين": "soldiers", "جنديان": "soldiers", "أسيرين": "prisoners", "أسيران": "prisoners",
    "امرأتين": "women", "امرأتان": "women", "سيدتين": "women", "لغمين": "mines", "لغمان": "mines",
    "قذيفتين": "shells", "قذيفتان": "shells", "منزلين": "houses", "منزلان": "houses",
    "قريتين": "villages", "قريتان": "villages", "مبنيين": "buildings", "مبنيان": "buildings",
})
# A number word after its noun, both with the article: "الأيام الخمسة" (the five days).
DEFINITE_NUMBER_WORDS: dict[str, int] = _folded({
    "الثلاثة": 3, "الثلاث": 3, "الأربعة": 4, "الأربع": 4, "الخمسة": 5, "الخمس": 5, "الستة": 6, "الست": 6,
    "السبعة": 7, "السبع": 7, "الثمانية": 8, "الثماني": 8, "التسعة": 9, "التسع": 9, "العشرة": 10,
    "العشر": 10, "الاثنين": 2, "الاثنتين": 2, "العشرين": 20, "الثلاثين": 30, "الأربعين": 40,
    "الخمسين": 50, "المئة": 100,
})
# Words (and their one-letter prefixes) after which a bare number names a thing, not a count:
# "الفرقة الـ 7" (the 7th division), "الدورة الـ 76", "صفحة 4".
ORDINAL_ARTICLE = fold("الـ")
# How the Add page and draft labels name each unit in Arabic (the dashboard's own units
# are in formatting.UNITS, which wins where both name one).
UNIT_NAMES_AR = {
    "buildings": "مبنى", "houses": "منزل", "hectares": "هكتار", "kilometres": "كم", "metres": "متر",
    "refugees": "لاجئ", "displaced people": "نازح", "people": "شخص", "women": "امرأة", "children": "طفل",
    "civilians": "مدني", "soldiers": "جندي", "prisoners": "أسير", "deaths": "قتيل", "injured": "جريح",
    "explosive objects": "مادة متفجرة", "mines": "لغم", "shells": "قذيفة", "villages": "قرية", "tonnes": "طن",
    "us dollars": "دولار", "euros": "يورو", "roubles": "روبل", "percent": "في المئة", "minutes": "دقيقة",
    "hours": "ساعة", "days": "يوم", "weeks": "أسبوع", "months": "شهر", "years": "سنة",
}
# Nouns that are one of their unit on their own: "شهر ونصف" is a month and a half.
SINGULAR_TIME = _folded({"شهر": "months", "عام": "years", "سنة": "years", "ساعة": "hours",
                         "يوم": "days", "أسبوع": "weeks", "month": "months", "year": "years",
                         "hour": "hours", "day": "days", "week": "weeks"})
DUAL_TIME = _folded({"شهرين": "months", "شهران": "months", "عامين": "years", "عامان": "years",
                     "سنتين": "years", "سنتان": "years", "ساعتين": "hours", "ساعتان": "hours",
                     "يومين": "days", "يومان": "days", "أسبوعين": "weeks", "أسبوعان": "weeks"})
# Words after which the following word is not a unit ("5 of the", "في عام").
NOT_UNITS = frozenset(_folded({w: 1 for w in (
    "من", "في", "على", "إلى", "عن", "و", "أو", "ثم", "قد", "of", "the", "and", "or", "in", "to", "a", "an",
    "on", "at", "by", "for", "from", "with", "per", "than", "was", "were", "is", "are", "has", "have",
)}))
# A number right after these is an identifier, not a count: "القرار 2254", "Resolution 2254".
IDENTIFIER_CUES = frozenset(_folded({w: 1 for w in (
    "رقم", "القرار", "قرار", "المادة", "resolution", "article", "no", "number", "flight", "route",
    "مادة", "البند", "بند", "الفقرة", "فقرة", "الفصل", "المرسوم", "مرسوم", "القانون", "الصفحة", "صفحة", "ص",
    "الهاتف", "هاتف", "تلفون", "الرقم", "فاكس", "الفرقة", "الدورة", "الجلسة", "الكتيبة", "القطاع",
    "page", "p", "pp", "paragraph", "clause", "section", "chapter", "decree", "law", "phone", "tel",
    "telephone", "fax", "division", "brigade", "session", "unit", "battalion", "platoon", "regiment",
)}))

# --- years and relative years ------------------------------------------------------------
YEAR_CUES = ("عام", "العام", "لعام", "سنة", "السنة", "منذ", "في", "خلال", "حتى", "مطلع", "نهاية",
             "in", "since", "during", "until", "by", "early", "late", "end of")
RELATIVE_YEARS: dict[int, tuple[str, ...]] = {
    -1: ("العام الماضي", "السنة الماضية", "العام المنصرم", "السنة المنصرمة", "العام الفائت",
         "السنة الفائتة", "العام السابق", "last year", "the previous year"),
    0: ("العام الحالي", "العام الجاري", "السنة الحالية", "السنة الجارية", "هذا العام", "هذه السنة",
        "this year", "earlier this year", "later this year", "so far this year"),
    1: ("العام المقبل", "العام القادم", "السنة المقبلة", "السنة القادمة", "next year"),
}
RELATIVE_MONTHS: dict[int, tuple[str, ...]] = {
    -1: ("الشهر الماضي", "الشهر المنصرم", "الشهر الفائت", "last month"),
    0: ("الشهر الحالي", "الشهر الجاري", "هذا الشهر", "this month", "earlier this month"),
    1: ("الشهر المقبل", "الشهر القادم", "next month"),
}
# After a month name: "نوفمبر الماضي" is the latest November before publication.
MONTH_PAST = ("الماضي", "المنصرم", "الفائت", "السابق")
MONTH_NEXT = ("المقبل", "القادم")
# ... "كانون الأول الجاري": the month of publication.
MONTH_THIS = ("الجاري", "الحالي")
# "الشهر نفسه" / "نفس الشهر": the month the text named last.
SAME_MONTH = ("الشهر نفسه", "الشهر ذاته", "نفس الشهر", "ذات الشهر", "الشهر عينه")

# --- days written as ordinal words: "في الخامس من كانون الأول" --------------------------------
_ORDINAL_UNITS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")


def _ordinal_days() -> dict[str, int]:
    days = {word: n for n, word in enumerate(_ORDINAL_UNITS, start=1)}
    days["العاشر"] = 10
    days["الحادي عشر"] = 11
    for n, word in enumerate(_ORDINAL_UNITS[1:], start=12):
        days[f"{word} عشر"] = n
    days["العشرين"] = 20
    days["الثلاثين"] = 30
    for n, word in enumerate(("الحادي",) + _ORDINAL_UNITS[1:], start=21):
        days[f"{word} والعشرين"] = n
    days["الحادي والثلاثين"] = 31
    return _folded(days)


ORDINAL_DAYS: dict[str, int] = _ordinal_days()
# English seasons: "the spring of 2019" is known to the year only.
SEASONS = ("spring", "summer", "autumn", "fall", "winter", "ربيع", "صيف", "خريف", "شتاء")


# --- the setting of a figure: its period and who counts it (newsdash.reading.setting) ----
# A flow is what happened in one period; its phrases name the period ("a day" alone is left
# out: "a day after the ceasefire" dates a count, it is no period). Found in wire copy on
# returns, demining and casualties: "over the past 24 hours", «خلال اليوم الماضي», «أمس».
_FLOW_WORDS = {
    "day": ("yesterday", "overnight", "in the past 24 hours", "over the past 24 hours", "in the last 24 hours",
            "over the last 24 hours", "during the past 24 hours", "within 24 hours", "in the past day",
            "over the past day", "over the last day", "in the last day", "during the past day", "in a single day",
            "in one day", "per day", "daily", "each day", "every day", "since yesterday",
            "أمس", "يوم أمس", "البارحة", "الليلة الماضية", "خلال اليوم الماضي", "في اليوم الماضي",
            "خلال اليوم الأخير", "خلال الساعات الـ24 الماضية", "خلال الساعات ال24 الماضية",
            "خلال الساعات 24 الماضية", "خلال الـ24 ساعة الماضية", "خلال ال24 ساعة الماضية",
            "خلال 24 ساعة", "خلال الأربع والعشرين ساعة الماضية", "خلال الساعات الأربع والعشرين الماضية",
            "خلال يوم واحد", "في يوم واحد", "خلال يوم", "يوميا", "في اليوم", "منذ أمس"),
    "weekend": ("over the weekend", "at the weekend", "on the weekend", "this weekend", "last weekend",
                "عطلة نهاية الأسبوع", "نهاية الأسبوع", "خلال عطلة نهاية الأسبوع", "في عطلة نهاية الأسبوع"),
    "week": ("in the past week", "over the past week", "in the last week", "over the last week", "last week",
             "this week", "during the week", "per week", "weekly", "in the past seven days",
             "over the past seven days", "خلال الأسبوع", "خلال الأسبوع الماضي", "الأسبوع الماضي",
             "في الأسبوع الماضي", "هذا الأسبوع", "خلال الأيام السبعة الماضية", "أسبوعيا", "خلال أسبوع"),
    "month": ("last month", "this month", "in the past month", "over the past month", "in the last month",
              "during the month", "per month", "monthly", "in the past 30 days", "over the past 30 days",
              "الشهر الماضي", "خلال الشهر الماضي", "في الشهر الماضي", "خلال الشهر", "هذا الشهر",
              "خلال الشهر الجاري", "خلال شهر", "شهريا", "خلال الثلاثين يوما الماضية", "خلال 30 يوما"),
}
FLOW_PHRASES: dict[str, str] = {fold(p): per for per, phrases in _FLOW_WORDS.items() for p in phrases}
# A weekday names a day's flow ("returned on Sunday") unless it dates the statement ("said on
# Sunday"); it is read only when no other period phrase is there.
WEEKDAY_PHRASES: dict[str, str] = _folded({w: "day" for w in (
    "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday",
    "يوم الاثنين", "يوم الإثنين", "يوم الثلاثاء", "يوم الأربعاء", "يوم الخميس", "يوم الجمعة", "يوم السبت",
    "يوم الأحد")})
# A running total counts since a start: "so far", "since the start of the mission", «حتى الآن».
TOTAL_PHRASES: dict[str, str] = _folded({p: "total" for p in (
    "so far", "thus far", "to date", "in total", "a total of", "the total", "total of", "in all", "altogether",
    "overall", "since", "since the start", "since the beginning", "since the start of the mission",
    "already", "cumulative", "running total", "bringing the total", "bringing the number", "up to now",
    "until now", "all told",
    "حتى الآن", "حتى اليوم", "لغاية الآن", "إلى الآن", "لحد الآن", "إجمالي", "الإجمالي", "إجمالا",
    "بالإجمال", "في المجموع", "مجموع", "المجموع", "في المجمل", "منذ", "منذ بداية", "منذ بدء", "منذ انطلاق",
    "بالفعل", "ليصل العدد", "ليرتفع العدد", "ليبلغ العدد", "ليصل إجمالي", "ليرتفع إجمالي", "تراكمي",
    "التراكمي", "العدد الكلي", "الحصيلة الإجمالية")})
# A count on a date: it may fall as well as rise ("remain displaced", «لا يزالون»).
LEVEL_PHRASES: dict[str, str] = _folded({p: "level" for p in (
    "remain", "remains", "still", "currently", "at present", "as of now",
    "لا يزالون", "لا يزال", "ما زالوا", "ما زال", "ما يزال", "ما يزالون", "حاليا", "في الوقت الحالي")})
# Words that point back to a party named before: "the ministry said", «وأضاف», «ووفقا له».
REFERS_BACK: dict[str, bool] = _folded({p: True for p in (
    "the ministry", "the agency", "the mission", "the department", "the service", "the contingent",
    "its spokesman", "its spokeswoman", "spokesman", "spokeswoman", "spokesperson",
    "he said", "she said", "he added", "she added", "according to him", "according to her", "it said",
    "it added", "the statement", "the report", "the military",
    "الوزارة", "الوكالة", "البعثة", "الدائرة", "المتحدث باسمها", "المتحدث باسم الوزارة", "المتحدث باسم الوكالة",
    "المتحدثة باسمها", "المتحدث الرسمي", "متحدث باسم", "وأضاف", "وأضافت", "وتابع", "وتابعت", "ووفقا له", "وفقا له", "ووفقا لها", "وفقا لها",
    "بحسب البيان", "وفقا للبيان", "البيان", "التقرير", "وأوضح", "وأوضحت", "وأشار", "وأشارت")})
REPORTING_VERBS = frozenset(fold(w) for w in (
    "said", "says", "announced", "reported", "told", "added", "stated", "declared", "confirmed",
    "قال", "قالت", "أعلن", "أعلنت", "ذكر", "ذكرت", "أفاد", "أفادت", "أكد", "أكدت", "صرح", "صرحت", "أوضح",
    "أوضحت", "أضاف", "أضافت"))
STATEMENT_DAY = frozenset({fold("اليوم")})  # «اليوم الأربعاء»: the day of the statement, not of the count
# Another country's adjective after an Arabic office's name (or before an English one) makes
# it that country's office: «وزارة الدفاع الأذربيجانية» is not the Russian ministry.
FOREIGN_NATIONALITY = frozenset(fold(w) for w in (
    "azerbaijani", "azerbaijan's", "azeri", "armenian", "armenia's", "turkish", "turkey's", "ukrainian",
    "american", "us", "u.s.", "french", "british", "georgian", "iranian",
    "الأذربيجانية", "الأذربيجاني", "الأذرية", "الأذري", "الأرمينية", "الأرميني", "الأرمنية", "الأرمني",
    "التركية", "التركي", "الأوكرانية", "الأوكراني", "الأمريكية", "الأمريكي", "الأميركية", "الأميركي",
    "الفرنسية", "البريطانية", "الجورجية", "الإيرانية", "الأذربيجانيه", "الارمينيه"))
# A sentence that tells of another incident or count: its figure is another claim, even when
# the number and the noun are the same ("In another incident 3 civilians were injured").
ANOTHER_EVENT: dict[str, bool] = _folded({p: True for p in (
    "another", "separately", "in a separate", "elsewhere", "آخر", "أخرى", "منفصل", "منفصلة", "في مكان آخر")})
