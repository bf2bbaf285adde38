"""Translators' tables: every text of a survey file with its path, out to CSV and back in.

A translator or reviewer works in a spreadsheet (key, English, their language); importing writes the
language into the survey file in place, keeping its comments and layout, and validates the result
before anything is written.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from app.survey_format.loader import Problem, SurveyFileError, load_survey_file, parse_survey_text
from app.survey_format.rules import format_path, localised_texts

_PATH_PART = re.compile(r"([A-Za-z_][\w-]*)|\[(\d+)\]")


def text_rows(path: Path, language: str) -> list[dict[str, str]]:
    """Return one row per text of the survey at ``path``: key, English, and ``language`` if present."""
    survey = load_survey_file(path)
    return [
        {"key": format_path(where), "en": text.get("en", ""), language: text.get(language, "")}
        for where, text in localised_texts(survey)
    ]


def write_text_table(path: Path, language: str) -> str:
    """Return the CSV a translator fills in: columns ``key,en,<language>``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["key", "en", language], lineterminator="\n")
    writer.writeheader()
    writer.writerows(text_rows(path, language))
    return out.getvalue()


def read_text_table(source: str, language: str, filename: str) -> dict[str, str]:
    """Read a translator's CSV into ``{key: text}``.

    :raises SurveyFileError: naming the row of a malformed or duplicated line.
    """
    reader = csv.DictReader(io.StringIO(source))
    missing = {"key", language} - set(reader.fieldnames or [])
    if missing:
        raise SurveyFileError(filename, [Problem(1, "", "missing column(s): " + ", ".join(sorted(missing)))])
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for row in reader:
        key, text = (row.get("key") or "").strip(), (row.get(language) or "").strip()
        if not key:
            problems.append(Problem(reader.line_num, "key", "empty key"))
        elif key in texts:
            problems.append(Problem(reader.line_num, key, "the same key twice"))
        elif text:
            texts[key] = text
    if problems:
        raise SurveyFileError(filename, problems)
    return texts


def add_language(path: Path, language: str, texts: dict[str, str], status: str = "draft") -> int:
    """Write ``texts`` into the survey file at ``path`` as ``language``; return how many were written.

    The language is listed with ``status`` if it is new. The new file is validated first and written
    only if valid, so a mistake never leaves a broken survey file behind.

    :raises SurveyFileError: for an unknown key, or a result that does not validate.
    """
    yaml = YAML(typ="rt")
    yaml.width = 4096  # one line a text: diffs stay readable
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the survey files in surveys/
    data = yaml.load(path.read_text(encoding="utf-8"))
    unknown = []
    for key, text in texts.items():
        node = _find(data, key)
        if not isinstance(node, CommentedMap) or "en" not in node:
            unknown.append(Problem(None, key, "no such text in the survey"))
            continue
        _set_last(node, language, LiteralScalarString(text) if "\n" in text else text)
    if unknown:
        raise SurveyFileError(str(path), unknown)
    if language not in data["languages"]:
        _set_last(data["languages"], language, status)
    out = io.StringIO()
    yaml.dump(data, out)
    parse_survey_text(out.getvalue(), str(path))  # raises with line numbers if anything is missing
    path.write_text(out.getvalue(), encoding="utf-8")
    return len(texts)


def _set_last(mapping: CommentedMap, key: str, value: Any) -> None:
    """Set ``mapping[key]``; a new key goes last and takes over the blank lines or comment after the old last."""
    if key in mapping:
        mapping[key] = value
        return
    last = next(reversed(mapping), None)
    trailing = mapping.ca.items.pop(last, None) if last is not None else None
    mapping[key] = value
    if trailing is not None:
        mapping.ca.items[key] = trailing


def _find(data: Any, key: str) -> Any:
    node = data
    for name, index in _PATH_PART.findall(key):
        try:
            node = node[int(index)] if index else node[name]
        except (KeyError, IndexError, TypeError):
            return None
    return node
