"""The respondent journey in real Chromium on a 360 px phone, with JavaScript off and on.

Answers are given as a person would: clicking labels, typing in boxes, choosing from the drop-down by
its label. Every page visited is checked for language, the help box, the quick exit, sideways scrolling,
WCAG 2.2 A/AA (axe) and requests leaving the app.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import uuid
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import content_encoding

SURVEY = "/s/community-measure"
INTRO = "/en/s/community-measure"
PAGE = re.compile(r"/en/s/community-measure/p/(?P<key>[a-z0-9_]+)$")
HTML_MAX_BYTES = 14 * 1024

#: The pages of the survey in order, all shown when the person is 16-17 and answers "about you".
ALL_PAGES = [
    "your_age",
    "where_you_live",
    "feeling_safe_local",
    "feeling_safe_places",
    "what_makes_unsafe",
    "staying_safe",
    "respected",
    "treated_unfairly",
    "trusted_adults",
    "support_near_you",
    "being_listened_to",
    "feeling_hopeful",
    "your_ideas",
    "about_you_intro",
    "about_you_gender",
    "about_you_ethnic_group",
    "about_you_ethnic_background",
    "about_you_health",
    "about_you_health_impact",
    "about_you_languages",
]

#: Field name -> the label(s) to choose; other radio groups get their first answer, checkbox groups their first box.
CHOICES: dict[str, str | list[str]] = {
    "age": "16–17",
    "ward": "Hulme",
    "safe_local-day": "Fairly safe",
    "safe_places-home": "Very unsafe",
    "unsafe_causes": ["Dark, empty or badly lit places", "Something else"],
    "respect-police": "I haven't had contact",
    "trusted_adult": ["Parent or carer", "Youth worker, coach or mentor"],
    "about_you": "Yes (2 minutes)",
    "gender_same": "Yes",
    "ethnic_group": "Mixed or Multiple ethnic groups",
    "long_term_condition": "Yes",
    "home_languages": ["English", "Polish"],
}
#: Detail boxes (beside an option) to type in: the start of the box's label -> text.
DETAILS = {"What else?": "E-scooters on the pavement"}

JS_MODES = [pytest.param(False, id="js-off"), pytest.param(True, id="js-on")]


def page_key(phone: Any) -> str | None:
    found = PAGE.search(phone.page.url.split("#", 1)[0])
    return found["key"] if found else None


def press(phone: Any, name: str) -> None:
    """Press a button (or follow a link) by its visible name and wait for the next page."""
    page = phone.page
    target = page.get_by_role("button", name=name, exact=True)
    if not target.count():
        target = page.get_by_role("link", name=name, exact=True)
    with page.expect_navigation():
        target.click()


def option_text(option_label: Any) -> str:
    """The words of an option's label, without its face."""
    return option_label.locator("span:not(.face)").first.inner_text().strip()


def choose(group: Any, label: str, role: str = "radio") -> None:
    """Click an option's label in a group of radios or checkboxes, and see it chosen."""
    group.locator("label").filter(has=group.page.get_by_text(label, exact=True)).first.click()
    box = group.get_by_role(role, name=label, exact=True)
    assert box.is_checked(), f"clicking the label {label!r} did not choose it"


def answer_page(phone: Any, text_answer: str) -> dict[str, list[str]]:
    """Answer every question on the page as a person would; return field name -> labels chosen."""
    page = phone.page
    chosen: dict[str, list[str]] = {}
    for question in page.locator("main .q").all():
        if question.locator("select").count():
            select = question.get_by_role("combobox")
            name = select.get_attribute("name")
            label = str(CHOICES.get(name, "Prefer not to say"))
            select.select_option(label=label)
            chosen[name] = [label]
        elif question.locator("textarea").count():
            box = question.get_by_role("textbox")
            box.fill(text_answer)
            chosen[box.get_attribute("name")] = [text_answer]
        elif "grid" in (question.get_attribute("class") or ""):
            for item in question.locator("fieldset.item").all():
                name = item.locator("input").first.get_attribute("name")
                label = str(CHOICES.get(name) or option_text(item.locator("label").first))
                choose(item, label)
                chosen[name] = [label]
        else:
            group = question.locator("fieldset").first
            first_input = group.locator("input").first
            name = first_input.get_attribute("name")
            role = "checkbox" if first_input.get_attribute("type") == "checkbox" else "radio"
            wanted = CHOICES.get(name) or option_text(group.locator(".option label").first)
            labels = wanted if isinstance(wanted, list) else [wanted]
            for label in labels:
                choose(group, label, role)
            for start, typed in DETAILS.items():
                detail = group.get_by_label(re.compile("^" + re.escape(start)))
                if detail.count():
                    detail.fill(typed)
            chosen[name] = labels
    return chosen


