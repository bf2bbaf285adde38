"""Survey-language phrases, loaded from data/safeguarding/phrases.json, and text folding."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from analysis.safeguarding.rules import _DATA_DIR
from analysis.text import normalise

# ---------------------------------------------------------------------------------------------------
# Survey languages, from data/safeguarding/phrases.json.

_GAP_CHARS = r"[^.!?؟।]{0,30}?"


#: Extra folding for matching only (1:1 so spans still line up): Latin diacritics, Urdu letter variants.
_LATIN_FOLD = {
    code: unicodedata.normalize("NFD", chr(code))[0]
    for code in range(0xC0, 0x250)
    if unicodedata.normalize("NFD", chr(code))[0].isascii() and len(unicodedata.normalize("NFD", chr(code))) > 1
}


_FOLD = str.maketrans(
    _LATIN_FOLD
    | {"ł": "l", "ø": "o", "đ": "d", "ß": "s", "ı": "i", "ş": "s", "ţ": "t", "ș": "s", "ț": "t"}
    | {"ہ": "ه", "ھ": "ه", "ۃ": "ه", "ے": "ی", "ې": "ی", "ى": "ی"}
)


_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


_SCRIPT_LANGS = (
    (_ARABIC_SCRIPT, ("ar", "ur", "fa")),
    (re.compile(r"[\u0a00-\u0a7f]"), ("pa",)),
    (re.compile(r"[\u0980-\u09ff]"), ("bn",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("zh",)),
)


_LATIN_LANGS = ("pl", "es", "pt", "it", "ro", "so")


def _fold(text: str) -> str:
    """Fold normalised text further for matching, keeping its length (accents off, Urdu letters unified)."""
    return text if text.isascii() else text.translate(_FOLD)


#: Nukta signs, which Gurmukhi and Bengali writers often leave out ("ਖ਼ੁਦਕੁਸ਼ੀ" typed as "ਖੁਦਕੁਸੀ").
_NUKTA = "\u0a3c\u09bc"


def _phrase_source(phrase: str) -> str:
    """Turn a plain phrase (``*`` = short gap) into a regex over folded text, with nuktas optional."""
    parts = []
    for part in phrase.split("*"):
        folded = _fold(normalise(part))
        parts.append(
            "".join(
                "" if ch in _NUKTA else re.escape(ch) + (f"[{_NUKTA}]?" if "\u0980" <= ch <= "\u0a7f" else "")
                for ch in folded
            )
        )
    return _GAP_CHARS.join(part for part in parts if part)


@dataclass
class _Language:
    """One survey language's phrase lists, compiled, with a cheap gate in front of them."""

    gate: re.Pattern[str] | None  # regex languages: every pattern at once
    keys: frozenset[str]  # phrase languages: 3-letter starts of each phrase's longest word
    spaced: bool  # False for scripts written without spaces (zh), whose keys are found as substrings
    sources: tuple[tuple[str, str], ...]  # reason -> the regex of all its phrases
    _reasons: tuple[tuple[str, re.Pattern[str]], ...] | None = None

    @property
    def reasons(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """Return each reason's compiled pattern, compiled the first time an answer gets past the gate.

        Answers the language detector misreads open a language's lists without matching them: they pay for
        the gate alone (compiling the patterns too doubled the cost, about 40 ms a language).
        """
        if self._reasons is None:
            self._reasons = tuple((reason, re.compile(source)) for reason, source in self.sources)
        return self._reasons


#: Letters Arabic writes joined to the next word ("and", "with", "to"), looked past when gating.
_CLITICS = frozenset("وفبل")


_GATE_SPLIT = str.maketrans(dict.fromkeys('،؛؟!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~…“”–—।', " "))


def _key_of(phrase: str) -> str:
    """Return the gate key of a phrase: the first three letters of its longest word, nuktas dropped."""
    words = [w for piece in phrase.split("*") for w in _fold(normalise(piece)).split()]
    longest = max(words, key=len).replace("\u0a3c", "").replace("\u09bc", "")
    return longest[:3]


def _compile_language(entry: dict) -> _Language:
    """Compile one language's phrase lists: the gate now, one pattern per reason when first needed."""
    is_regex = entry.get("kind") == "regex"
    per_reason = []
    every = []
    keys: set[str] = set()
    for reason, phrases in entry["reasons"].items():
        sources = [rf"\b(?:{p})" if is_regex else _phrase_source(p) for p in phrases]
        if not is_regex:
            keys.update(_key_of(p) for p in phrases)
        every.extend(sources)
        per_reason.append((reason, "|".join(f"(?:{s})" for s in sources)))
    gate = re.compile("|".join(f"(?:{s})" for s in every)) if is_regex else None
    return _Language(gate, frozenset(keys), entry.get("spaced", True), tuple(per_reason))


class _Languages(Mapping[str, _Language]):
    """The phrase lists by language, each compiled the first time an answer needs it.

    Compiling all twelve costs about a second and a half; an English-only run never needs any.
    """

    def __init__(self, entries: dict[str, dict]) -> None:
        self._entries = entries
        self._compiled: dict[str, _Language] = {}

    def __getitem__(self, language: str) -> _Language:
        compiled = self._compiled.get(language)
        if compiled is None:
            compiled = self._compiled[language] = _compile_language(self._entries[language])
        return compiled

    def __contains__(self, language: object) -> bool:
        return language in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


@lru_cache(maxsize=1)
def _language_rules() -> _Languages:
    """Load the phrase lists (data/safeguarding/phrases.json); each language compiles on first use."""
    data = json.loads((_DATA_DIR / "phrases.json").read_text(encoding="utf-8"))
    return _Languages(data["languages"])


def prepare_gates() -> None:
    """Compile every language's gate now (about 0.2 s), so a long-running coder pays it at start, not mid-batch.

    The per-reason patterns stay lazy: only answers past a gate need them.
    """
    rules = _language_rules()
    for language in rules:
        rules[language]  # compiles the gate


def _gate_open(language: _Language, folded: str) -> bool:
    """Say cheaply whether any of a language's phrases could be in the answer."""
    if language.gate is not None:
        return language.gate.search(folded) is not None
    if not language.spaced:
        return any(key in folded for key in language.keys)
    for token in folded.translate(_GATE_SPLIT).split():
        token = token.replace("\u0a3c", "").replace("\u09bc", "")
        if token[:3] in language.keys or (token[:1] in _CLITICS and token[1:4] in language.keys):
            return True
    return False


# ---------------------------------------------------------------------------------------------------


#: Languages whose phrase lists are read together, each for the other.
_SIBLINGS = {"ur": "pa", "pa": "ur"}


def _languages_for(folded: str, language: str) -> list[str]:
    """Pick the phrase lists to run: the stated language plus any the answer's script implies."""
    langs = [language] if language and language != "en" else []
    if language in _SIBLINGS:
        # Romanised Urdu and Panjabi share most words and the detector confuses them: read both lists.
        langs.append(_SIBLINGS[language])
    if not folded.isascii():
        for script, implied in _SCRIPT_LANGS:
            if script.search(folded):
                langs.extend(lang for lang in implied if lang not in langs)
    if language not in _language_rules() and language != "en" and not langs[1:]:
        langs.extend(lang for lang in _LATIN_LANGS if lang not in langs)
    return langs
