"""Tampered, malformed and stale requests: a 4xx or the page again, and nothing half-stored."""

import threading

from flask.testing import FlaskClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import select

from app.models import Response
from tests.helpers import Respondent, as_page, location


def test_option_not_offered_is_refused_and_nothing_stored(respondent, counts):
    page = as_page(respondent.answer("first", {"age": "99"}))
    assert page.error_summary == [("#age--young", "Choose one of the answers shown.")]
    assert counts()["responses"] == 0


def test_grid_value_not_offered_is_refused(respondent, counts):
    respondent.answer("first", {"age": "young"})
    before = counts()
    page = as_page(respondent.answer("feelings", {"feel-home": "<script>", "feel-park": "good"}))
    assert page.error_summary == [("#feel-home--bad", "Choose one of the answers shown.")]
    assert page.checked("feel-park") == ["good"]
    assert counts() == before


def test_unknown_fields_are_never_stored(respondent, query):
    respondent.answer("first", {"age": "young", "is_admin": "1", "feel-home": "bad"})
    assert [tuple(r) for r in query(select(Response.status))] == [("in_progress",)]
    from app.models import Answer

    assert [tuple(r) for r in query(select(Answer.question_key))] == [("age",)]


def test_control_characters_are_removed_from_text(respondent, query):
    from app.models import Answer

    respondent.answer("first", {"age": "older"})
    respondent.answer("words", {"idea": "safe\x00r\r\nparks"})
    assert [tuple(r) for r in query(select(Answer.text).where(Answer.question_key == "idea"))] == [("safer\nparks",)]


