"""Sentiment lexicons: one plain-text file per language under ``analysis/data/sentiment/``, read once.

The format is described in ``en.txt``. Every language's lexicon also holds the shared ``emoji.txt``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from analysis.text import expand_text_speak, normalise, tokens

DATA = Path(__file__).parent.parent / "data" / "sentiment"
#: Languages with a lexicon (besides the emoji lexicon shared by all).
LANGUAGES = ("en", "ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa", "zh", "so")

#: A resource named as missing ("no youth club", "lights are out", "nowhere safe to go") is a problem;
#: named on its own ("a youth club") it is nearly neutral.
MISSING_RESOURCE = -1.2
INTENSIFY = 1.5
DAMPEN = 0.6

_TAGS = {"NEG", "NEGP", "INT", "DIM", "BUT", "WISH", "SARC", "LIGHT"}
#: Latin letters with no decomposition, folded by hand.
_UNACCENT = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def _fold(text: str) -> str:
    """Drop accents from Latin letters ("bezpieczeństwo" -> "bezpieczenstwo", "siguranță" -> "siguranta")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_UNACCENT))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(frozen=True)
class _Entry:
    kind: str  # "V" (valence) or one of _TAGS
    value: float  # valence, or the factor of INT/DIM
    fallback: float  # valence of a NEG/INT word that modifies nothing ("dead" alone = boring)
    negated: float | None  # valence when negated, if not the usual flip: a problem noun (suffix !)
    # stops counting ("not in a gang"); a missing resource (suffix ~) is a problem ("no youth club")


@dataclass
class _Lexicon:
    words: dict[str, _Entry]
    phrases: dict[str, list[tuple[tuple[str, ...], _Entry]]]  # first word -> (words, entry), longest first
    prefixes: dict[str, _Entry]
    prefix_lengths: tuple[int, ...]  # longest first
    chars: bool  # match substrings of the text (Chinese) instead of words
    longest: int  # longest term in characters, for chars mode
    strip: tuple[str, ...]  # clitics tried off the front of an unknown word (Arabic "و", "ال"...)
    negation: str  # where a negator stands: "before", "after" or "both"
    window: int  # how many words (chars in chars mode) a negator reaches
    textspeak: bool
    fold: bool  # match without accents: many write Polish or Romanian without diacritics
    intensifiers: str  # where an intensifier stands: "before" ("very safe") or "both" (Arabic "آمن جدا")
    #: ``phrases`` by first word, then second word: most phrase starts ("not", "feel") fail on the next word.
    phrase_index: dict[str, dict[str, list[tuple[tuple[str, ...], _Entry]]]] = field(default_factory=dict)


def _parse_value(raw: str) -> _Entry:
    tag, _, rest = raw.partition("|")
    if tag in _TAGS:
        number = float(rest) if rest else 0.0
        if tag in ("INT", "DIM"):
            factor = INTENSIFY if tag == "INT" else DAMPEN
            return _Entry(tag, factor, number, None)
        return _Entry(tag, 0.0, number, None)
    negated = {"!": 0.0, "~": MISSING_RESOURCE}.get(raw[-1])
    return _Entry("V", float(raw.rstrip("!~")), 0.0, negated)


@cache
def _lexicon(language: str) -> _Lexicon | None:
    """Load one language's lexicon (and the shared emoji lexicon) once."""
    path = DATA / f"{language}.txt"
    if not path.is_file():
        return None
    lex = _Lexicon({}, {}, {}, (), False, 1, (), "before", 3, False, False, "before")
    lines = path.read_text(encoding="utf-8").splitlines()
    if language != "emoji":
        lines += (DATA / "emoji.txt").read_text(encoding="utf-8").splitlines()
    prefix_lengths: set[int] = set()
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            if key == "mode":
                lex.chars = value.strip() == "chars"
            elif key == "negation":
                lex.negation = value.strip()
            elif key == "window":
                lex.window = int(value)
            elif key == "strip":
                lex.strip = tuple(sorted((normalise(v) for v in value.split()), key=len, reverse=True))
            elif key == "textspeak":
                lex.textspeak = True
            elif key == "fold":
                lex.fold = True
            elif key == "intensifiers":
                lex.intensifiers = value.strip()
            continue
        term, _, raw = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
        term = term.strip()
        if not term:
            raise ValueError(f"{path}:{number}: no term before {raw!r}")
        entry = _parse_value(raw.strip())
        if lex.fold:
            term = _fold(normalise(term))
        if lex.chars:
            key = normalise(term)
            lex.words[key] = entry
            lex.longest = max(lex.longest, len(key))
            continue
        if term.endswith("*"):
            if " " in term:
                raise ValueError(f"{path}:{number}: a phrase cannot end with *: {term!r}")
            stem = normalise(term[:-1])
            lex.prefixes[stem] = entry
            prefix_lengths.add(len(stem))
            continue
        words = tuple(tokens(term))
        if lex.textspeak:
            words = tuple(expand_text_speak(list(words)))
        if not words:
            continue
        if len(words) == 1:
            lex.words[words[0]] = entry
        else:
            lex.phrases.setdefault(words[0], []).append((words, entry))
    for first, options in lex.phrases.items():
        options.sort(key=lambda option: len(option[0]), reverse=True)
        by_second = lex.phrase_index[first] = {}
        for option in options:  # longest first, as in ``phrases``
            by_second.setdefault(option[0][1], []).append(option)
    lex.prefix_lengths = tuple(sorted(prefix_lengths, reverse=True))
    return lex


def _lookup(lex: _Lexicon, word: str) -> _Entry | None:
    entry = lex.words.get(word)
    if entry is not None:
        return entry
    size = len(word)
    for length in lex.prefix_lengths:
        if length <= size:
            entry = lex.prefixes.get(word[:length])
            if entry is not None:
                return entry
    for clitic in lex.strip:
        if word.startswith(clitic) and size - len(clitic) >= 2:
            rest = word[len(clitic) :]
            entry = lex.words.get(rest)
            if entry is not None:
                return entry
            for length in lex.prefix_lengths:
                if length <= len(rest):
                    entry = lex.prefixes.get(rest[:length])
                    if entry is not None:
                        return entry
    return None
