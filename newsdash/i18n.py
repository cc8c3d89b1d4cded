"""Interface words in English and Arabic, and numbers written for each language.

Chart titles, notes and source lines live in the data files; this module holds only
the interface's own words (page names, captions, qualifiers, units).
"""

from __future__ import annotations

LANGS = ("en", "ar")
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

CATEGORIES = {
    "demining": ("Demining", "إزالة الألغام"),
    "returns": ("Returns", "العودة"),
    "conflict": ("Conflict", "النزاع"),
}

QUALIFIER_WORDS = {
    "more_than": ("more than", "أكثر من"),
    "about": ("about", "نحو"),
    "exact": ("", ""),
}

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("Karabakh peacekeeping: the figures", "حفظ السلام في قره باغ: الأرقام"),
    "language": ("Language", "اللغة"),
    "page_overview": ("Overview", "نظرة عامة"),
    "page_demining": ("Demining progress", "تقدم إزالة الألغام"),
    "page_returns": ("Returns", "العودة"),
    "page_timeline": ("Ceasefire timeline", "الجدول الزمني لوقف إطلاق النار"),
    "page_original": ("Original text", "النص الأصلي"),
    "page_method": ("Data & method", "البيانات والمنهجية"),
    "source_card": ("Source", "المصدر"),
    "outlet": ("Outlet", "الناشر"),
    "wire": ("Wire agency", "وكالة الأنباء"),
    "published": ("Published", "تاريخ النشر"),
    "speaker": ("Speaker", "المتحدث"),
    "caveat_title": ("These are claims, not verified facts", "هذه تصريحات وليست حقائق مؤكدة"),
    "headline_figures": ("Figures stated in the article", "الأرقام الواردة في المقال"),
    "data_errors": ("Some data files have errors and are not shown:", "في بعض ملفات البيانات أخطاء ولم تُعرض:"),
    "no_articles": ("No valid article to show.", "لا توجد مقالة صالحة للعرض."),
    "see_in_text": ("See the sentence", "اعرض الجملة"),
    "attributed_to": ("Attributed to", "منسوب إلى"),
    "quote": ("Quote", "الاقتباس"),
    "translation": ("Translation", "الترجمة"),
}


def t(key: str, lang: str) -> str:
    """The interface text for a key in a language (English if the language is unknown)."""
    en, ar = TEXT[key]
    return ar if lang == "ar" else en


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ar" else pair[0]


def format_number(value: float, lang: str) -> str:
    """1937 -> '1,937' or '١٬٩٣٧'; 1.5 -> '1.5' or '١٫٥'."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(ARABIC_DIGITS) if lang == "ar" else text


def format_value(value: float, qualifier: str, lang: str) -> str:
    """A value with its qualifier in words: 'more than 26,000', 'نحو ١٫٥'."""
    words = pick(QUALIFIER_WORDS[qualifier], lang)
    number = format_number(value, lang)
    return f"{words} {number}" if words else number


def format_short(value: float, qualifier: str, lang: str) -> str:
    """A compact metric form that still keeps the qualifier: '26,000+', '~1.5'."""
    number = format_number(value, lang)
    if lang == "ar":
        return format_value(value, qualifier, lang)
    return {"more_than": f"{number}+", "about": f"~{number}"}.get(qualifier, number)


def unit_label(unit: str, lang: str) -> str:
    return pick(UNITS.get(unit, (unit, unit)), lang)


def category_label(category: str, lang: str) -> str:
    return pick(CATEGORIES.get(category, (category, category)), lang)