def submitted_answers(database: Any, token: str) -> tuple[str, set[tuple[str, str, str | None, str | None]]]:
    """Read back (status, answers) of the response whose free text holds ``token``."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        found = db.execute(
            "SELECT r.id, r.status FROM responses r JOIN answers a ON a.response_id = r.id WHERE a.text LIKE ?",
            (f"%{token}%",),
        ).fetchall()
        assert len({row[0] for row in found}) == 1, f"expected one response holding {token}, found {found}"
        response_id, status = found[0]
        rows = db.execute(
            "SELECT question_key, item_key, value, text FROM answers WHERE response_id = ?", (response_id,)
        ).fetchall()
    return status, set(rows)


def start(phone: Any) -> None:
    phone.goto(SURVEY)
    assert phone.page.url == phone.server.url + INTRO
    press(phone, "Start")
    assert page_key(phone) == "your_age"


def answer_required_to(phone: Any, stop_at: str) -> None:
    """From the first page, answer only what is required and continue until ``stop_at``."""
    while page_key(phone) != stop_at:
        key = page_key(phone)
        assert key is not None, f"left the pages before {stop_at}: {phone.page.url}"
        if key == "your_age":
            choose(phone.page.get_by_role("group", name="How old are you?"), "16–17")
        elif key == "where_you_live":
            phone.page.get_by_label("Which area (ward) of Manchester do you live in?").select_option(label="Hulme")
        press(phone, "Continue")


# ------------------------------------------------------------------------------------------------- tests


@pytest.mark.parametrize("js", JS_MODES)
def test_whole_survey_on_a_phone(phone: Any, js: bool) -> None:
    """Intro, every page answered, send, thanks: each page accessible, in English, with help and exit."""
    me = phone(js=js)
    page = me.page
    mode = "js-on" if js else "js-off"
    token = f"token-{uuid.uuid4().hex[:12]}"

    me.goto(SURVEY)
    assert page.url == me.server.url + INTRO, "the short link should go to the English intro"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Our Voice")
    me.check_page()
    me.screenshot(f"01-intro-{mode}")
    press(me, "Start")

    visited: list[str] = []
    chosen: dict[str, list[str]] = {}
    seen_help_home = seen_gender_same = False
    progress: list[str] = []
    for _ in range(len(ALL_PAGES) + 5):
        key = page_key(me)
        if key is None:
            break
        visited.append(key)
        me.check_page()
        if key == "your_age":
            me.screenshot(f"02-first-question-{mode}")
        if key == "feeling_safe_local":
            assert page.locator(".facerow .face").count() > 0, "the safety scale should show faces"
            me.screenshot(f"03-face-scale-grid-{mode}")
        if key == "what_makes_unsafe":
            seen_help_home = page.get_by_role("note").filter(has_text="You said you feel unsafe at home").is_visible()
        if key == "your_ideas":
            count = page.locator("#one_thing-count")
            box = page.get_by_label("What is one thing that would make you feel safer where you live?")
            box.fill("Lights")
            expected = "You have 494 characters left" if js else "Up to 500 characters."
            assert count.inner_text() == expected
        if key == "about_you_gender":
            seen_gender_same = page.get_by_role("group", name=re.compile("^Is the gender you identify")).is_visible()
        chosen |= answer_page(me, f"More street lights by the park, please ({token} {key})")
        progress.append(page.locator("#progress-text").inner_text())
        if js:  # every page, answered, for a person to look through
            me.screenshot(f"journey/{len(visited):02d}-{key}")
        press(me, "Continue")

    assert visited == ALL_PAGES
    assert [text.split(" of ")[0] for text in progress] == [f"Page {n}" for n in range(1, len(ALL_PAGES) + 1)]
    scripts = [url for url in me.requests if urlsplit(url).path == "/static/respond.js"]
    assert bool(scripts) == js, f"respond.js requests with JavaScript {mode[3:]}: {scripts}"
    assert seen_help_home, "'Very unsafe' at home should show the help box on the next page"
    assert seen_gender_same, "a 16-17 year old should be asked gender_same"
    assert page.url == me.server.url + INTRO + "/send"
    me.check_page()
    press(me, "Send my answers")

    assert page.url == me.server.url + INTRO + "/thanks"
    assert page.get_by_role("heading", name="Thank you", level=1).is_visible()
    me.check_page()
    me.screenshot(f"05-thanks-{mode}")

    status, rows = submitted_answers(me.server.database, token)
    assert status == "submitted"
    keys = {row[0] for row in rows}
    assert {"age", "ward", "safe_local", "safe_places", "unsafe_causes", "gender_same", "condition_impact"} <= keys
    assert ("age", "", "16-17", None) in rows
    assert ("ward", "", "E05011368", None) in rows  # Hulme
    assert ("safe_places", "home", "very_unsafe", None) in rows
    assert ("unsafe_causes", "", "other", "E-scooters on the pavement") in rows
    assert ("respect", "police", "no_contact", None) in rows
    assert {("home_languages", "", "en", None), ("home_languages", "", "pl", None)} <= rows
    assert any(q == "one_thing" and token in (text or "") for q, _item, _value, text in rows)
    assert len(chosen) >= 40


@pytest.mark.parametrize("js", JS_MODES)
def test_back_keeps_answers(phone: Any, js: bool) -> None:
    """Answer, press Back, then Continue: the answers of both pages are still there."""
    me = phone(js=js)
    page = me.page
    start(me)
    answer_required_to(me, "feeling_safe_local")
    day = page.get_by_role("group", name="During the day")
    choose(day, "Fairly safe")
    press(me, "Back")

    assert page_key(me) == "where_you_live"
    ward = page.get_by_label("Which area (ward) of Manchester do you live in?")
    assert ward.locator("option:checked").inner_text() == "Hulme"
    me.check_page()
    press(me, "Continue")

    assert page_key(me) == "feeling_safe_local"
    assert page.get_by_role("group", name="During the day").get_by_role("radio", name="Fairly safe").is_checked()
    assert not page.get_by_role("group", name="After dark").get_by_role("radio", checked=True).count()
    me.check_page()


@pytest.mark.parametrize("js", JS_MODES)
def test_error_summary_on_the_ward_page(phone: Any, js: bool) -> None:
    """Continue with no ward: an error summary whose link moves focus to the drop-down."""
    me = phone(js=js)
    page = me.page
    start(me)
    answer_required_to(me, "where_you_live")
    press(me, "Continue")

    assert page_key(me) == "where_you_live", "an unanswered required question must keep the person on the page"
    assert page.title().startswith("Error:"), page.title()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    if js:  # respond.js puts focus on the summary so screen readers announce it
        assert page.evaluate("document.activeElement.id") == "error-summary"
    link = summary.get_by_role("link")
    assert link.count() == 1
    assert link.get_attribute("href") == "#ward"
    assert "Prefer not to say" in link.inner_text()
    ward = page.get_by_label("Which area (ward) of Manchester do you live in?")
    assert "ward-error" in (ward.get_attribute("aria-describedby") or "").split()
    me.check_page()
    me.screenshot(f"04-error-{'js-on' if js else 'js-off'}")

    link.click()
    assert page.evaluate("document.activeElement.id") == "ward", "the error link should move focus to the field"

    ward.select_option(label="Prefer not to say")
    press(me, "Continue")
    assert page_key(me) == "feeling_safe_local"


def test_help_at_home_shows_only_after_feeling_unsafe_at_home(phone: Any) -> None:
    """The help box on "what makes you unsafe" follows the answer for "At home", also when it is changed."""
    me = phone(js=True)
    page = me.page
    notice = page.get_by_role("note").filter(has_text="You said you feel unsafe at home")
    start(me)
    answer_required_to(me, "feeling_safe_places")
    choose(page.get_by_role("group", name="At home"), "Very safe")
    press(me, "Continue")
    assert page_key(me) == "what_makes_unsafe"
    assert not notice.count()

    press(me, "Back")
    assert page_key(me) == "feeling_safe_places"
    choose(page.get_by_role("group", name="At home"), "Very unsafe")
    press(me, "Continue")
    assert page_key(me) == "what_makes_unsafe"
    assert notice.is_visible()
    assert "Childline" in notice.inner_text()
    me.check_page()


def test_app_script_works_under_the_real_csp(phone: Any) -> None:
    """With the app's own Content-Security-Policy enforced, respond.js runs and nothing is refused."""
    me = phone(js=True, bypass_csp=False)
    page = me.page
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    start(me)
    press(me, "Continue")  # the age is required
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary", "respond.js did not run"
    refused = [text for text in problems if "Content Security Policy" in text or "Refused" in text]
    assert not refused, refused
    me.assert_no_third_party_requests()


