"""A second confirmed article, written for the tests in our own words in the style of a
short Arabic wire story: the Russian defence ministry's running total of returns on
6 December 2020 (more than 34,000), the value returns_series.csv records for that day.
`two_article_data` builds a data folder holding it beside the project's own data."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from tests.conftest import ROOT

SECOND_ID = "2020-12-06-test-wire-returns"
SECOND_SEED = "test_wire_returns_20201206.txt"
SECOND_FIGURE = "returned_total"
SECOND_SPEAKER = "Russian defence ministry"

SEED_TEXT = (
    "الدفاع الروسية: أكثر من 34 ألف لاجئ عادوا إلى قره باغ\n\n"
    "موسكو (وكالة الاختبار) - قالت وزارة الدفاع الروسية في بيان يوم الأحد إن أكثر من 34 ألف لاجئ "
    "عادوا إلى قره باغ منذ منتصف تشرين الثاني/نوفمبر، بمرافقة قوات حفظ السلام الروسية.\n\n"
    "وأضاف البيان أن قوافل العودة تعبر ممر لاتشين كل يوم."
)

ARTICLE_YAML = """\
article:
  id: {id}
  outlet: {{en: Test Wire, ar: وكالة الاختبار}}
  wire_agency: {{en: Test Wire, ar: وكالة الاختبار}}
  published: "2020-12-06"
  language: ar
  title_original: "الدفاع الروسية: أكثر من 34 ألف لاجئ عادوا إلى قره باغ"
  title:
    en: "Russian defence ministry: more than 34,000 refugees have returned to Karabakh"
    ar: "الدفاع الروسية: أكثر من 34 ألف لاجئ عادوا إلى قره باغ"
  speaker:
    name: {{en: Russian defence ministry, ar: وزارة الدفاع الروسية}}
    role: {{en: "Ministry of Defence of Russia", ar: وزارة الدفاع في روسيا}}
  seed:
    file: {seed}
    sha256: {sha}
  claim_caveat:
    en: "A claim by Russia, whose peacekeepers escort the returns; not independently verified."
    ar: "تصريح لروسيا التي ترافق قواتها عمليات العودة، ولم يتحقق منه طرف مستقل."

figures:
  - id: {figure}
    label: {{en: Refugees returned to Karabakh, ar: لاجئون عادوا إلى قره باغ}}
    category: returns
    value: 34000
    qualifier: more_than
    unit: refugees
    measure: returned_to_karabakh_cumulative
    period: {{as_of: "2020-12-06"}}
    attributed_to: "{speaker}"
    attributed_to_ar: "وزارة الدفاع الروسية"
    quote: "أكثر من 34 ألف لاجئ عادوا إلى قره باغ منذ"
    translation: "more than 34 thousand refugees have returned to Karabakh since"

events: []

paragraphs:
  - index: 0
    kind: headline
    translation: "Russian defence ministry: more than 34 thousand refugees have returned to Karabakh"
  - index: 1
    kind: body
    translation: >-
      Moscow (Test Wire) - The Russian defence ministry said in a statement on Sunday that more than
      34 thousand refugees have returned to Karabakh since mid-November, escorted by Russian peacekeepers.
  - index: 2
    kind: body
    translation: "The statement added that return convoys cross the Lachin corridor every day."

notes: []
"""


def write_second_article(data: Path) -> Path:
    """The second article and its seed, in a copy of the project's data folder."""
    seed = data.parent / "seeds" / SECOND_SEED
    seed.write_text(SEED_TEXT, encoding="utf-8")
    sha = hashlib.sha256(seed.read_bytes()).hexdigest()
    path = data / "articles" / f"{SECOND_ID}.yaml"
    path.write_text(ARTICLE_YAML.format(id=SECOND_ID, seed=SECOND_SEED, sha=sha, figure=SECOND_FIGURE,
                                        speaker=SECOND_SPEAKER), encoding="utf-8")
    return path


def two_article_data(folder: Path) -> Path:
    """A data folder (and seeds beside it) with the first article and the second."""
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    write_second_article(folder / "data")
    return folder / "data"
