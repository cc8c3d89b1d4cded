"""The second article of the record tests: its seed (tests/fixtures/record/) and the
answers an editor gives on the Add an article form, in our own words."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "fixtures" / "record" / "seeds"
SEED_NAME = "001_fb74683482dfbc10.txt"
SEED_SHA256 = "fb74683482dfbc10756b44a06b29df52be9e0d7e0e5a81ff7d99ed3e9647b4bd"
ARTICLE_ID = "2020-12-06-sputnik-mod-returns"
FIRST_ARTICLE = "2021-12-29-sputnik-rudenko-karabakh.yaml"

ANSWERS = {
    "article.id": ARTICLE_ID,
    "article.title.en": "Russian defence ministry: refugees keep returning to Karabakh",
    "article.outlet.en": "Sputnik Arabic", "article.outlet.ar": "سبوتنيك عربي",
    "article.wire_agency.en": "Sputnik", "article.wire_agency.ar": "سبوتنيك",
    "article.speaker.name.en": "Russian defence ministry", "article.speaker.name.ar": "وزارة الدفاع الروسية",
    "article.speaker.role.en": "Ministry statement", "article.speaker.role.ar": "بيان الوزارة",
    "article.claim_caveat.en": "The count is a claim by Russia's defence ministry, a party to the ceasefire "
                               "arrangements; no one has verified it independently.",
    "article.claim_caveat.ar": "الحصيلة تصريح لوزارة الدفاع الروسية، وهي طرف في ترتيبات وقف إطلاق النار، "
                               "ولم يتحقق منها أي طرف مستقل.",
    "figures.figure_1.label.en": "Refugees returned to Karabakh",
    "figures.figure_1.label.ar": "لاجئون عادوا إلى قره باغ",
    "figures.figure_1.attributed_to": "Russian defence ministry",
    "figures.figure_1.attributed_to_ar": "وزارة الدفاع الروسية",
    "figures.figure_1.translation": "more than 34 thousand refugees",
    "figures.figure_1.category": "returns",
    "figures.figure_2.label.en": "Length of the fighting",
    "figures.figure_2.label.ar": "مدة المعارك",
    "figures.figure_2.attributed_to": "Sputnik (the agency's background paragraph)",
    "figures.figure_2.attributed_to_ar": "سبوتنيك (فقرة الخلفية من الوكالة)",
    "figures.figure_2.translation": "about a month and a half",
    "figures.figure_2.category": "conflict",
    "figures.figure_2.period": "2020-09/2020-11-10",
    "events.event_1.keep": False,  # the dateline: not an event of the story
    "events.event_2.label.en": "Ceasefire comes into force",
    "events.event_2.label.ar": "دخول وقف إطلاق النار حيز التنفيذ",
    "events.event_2.translation": "10 November 2020",
    "paragraphs.0.translation": "Russian defence ministry: refugees keep returning to Karabakh",
    "paragraphs.1.translation": "Moscow, 6 December 2020 (Sputnik) - The Russian defence ministry said today, "
                                "Sunday, that more than 34 thousand refugees have returned to their homes in the "
                                "Karabakh region since Russian peacekeepers deployed there.",
    "paragraphs.2.translation": "The ministry said in its daily statement that the Russian peacekeepers escort "
                                "the returnees on the road from Armenia and keep clearing roads and buildings of "
                                "mines.",
    "paragraphs.3.translation": "The ceasefire in Karabakh came into force on 10 November 2020, after fighting "
                                "between Armenia and Azerbaijan that lasted about a month and a half.",
}


def seed_bytes() -> bytes:
    raw = (SEEDS / SEED_NAME).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SEED_SHA256, "the fixture's text has changed"
    return raw


def data_folder(tmp: Path) -> Path:
    """A data folder holding the project's first article, context and method (no second)."""
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    return data
