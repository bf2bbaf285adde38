"""Read a survey file and report every problem as ``FILE:LINE: FIELD: message``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from app.survey_format.rules import check_survey, format_path, missing_text_by_language
from app.survey_format.schema import SurveyDefinition


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a survey file."""

    line: int | None
    field: str
    message: str


class SurveyFileError(Exception):
    """A survey file that cannot be loaded; ``str()`` lists every problem, one a line."""

    def __init__(self, filename: str, problems: list[Problem]) -> None:
        self.filename = filename
        self.problems = problems
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = []
        for problem in self.problems:
            where = f"{self.filename}:{problem.line}" if problem.line else self.filename
            field = f" {problem.field}:" if problem.field else ""
            lines.append(f"{where}:{field} {problem.message}")
        return "\n".join(lines)


def load_survey_file(path: Path) -> SurveyDefinition:
    """Read and validate the survey file at ``path``.

    :raises SurveyFileError: naming the file, line and field of every problem.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SurveyFileError(str(path), [Problem(None, "", f"cannot read the file: {error.strerror}")]) from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SurveyFileError(str(path), [Problem(line, "", "the file is not UTF-8 text")]) from error
    return parse_survey_text(text, str(path))


def parse_survey_text(text: str, filename: str = "<survey>") -> SurveyDefinition:
    """Parse and validate the YAML ``text`` of a survey file called ``filename``.

    :raises SurveyFileError: naming the file, line and field of every problem.
    """
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        message = " ".join(part for part in (error.context, error.problem) if part)
        raise SurveyFileError(filename, [Problem(line, "", f"YAML error: {message}")]) from None
    if not isinstance(data, dict):
        raise SurveyFileError(filename, [Problem(1, "", "a survey file must be a mapping (key: value lines)")])
    try:
        survey = SurveyDefinition.model_validate(data)
    except ValidationError as error:
        problems = [_problem_from_pydantic(data, detail) for detail in error.errors()]
        raise SurveyFileError(filename, problems) from None
    problems = [Problem(_line_of(data, path), format_path(path), message) for path, message in check_survey(survey)]
    if problems:
        problems.sort(key=lambda problem: problem.line or 0)
        # A language added half way: end with a count per language, after every missing key.
        line = _line_of(data, ("languages",))
        for code, count in missing_text_by_language(survey).items():
            problems.append(Problem(line, f"languages.{code}", f"{count} text(s) missing in {code}"))
        raise SurveyFileError(filename, problems)
    return survey


def _problem_from_pydantic(data: Any, detail: Any) -> Problem:
    path = tuple(part for part in detail["loc"] if isinstance(part, int | str))
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        message = "unknown field (check its spelling against docs/survey-format.md)"
    elif kind == "missing":
        message = "required field is missing"
    elif kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        message = f"unknown value {value!r}; expected {expected}"
    elif kind == "string_pattern_mismatch":
        message = f"{value!r} is not allowed here (use letters, digits, '_' or '-')"
    else:
        message = detail["msg"]
    return Problem(_line_of(data, path), format_path(path), message)


def _line_of(data: Any, path: tuple[str | int, ...]) -> int | None:
    """Return the 1-based line of ``path`` in the parsed YAML, or of its nearest parent found."""
    node = data
    line: int | None = 1
    for part in path:
        try:
            if isinstance(node, dict) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        except (AttributeError, KeyError, TypeError):
            break
    return line
