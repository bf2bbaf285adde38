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
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.text import _TOKEN, expand_text_speak, normalise, tokens

__all__ = ["LANGUAGES", "NEGATIVE", "NEUTRAL", "POSITIVE", "Sentiment", "sentiment"]

NEGATIVE = "negative"
NEUTRAL = "neutral"
POSITIVE = "positive"

DATA = Path(__file__).parent / "data" / "sentiment"
#: Languages with a lexicon (besides the emoji lexicon shared by all).
LANGUAGES = ("en", "ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa", "zh", "so")

#: Scores in (LOWER, UPPER) are neutral. Chosen on the dev set by split-half (see bench/sentiment.py).
LOWER = -0.2
UPPER = 0.25
#: s / sqrt(s^2 + ALPHA) maps the summed valence to -1..1 (VADER's normalisation, with a smaller alpha
#: because our valences are on a -3..3 scale and answers are short).
ALPHA = 6.0
#: A negated positive ("don't feel safe", "no one listens") is about as strong as the positive was:
#: in complaints this is how young people say it. A negated negative ("not bad") is only mildly positive.
NEGATED_POSITIVE = -0.9
NEGATED_NEGATIVE = -0.45
#: Words before "but" count half, words after count one and a half (as in VADER).
BEFORE_BUT = 0.5
AFTER_BUT = 1.5
#: A good thing the writer wishes for ("a safe place to go", "more youth clubs") is not a good thing
#: they have, so it counts little; a problem named inside a wish still counts in full.
WISHED_POSITIVE = 0.25
#: "lol", "haha": the writer is joking or shrugging, so the feeling is weaker.
LIGHT_TONE = 0.6
#: A resource named as missing ("no youth club", "lights are out", "nowhere safe to go") is a problem;
#: named on its own ("a youth club") it is nearly neutral.
MISSING_RESOURCE = -1.2
INTENSIFY = 1.5
DAMPEN = 0.6
EVIDENCE_MAX = 6

