"""No article in the code: no id of an article's figure, event or chart (data/articles/*.yaml)
appears in the package or the pages, so every page works for every valid article."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

CODE = [*sorted((ROOT / "newsdash").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py"))]


def article_ids() -> set[str]:
    ids = set()
    for path in sorted((ROOT / "data" / "articles").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind in ("figures", "events", "charts"):
            ids |= {record["id"] for record in data.get(kind) or []}
    return ids


def test_the_articles_have_ids_to_look_for():
    ids = article_ids()
    assert {"buildings_inspected", "fighting_duration_months", "chart_timeline", "ceasefire_in_force"} <= ids
    assert len(CODE) > 40


def test_no_article_id_appears_in_the_code():
    found = []
    for path in CODE:
        text = path.read_text(encoding="utf-8")
        for rid in article_ids():
            if re.search(rf"\b{re.escape(rid)}\b", text):
                found.append(f"{path.relative_to(ROOT)}: {rid}")
    assert found == []
