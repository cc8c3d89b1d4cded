"""Headless Chromium against `streamlit run`: upload an article on the Add an article
page, see its candidates, and download the draft YAML and the seed text."""

from __future__ import annotations

import hashlib
import re

import pytest
import yaml

pytestmark = pytest.mark.browser

ARTICLE = """عودة اللاجئين إلى قره باغ

(سبوتنيك - 14 آذار/مارس 2022) قال مسؤول إن أكثر من 3 آلاف لاجئ عادوا الشهر الماضي.

وأصيب ما بين 15 و20 جنديا في 9 آذار، ويعيش نحو مليون ونصف شخص في المنطقة."""


def upload_and_wait(page, app_url: str, path) -> None:  # noqa: ANN001
    page.goto(f"{app_url}/add_article")
    page.wait_for_selector('[data-testid="stFileUploaderDropzoneInput"]', state="attached", timeout=60_000)
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', str(path))
    page.wait_for_selector('[data-testid="stDownloadButton"]', timeout=60_000)


def test_upload_an_article_and_download_its_draft(page, app_url, tmp_path):
    source = tmp_path / "incoming.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    upload_and_wait(page, app_url, source)
    assert page.locator('[data-testid="stException"]').count() == 0
    marks = page.locator("mark.cand").all_inner_texts()
    assert [m for m in marks if "3 آلاف" in m] == ["أكثر من 3 آلاف لاجئF1"]
    assert page.locator("mark.cand.figure").count() == 3 and page.locator("mark.cand.event").count() == 3
    assert page.get_by_text("Kept: 3 of 3 figures, 3 of 3 dates.").is_visible()

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the draft YAML").click()
    download = download_info.value
    draft = yaml.safe_load(download.path().read_text(encoding="utf-8"))
    assert download.suggested_filename.startswith("draft-") and download.suggested_filename.endswith(".yaml")
    assert draft["article"]["status"] == "draft" and draft["article"]["published"] == "2022-03-14"
    figures = [(f["value"], f.get("value_max"), f["qualifier"], f["unit"], f["quote"], f["status"])
               for f in draft["figures"]]
    assert figures == [
        (3000, None, "more_than", "refugees", "أكثر من 3 آلاف لاجئ", "draft"),
        (15, 20, "range", "soldiers", "ما بين 15 و20 جنديا", "draft"),
        (1_500_000, None, "about", "people", "نحو مليون ونصف شخص", "draft"),
    ]
    events = [(e["date"], e["date_precision"], e["quote"]) for e in draft["events"]]
    assert events == [("2022-03-14", "day", "14 آذار/مارس 2022"), ("2022-02", "month", "الشهر الماضي"),
                      ("2022-03-09", "day", "9 آذار")]


def test_the_seed_download_is_the_uploaded_text_byte_for_byte(page, app_url, tmp_path):
    source = tmp_path / "incoming.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    upload_and_wait(page, app_url, source)
    with page.expect_download() as download_info:
        page.locator('[data-testid="stDownloadButton"] button').nth(1).click()
    download = download_info.value
    assert download.path().read_bytes() == ARTICLE.encode("utf-8")
    digest = hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()[:16]
    assert re.fullmatch(rf"\d{{3}}_{digest}\.txt", download.suggested_filename)


def test_a_low_confidence_reading_is_marked_as_such_in_the_text(page, app_url, tmp_path):
    source = tmp_path / "reversed.txt"
    source.write_text("(دمشق - 6 كانون الأول 2021) أزالت الفرق 000 35 لغم و500 2 قذيفة.", encoding="utf-8")
    upload_and_wait(page, app_url, source)
    low = page.locator("mark.cand.figure.low")
    assert low.all_inner_texts() == ["000 35 لغمF1?", "500 2 قذيفةF2?"]
    assert low.first.evaluate("el => getComputedStyle(el).outlineStyle") == "dashed"
    assert "digits out of order" in low.first.get_attribute("title")
    assert "low: check first" in low.first.get_attribute("title")
