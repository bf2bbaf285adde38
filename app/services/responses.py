"""Taking answers: drafts saved page by page, conditions, and a once-only final submission."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.models import Answer, Response, Survey, SurveyVersion
from app.models.base import current_hour
from app.services.surveys import definition_of, find_survey, latest_version
from app.survey_format import Condition, Page, Question, SurveyDefinition


class Unavailable(Enum):
    """Why a survey cannot be answered."""

    MISSING = "missing"
    CLOSED = "closed"


class SurveyUnavailable(Exception):
    """The survey does not exist, or is closed."""

    def __init__(self, reason: Unavailable) -> None:
        self.reason = reason
        super().__init__(reason.value)


@dataclass(frozen=True)
class OpenSurvey:
    """A survey that is taking answers, with the version new respondents get."""

    survey: Survey
    version: SurveyVersion
    definition: SurveyDefinition


@dataclass(frozen=True)
class AnswerRow:
    """An answer as the survey logic sees it (mirrors :class:`app.models.Answer`)."""

    question_key: str
    item_key: str = ""
    value: str | None = None
    text: str | None = None


class SubmitOutcome(Enum):
    """What a final submission did."""

    STORED = "stored"
    ALREADY_STORED = "already_stored"
    NO_DRAFT = "no_draft"


def open_survey(session: Session, slug: str) -> OpenSurvey:
    """Return the survey at ``slug`` with its latest version.

    :raises SurveyUnavailable: when there is no such survey, or it is closed.
    """
    survey = find_survey(session, slug)
    version = latest_version(session, survey.id) if survey is not None else None
    if survey is None or version is None:
        raise SurveyUnavailable(Unavailable.MISSING)
    if survey.status != "open":
        raise SurveyUnavailable(Unavailable.CLOSED)
    return OpenSurvey(survey, version, definition_of(version))


def find_draft(
    session: Session, response_id: str | None, survey: Survey, lock: bool = False
) -> tuple[Response, SurveyDefinition] | None:
    """Return the in-progress response ``response_id`` of ``survey`` with the definition it answers.

    :param lock: lock the response row until commit (PostgreSQL), so a submission cannot slip in
        between reading the draft and saving to it.
    """
    if not response_id:
        return None
    query = (
        select(Response, SurveyVersion)
        .join(SurveyVersion, Response.survey_version_id == SurveyVersion.id)
        .where(Response.id == response_id, SurveyVersion.survey_id == survey.id, Response.status == "in_progress")
    )
    if lock:
        query = query.with_for_update(of=Response)
    row = session.execute(query).first()
    if row is None:
        return None
    response, version = row
    return response, definition_of(version)


def load_answers(session: Session, response_id: str) -> list[AnswerRow]:
    """Return the answers saved so far for a response."""
    answers = session.scalars(select(Answer).where(Answer.response_id == response_id).order_by(Answer.id))
    return [AnswerRow(a.question_key, a.item_key, a.value, a.text) for a in answers]


def chosen(rows: list[AnswerRow], question_key: str, item_key: str = "") -> set[str]:
    """Return the option values chosen for a question (or a grid item)."""
    return {r.value for r in rows if r.question_key == question_key and r.item_key == item_key and r.value}


def condition_holds(condition: Condition | None, rows: list[AnswerRow]) -> bool:
    """Say whether a ``show_if`` condition holds for these answers (no condition always holds)."""
    if condition is None:
        return True
    return bool(chosen(rows, condition.question, condition.item or "") & set(condition.answer_in))


def is_young(definition: SurveyDefinition, rows: list[AnswerRow]) -> bool:
    """Say whether child-friendly wording applies."""
    return definition.young is not None and condition_holds(definition.young, rows)


def visible_questions(page: Page, rows: list[AnswerRow]) -> list[Question]:
    """Return the questions of ``page`` whose conditions hold."""
    return [q for q in page.questions if condition_holds(q.show_if, rows)]


def visible_pages(definition: SurveyDefinition, rows: list[AnswerRow]) -> list[Page]:
    """Return the pages to show, in order: the page condition holds and some question is shown.

    Conditions only see answers to questions that are themselves shown, so a stale
    answer on a page someone later skipped cannot reveal anything.
    """
    pages: list[Page] = []
    shown_rows: list[AnswerRow] = []
    for page in definition.pages:
        if not condition_holds(page.show_if, shown_rows):
            continue
        questions = visible_questions(page, shown_rows)
        if questions:
            pages.append(page)
            keys = {q.key for q in questions}
            shown_rows += [r for r in rows if r.question_key in keys]
    return pages


def shown_answers(definition: SurveyDefinition, rows: list[AnswerRow]) -> list[AnswerRow]:
    """Return only the answers to questions that the answers themselves leave shown."""
    shown: list[AnswerRow] = []
    for page in visible_pages(definition, rows):
        keys = {q.key for q in visible_questions(page, shown)}
        shown += [r for r in rows if r.question_key in keys]
    return shown


def progress(definition: SurveyDefinition, rows: list[AnswerRow], page: Page) -> tuple[int, int]:
    """Return (this page's number, the number of pages) for a progress bar that never grows.

    Later pages whose condition hangs on a question not yet sent (on this page or
    after it) are counted as if shown: the total can only shrink as answers come in.
    """
    keys = [p.key for p in definition.pages]
    here = keys.index(page.key)
    page_index = {q.key: keys.index(p.key) for p in definition.pages for q in p.questions}
    shown = {p.key for p in visible_pages(definition, rows)}
    shown_rows = shown_answers(definition, rows)

    def may_hold(condition: Condition | None) -> bool:
        return page_index.get(condition.question, 0) >= here if condition else True

    def may_show(later: Page) -> bool:
        def possible(condition: Condition | None) -> bool:
            return condition_holds(condition, shown_rows) or may_hold(condition)

        return possible(later.show_if) and any(possible(q.show_if) for q in later.questions)

    number = sum(1 for p in definition.pages[: here + 1] if p.key in shown)
    return number, number + sum(1 for later in definition.pages[here + 1 :] if may_show(later))


def start_response(session: Session, version: SurveyVersion, language: str) -> Response:
    """Create an empty in-progress response."""
    response = Response(survey_version_id=version.id, language=language)
    session.add(response)
    session.flush()
    return response


def save_page(session: Session, response: Response, page: Page, rows: list[AnswerRow], language: str) -> None:
    """Replace the answers to ``page``'s questions with ``rows``."""
    keys = [q.key for q in page.questions]
    session.execute(delete(Answer).where(Answer.response_id == response.id, Answer.question_key.in_(keys)))
    session.add_all(
        Answer(response_id=response.id, question_key=r.question_key, item_key=r.item_key, value=r.value, text=r.text)
        for r in rows
    )
    response.language = language
    session.flush()


def submit_response(session: Session, response_id: str, submission_key: str) -> SubmitOutcome:
    """Mark a draft submitted, exactly once, however often this is called with the same key.

    The status change is a conditional UPDATE run before anything else, so of two
    concurrent submissions only one changes the row; the other sees it submitted.
    """
    claimed = session.execute(
        update(Response)
        .where(Response.id == response_id, Response.status == "in_progress")
        .values(status="submitted", submitted_hour=current_hour(), submission_key=submission_key)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount == 0:
        exists = session.scalar(select(Response.id).where(Response.id == response_id))
        return SubmitOutcome.ALREADY_STORED if exists else SubmitOutcome.NO_DRAFT
    version = session.scalar(
        select(SurveyVersion)
        .join(Response, Response.survey_version_id == SurveyVersion.id)
        .where(Response.id == response_id)
    )
    _drop_hidden_answers(session, response_id, definition_of(version))
    session.flush()
    return SubmitOutcome.STORED


def _drop_hidden_answers(session: Session, response_id: str, definition: SurveyDefinition) -> None:
    """Delete answers to questions the final answers hide (someone went back and said "skip")."""
    rows = load_answers(session, response_id)
    hidden = {r.question_key for r in rows} - {r.question_key for r in shown_answers(definition, rows)}
    if hidden:
        session.execute(delete(Answer).where(Answer.response_id == response_id, Answer.question_key.in_(hidden)))
