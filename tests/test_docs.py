"""The README is a front door (under 200 lines: what it is, a screenshot, the two commands,
where things are, links) and every guide it links to is there, in docs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
GUIDES = sorted((ROOT / "docs").glob("*.md"))
# written on their own branches; linked from the README before they arrive
ARRIVING = {"docs/measures.md", "docs/adding-an-article.md"}


def links(path: Path) -> list[str]:
    """Relative link targets of a Markdown file (no web addresses, no anchors alone)."""
    targets = re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))
    return [t.split("#", 1)[0] for t in targets if not t.startswith(("http://", "https://", "#"))]


def test_the_readme_is_short_and_holds_the_two_commands_and_the_screenshot():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 200
    assert ".venv/bin/pip install -r requirements.txt && .venv/bin/streamlit run dashboard.py" in text
    assert "bash scripts/test.sh" in text
    assert "](docs/overview.png)" in text and (ROOT / "docs" / "overview.png").is_file()


def test_the_readme_says_where_every_layer_is():
    text = README.read_text(encoding="utf-8")
    for folder in ("reading", "data", "curation", "views", "exports", "app", "bench"):
        assert f"newsdash/{folder}/" in text
        assert (ROOT / "newsdash" / folder).is_dir()


def test_the_readme_links_every_guide():
    linked = {str((ROOT / target).resolve().relative_to(ROOT)) for target in links(README)}
    assert {f"docs/{guide.name}" for guide in GUIDES} <= linked
    assert {"docs/data.md", "docs/sharing.md", "docs/performance.md", *ARRIVING} <= linked


@pytest.mark.parametrize("page", [README, *GUIDES], ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file(page):
    for target in links(page):
        resolved = (page.parent / target).resolve()
        if str(resolved.relative_to(ROOT)) in ARRIVING:
            continue
        assert resolved.exists(), f"{page.name} links to {target}, which is not there"


def test_the_guides_hold_what_the_readme_used_to():
    data = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    sharing = (ROOT / "docs" / "sharing.md").read_text(encoding="utf-8")
    performance = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert "`python -m newsdash validate [DIR]` proves every record against the seed" in data
    assert "## Context tables" in data and "status: draft" in data
    assert "**What the password protects, and what it does not.**" in sharing
    assert "**Docker.**" in sharing and "**systemd**" in sharing and "## The press kit" in sharing
    assert "### Latest run" in performance and "## Under load" in performance
    assert "runner.postScriptGC" in performance and "newsdash.bench.gc_choice" in performance
