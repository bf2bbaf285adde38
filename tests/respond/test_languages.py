"""Choosing a language, switching mid-survey, right-to-left pages and draft translations."""

import pytest
from sqlalchemy import select

from app.models import Answer
from tests.helpers import as_page, location


@pytest.fixture
def survey(load_survey):
    return load_survey()


def test_lang_parameter_picks_the_language(client, survey):
    assert location(client.get("/s/mini?lang=ar")) == "/ar/s/mini"


def test_browser_language_is_used_when_no_parameter(client, survey):
    assert location(client.get("/s/mini", headers={"Accept-Language": "fr-FR, ar;q=0.7, en;q=0.5"})) == "/ar/s/mini"
    assert location(client.get("/s/mini", headers={"Accept-Language": "ar-EG"})) == "/ar/s/mini"


@pytest.mark.parametrize("bad", ["xx", "ar-!!", "%3Cscript%3E", "", "a" * 300])
def test_unknown_or_malformed_lang_falls_back_without_an_error(client, survey, bad):
    assert location(client.get(f"/s/mini?lang={bad}")) == "/en/s/mini"
    assert location(client.get(f"/s/mini?lang={bad}", headers={"Accept-Language": "ar"})) == "/ar/s/mini"


def test_arabic_page_is_right_to_left_with_numbers_kept_in_order(client, survey):
    page = as_page(client.get("/ar/s/mini"))
    html = page.soup.html
    assert (html["lang"], html["dir"]) == ("ar", "rtl")
    assert page.soup.h1.get_text(strip=True) == "استبيان قصير"
    number = page.soup.select_one("#help span[dir=ltr]")
    assert number.get_text() == "999"


def test_english_page_is_left_to_right(client, survey):
    html = as_page(client.get("/en/s/mini")).soup.html
    assert (html["lang"], html["dir"]) == ("en", "ltr")


def test_draft_language_says_its_translation_is_being_checked(client, survey):
    arabic = as_page(client.get("/ar/s/mini"))
    note = arabic.soup.select_one(".draft")
    assert note is not None
    assert note.get_text(strip=True) != ""
    assert as_page(client.get("/en/s/mini")).soup.select_one(".draft") is None


def test_switcher_names_each_language_in_its_own_script_and_links_the_same_page(client, survey):
    page = as_page(client.get("/en/s/mini"))
    items = page.soup.select("#language li")
    assert [(li["lang"], li["dir"], li.get_text(strip=True)) for li in items] == [
        ("en", "ltr", "English"),
        ("ar", "rtl", "العربية"),
    ]
    assert page.soup.select_one("#language li[lang=ar] a")["href"] == "/ar/s/mini"
    assert page.soup.select_one("#language li[lang=en] [aria-current]") is not None


def test_switching_mid_survey_keeps_what_was_typed_and_given(respondent, query):
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/en/s/mini/p/words")
    switch = page.soup.select_one("#language button[value=ar]")
    assert switch["form"] == "answers"
    assert switch["name"] == "switch_to"
    moved = respondent.client.post(
        "/en/s/mini/p/words", data={"csrf_token": page.csrf_token, "idea": "more lights", "switch_to": "ar"}
    )
    assert location(moved) == "/ar/s/mini/p/words"
    arabic = respondent.get("/ar/s/mini/p/words")
    assert arabic.value("idea") == "more lights"
    assert respondent.get("/ar/s/mini/p/first").checked("age") == ["older"]
    assert ("idea", "more lights") in [tuple(r) for r in query(select(Answer.question_key, Answer.text))]


def test_switching_does_not_insist_on_required_answers(respondent):
    page = respondent.get("/en/s/mini/p/first")
    moved = respondent.client.post("/en/s/mini/p/first", data={"csrf_token": page.csrf_token, "switch_to": "ar"})
    assert location(moved) == "/ar/s/mini/p/first"


def test_switching_to_a_language_the_survey_lacks_is_refused(respondent, counts):
    page = respondent.get("/en/s/mini/p/first")
    response = respondent.client.post(
        "/en/s/mini/p/first", data={"csrf_token": page.csrf_token, "age": "older", "switch_to": "xx"}
    )
    assert response.status_code == 400
    assert counts()["responses"] == 0


def test_continue_stays_the_default_button_before_the_switcher(respondent):
    """Pressing Enter submits the form's first submit button: it must be Continue, not a language."""
    page = respondent.get("/en/s/mini/p/words")
    buttons = page.soup.select("button[type=submit]")
    assert (buttons[0].get("name"), buttons[0].get("value")) == ("action", "next")


def test_free_text_boxes_follow_the_writers_direction(respondent):
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/ar/s/mini/p/words")
    assert page.soup.select_one("textarea#idea")["dir"] == "auto"
    assert page.soup.select_one("input#older_only-no-detail")["dir"] == "auto"


def test_progress_numbers_are_formatted_for_the_language(respondent):
    page = respondent.get("/ar/s/mini/p/first")
    assert "1" in page.soup.select_one("#progress-text").get_text()


def test_face_scales_are_never_mirrored(respondent):
    """The faces row is laid out left to right in every language (CSS `direction: ltr`)."""
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/ar/s/mini/p/feelings")
    values = [i["value"] for i in page.soup.select(".facerow input[name=feel-home]")]
    assert values == ["bad", "ok", "good"]
    with respondent.client.get("/static/respond.css") as css:
        assert ".facerow{display:flex;gap:.3rem;direction:ltr" in css.get_data(as_text=True)


def test_not_found_page_speaks_the_language_of_the_address(client, survey):
    page = as_page(client.get("/ar/s/no-such-survey"), 404)
    html = page.soup.html
    assert (html["lang"], html["dir"]) == ("ar", "rtl")
    assert page.soup.h1.get_text(strip=True) not in ("", "Survey not found")
    english = as_page(client.get("/en/s/no-such-survey"), 404)
    assert english.soup.h1.get_text(strip=True) == "Survey not found"


def test_interface_strings_are_translated_on_arabic_pages(respondent):
    page = respondent.get("/ar/s/mini/p/first")
    buttons = [b.get_text(strip=True) for b in page.soup.select(".actions button")]
    assert "Continue" not in buttons
    assert "Back" not in buttons
    assert all(buttons)
