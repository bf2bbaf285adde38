"""Anonymity by design: nothing stored, logged or sent that could identify a respondent."""

import logging
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, inspect, select

from app import create_app
from app.models import Response
from tests.helpers import as_page

CANARY = "CANARY-Zx81-free-text"


def test_response_tables_hold_only_allowed_columns(database_url):
    """A new column on responses or answers must be argued for here (no IP, agent, exact time)."""
    engine = create_engine(database_url)
    inspector = inspect(engine)
    columns = {table: {c["name"] for c in inspector.get_columns(table)} for table in ("responses", "answers")}
    engine.dispose()
    assert columns == {
        "responses": {
            "id",
            "survey_version_id",
            "language",
            "status",
            "started_hour",
            "submitted_hour",
            "submission_key",
        },
        "answers": {"id", "response_id", "question_key", "item_key", "value", "text"},
    }


def test_times_are_kept_to_the_hour_and_ids_are_random(respondent, query):
    respondent.answer("first", {"age": "older"})
    respondent.send()
    [(response_id, started, submitted)] = query(select(Response.id, Response.started_hour, Response.submitted_hour))
    for moment in (started, submitted):
        assert (moment.minute, moment.second, moment.microsecond) == (0, 0, 0)
        assert abs(datetime.now(UTC) - moment).total_seconds() < 2 * 3600
    assert re.fullmatch(r"[0-9a-f]{32}", response_id)


def test_the_only_cookie_is_the_session_cookie_and_it_holds_no_answers(respondent, app):
    response = respondent.answer("first", {"age": "older"})
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 1
    attributes = {part.strip().split("=")[0].lower() for part in cookies[0].split(";")}
    assert {"httponly", "path"} <= attributes
    assert "expires" not in attributes
    assert "max-age" not in attributes
    assert "samesite=lax" in cookies[0].lower()
    payload = app.session_interface.get_signing_serializer(app).loads(respondent.client.get_cookie("ourvoice").value)
    assert set(payload) <= {"csrf_token", "drafts", "sent"}
    assert "older" not in str(payload)


def test_production_cookie_is_secure_and_host_only(tmp_path):
    production = create_app(
        {"ENV": "production", "SECRET_KEY": "s", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}"}
    )
    assert production.config["SESSION_COOKIE_SECURE"] is True
    assert production.config["SESSION_COOKIE_NAME"] == "__Host-ourvoice"
    production.extensions["db"].dispose()


def test_production_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("OURVOICE_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="OURVOICE_SECRET_KEY"):
        create_app({"ENV": "production", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}"})


@pytest.mark.parametrize("url", ["/en/s/mini", "/en/s/mini/p/first", "/en/s/nope", "/static/respond.css", "/healthz"])
def test_security_headers_on_every_kind_of_response(respondent, url):
    with respondent.client.get(url) as response:
        headers = response.headers
    assert headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'self'; style-src 'self'")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Server" not in headers
    if not url.startswith("/static"):
        assert headers["Cache-Control"] == "no-store"


def test_pages_load_nothing_from_another_site(respondent):
    for url in ("/en/s/mini", "/en/s/mini/p/first", "/en/s/mini/p/feelings"):
        page = as_page(respondent.client.get(url))
        for tag in page.soup.find_all(["script", "link", "img", "iframe", "form", "source"]):
            for attribute in ("src", "href", "action"):
                value = tag.get(attribute)
                assert value is None or value.startswith("/"), f"{url}: {tag}"


def test_quick_exit_forgets_the_draft(respondent):
    respondent.answer("first", {"age": "older"})
    response = respondent.client.get("/exit")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://www.bbc.co.uk/weather"
    assert respondent.get("/en/s/mini/p/first").checked("age") == []


def test_no_free_text_or_address_in_the_logs(respondent, caplog):
    caplog.set_level(logging.DEBUG)
    headers = {"User-Agent": "UA-" + CANARY, "X-Forwarded-For": "203.0.113.77"}
    respondent.client.get("/en/s/mini/p/first", headers=headers)
    respondent.answer("first", {"age": "older"})
    respondent.answer("words", {"idea": CANARY})
    respondent.answer("words", {"idea": CANARY + "x" * 60})  # an error page too
    assert CANARY not in caplog.text
    assert "203.0.113.77" not in caplog.text


def test_a_crash_shows_a_generic_page(tmp_path):
    crashing = create_app({"SECRET_KEY": "s", "DATABASE_URL": f"sqlite:///{tmp_path / 'c.sqlite3'}"})

    @crashing.get("/boom")
    def boom():
        raise RuntimeError("secret detail " + CANARY)

    crashing.logger.disabled = True
    response = crashing.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Sorry, something went wrong on our side" in body
    assert CANARY not in body
    assert "Traceback" not in body
    crashing.extensions["db"].dispose()
