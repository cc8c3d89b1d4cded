"""Month names in both Arabic naming systems (Levantine and Egyptian/Gulf) and English."""

from __future__ import annotations

LEVANTINE = [
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
]
EGYPTIAN = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
]
ENGLISH = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]
VARIANTS = {
    "ابريل": 4, "إبريل": 4, "اغسطس": 8, "اكتوبر": 10, "ايار": 5, "اذار": 3, "ايلول": 9,
    # Egyptian spellings and the Levantine names written without the article or hamza
    "يونيه": 6, "يوليه": 7, "كانون ثاني": 1, "تشرين أول": 10, "تشرين ثاني": 11, "كانون أول": 12,
    "تشرين الاول": 10, "كانون الاول": 12, "تشرين اول": 10, "كانون اول": 12,
}
# English abbreviations ("Nov. 9"); the extractor accepts them only beside a day or year.
ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NUMBER = {
    **{name: i + 1 for names in (LEVANTINE, EGYPTIAN, ENGLISH) for i, name in enumerate(names)},
    **VARIANTS,
    **ABBREVIATIONS,
}