def test_invalid_utf8_is_refused(respondent, counts):
    page = respondent.get("/en/s/mini/p/first")
    body = f"csrf_token={page.csrf_token}&action=next&age=young&extra=%FF%FE".encode()
    response = respondent.client.post("/en/s/mini/p/first", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert counts()["responses"] == 0


def test_missing_csrf_token_shows_the_page_again_with_answers_kept(respondent, counts):
    respondent.get("/en/s/mini/p/first")
    response = respondent.client.post("/en/s/mini/p/first", data={"age": "older", "action": "next"})
    page = as_page(response, 400)
    assert "press the button again" in page.text()
    assert page.checked("age") == ["older"]
    assert counts()["responses"] == 0
    # The fresh token on that page works.
    retry = respondent.client.post("/en/s/mini/p/first", data={"csrf_token": page.csrf_token, "age": "older"})
    assert location(retry) == "/en/s/mini/p/feelings"


def test_wrong_csrf_token_is_refused(respondent, counts):
    response = respondent.answer("first", {"age": "older"}, token="not-a-token")
    assert response.status_code == 400
    assert counts()["responses"] == 0


def test_expired_csrf_token_re_renders_with_typed_text_kept(respondent, app, counts):
    respondent.answer("first", {"age": "older"})
    respondent.get("/en/s/mini/p/words")
    with respondent.client.session_transaction() as cookie:
        raw_token = cookie["csrf_token"]

    class LongAgo(TimestampSigner):
        def get_timestamp(self):
            return super().get_timestamp() - app.config["WTF_CSRF_TIME_LIMIT"] - 60

    expired = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token", signer=LongAgo).dumps(raw_token)
    before = counts()
    response = respondent.client.post(
        "/en/s/mini/p/words", data={"csrf_token": expired, "idea": "more youth clubs", "action": "next"}
    )
    page = as_page(response, 400)
    assert page.value("idea") == "more youth clubs"
    assert counts() == before


def test_body_over_one_megabyte_is_refused(respondent, counts):
    page = respondent.get("/en/s/mini/p/first")
    response = respondent.client.post(
        "/en/s/mini/p/first", data={"csrf_token": page.csrf_token, "age": "older", "idea": "x" * 1_100_000}
    )
    assert response.status_code == 413
    assert counts()["responses"] == 0


def test_unknown_survey_gets_a_friendly_page(client):
    page = as_page(client.get("/en/s/no-such-survey"), 404)
    assert page.soup.h1.get_text(strip=True) == "Survey not found"
    assert "Traceback" not in page.text()
    assert as_page(client.get("/s/no-such-survey"), 404).soup.h1.get_text(strip=True) == "Survey not found"


def test_unknown_page_gets_a_friendly_page(respondent):
    assert as_page(respondent.client.get("/en/s/mini/p/nope"), 404).soup.h1.get_text(strip=True) == "Page not found"


def test_closed_survey_gets_a_friendly_page(respondent, app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["surveys", "close", "mini"]).exit_code == 0
    page = as_page(respondent.client.get("/en/s/mini"), 410)
    assert page.soup.h1.get_text(strip=True) == "This survey has closed"
    assert runner.invoke(args=["surveys", "open", "mini"]).exit_code == 0
    as_page(respondent.client.get("/en/s/mini"))


def test_language_the_survey_lacks_goes_to_one_it_has(respondent):
    assert location(respondent.client.get("/xx/s/mini")) == "/s/mini?lang=xx"
    assert location(respondent.client.get("/s/mini?lang=xx")) == "/en/s/mini"
    assert location(respondent.client.get("/s/mini?lang=%3Cscript%3E")) == "/en/s/mini"


def test_bad_submission_key_is_refused(respondent, counts):
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/en/s/mini/send")
    response = respondent.client.post("/en/s/mini/send", data={"csrf_token": page.csrf_token, "submission_key": "x"})
    assert response.status_code == 400
    assert [tuple(r) for r in respondent_statuses(respondent)] == [("in_progress",)]


def respondent_statuses(respondent):
    with respondent.client.application.extensions["db"].sessions() as session:
        return list(session.execute(select(Response.status)))


# Once and only once -------------------------------------------------------------------------


def test_double_tap_stores_once(respondent, query):
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/en/s/mini/send")
    form = {
        "csrf_token": page.csrf_token,
        "submission_key": page.soup.find("input", attrs={"name": "submission_key"})["value"],
    }
    first = respondent.client.post("/en/s/mini/send", data=form)
    second = respondent.client.post("/en/s/mini/send", data=form)
    assert location(first) == location(second) == "/en/s/mini/thanks"
    assert [tuple(r) for r in query(select(Response.status))] == [("submitted",)]


def test_retry_after_a_lost_reply_stores_once(app, respondent, query):
    """The reply to the send was lost: the phone still has its old cookie and posts again."""
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/en/s/mini/send")
    key = page.soup.find("input", attrs={"name": "submission_key"})["value"]
    old_cookie = respondent.client.get_cookie("ourvoice").value
    respondent.client.post("/en/s/mini/send", data={"csrf_token": page.csrf_token, "submission_key": key})
    retry_client = app.test_client()
    retry_client.set_cookie("ourvoice", old_cookie)
    retry = retry_client.post("/en/s/mini/send", data={"csrf_token": page.csrf_token, "submission_key": key})
    assert location(retry) == "/en/s/mini/thanks"
    assert [tuple(r) for r in query(select(Response.status))] == [("submitted",)]


def test_concurrent_sends_store_once(app, respondent, query):
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/en/s/mini/send")
    key = page.soup.find("input", attrs={"name": "submission_key"})["value"]
    cookie = respondent.client.get_cookie("ourvoice").value
    form = {"csrf_token": page.csrf_token, "submission_key": key}
    results: list[int] = []
    barrier = threading.Barrier(4)

    def send() -> None:
        client: FlaskClient = app.test_client()
        client.set_cookie("ourvoice", cookie)
        barrier.wait()
        results.append(client.post("/en/s/mini/send", data=form).status_code)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [303, 303, 303, 303]
    assert [tuple(r) for r in query(select(Response.status))] == [("submitted",)]


def test_reloading_the_thank_you_page_does_not_send_again(respondent, query):
    respondent.answer("first", {"age": "older"})
    respondent.send()
    for _ in range(2):
        as_page(respondent.client.get("/en/s/mini/thanks"))
    assert len(query(select(Response.id))) == 1


def test_each_respondent_gets_their_own_draft(app, load_survey, query):
    load_survey()
    first, second = Respondent(app.test_client()), Respondent(app.test_client())
    first.answer("first", {"age": "older"})
    second.answer("first", {"age": "young"})
    assert second.get("/en/s/mini/p/first").checked("age") == ["young"]
    assert first.get("/en/s/mini/p/first").checked("age") == ["older"]
    assert len(query(select(Response.id))) == 2


def test_missing_token_on_the_send_page_asks_to_press_again_and_stores_nothing(respondent, query):
    respondent.answer("first", {"age": "older"})
    page = respondent.get("/en/s/mini/send")
    key = page.soup.find("input", attrs={"name": "submission_key"})["value"]
    again = as_page(respondent.client.post("/en/s/mini/send", data={"submission_key": key}), 400)
    assert "press the button again" in again.text()
    assert [tuple(r) for r in query(select(Response.status))] == [("in_progress",)]
    assert location(respondent.send()) == "/en/s/mini/thanks"
