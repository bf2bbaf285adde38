"""Forms built from a survey page at run time: one WTForms field class per question type."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from flask_babel import format_number
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field
from wtforms.validators import StopValidation

from app.services.responses import AnswerRow
from app.survey_format import Question, SurveyDefinition
from app.survey_format.schema import DETAIL_MAX_LENGTH

# Control characters other than tab and newline never belong in an answer (PostgreSQL rejects NUL).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(raw: str) -> str:
    """Normalise typed text: NFC, Unix newlines, no control characters, no outer whitespace."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


class _Answer(Field):
    """Base of the answer fields: no widget, the templates render them."""

    def __init__(self, question: Question, required: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.question = question
        self.required = required

    def _require(self, present: bool) -> None:
        if self.required and not present:
            self.errors[:] = []
            raise StopValidation(str(_l("Answer this question, or choose ‘Prefer not to say’.")))


class SingleChoice(_Answer):
    """One option (radios); also one row of a grid."""

    data: str | None

    def __init__(self, question: Question, required: bool, values: list[str], **kwargs: Any) -> None:
        super().__init__(question, required, **kwargs)
        self.values = values

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = next((v for v in valuelist if v), None)

    #: the option whose detail box has text, set by :func:`apply_details`
    detail_for: str | None = None

    def pre_validate(self, form: FlaskForm) -> None:
        self._require(self.data is not None)
        if self.data is not None and self.data not in self.values:
            raise StopValidation(str(_l("Choose one of the answers shown.")))
        if self.detail_for is not None and self.data != self.detail_for:
            raise StopValidation(str(_l("You wrote in the box of an answer you did not choose.")))


class MultipleChoice(_Answer):
    """Any number of options (checkboxes), some of which may stand alone."""

    data: list[str]

    def __init__(self, question: Question, required: bool, values: list[str], exclusive: dict[str, str], **kw: Any):
        super().__init__(question, required, **kw)
        self.values = values
        #: value -> label of options that cannot be ticked with others
        self.exclusive = exclusive

    def process_data(self, value: Any) -> None:
        self.data = list(value or [])

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = list(dict.fromkeys(v for v in valuelist if v))

    def pre_validate(self, form: FlaskForm) -> None:
        self._require(bool(self.data))
        if any(v not in self.values for v in self.data):
            raise StopValidation(str(_l("Choose from the answers shown.")))
        alone = [v for v in self.data if v in self.exclusive]
        if alone and len(self.data) > 1:
            raise StopValidation(
                str(_l("‘%(answer)s’ can’t be ticked with other answers.", answer=self.exclusive[alone[0]]))
            )


class FreeText(_Answer):
    """Typed text with a character limit (also the detail box beside an option)."""

    data: str

    def __init__(self, question: Question, required: bool, max_length: int, **kwargs: Any) -> None:
        super().__init__(question, required, **kwargs)
        self.max_length = max_length

    def process_data(self, value: Any) -> None:
        self.data = value or ""

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = clean_text(valuelist[0]) if valuelist else ""

    def pre_validate(self, form: FlaskForm) -> None:
        self._require(bool(self.data))
        if len(self.data) > self.max_length:
            raise StopValidation(
                str(
                    _l(
                        "Write %(max)s characters or fewer. You wrote %(count)s.",
                        max=format_number(self.max_length),
                        count=format_number(len(self.data)),
                    )
                )
            )


class PageForm(FlaskForm):
    """The answers of one page. CSRF is checked for every POST by CSRFProtect, not here."""

    class Meta:
        csrf = False

    #: field name -> question, in page order (set on each generated subclass)
    questions: dict[str, Question]


def field_name(question: Question, item: str | None = None, detail_of: str | None = None) -> str:
    """Return the form field name of a question, a grid item, or an option's detail box."""
    if item is not None:
        return f"{question.key}-{item}"
    if detail_of is not None:
        return f"{question.key}-{detail_of}-detail"
    return question.key


FieldAdder = Callable[[dict[str, Field], SurveyDefinition, Question, str], None]


def _label(text: dict[str, str], lang: str) -> str:
    return text.get(lang) or next(iter(text.values()))


def _add_details(fields: dict[str, Field], definition: SurveyDefinition, question: Question, lang: str) -> None:
    for option in definition.options_of(question):
        if option.detail is not None:
            name = field_name(question, detail_of=option.value)
            fields[name] = FreeText(question, False, DETAIL_MAX_LENGTH, name=name)


def _add_single(fields: dict[str, Field], definition: SurveyDefinition, question: Question, lang: str) -> None:
    values = [o.value for o in definition.options_of(question)]
    fields[question.key] = SingleChoice(question, question.required, values, name=question.key)
    _add_details(fields, definition, question, lang)


def _add_multiple(fields: dict[str, Field], definition: SurveyDefinition, question: Question, lang: str) -> None:
    options = definition.options_of(question)
    exclusive = {o.value: _label(o.label, lang) for o in options if o.exclusive}
    values = [o.value for o in options]
    fields[question.key] = MultipleChoice(question, question.required, values, exclusive, name=question.key)
    _add_details(fields, definition, question, lang)


def _add_grid(fields: dict[str, Field], definition: SurveyDefinition, question: Question, lang: str) -> None:
    values = [o.value for o in definition.options_of(question)]
    for item in question.items or []:
        name = field_name(question, item=item.key)
        fields[name] = SingleChoice(question, question.required, values, name=name)


def _add_text(fields: dict[str, Field], definition: SurveyDefinition, question: Question, lang: str) -> None:
    fields[question.key] = FreeText(question, question.required, question.max_length or 0, name=question.key)


#: question type -> the function adding its fields
FIELD_REGISTRY: dict[str, FieldAdder] = {
    "single": _add_single,
    "multiple": _add_multiple,
    "grid": _add_grid,
    "text": _add_text,
    "notice": lambda *_args: None,
}


def page_form_class(definition: SurveyDefinition, questions: list[Question], lang: str) -> type[PageForm]:
    """Build the form class for the shown questions of one page."""
    unbound: dict[str, Field] = {}
    for question in questions:
        FIELD_REGISTRY[question.type](unbound, definition, question, lang)
    return type("PageForm", (PageForm,), dict(unbound))


def form_data_from_rows(definition: SurveyDefinition, questions: list[Question], rows: list[AnswerRow]) -> dict:
    """Turn saved answers into the ``data=`` mapping that prefills a page's form."""
    data: dict[str, Any] = {}
    keys = {q.key: q for q in questions}
    for row in rows:
        question = keys.get(row.question_key)
        if question is None:
            continue
        if question.type == "grid":
            data[field_name(question, item=row.item_key)] = row.value
        elif question.type == "multiple":
            data.setdefault(question.key, []).append(row.value)
        elif question.type == "single":
            data[question.key] = row.value
        else:
            data[question.key] = row.text
        if row.value and row.text and question.type in ("single", "multiple"):
            data[field_name(question, detail_of=row.value)] = row.text
    return data


def rows_from_form(form: PageForm, definition: SurveyDefinition, questions: list[Question]) -> list[AnswerRow]:
    """Turn a validated page form into answer rows (a detail is kept with its option)."""
    rows: list[AnswerRow] = []
    for question in questions:
        if question.type == "grid":
            for item in question.items or []:
                value = form[field_name(question, item=item.key)].data
                if value:
                    rows.append(AnswerRow(question.key, item.key, value))
        elif question.type in ("single", "multiple"):
            chosen = form[question.key].data
            for value in [chosen] if isinstance(chosen, str) else (chosen or []):
                detail_name = field_name(question, detail_of=value)
                detail = form[detail_name].data if detail_name in form else ""
                rows.append(AnswerRow(question.key, "", value, detail or None))
        elif question.type == "text" and form[question.key].data:
            rows.append(AnswerRow(question.key, "", None, form[question.key].data))
    return rows


def apply_details(form: PageForm, definition: SurveyDefinition, questions: list[Question]) -> None:
    """Treat text typed in an option's detail box as choosing that option, so it is never dropped.

    Call after the form has read the request and before ``validate()``. A single
    choice that names another option is left for ``validate()`` to report.
    """
    for question in questions:
        if question.type not in ("single", "multiple"):
            continue
        field = form[question.key]
        for option in definition.options_of(question):
            name = field_name(question, detail_of=option.value)
            if option.detail is None or not form[name].data:
                continue
            if isinstance(field, MultipleChoice) and option.value not in field.data:
                field.data.append(option.value)
            elif isinstance(field, SingleChoice):
                field.data = field.data or option.value
                field.detail_for = option.value


def error_anchors(definition: SurveyDefinition, questions: list[Question]) -> dict[str, str]:
    """Map each field name to the id of the input an error-summary link should focus."""
    anchors: dict[str, str] = {}
    for question in questions:
        options = definition.options_of(question)
        first = options[0].value if options else ""
        if question.type == "grid":
            for item in question.items or []:
                anchors[field_name(question, item=item.key)] = f"{field_name(question, item=item.key)}--{first}"
        elif question.type == "multiple" or (question.type == "single" and not as_select(options)):
            anchors[question.key] = f"{question.key}--{first}"
    return anchors


#: Single questions with more options than this (and no detail boxes) are a drop-down list.
SELECT_THRESHOLD = 12


def as_select(options: list) -> bool:
    """Say whether a single question is shown as a drop-down list rather than radios."""
    return len(options) > SELECT_THRESHOLD and not any(o.detail for o in options)
