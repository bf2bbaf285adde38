"""What the Arabic-script and Latin-script steps share: the result, the word lists and the final decision."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from analysis.text import tokens

_DATA = Path(__file__).parent.parent / "data" / "language"


@dataclass(frozen=True)
class Detection:
    """The language of an answer: an ISO 639-1 code (``"und"`` when there is none) and a 0-1 confidence."""

    code: str
    confidence: float


UNDETERMINED = Detection("und", 0.0)

# --- word lists ------------------------------------------------------------------------------------


def _load_words() -> dict[str, dict[str, float]]:
    """Read the word lists into word -> {language: weight}; a word shared by k languages weighs 1/k each.

    A line ``#! weight 0.5`` sets the weight of the words after it in that file (1 until then).
    """
    weights: dict[str, dict[str, float]] = {}
    for path in sorted(_DATA.glob("*.txt")):
        weight = 1.0
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#! weight"):
                weight = float(line.split()[-1])
            for word in line.split("#", 1)[0].split():
                for token in tokens(word):
                    langs = weights.setdefault(token, {})
                    langs[path.stem] = max(langs.get(path.stem, 0.0), weight)
    return {word: {lang: weight / len(langs) for lang, weight in langs.items()} for word, langs in weights.items()}


_WORDS = _load_words()
#: The weights of a word or letter no list knows: none (one shared mapping, never written to).
_NO_WORD: dict[str, float] = {}

# --- deciding --------------------------------------------------------------------------------------

#: How much the respondent's survey language counts: enough to settle a close call, never a clear one.
#: It counts more on one or two words (where languages share words) and when the text has some
#: evidence for it; a Polish answer to the English survey has none for English.
_HINT_WEIGHT = 0.8
_HINT_SHORT = 1.2
_HINT_UNSUPPORTED = 0.4


def _hint_weight(supported: bool, n_words: int) -> float:
    return _HINT_WEIGHT + _HINT_SHORT / max(n_words, 1) if supported else _HINT_UNSUPPORTED


def _decide(scores: dict[str, float], hint: str | None, hint_weight: float = _HINT_WEIGHT) -> Detection:
    if hint in scores:
        scores[hint] += hint_weight
    best = max(scores, key=scores.__getitem__)
    top = scores[best]
    total = sum(math.exp(score - top) for score in scores.values())
    return Detection(best, round(1.0 / total, 3))
