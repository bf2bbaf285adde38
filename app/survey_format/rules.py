"""Rules that span a whole survey file: unique keys, types, conditions and languages.

Each check yields ``(path, message)``; the loader turns a path into a line number.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from app.survey_format.schema import Condition, Option, Question, SurveyDefinition

Path = tuple[str | int, ...]
Problem = tuple[Path, str]

_CHOICE_TYPES = {"single", "multiple", "grid"}


def check_survey(survey: SurveyDefinition) -> list[Problem]:
    """Return every cross-field problem of a schema-valid survey, in file order."""
    problems: list[Problem] = []
    problems += _check_scales(survey)
    problems += _check_pages(survey)
    problems += _check_languages(survey)
    return problems


def _check_scales(survey: SurveyDefinition) -> Iterator[Problem]:
    for name, options in survey.scales.items():
        yield from _check_options(options, ("scales", name))


def _check_options(options: list[Option], path: Path) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, option in enumerate(options):
        if option.value in seen:
            yield (*path, index, "value"), f"duplicate option value {option.value!r}"
        seen.add(option.value)


def _check_pages(survey: SurveyDefinition) -> Iterator[Problem]:
    page_keys: set[str] = set()
    #: question key -> index of the page it is on
    page_of: dict[str, int] = {}
    for page_index, page in enumerate(survey.pages):
        page_path: Path = ("pages", page_index)
        if page.key in page_keys:
            yield (*page_path, "key"), f"duplicate page key {page.key!r}"
        page_keys.add(page.key)
        if page.show_if is not None:
            yield from _check_condition(survey, page.show_if, page_index, page_of, (*page_path, "show_if"))
        for question_index, question in enumerate(page.questions):
            path: Path = (*page_path, "questions", question_index)
            if question.key in page_of:
                yield (*path, "key"), f"duplicate question key {question.key!r}"
            yield from _check_question_shape(survey, question, path)
            if question.show_if is not None:
                yield from _check_condition(survey, question.show_if, page_index, page_of, (*path, "show_if"))
            page_of.setdefault(question.key, page_index)
    if survey.young is not None:
        yield from _check_condition(survey, survey.young, len(survey.pages), page_of, ("young",))


def _check_question_shape(survey: SurveyDefinition, question: Question, path: Path) -> Iterator[Problem]:
    kind = question.type
    allowed = {
        "single": {"options", "scale"},
        "multiple": {"options"},
        "grid": {"options", "scale", "items"},
        "text": {"max_length"},
        "notice": set(),
    }[kind]
    for field in ("options", "scale", "items", "max_length"):
        if getattr(question, field) is not None and field not in allowed:
            yield (*path, field), f"not allowed on a {kind} question"
    if kind == "notice" and (question.required or question.hint is not None):
        field = "required" if question.required else "hint"
        yield (*path, field), "not allowed on a notice (it takes no answer)"
    if kind in _CHOICE_TYPES:
        if question.options is None and question.scale is None:
            yield (*path, "options"), f"a {kind} question needs options or a scale"
        elif question.options is not None and question.scale is not None:
            yield (*path, "scale"), "give options or a scale, not both"
        elif question.scale is not None and question.scale not in survey.scales:
            yield (*path, "scale"), f"no scale named {question.scale!r} in scales"
        if question.options is not None:
            yield from _check_options(question.options, (*path, "options"))
        for index, option in enumerate(question.options or []):
            if option.exclusive and kind != "multiple":
                yield (*path, "options", index, "exclusive"), "exclusive only applies to multiple questions"
    if kind == "grid":
        if not question.items:
            yield (*path, "items"), "a grid question needs items"
        else:
            keys: set[str] = set()
            for index, item in enumerate(question.items):
                if item.key in keys:
                    yield (*path, "items", index, "key"), f"duplicate item key {item.key!r}"
                keys.add(item.key)
    if kind == "text" and question.max_length is None:
        yield (*path, "max_length"), "a text question needs max_length"


def _check_condition(
    survey: SurveyDefinition, condition: Condition, page_index: int, page_of: dict[str, int], path: Path
) -> Iterator[Problem]:
    target = survey.question(condition.question)
    if target is None:
        yield (*path, "question"), f"no question with key {condition.question!r}"
        return
    if page_of.get(condition.question, page_index) >= page_index:
        yield (*path, "question"), f"{condition.question!r} must be on an earlier page"
        return
    if target.type not in _CHOICE_TYPES:
        yield (*path, "question"), f"{condition.question!r} is a {target.type} question; conditions need choices"
        return
    if target.type == "grid":
        item_keys = {item.key for item in target.items or []}
        if condition.item is None:
            yield (*path, "item"), f"{condition.question!r} is a grid: say which item"
        elif condition.item not in item_keys:
            yield (*path, "item"), f"{condition.question!r} has no item {condition.item!r}"
    elif condition.item is not None:
        yield (*path, "item"), f"{condition.question!r} is not a grid question"
    values = {option.value for option in survey.options_of(target)}
    for index, value in enumerate(condition.answer_in):
        if values and value not in values:
            yield (*path, "answer_in", index), f"{condition.question!r} has no option {value!r}"


def _texts(node: Any, path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """Yield every localised text in the survey (a mapping of language to string) with its path."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if name == "languages" or value is None:
                continue
            if isinstance(value, dict) and value and all(isinstance(text, str) for text in value.values()):
                yield (*path, name), value
            else:
                yield from _texts(value, (*path, name))
    elif isinstance(node, list | dict):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            yield from _texts(value, (*path, key))


def localised_texts(survey: SurveyDefinition) -> list[tuple[Path, dict[str, str]]]:
    """Return every localised text of the survey with its path, in file order."""
    return list(_texts(survey, ()))


def _check_languages(survey: SurveyDefinition) -> Iterator[Problem]:
    languages = list(survey.languages)
    for path, text in _texts(survey, ()):
        if path[:1] == ("languages",):
            continue
        missing = [code for code in languages if code not in text]
        if missing:
            yield path, "missing text in " + ", ".join(missing)
        extra = [code for code in text if code not in survey.languages]
        if extra:
            yield path, "text in " + ", ".join(extra) + " which is not listed in languages"


def missing_text_by_language(survey: SurveyDefinition) -> dict[str, int]:
    """Return, per listed language, how many texts lack it (a summary for `surveys load`)."""
    counts: dict[str, int] = {}
    for _path, text in _texts(survey, ()):
        for code in survey.languages:
            if code not in text:
                counts[code] = counts.get(code, 0) + 1
    return counts


def format_path(path: Path) -> str:
    """Render ``("pages", 2, "questions", 0, "type")`` as ``pages[2].questions[0].type``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
