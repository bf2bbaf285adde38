"""Pydantic models of a survey file, used both to validate files and to render pages.

The shapes here are checked by pydantic; the rules that span the whole file
(unique keys, conditions, languages) are checked in :mod:`app.survey_format.rules`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: Localised text: language code -> text.
Text = dict[LanguageCode, NonEmpty]
QuestionKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
OptionValue = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
PageKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]

QUESTION_TYPES = ("single", "multiple", "grid", "text", "notice")
#: The longest free-text answer a survey may allow, and the limit of an option's detail box.
MAX_TEXT_LENGTH = 5000
DETAIL_MAX_LENGTH = 200


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    """Show a page or question only when an earlier answer is one of ``answer_in``."""

    question: QuestionKey
    item: QuestionKey | None = None
    answer_in: list[OptionValue] = Field(min_length=1)


class Option(_Strict):
    """One choice of a single, multiple or grid question."""

    value: OptionValue
    label: Text
    face: NonEmpty | None = None
    exclusive: bool = False
    detail: Text | None = None


class GridItem(_Strict):
    """One row of a grid question, answered on the grid's scale."""

    key: QuestionKey
    label: Text
    young_label: Text | None = None


class Question(_Strict):
    """A question (or, for type ``notice``, a box of text with no answer)."""

    key: QuestionKey
    type: Literal["single", "multiple", "grid", "text", "notice"]
    text: Text
    young_text: Text | None = None
    hint: Text | None = None
    young_hint: Text | None = None
    required: bool = False
    options: list[Option] | None = None
    scale: QuestionKey | None = None
    items: list[GridItem] | None = None
    max_length: int | None = Field(default=None, ge=1, le=MAX_TEXT_LENGTH)
    show_if: Condition | None = None

    @property
    def answerable(self) -> bool:
        """Say whether the question takes an answer (a notice does not)."""
        return self.type != "notice"


class Page(_Strict):
    """A page of the survey: a few questions sent and saved together."""

    key: PageKey
    title: Text | None = None
    intro: Text | None = None
    show_if: Condition | None = None
    questions: list[Question] = Field(min_length=1)


class SurveyDefinition(_Strict):
    """A whole survey file, every language included."""

    format: Literal[1]
    slug: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
    languages: dict[LanguageCode, Literal["reviewed", "draft"]] = Field(min_length=1)
    title: Text
    intro: Text
    help: Text
    thanks: Text
    young: Condition | None = None
    scales: dict[QuestionKey, list[Option]] = Field(default_factory=dict)
    pages: list[Page] = Field(min_length=1)

    def questions(self) -> list[Question]:
        """Return every question in page order."""
        return [q for page in self.pages for q in page.questions]

    def question(self, key: str) -> Question | None:
        """Return the question with ``key``, or None."""
        return next((q for q in self.questions() if q.key == key), None)

    def options_of(self, question: Question) -> list[Option]:
        """Return the options a single, multiple or grid question offers."""
        if question.scale is not None:
            return self.scales.get(question.scale, [])
        return question.options or []
