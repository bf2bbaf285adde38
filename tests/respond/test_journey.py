"""The respondent journey through the test client: a phone with JavaScript off, posting real CSRF tokens."""

from sqlalchemy import select

from app.models import Answer, Response
from tests.helpers import as_page, location


def answers_of(query, response_id=None):
    statement = select(Answer.question_key, Answer.item_key, Answer.value, Answer.text).order_by(Answer.id)
    if response_id:
        statement = statement.where(Answer.response_id == response_id)
    return sorted(tuple(row) for row in query(statement))


def test_survey_link_redirects_to_the_language_prefixed_address(client, load_survey):
    load_survey()
    assert location(client.get("/s/mini")) == "/en/s/mini"


def test_intro_says_what_happens_and_starts_at_the_first_page(respondent):
    page = respondent.get("/en/s/mini")
    assert page.soup.h1.get_text(strip=True) == "Mini survey"
    assert "You can skip any question." in page.text()
    start = page.soup.select_one("a.button")
    assert start.get_text(strip=True) == "Start"
    assert start["href"] == "/en/s/mini/p/first"


def test_every_page_has_help_and_quick_exit(respondent):
    for url in ("/en/s/mini", "/en/s/mini/p/first"):
        page = respondent.get(url)
        assert "In danger now? Call 999." in page.soup.select_one("#help").get_text()
        assert page.soup.select_one("a#exit")["href"] == "/exit"


def test_whole_survey_is_stored_once_with_every_answer(respondent, query):
    moved = respondent.answer("first", {"age": "older"})
    assert moved.status_code == 303
    assert location(moved) == "/en/s/mini/p/feelings"
    moved = respondent.answer(
        "feelings",
        {"feel-home": "good", "feel-park": "bad", "worries": ["fights", "other"], "worries-other-detail": "dogs"},
    )
    # Home is not "bad", so the help page is skipped.
    assert location(moved) == "/en/s/mini/p/words"
    page = respondent.get("/en/s/mini/p/words")
    assert "Only for 16 and over" in page.text()
    moved = respondent.answer("words", {"idea": "  More lights  ", "older_only": "no", "older_only-no-detail": "ok"})
    assert location(moved) == "/en/s/mini/send"
    sent = respondent.send()
    assert sent.status_code == 303
    assert location(sent) == "/en/s/mini/thanks"
    thanks = respondent.get("/en/s/mini/thanks")
    assert "Thanks for your answers." in thanks.text()

    [(status, language)] = query(select(Response.status, Response.language))
    assert (status, language) == ("submitted", "en")
    assert answers_of(query) == sorted(
        [
            ("age", "", "older", None),
            ("feel", "home", "good", None),
            ("feel", "park", "bad", None),
            ("worries", "", "fights", None),
            ("worries", "", "other", "dogs"),
            ("idea", "", None, "More lights"),
            ("older_only", "", "no", "ok"),
        ]
    )


def test_answers_are_kept_page_by_page_before_sending(respondent, query):
    respondent.answer("first", {"age": "young"})
    respondent.answer("feelings", {"feel-home": "ok"})
    # The person closes the tab here: what they sent is already stored.
    [(status,)] = query(select(Response.status))
    assert status == "in_progress"
    assert answers_of(query) == [("age", "", "young", None), ("feel", "home", "ok", None)]
    # ...and coming back to the link carries on where they were.
    assert respondent.get("/en/s/mini").soup.select_one("a.button").get_text(strip=True) == "Carry on"
    assert respondent.get("/en/s/mini/p/feelings").checked("feel-home") == ["ok"]


def test_required_question_shows_the_error_summary_and_links_to_the_field(respondent, counts):
    response = respondent.answer("first", {})
    page = as_error_page(response)
    assert page.title.startswith("Error:")
    assert page.error_summary == [("#age--young", "Answer this question, or choose ‘Prefer not to say’.")]
    assert page.soup.select_one("#age--young") is not None
    assert page.soup.select_one("#age-error").get_text(" ", strip=True).endswith("Prefer not to say’.")
    assert counts()["responses"] == 0


def test_an_error_keeps_everything_typed_on_the_page(respondent, load_survey):
    respondent.answer("first", {"age": "older"})
    response = respondent.answer("words", {"idea": "x" * 51, "older_only": "yes"})
    page = as_error_page(response)
    assert page.error_summary == [("#idea", "Write 50 characters or fewer. You wrote 51.")]
    assert page.value("idea") == "x" * 51
    assert page.checked("older_only") == ["yes"]


