"""Sentiment of a free-text answer: negative, neutral or positive, with the words that drove it.

Codebook: how the writer feels about their situation or what they describe; mixed answers take the
feeling that dominates; balanced or factual ones are neutral. Answers are mostly about safety, so a
description of a problem ("dealers outside the shop", "nothing to do round here") is negative even
without a classic negative word, and a suggestion ("more lights would help") is neutral unless it
describes a problem.

The scorer is a lexicon with rules, one plain-text lexicon per language under
``analysis/data/sentiment/`` (format in ``en.txt``). Rules: phrases (longest match first), negation
(a negated positive becomes negative, a negated negative becomes mildly positive, a negated problem
noun just stops counting), intensifiers and dampeners, "but"-clauses (the clause after "but"
dominates), wishes and suggestions (a wished-for good thing is not a current good thing), missing
resources ("no youth club" is a problem), sarcasm markers (they turn praise into complaint),
light-tone markers ("lol"), emojis and UK youth slang.

Languages: en ur ar pl pa es bn pt it ro fa zh so. An answer whose stated language finds nothing but
is written in another script is read with that script's lexicons; a language with no lexicon gets
only its emojis read, and its evidence starts with "low confidence: ...". Measured against TextBlob
and VADER by ``bench/sentiment.py``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# DATA, _fold and _Entry are not used here but stay importable from analysis.sentiment (tests and
# bench/sentiment.py import them from here).
from analysis.sentiment.lexicon import DATA as DATA
from analysis.sentiment.lexicon import LANGUAGES, _lexicon
from analysis.sentiment.lexicon import _Entry as _Entry
from analysis.sentiment.lexicon import _fold as _fold
from analysis.sentiment.scoring import _analyse
from analysis.text import normalise

__all__ = ["LANGUAGES", "NEGATIVE", "NEUTRAL", "POSITIVE", "Sentiment", "sentiment"]

NEGATIVE = "negative"
NEUTRAL = "neutral"
POSITIVE = "positive"

#: Scores in (LOWER, UPPER) are neutral. Chosen on the dev set by split-half (see bench/sentiment.py).
LOWER = -0.2
UPPER = 0.25
#: s / sqrt(s^2 + ALPHA) maps the summed valence to -1..1 (VADER's normalisation, with a smaller alpha
#: because our valences are on a -3..3 scale and answers are short).
ALPHA = 6.0
EVIDENCE_MAX = 6

_SCRIPTS = (
    # (pattern, languages written in that script, lexicons to try): when the stated language's lexicon
    # finds nothing and the text is in another script. Latin text is most likely English.
    (re.compile(r"[\u0600-\u06ff]"), ("ur", "ar", "fa"), ("ur", "ar", "fa")),
    (re.compile(r"[\u0980-\u09ff]"), ("bn",), ("bn",)),
    (re.compile(r"[\u0a00-\u0a7f]"), ("pa",), ("pa",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("zh",), ("zh",)),
    (re.compile(r"[a-z]"), ("en", "pl", "ro", "es", "pt", "it", "so"), ("en",)),
)

#: Codes that name no language (ISO 639-2 "undetermined", "multiple", "no linguistic content").
_UNDETERMINED = frozenset({"und", "mul", "zxx"})


@dataclass(frozen=True)
class Sentiment:
    """How the writer feels: a label, a score in -1..1 and the words or phrases that drove it."""

    label: str
    score: float
    evidence: tuple[str, ...]
    #: What the score is made of: the sums of the positive and of the negative contributions (as positive
    #: numbers) and how many of each. The learnt model reads them ("great staff but the waiting" and "ok"
    #: can score alike).
    positive: float = 0.0
    negative: float = 0.0
    positives: int = 0
    negatives: int = 0


NOTHING = Sentiment(NEUTRAL, 0.0, ())


def _label(score: float) -> str:
    if score <= LOWER:
        return NEGATIVE
    if score >= UPPER:
        return POSITIVE
    return NEUTRAL


def _base_language(language: str | None) -> str:
    code = (language or "en").strip().lower().replace("_", "-").split("-")[0]
    return code or "en"


def _fallback(code: str, text: str) -> tuple[float, list[tuple[float, str]], bool]:
    """Score ``text`` with the lexicons of the script it is written in, when that is not ``code``'s script."""
    for pattern, written, candidates in _SCRIPTS:
        if code in written or not pattern.search(text):
            continue
        best: tuple[float, list[tuple[float, str]], bool] = (0.0, [], False)
        for other in candidates:
            other_lex = _lexicon(other)
            if other_lex is not None:
                result = _analyse(other_lex, text)
                if len(result[1]) > len(best[1]):
                    best = result
        if best[2]:
            return best
    return 0.0, [], False


def sentiment(text: str, language: str = "en") -> Sentiment:
    """Return the sentiment of one answer in ``language`` (an ISO 639-1 code)."""
    try:
        norm = normalise(text)
    except TypeError:  # unhashable junk (a list, a dict): analyse its text form
        norm = normalise(str(text))
    if not norm:
        return NOTHING
    code = _base_language(language)
    lex = _lexicon(code) if code in LANGUAGES else None
    note: tuple[str, ...] = ()
    if code in _UNDETERMINED:
        # No language given or detectable (often emoji or punctuation only): read by script.
        total, contributions, found = _fallback(code, norm)
        if not found:
            emoji = _lexicon("emoji")
            total, contributions, _ = _analyse(emoji, norm) if emoji is not None else (0.0, [], False)
    elif lex is None:
        # No lexicon for this language: only emojis can be read, and the caller is told.
        note = (f"low confidence: no sentiment lexicon for {code!r}",)
        emoji = _lexicon("emoji")
        total, contributions, _ = _analyse(emoji, norm) if emoji is not None else (0.0, [], False)
    else:
        total, contributions, found = _analyse(lex, norm)
        if not found:
            # A wrongly stated language ("en" for an Urdu answer, "ur" for an English one).
            total, contributions, found = _fallback(code, norm)
    if not contributions:
        return Sentiment(NEUTRAL, 0.0, note)
    score = total / math.sqrt(total * total + ALPHA)
    label = _label(score)
    sign = {NEGATIVE: -1, POSITIVE: 1, NEUTRAL: 0}[label]
    ranked = sorted(contributions, key=lambda c: -abs(c[0]))
    chosen = [words for value, words in ranked if sign == 0 or value * sign > 0]
    evidence = tuple(dict.fromkeys(chosen))[:EVIDENCE_MAX]
    ups = [value for value, _ in contributions if value > 0]
    downs = [-value for value, _ in contributions if value < 0]
    return Sentiment(label, round(score, 4), note + evidence, sum(ups), sum(downs), len(ups), len(downs))
