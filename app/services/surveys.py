"""Storing survey files as immutable versions, and reading them back."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Survey, SurveyVersion
from app.survey_format import SurveyDefinition, load_survey_file

SURVEY_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadResult:
    """What loading one file did."""

    slug: str
    version: int
    created: bool
    source: str


def survey_files(path: Path) -> list[Path]:
    """Return the survey files at ``path``: the file itself, or the YAML files in a folder."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in SURVEY_SUFFIXES and p.is_file())
    return [path]


def read_survey_files(paths: list[Path]) -> list[tuple[Path, SurveyDefinition]]:
    """Validate every file before anything is stored.

    :raises SurveyFileError: for the first file with problems.
    """
    return [(path, load_survey_file(path)) for path in paths]


def canonical(definition: SurveyDefinition) -> tuple[dict, str]:
    """Return the definition as plain JSON data and its SHA-256 checksum."""
    data = definition.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["format"] = definition.format
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return data, hashlib.sha256(encoded).hexdigest()


def store_definition(session: Session, definition: SurveyDefinition, source: str) -> LoadResult:
    """Store ``definition`` as a new version of its survey unless the latest version is identical."""
    data, checksum = canonical(definition)
    survey = session.scalar(select(Survey).where(Survey.slug == definition.slug))
    if survey is None:
        survey = Survey(slug=definition.slug)
        session.add(survey)
        session.flush()
    latest = latest_version(session, survey.id)
    if latest is not None and latest.checksum == checksum:
        return LoadResult(definition.slug, latest.number, False, source)
    number = (latest.number if latest else 0) + 1
    session.add(SurveyVersion(survey_id=survey.id, number=number, checksum=checksum, definition=data, source=source))
    session.flush()
    return LoadResult(definition.slug, number, True, source)


def latest_version(session: Session, survey_id: int) -> SurveyVersion | None:
    """Return the newest version of a survey."""
    newest = select(func.max(SurveyVersion.number)).where(SurveyVersion.survey_id == survey_id).scalar_subquery()
    return session.scalar(
        select(SurveyVersion).where(SurveyVersion.survey_id == survey_id, SurveyVersion.number == newest)
    )


def find_survey(session: Session, slug: str) -> Survey | None:
    """Return the survey at ``slug``."""
    return session.scalar(select(Survey).where(Survey.slug == slug))


def set_status(session: Session, slug: str, status: str) -> Survey | None:
    """Open or close a survey; return None when there is no such survey."""
    survey = find_survey(session, slug)
    if survey is not None:
        survey.status = status
        session.flush()
    return survey


_definitions: dict[tuple[int, str], SurveyDefinition] = {}


def definition_of(version: SurveyVersion) -> SurveyDefinition:
    """Return the parsed definition of a version (cached: versions never change)."""
    key = (version.id, version.checksum)
    parsed = _definitions.get(key)
    if parsed is None:
        parsed = SurveyDefinition.model_validate(version.definition)
        _definitions[key] = parsed
    return parsed