# Clause ends: Latin, Arabic, Urdu, Devanagari/Bengali danda, CJK punctuation (NFKC has already turned
# full-width commas and the like into ASCII).
_CLAUSE = re.compile(
    r"[.!?;:,\n()\[\]\"\u060c\u061b\u061f\u06d4\u0964\u0965\u3001\u3002\uff61\uff64]+|\s[-\u2013\u2014]+\s"
)
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
_TAGS = {"NEG", "NEGP", "INT", "DIM", "BUT", "WISH", "SARC", "LIGHT"}
#: A symbol the tokeniser keeps as a token of its own and answers don't use: it marks clause ends.
_BREAK = "\u2627"
_BREAK_SPACED = f" {_BREAK} "
#: Latin letters with no decomposition, folded by hand.
_UNACCENT = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def _fold(text: str) -> str:
    """Drop accents from Latin letters ("bezpieczeństwo" -> "bezpieczenstwo", "siguranță" -> "siguranta")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(_UNACCENT))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(frozen=True)
class Sentiment:
    """How the writer feels: a label, a score in -1..1 and the words or phrases that drove it."""

    label: str
    score: float
    evidence: tuple[str, ...]


NOTHING = Sentiment(NEUTRAL, 0.0, ())


@dataclass(frozen=True)
class _Entry:
    kind: str  # "V" (valence) or one of _TAGS
    value: float  # valence, or the factor of INT/DIM
    fallback: float  # valence of a NEG/INT word that modifies nothing ("dead" alone = boring)
    negated: float | None  # valence when negated, if not the usual flip: a problem noun (suffix !)
    # stops counting ("not in a gang"); a missing resource (suffix ~) is a problem ("no youth club")


_CONTRAST = _Entry("BUT", 0.0, 0.0, None)


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


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    clause: int
    entry: _Entry
    text: str


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
    for options in lex.phrases.values():
        options.sort(key=lambda option: len(option[0]), reverse=True)
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


def _word_items(lex: _Lexicon, text: str) -> list[_Item]:
    # One tokenising pass: clause ends become a marker token, so a modifier never reaches across them.
    # ``text`` is already normalised, so the shared tokeniser's pattern applies directly (tokens() would
    # normalise it a second time, a quarter of our time budget).
    words = _TOKEN.findall(_CLAUSE.sub(_BREAK_SPACED, _fold(text) if lex.fold else text))
    if lex.textspeak:
        words = expand_text_speak(words)
    items: list[_Item] = []
    phrases = lex.phrases
    exact = lex.words.get
    slow = bool(lex.prefix_lengths or lex.strip)
    clause = clause_start = 0
    count = len(words)
    i = 0
    while i <= count:
        word = words[i] if i < count else _BREAK
        if word == _BREAK:
            # "..., police came quick tho": a trailing "tho" makes its clause the one after "but".
            if lex.textspeak and clause and i - clause_start > 1 and words[i - 1] in ("tho", "though"):
                items.append(_Item(clause_start, clause_start, clause, _CONTRAST, "tho"))
            clause += 1
            clause_start = i + 1
            i += 1
            continue
        options = phrases.get(word)
        if options is not None:
            for phrase, entry in options:
                size = len(phrase)
                if tuple(words[i : i + size]) == phrase:
                    items.append(_Item(i, i + size, clause, entry, " ".join(phrase)))
                    i += size
                    break
            else:
                options = None
            if options is not None:
                continue
        entry = exact(word)
        if entry is None and slow:
            entry = _lookup(lex, word)
        if entry is not None:
            items.append(_Item(i, i + 1, clause, entry, word))
        i += 1
    return items


def _char_items(lex: _Lexicon, text: str) -> list[_Item]:
    clauses = [clause for clause in _CLAUSE.split(text) if clause.strip()]
    items: list[_Item] = []
    position = 0
    words = lex.words
    for clause_index, clause in enumerate(clauses):
        size = len(clause)
        i = 0
        while i < size:
            for length in range(min(lex.longest, size - i), 0, -1):
                entry = words.get(clause[i : i + length])
                if entry is not None:
                    items.append(
                        _Item(position + i, position + i + length, clause_index, entry, clause[i : i + length])
                    )
                    i += length
                    break
            else:
                i += 1
        position += size + 2
    return items


def _score(lex: _Lexicon, items: list[_Item]) -> tuple[float, list[tuple[float, str]]]:
    """Sum the valences of ``items`` after the rules; return the sum and each item's contribution."""
    valence_at = {item.start for item in items if item.entry.kind == "V"}
    window = lex.window
    # An INT/NEG word that modifies nothing counts as its fallback valence ("it's dead", "lack of it").
    for item in items:
        kind, fallback = item.entry.kind, item.entry.fallback
        reach = 2 if kind == "INT" else window if kind == "NEG" else 0
        if fallback and reach and not any(item.end + gap in valence_at for gap in range(reach)):
            item.entry = _Entry("V", fallback, 0.0, None)
    negators = [item for item in items if item.entry.kind in ("NEG", "NEGP")]
    sep = "" if lex.chars else " "
    modifiers = {item.end: item for item in items if item.entry.kind in ("INT", "DIM")}
    following = {}
    if lex.intensifiers == "both":
        following = {item.start: item for item in items if item.entry.kind in ("INT", "DIM")}
    pivot = -1  # position after which words dominate ("but")
    sarcastic = light = False
    wishes: set[int] = set()  # clauses with a wish word
    for item in items:
        kind = item.entry.kind
        if kind == "BUT":
            pivot = max(pivot, item.start)
        elif kind == "SARC":
            sarcastic = True
        elif kind == "LIGHT":
            light = True
        elif kind == "WISH":
            wishes.add(item.clause)
    total = 0.0
    contributions: list[tuple[float, str]] = []
    for item in items:
        entry = item.entry
        if entry.kind != "V" and not (entry.kind in ("SARC", "LIGHT") and entry.fallback):
            continue
        value = entry.fallback if entry.kind != "V" else entry.value
        text = item.text
        modifier = modifiers.get(item.start) or modifiers.get(item.start - 1) or following.get(item.end)
        if modifier is not None and modifier.clause == item.clause:
            value *= modifier.entry.value
            text = f"{text}{sep}{modifier.text}" if modifier.start >= item.end else f"{modifier.text}{sep}{text}"
        for negator in negators:
            # "without help" is a lack; "can't go out without someone starting on you" is no comfort.
            if negator.clause != item.clause or (negator.entry.kind == "NEGP" and value < 0):
                continue
            before = 0 <= item.start - negator.end < window and lex.negation != "after"
            after = 0 <= negator.start - item.end < window and lex.negation != "before"
            if before or after:
                if entry.negated is not None:
                    value = entry.negated
                else:
                    value *= NEGATED_POSITIVE if value > 0 else NEGATED_NEGATIVE
                text = f"{negator.text}{sep}{text}" if before else f"{text}{sep}{negator.text}"
                break
        if value > 0:
            if item.clause in wishes:
                value *= WISHED_POSITIVE
            if sarcastic:
                value = -value
        if pivot >= 0:
            value *= AFTER_BUT if item.start > pivot else BEFORE_BUT
        if light:
            value *= LIGHT_TONE
        if value:
            total += value
            contributions.append((value, text))
    return total, contributions


def _analyse(lex: _Lexicon, text: str) -> tuple[float, list[tuple[float, str]], bool]:
    items = _char_items(lex, text) if lex.chars else _word_items(lex, text)
    if not items:
        return 0.0, [], False
    found = any(item.entry.kind == "V" or item.entry.fallback for item in items)
    total, contributions = _score(lex, items)
    return total, contributions, found


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
    return Sentiment(label, round(score, 4), note + evidence)
