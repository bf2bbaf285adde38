"""One answer's words as the name rules see them: case, possessives, sentence starts, places, ordinary words."""

from __future__ import annotations

from analysis.redact.cues import (
    _BREAK,
    _CAMEL,
    _CAMEL_PREFIXES,
    _CONTRACTIONS,
    _ENGLISH_HINTS,
    _EPONYMS,
    _LIST_WORDS,
    _PERSON_AFTER,
    _PERSON_VERBS,
    _SUFFIXES,
    _THIRD_PERSON,
    _TITLES,
    _TOKEN,
)
from analysis.redact.lexicon import _NEVER, _lexicon_tags
from analysis.redact.wordlists import _lists


class _Tok:
    """One word of an answer, with the facts the name rules ask about (built only for words worth a look)."""

    __slots__ = ("cap", "caps", "end", "low", "lower", "place", "possessive", "sentence_start", "start", "word")

    def __init__(self, start: int, end: int, word: str, low: str, sentence_start: bool, place: bool) -> None:
        self.possessive = len(word) > 3 and word[-2:] in ("'s", "’s")
        if self.possessive:
            word, end = word[:-2], end - 2
        self.start, self.end, self.word, self.low = start, end, word, low
        self.caps = len(word) > 1 and word.isupper()
        self.cap = word[0].isupper() and not self.caps
        self.lower = word.islower()
        self.sentence_start = sentence_start
        self.place = place


