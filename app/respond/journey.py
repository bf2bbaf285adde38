"""Where a respondent is in a survey: the draft in their session cookie and the pages around them.

The cookie holds only the random id of each draft (never answers), so closing a
tab or losing the connection loses nothing already sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import session as cookie
from sqlalchemy.orm import Session

from app.models import Response
from app.services import responses
from app.services.responses import AnswerRow, OpenSurvey
from app.survey_format import Page, Question, SurveyDefinition

_DRAFTS = "drafts"


@dataclass
class Position:
    """A respondent's place in a survey: their draft (if any), its answers, and the pages shown."""

    opened: OpenSurvey
    definition: SurveyDefinition
    response: Response | None
    rows: list[AnswerRow]
    pages: list[Page]

    @property
    def young(self) -> bool:
        """Say whether child-friendly wording applies."""
        return responses.is_young(self.definition, self.rows)

    def page(self, key: str) -> Page | None:
        """Return the page ``key`` of the survey, shown or not."""
        return next((p for p in self.definition.pages if p.key == key), None)

    def is_shown(self, page: Page) -> bool:
        """Say whether ``page`` is shown for the answers so far."""
        return any(p.key == page.key for p in self.pages)

    def questions(self, page: Page) -> list[Question]:
        """Return the questions of ``page`` shown for the answers so far."""
        return responses.visible_questions(page, responses.shown_answers(self.definition, self.rows))

    def after(self, page: Page) -> Page | None:
        """Return the first shown page after ``page`` (None: the survey is finished)."""
        order = [p.key for p in self.definition.pages]
        later = [p for p in self.pages if order.index(p.key) > order.index(page.key)]
        return later[0] if later else None

    def before(self, page: Page | None) -> Page | None:
        """Return the last shown page before ``page`` (None before the first; the last page for None)."""
        if page is None:
            return self.pages[-1] if self.pages else None
        order = [p.key for p in self.definition.pages]
        earlier = [p for p in self.pages if order.index(p.key) < order.index(page.key)]
        return earlier[-1] if earlier else None

    def progress(self, page: Page) -> tuple[int, int]:
        """Return (page number, number of pages), the total never growing as answers come in."""
        return responses.progress(self.definition, self.rows, page)


def locate(db: Session, opened: OpenSurvey, lock: bool = False) -> Position:
    """Find the respondent's draft of ``opened`` from their cookie, with its answers."""
    found = responses.find_draft(db, draft_id(opened.survey.slug), opened.survey, lock=lock)
    if found is None:
        rows: list[AnswerRow] = []
        return Position(opened, opened.definition, None, rows, responses.visible_pages(opened.definition, rows))
    response, definition = found
    rows = responses.load_answers(db, response.id)
    return Position(opened, definition, response, rows, responses.visible_pages(definition, rows))


def draft_id(slug: str) -> str | None:
    """Return the id of the draft this browser is filling in for ``slug``."""
    return (cookie.get(_DRAFTS) or {}).get(slug)


def remember_draft(slug: str, response_id: str) -> None:
    """Keep a draft's id in the session cookie (which expires when the browser closes)."""
    drafts = dict(cookie.get(_DRAFTS) or {})
    drafts[slug] = response_id
    cookie[_DRAFTS] = drafts


def forget_draft(slug: str) -> None:
    """Drop a draft from the cookie once it is sent."""
    drafts = dict(cookie.get(_DRAFTS) or {})
    drafts.pop(slug, None)
    cookie[_DRAFTS] = drafts