def test_back_saves_without_requiring_and_keeps_answers(respondent):
    respondent.answer("first", {"age": "young"})
    back = respondent.answer("feelings", {"feel-park": "good"}, action="back")
    assert location(back) == "/en/s/mini/p/first"
    assert respondent.get("/en/s/mini/p/first").checked("age") == ["young"]
    assert respondent.get("/en/s/mini/p/feelings").checked("feel-park") == ["good"]
    # Back from the first page goes to the intro, even with the required question unanswered.
    assert location(respondent.answer("first", {"age": ""}, action="back")) == "/en/s/mini"


def test_condition_shows_the_help_page_when_someone_feels_bad_at_home(respondent):
    respondent.answer("first", {"age": "young"})
    moved = respondent.answer("feelings", {"feel-home": "bad"})
    assert location(moved) == "/en/s/mini/p/help_page"
    page = respondent.get("/en/s/mini/p/help_page")
    assert "Childline: 0800 1111" in page.text()
    # The question for 16 and over is not shown to a younger person.
    assert "Only for 16 and over" not in respondent.get("/en/s/mini/p/words").text()


def test_a_hidden_page_redirects_onwards(respondent):
    respondent.answer("first", {"age": "young"})
    assert location(respondent.client.get("/en/s/mini/p/help_page")) == "/en/s/mini/p/words"


def test_child_friendly_wording_follows_the_age_answer(respondent):
    respondent.answer("first", {"age": "young"})
    page = respondent.get("/en/s/mini/p/feelings")
    assert "How do you feel here?" in page.text()
    assert "At the park" in page.text()
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/en/s/mini/p/feelings")
    assert "How do you feel in these places?" in page.text()
    assert "In the park" in page.text()


def test_going_back_and_skipping_a_section_drops_its_answers_on_send(respondent, query):
    respondent.answer("first", {"age": "older"})
    respondent.answer("words", {"older_only": "yes"})
    respondent.answer("first", {"age": "young"})
    respondent.send()
    assert ("older_only", "", "yes", None) not in answers_of(query)


def test_detail_text_ticks_its_option(respondent, query):
    respondent.answer("first", {"age": "older"})
    respondent.answer("feelings", {"worries-other-detail": "loud cars"})
    assert ("worries", "", "other", "loud cars") in answers_of(query)


def test_exclusive_option_cannot_be_ticked_with_others(respondent, counts):
    respondent.answer("first", {"age": "older"})
    before = counts()["answers"]
    page = as_error_page(respondent.answer("feelings", {"worries": ["none", "fights"]}))
    assert page.error_summary == [("#worries--fights", "‘Nothing’ can’t be ticked with other answers.")]
    assert counts()["answers"] == before


def test_sent_survey_cannot_be_changed_and_a_new_visit_starts_afresh(respondent, query):
    respondent.answer("first", {"age": "older"})
    respondent.send()
    page = respondent.get("/en/s/mini")
    assert page.soup.select_one("a.button").get_text(strip=True) == "Start"
    respondent.answer("first", {"age": "young"})
    statuses = sorted(status for (status,) in query(select(Response.status)))
    assert statuses == ["in_progress", "submitted"]


def test_send_page_without_answers_goes_to_the_intro(respondent):
    assert location(respondent.client.get("/en/s/mini/send")) == "/en/s/mini"


def as_error_page(response):
    page = as_page(response, 200)
    assert page.error_summary, "expected the error summary"
    return page


def progress_of(page):
    return page.soup.select_one("#progress-text").get_text(strip=True)


def test_progress_total_counts_pages_that_may_still_show_and_never_grows(respondent):
    # Before the age is known the page for 16+ could show; the help page hangs on a later answer.
    assert progress_of(respondent.get("/en/s/mini/p/first")) == "Page 1 of 4"
    respondent.answer("first", {"age": "young"})
    assert progress_of(respondent.get("/en/s/mini/p/feelings")) == "Page 2 of 4"
    respondent.answer("feelings", {"feel-home": "good"})
    # Home is not "bad": the help page is gone and the total shrinks.
    assert progress_of(respondent.get("/en/s/mini/p/words")) == "Page 3 of 3"