def test_first_page_fits_in_14_kb(phone: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes on the wire for the short link, its redirect, the intro and what it loads: at most 14 KB."""
    me = phone(js=True)
    page = me.page
    wire, responses = me.wire_bytes(SURVEY)
    total = sum(size for _what, size in wire)
    with capsys.disabled():
        print(f"\nFirst page on the wire: {total} bytes ({total / 1024:.1f} KB) of {HTML_MAX_BYTES} allowed")
        for what, size in wire:
            print(f"  {size:6d}  {what}")
    assert page.url == me.server.url + INTRO
    assert total <= HTML_MAX_BYTES, f"first page costs {total} bytes: {wire}"
    html = next(r for r in responses.values() if r["url"] == me.server.url + INTRO)
    assert content_encoding(html) in ("gzip", "br", "deflate", "zstd"), f"the intro HTML was not compressed: {html}"
    me.assert_no_third_party_requests()


@pytest.mark.parametrize("js", JS_MODES)
def test_axe_check_sees_what_the_person_sees(phone: Any, js: bool) -> None:
    """The axe helper catches a violation added to the live page, also through the JavaScript-off mirror."""
    me = phone(js=js)
    me.goto(INTRO)
    me.check_axe()
    me.page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text id=nolabel>')")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)- label \(critical\).*#nolabel"):
        me.check_axe()


def test_progress_total_does_not_grow(phone: Any) -> None:
    """Saying "Yes" to the about-you section does not make the "Page N of M" total grow."""
    me = phone(js=True)
    page = me.page
    progress = page.locator("#progress-text")
    start(me)
    answer_required_to(me, "about_you_intro")
    before = progress.inner_text()
    choose(page.get_by_role("group", name="Do you want to answer some questions about you?"), "Yes (2 minutes)")
    press(me, "Continue")
    assert page_key(me) == "about_you_gender"
    total = re.compile(r"of (\d+)$")
    assert total.search(progress.inner_text())[1] == total.search(before)[1], (before, progress.inner_text())


def test_detail_box_says_optional_once(phone: Any) -> None:
    me = phone(js=True)
    start(me)
    answer_required_to(me, "what_makes_unsafe")
    label = me.page.locator(".detail label").first
    assert label.inner_text().count("(optional)") == 1, label.inner_text()


def test_every_page_fits_a_320_px_phone(phone: Any) -> None:
    """The narrowest phones we support: no page of the survey scrolls sideways at 320 px."""
    me = phone(js=False, width=320)
    page = me.page
    start(me)
    seen = 0
    while page_key(me) is not None:
        me.assert_fits()
        seen += 1
        if page_key(me) == "your_age":
            choose(page.get_by_role("group", name="How old are you?"), "13–15")
        elif page_key(me) == "where_you_live":
            page.get_by_label("Which part of Manchester do you live in? Pick the closest.").select_option(label="Hulme")
        press(me, "Continue")
    assert seen >= 13
    me.assert_fits()  # the send page
