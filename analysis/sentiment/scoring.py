"""Sentiment scoring: find the lexicon's terms in an answer, then apply negation, "but", wishes and tone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.sentiment.lexicon import _Entry, _fold, _Lexicon, _lookup
from analysis.text import _TOKEN, expand_text_speak

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

# Clause ends: Latin, Arabic, Urdu, Devanagari/Bengali danda, CJK punctuation (NFKC has already turned
# full-width commas and the like into ASCII).
_CLAUSE = re.compile(
    r"[.!?;:,\n()\[\]\"\u060c\u061b\u061f\u06d4\u0964\u0965\u3001\u3002\uff61\uff64]+|\s[-\u2013\u2014]+\s"
)

#: A symbol the tokeniser keeps as a token of its own and answers don't use: it marks clause ends.
_BREAK = "\u2627"
_BREAK_SPACED = f" {_BREAK} "

#: text._TOKEN for ASCII text with break markers: the marker is the only non-ASCII token it can meet.
_ASCII_WORDS = re.compile(rf"[^\W_]+(?:['-][^\W_]+)*|{_BREAK}")

_CONTRAST = _Entry("BUT", 0.0, 0.0, None)


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    clause: int
    entry: _Entry
    text: str


def _word_items(lex: _Lexicon, text: str) -> list[_Item]:
    # One tokenising pass: clause ends become a marker token, so a modifier never reaches across them.
    # ``text`` is already normalised, so the shared tokeniser's pattern applies directly (tokens() would
    # normalise it a second time, a quarter of our time budget).
    folded = _fold(text) if lex.fold else text
    # ASCII answers (most) are split by the shorter pattern that gives the same words, plus the break marker.
    words = (_ASCII_WORDS if folded.isascii() else _TOKEN).findall(_CLAUSE.sub(_BREAK_SPACED, folded))
    if lex.textspeak:
        words = expand_text_speak(words)
    items: list[_Item] = []
    phrases = lex.phrase_index
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
        following = phrases.get(word)
        if following is not None and i + 1 < count:
            # Only the phrases whose second word comes next can match (every phrase has two words or more).
            for phrase, entry in following.get(words[i + 1], ()):
                size = len(phrase)
                if tuple(words[i : i + size]) == phrase:
                    items.append(_Item(i, i + size, clause, entry, " ".join(phrase)))
                    i += size
                    break
            else:
                following = None
            if following is not None:
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
    lone_negators = set()
    for item in items:
        kind, fallback = item.entry.kind, item.entry.fallback
        reach = 2 if kind == "INT" else window if kind == "NEG" else 0
        if fallback and reach and not any(item.end + gap in valence_at for gap in range(reach)):
            item.entry = _Entry("V", fallback, 0.0, None)
            if kind == "NEG":
                lone_negators.add(item.start)
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
            if item.start in lone_negators:
                break  # negative concord: "nu face nimeni nimic", "don't help nobody" deny once, not twice
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
