"""The whole survey in every language of the survey file, in Chromium at 360 px: lang, dir, axe, weight.

The person answers only what is required (age 13-15, so the child-friendly wording shows; a ward) and
presses Continue through every page, then sends. Choices are made by value, not by English label.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.config import PROJECT_ROOT
from app.survey_format import load_survey_file

SURVEY = load_survey_file(PROJECT_ROOT / "surveys" / "community-measure.yaml")
RTL = {"ar", "fa", "ur"}
MAX_FIRST_PAGE_BYTES = 14 * 1024
#: Screenshots of the first question page for a person to look at (issue: Urdu, Arabic, Bengali, Panjabi).
SCREENSHOT_LANGUAGES = {"ur", "ar", "bn", "pa", "en"}


def continue_(page: Any) -> None:
    with page.expect_navigation():
        page.locator("button[name=action][value=next]").click()


@pytest.mark.parametrize("lang", list(SURVEY.languages))
def test_whole_survey_in_each_language(phone: Any, lang: str) -> None:
    direction = "rtl" if lang in RTL else "ltr"
    me = phone(js=True)
    page = me.page

    wire, _responses = me.wire_bytes(f"/s/community-measure?lang={lang}")
    total = sum(size for _what, size in wire)
    assert total <= MAX_FIRST_PAGE_BYTES, f"{lang}: first page costs {total} bytes: {wire}"
    assert page.url.endswith(f"/{lang}/s/community-measure")
    me.check_page(lang, direction)
    if SURVEY.languages[lang] == "draft":
        assert page.locator(".draft").is_visible(), f"{lang}: draft language without the 'being checked' note"

    with page.expect_navigation():
        page.locator("main a.button").click()
    pages = 0
    while "/p/" in page.url:
        me.check_page(lang, direction)
        pages += 1
        key = page.url.rsplit("/", 1)[1]
        if key == "your_age":
            page.locator("label[for='age--13-15']").click()
            if lang in SCREENSHOT_LANGUAGES:
                me.screenshot(f"languages/{lang}-first-question")
        elif key == "where_you_live":
            page.locator("select#ward").select_option("E05011372")  # Moss Side
        continue_(page)
    assert pages >= 13, f"{lang}: only {pages} pages"
    assert re.search(rf"/{lang}/s/community-measure/send$", page.url), page.url
    me.check_page(lang, direction)
    with page.expect_navigation():
        page.locator("form[action$='/send'] button").click()
    assert page.url.endswith(f"/{lang}/s/community-measure/thanks")
    me.check_page(lang, direction)


def test_switching_language_mid_survey_keeps_answers(phone: Any) -> None:
    others = [code for code in SURVEY.languages if code != "en"]
    if not others:
        pytest.skip("the survey has only English")
    target = "ar" if "ar" in others else others[0]
    me = phone(js=False)
    page = me.page
    me.goto("/en/s/community-measure/p/your_age")
    page.locator("label[for='age--16-17']").click()
    with page.expect_navigation():
        page.locator(f"#language button[value={target}]").click()
    assert page.url.endswith(f"/{target}/s/community-measure/p/your_age")
    assert page.locator("#age--16-17").is_checked()
    me.check_page(target, "rtl" if target in RTL else "ltr")
