"""Codebooks as data: themes, their definitions, and the evidence the coder looks for per language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from analysis.text import expand_text_speak, normalise

CODEBOOKS = Path(__file__).parent / "codebooks"
DEFAULT_CODEBOOK = CODEBOOKS / "community-safety.yaml"
_THEME_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class CodebookError(ValueError):
    """A codebook file that cannot be used; the message names the theme and field."""


@dataclass(frozen=True)
class Term:
    """One piece of evidence: a word or phrase, each word exact or a prefix (``stab*``), strong or weak."""

    source: str
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    weak: bool


@dataclass(frozen=True)
class Theme:
    """A theme of the codebook with its evidence per language."""

    id: str
    label: str
    definition: str
    evidence: dict[str, tuple[Term, ...]]


@dataclass(frozen=True)
class Codebook:
    """A validated codebook."""

    id: str
    version: int
    languages: tuple[str, ...]
    themes: tuple[Theme, ...]

    @property
    def theme_ids(self) -> tuple[str, ...]:
        """Return the theme ids in codebook order."""
        return tuple(theme.id for theme in self.themes)

    def theme(self, theme_id: str) -> Theme:
        """Return the theme with ``theme_id``."""
        return next(theme for theme in self.themes if theme.id == theme_id)


def parse_term(source: str, language: str = "en") -> Term:
    """Parse an evidence entry: ``?`` marks it weak, a trailing ``*`` on a word makes it a prefix.

    :raises ValueError: when the entry has no word or a ``*`` inside a word.
    """
    text = source.strip()
    weak = text.startswith("?")
    text = normalise(text.lstrip("?"))
    if language == "zh":
        text = text.replace(" ", "")
    raw_words = text.split(" ") if text else []
    if not raw_words or any(not word.rstrip("*") for word in raw_words):
        raise ValueError("empty term")
    if any("*" in word.rstrip("*") for word in raw_words):
        raise ValueError("'*' may only end a word")
    pairs = [(word.rstrip("*"), word.endswith("*")) for word in raw_words]
    if language == "en":
        # English answers have their text-speak expanded before coding ("id" -> "i'd", "gonna" -> "going to"),
        # so a term written the way people type must be expanded the same way to ever match.
        pairs = [(out, prefix) for word, prefix in pairs for out in ([word] if prefix else expand_text_speak([word]))]
    return Term(source, tuple(word for word, _ in pairs), tuple(prefix for _, prefix in pairs), weak)


def load_codebook(path: Path | str = DEFAULT_CODEBOOK) -> Codebook:
    """Read and validate a codebook file.

    :raises CodebookError: naming the file, theme and field of the first problem.
    """
    path = Path(path)
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError, UnicodeDecodeError) as error:
        raise CodebookError(f"{path}: cannot read the codebook: {error}") from None
    return parse_codebook(data, str(path))


def parse_codebook(data: Any, name: str = "<codebook>") -> Codebook:
    """Validate codebook data already read from YAML.

    :raises CodebookError: naming the theme and field of the first problem.
    """

    def fail(where: str, problem: str) -> CodebookError:
        return CodebookError(f"{name}: {where}: {problem}")

    if not isinstance(data, dict):
        raise fail("codebook", "must be a mapping with id, version, languages and themes")
    for field in ("id", "version", "languages", "themes"):
        if field not in data:
            raise fail(field, "required field is missing")
    languages = data["languages"]
    if not isinstance(languages, list) or not all(isinstance(c, str) and _LANGUAGE.match(c) for c in languages):
        raise fail("languages", "must be a list of language codes such as [en, ur]")
    if not isinstance(data["themes"], list) or not data["themes"]:
        raise fail("themes", "must be a non-empty list")
    themes: list[Theme] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["themes"]):
        where = f"themes[{index}]"
        if not isinstance(raw, dict):
            raise fail(where, "must be a mapping with id, label, definition and evidence")
        theme_id = raw.get("id")
        if not isinstance(theme_id, str) or not _THEME_ID.match(theme_id):
            raise fail(f"{where}.id", f"{theme_id!r} is not a theme id (lower case, digits, '_')")
        where = f"theme {theme_id}"
        if theme_id in seen:
            raise fail(f"{where}.id", "duplicate theme id")
        seen.add(theme_id)
        for field in ("label", "definition"):
            if not isinstance(raw.get(field), str) or not raw[field].strip():
                raise fail(f"{where}.{field}", "required text is missing")
        unknown = set(raw) - {"id", "label", "definition", "evidence"}
        if unknown:
            raise fail(f"{where}.{sorted(unknown)[0]}", "unknown field")
        evidence = raw.get("evidence") or {}
        if not isinstance(evidence, dict):
            raise fail(f"{where}.evidence", "must map language codes to lists of terms")
        parsed: dict[str, tuple[Term, ...]] = {}
        for language, terms in evidence.items():
            if not isinstance(language, str) or not _LANGUAGE.match(language):
                raise fail(f"{where}.evidence.{language}", "not a language code")
            if not isinstance(terms, list):
                raise fail(f"{where}.evidence.{language}", "must be a list of terms")
            out = []
            for position, term in enumerate(terms):
                if not isinstance(term, str):
                    raise fail(f"{where}.evidence.{language}[{position}]", f"{term!r} is not text")
                try:
                    out.append(parse_term(term, language))
                except ValueError as error:
                    raise fail(f"{where}.evidence.{language}[{position}]", f"{term!r}: {error}") from None
            parsed[language] = tuple(out)
        for language in languages:
            if not parsed.get(language):
                raise fail(f"{where}.evidence.{language}", "no evidence in a language the codebook says it covers")
        themes.append(Theme(theme_id, raw["label"].strip(), raw["definition"].strip(), parsed))
    return Codebook(str(data["id"]), int(data["version"]), tuple(languages), tuple(themes))