class _Answer:
    """The words of one answer and the facts the name rules ask about them (looked at lazily, word by word)."""

    def __init__(self, text: str) -> None:
        lists = _lists()
        self.first, self.surnames, self.names = lists.first, lists.surnames, lists.names
        self.ambiguous, self.places, self.common = lists.ambiguous, lists.places, lists.common
        self.text = text
        self.matches = list(_TOKEN.finditer(text))
        folded = text.lower().replace("’", "'")  # same length, so the offsets still hold
        # Lower-casing ASCII keeps every word boundary, so there the folded text splits into the same words.
        spans = (m.span() for m in self.matches)
        lows = _TOKEN.findall(folded) if text.isascii() else [folded[a:b] for a, b in spans]
        if "'s" in folded:
            lows = [low[:-2] if low.endswith("'s") and len(low) > 3 else low for low in lows]
        self.lows = lows
        self.n = len(self.matches)
        self._toks: dict[int, _Tok] = {}
        self._english: bool | None = None
        self._shouting: bool | None = None
        self._in_place: set[int] | None = None

    def _place_words(self) -> set[int]:
        """Indices of the words of multi-word places ("Moss Side", "Cheetham Hill Road")."""
        phrases = _lists().phrases
        lows = self.lows
        marked: set[int] = set()
        if phrases.keys().isdisjoint(lows):
            return marked
        for i, low in enumerate(lows):
            for phrase in phrases.get(low, ()):
                if tuple(lows[i : i + len(phrase)]) == phrase:
                    marked.update(range(i, i + len(phrase)))
        return marked

    def tok(self, i: int) -> _Tok:
        tok = self._toks.get(i)
        if tok is None:
            match = self.matches[i]
            start = match.start()
            sentence_start = i == 0 or self._breaks(i)
            if self._in_place is None:
                self._in_place = self._place_words()
            tok = _Tok(start, match.end(), match.group(), self.lows[i], sentence_start, i in self._in_place)
            self._toks[i] = tok
        return tok

    def _breaks(self, i: int) -> bool:
        """Say whether a sentence may start between word ``i - 1`` and word ``i``."""
        end = self.matches[i - 1].end()
        start = self.matches[i].start()
        if _BREAK.search(self.text, end, start) is None:
            return False
        # "Mrs. Williams", "J. Smith": the full stop of a title or an initial ends no sentence.
        previous = self.matches[i - 1].group()
        return not (
            self.text[end:start].strip() == "."
            and (self.lows[i - 1] in _TITLES or (len(previous) == 1 and previous.isupper()))
        )

    def _initial(self, i: int) -> bool:
        """Say whether word ``i`` is an initial right before a name ("J. Smith"), not "I" or "A"."""
        word = self.matches[i].group()
        gap = self.text[self.matches[i].end() : self.matches[i + 1].start()]
        return len(word) == 1 and word.isupper() and word not in "IA" and gap in (" ", ". ", ".")

    def shouting(self) -> bool:
        """Say whether the answer is written in capitals (then "KYLE" is a name; elsewhere "TIA" is an acronym)."""
        if self._shouting is None:  # asked once per capitalised word ("GP", "NHS"): count the letters once
            letters = [char for char in self.text if char.isalpha()]
            self._shouting = sum(1 for char in letters if char.isupper()) * 2 >= len(letters)
        return self._shouting

    def english(self) -> bool:
        """Say whether the answer reads as English (lower-case names are only trusted there)."""
        if self._english is None:
            hits = sum(1 for low in self.lows if low in _ENGLISH_HINTS)
            if hits >= 2 or (hits and self.n <= 6):
                self._english = True
            else:
                # Few function words ("kyle n tyler got jumped outside tesco"): mostly English words will do.
                others = [low for low in self.lows if low not in self.names]
                known = sum(1 for low in others if low in self.common)
                self._english = bool(others) and known * 10 >= len(others) * 6
        return self._english

    def known(self, tok: _Tok) -> bool:
        return tok.low in self.names and tok.low not in self.ambiguous

    def ordinary(self, tok: _Tok) -> bool:
        """Say whether ``tok`` is an ordinary word, allowing for plurals and -ed/-ing/-ly/-er forms."""
        low = tok.low
        if low in self.common or low in _NEVER or low in _EPONYMS:
            return True
        if "-" in low:  # "Thank-you", "Jan-June" (but not "Sarah-Jane")
            parts = low.split("-")
            return all(part in self.common or part in self.places for part in parts if part)
        for suffix, repl in _SUFFIXES:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3 and low[: -len(suffix)] + repl in self.common:
                return True
        return False

    def blocked(self, tok: _Tok) -> bool:
        """Say whether ``tok`` can never be a name: too short, a pronoun, a contraction, an acronym, in [brackets]."""
        low = tok.low
        if len(low) < 2 or low in _NEVER or low in _TITLES or not low[0].isalpha() or low.endswith(_CONTRACTIONS):
            return True
        word = tok.word
        if len(word) > 2 and word[:2].isalpha() and word[:2].isupper() and not word.isupper():
            return True  # "PTs", "GPs", "CCo": acronyms with a tail
        if _CAMEL.search(word) and not word.lower().startswith(_CAMEL_PREFIXES):
            return True  # "TeesTo", "MyMate": words run together (but "McDonald", "DeShawn" are names)
        # "[name redacted]", "[Redacted]", our own "[NAME]": already anonymised.
        opening = self.text.rfind("[", max(0, tok.start - 30), tok.start)
        return opening != -1 and "]" not in self.text[opening : tok.start] and "]" in self.text[tok.end : tok.end + 30]

    def _verb(self, i: int) -> bool:
        """Say whether word ``i`` reads as a verb or an adverb ("lost", "doesn't", "never", "wants")."""
        low = self.lows[i]
        if low in _PERSON_VERBS or low.endswith("n't") or low in _PERSON_AFTER:
            return low not in _LIST_WORDS and low not in ("from", "in", "who")
        return low in _lexicon_tags()[2]

    def _third_person_after(self, i: int) -> bool:
        """Say whether "he", "she", "his" or "her" comes within five words of ``i``, in the same sentence."""
        for j in range(i, min(self.n, i + 5)):
            if self.lows[j] in _THIRD_PERSON:
                return self._joined(i - 1, j)
        return False

    def _joined(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return not _BREAK.search(self.text, self.tok(lo).end, self.tok(hi).start)
