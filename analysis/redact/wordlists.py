"""The name and place lists in data/redact/, loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from analysis.redact.cues import _CUE_WORDS, _TOKEN
from analysis.redact.lexicon import _MODERN, _lexicon

_DATA = Path(__file__).parent.parent / "data" / "redact"


# --------------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------------


def _read(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word.lower() for line in _read(name) for word in line.split() if len(word) > 2)


class _Lists:
    """The word lists, loaded once: names, ambiguous names, places and multi-word place phrases."""

    def __init__(self) -> None:
        self.first = _words("first_names.txt")
        self.surnames = _words("surnames.txt")
        self.names = self.first | self.surnames
        self.ambiguous = _words("ambiguous.txt")
        place_lines = _read("places.txt")
        self.places = frozenset(_strip_possessive(line.lower()) for line in place_lines if _TOKEN.fullmatch(line))
        #: Multi-word places by their first word, as token tuples: {"moss": [("moss", "side")]}.
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for line in place_lines:
            words = tuple(_strip_possessive(word.lower()) for word in _TOKEN.findall(line))
            if len(words) > 1:
                self.phrases.setdefault(words[0], []).append(words)
        self.common = _lexicon() | _MODERN
        self.all_names = self.names | self.ambiguous
        #: Any of these words in an answer sends it through the full (slower) pass.
        #: (Listed names that are ordinary words only count after a cue or with a capital, caught elsewhere.)
        self.triggers = ((self.names - self.ambiguous) - self.common) | _CUE_WORDS


def _strip_possessive(word: str) -> str:
    return word[:-2] if len(word) > 3 and word[-2:] in ("'s", "’s") else word


@cache
def _lists() -> _Lists:
    return _Lists()
