"""Theme coding: find each theme's evidence in an answer, in its language and in English.

Evidence is looked up word by word in an index built once from the codebook: exact words, word
prefixes (``stab*``), lemmas (simplemma, for inflected languages) and Arabic words without their
attached prefixes. Chinese terms are found as substrings. A theme applies whatever the stance, so
negation never removes it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from analysis.codebook import Codebook, Term
from analysis.text import expand_text_speak, normalise, tokens
from analysis.thememodel import ThemeModel

#: How much one hit counts: a strong term alone codes a theme; a weak one needs company.
STRONG_WEIGHT = 0.9
WEAK_WEIGHT = 0.45
THRESHOLD = 0.5
#: Languages matched by lemma as well (simplemma). Only English: for the others the codebook uses
#: prefixes (`noż*`), which measured the same on the dev set, while simplemma's dictionaries cost
#: memory (Polish alone 408 MB, Spanish and Portuguese about 100 MB each; English 25 MB).
LEMMA_LANGUAGES = frozenset({"en"})
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "کال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "ک")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True)
class ThemeHit:
    """A theme found in an answer, how sure the coder is, and the words that triggered it."""

    theme: str
    confidence: float
    evidence: tuple[str, ...]


@dataclass
class _Index:
    """The evidence of one language, indexed by the first word of each term."""

    exact: dict[str, list[tuple[str, Term]]] = field(default_factory=lambda: defaultdict(list))
    prefix: dict[str, list[tuple[str, Term]]] = field(default_factory=lambda: defaultdict(list))
    prefix_lengths: set[int] = field(default_factory=set)
    pairs: dict[tuple[str, ...], list[tuple[str, Term]]] = field(default_factory=lambda: defaultdict(list))
    pair_firsts: frozenset[str] = frozenset()  # first words of ``pairs``: most words start none
    substrings: list[tuple[str, Term]] = field(default_factory=list)
    substring_pattern: re.Pattern[str] | None = None
    candidates: dict[tuple[str, ...], list[tuple[str, Term]]] = field(default_factory=dict)
    #: word -> (its forms, the terms they start, those forms that start a word pair): one lookup a word
    words: dict[str, tuple[tuple[str, ...], list[tuple[str, Term]], tuple[str, ...]]] = field(default_factory=dict)


@lru_cache(maxsize=200_000)
def _lemma(word: str, language: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=language).casefold()
    except ValueError:
        return word


@lru_cache(maxsize=200_000)
def _variants(word: str, language: str) -> tuple[str, ...]:
    """Return the forms a word is looked up by: itself, its lemma, and without Arabic prefixes."""
    forms = [word]
    if "-" in word:  # "drug-related" is also "drug"
        forms.extend(part for part in word.split("-") if part)
    if language in LEMMA_LANGUAGES and word.isalpha():
        lemma = _lemma(word, language)
        if lemma != word:
            forms.append(lemma)
    if language == "ar" and _ARABIC_SCRIPT.match(word):  # Urdu and Persian do not attach these prefixes
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                forms.append(word[len(prefix) :])
    return tuple(forms)


def _outermost(spans: list[tuple[str, int, int, bool]]) -> list[tuple[str, int, int, bool]]:
    """Drop a match inside a longer match of another theme: "community centre" is a youth space,
    so its "community" does not also code community, and "after school" is not about school."""
    return [
        span
        for span in spans
        if not any(
            other[0] != span[0]
            and other[1] <= span[1]
            and other[2] >= span[2]
            and other[2] - other[1] > span[2] - span[1]
            for other in spans
        )
    ]


def _word_matches(forms: tuple[str, ...], word: str, is_prefix: bool) -> bool:
    if is_prefix:
        return any(form.startswith(word) for form in forms)
    return word in forms


class ThemeCoder:
    """Codes answers with a codebook's themes; build once, use for many answers."""

    def __init__(self, codebook: Codebook, model: ThemeModel | None = None) -> None:
        """Index ``codebook``'s evidence; ``model`` (analysis.thememodel) adds a second signal when its themes
        are the codebook's own."""
        self.codebook = codebook
        self._theme_ids = codebook.theme_ids  # a property that builds its tuple on every call
        self.model = model if model is not None and model.themes == self._theme_ids else None
        self._indexes: dict[str, _Index] = {}
        for theme in codebook.themes:
            for language, terms in theme.evidence.items():
                index = self._indexes.setdefault(language, _Index())
                for term in terms:
                    if language == "zh":
                        index.substrings.append((theme.id, term))
                    elif term.prefix[0]:
                        index.prefix[term.words[0]].append((theme.id, term))
                        index.prefix_lengths.add(len(term.words[0]))
                    elif len(term.words) > 1 and not term.prefix[1]:
                        # Phrases are found by their first two words: "i" alone starts hundreds of them.
                        index.pairs[term.words[:2]].append((theme.id, term))
                    else:
                        index.exact[term.words[0]].append((theme.id, term))
        for language in LEMMA_LANGUAGES & self._indexes.keys():
            # Loads simplemma's dictionary now (English about 0.15 s) rather than on the first answer.
            simplemma.lemmatize("answers", lang=language)
        for index in self._indexes.values():
            index.pair_firsts = frozenset(first for first, _second in index.pairs)
            if index.substrings:
                alternatives = sorted({t.words[0] for _theme, t in index.substrings}, key=len, reverse=True)
                index.substring_pattern = re.compile("|".join(map(re.escape, alternatives)))

    def covers(self, language: str) -> bool:
        """Say whether the codebook's evidence is complete enough to code ``language``."""
        return language in self.codebook.languages

    def code(self, text: str, language: str = "en") -> list[ThemeHit]:
        """Return the themes found in ``text`` (in codebook order), each with confidence and evidence."""
        words = tokens(text)
        if not words:
            return []
        learnt = self.model.probabilities(words) if self.model is not None else {}
        if language == "en" or language not in self._indexes:
            words = expand_text_speak(words)
        languages = [language] if language in self._indexes else []
        if language != "en":
            languages.append("en")  # English words and loanwords turn up in every language
        spans: list[tuple[str, int, int, bool]] = []  # theme, start, end, weak
        found: dict[str, dict[str, bool]] = defaultdict(dict)  # theme -> evidence -> weak
        for code in languages:
            index = self._indexes.get(code)
            if index is None:
                continue
            records = index.words
            looked = [records.get(word) or self._look_up(index, word, code) for word in words]
            forms = [record[0] for record in looked]
            last = len(words) - 1
            for position, (_forms, candidates, pair_firsts) in enumerate(looked):
                following = forms[position + 1] if position < last else ()
                for theme, term in candidates:
                    if len(term.words) == 1:
                        spans.append((theme, position, position + 1, term.weak))
                    # Most phrases fail on their second word: test it here before the full check.
                    elif (term.prefix[1] or term.words[1] in following) and self._phrase_at(term, forms, position):
                        spans.append((theme, position, position + len(term.words), term.weak))
                if following and index.pairs:
                    for first in pair_firsts:
                        for second in following:
                            for theme, term in index.pairs.get((first, second), ()):
                                if len(term.words) == 2 or self._phrase_at(term, forms, position):
                                    spans.append((theme, position, position + len(term.words), term.weak))
            if index.substring_pattern is not None:
                self._substrings(index, normalise(text), found)
        for theme, start, end, weak in _outermost(spans):
            surface = " ".join(words[start:end])
            found[theme][surface] = found[theme].get(surface, True) and weak
        return self._hits(found, learnt)

    @classmethod
    def _look_up(
        cls, index: _Index, word: str, language: str
    ) -> tuple[tuple[str, ...], list[tuple[str, Term]], tuple[str, ...]]:
        """Return a word's forms, the terms they start and the forms that start a word pair (kept for next time)."""
        forms = _variants(word, language)
        record = (forms, cls._candidates(index, forms), tuple(form for form in forms if form in index.pair_firsts))
        if len(index.words) < 100_000:  # words repeat a lot: look each one up once
            index.words[word] = record
        return record

    @staticmethod
    def _candidates(index: _Index, forms: tuple[str, ...]) -> list[tuple[str, Term]]:
        cached = index.candidates.get(forms)
        if cached is not None:
            return cached
        out: list[tuple[str, Term]] = []
        for form in forms:
            out.extend(index.exact.get(form, ()))
            for length in index.prefix_lengths:
                if length <= len(form):
                    out.extend(index.prefix.get(form[:length], ()))
        if len(index.candidates) < 100_000:  # words repeat a lot: look each one up once
            index.candidates[forms] = out
        return out

    @staticmethod
    def _phrase_at(term: Term, forms: list[tuple[str, ...]], position: int) -> bool:
        if position + len(term.words) > len(forms):
            return False
        for offset in range(1, len(term.words)):
            if not _word_matches(forms[position + offset], term.words[offset], term.prefix[offset]):
                return False
        return True

    @staticmethod
    def _substrings(index: _Index, folded: str, found: dict[str, dict[str, bool]]) -> None:
        assert index.substring_pattern is not None
        present = set(index.substring_pattern.findall(folded))
        for theme, term in index.substrings:
            if term.words[0] in present:
                found[theme][term.words[0]] = found[theme].get(term.words[0], True) and term.weak

    def _hits(
        self, found: dict[str, dict[str, bool]], learnt: dict[str, tuple[float, Callable[[], tuple[str, ...]]]]
    ) -> list[ThemeHit]:
        """Combine the codebook's evidence with the model's probabilities (those at or above its ``confirm``).

        Evidence enough codes a theme; weak evidence the model confirms does too; with no evidence at all, the
        model adds a theme only from its ``add`` probability, quoting the words that weighed most.
        """
        hits: list[ThemeHit] = []
        if not found and not learnt:
            return hits
        for theme in self._theme_ids:
            evidence = found.get(theme)
            opinion = learnt.get(theme)
            if evidence:
                missing = 1.0
                for weak in evidence.values():
                    missing *= 1 - (WEAK_WEIGHT if weak else STRONG_WEIGHT)
                confidence = round(1 - missing, 3)
                if confidence >= THRESHOLD:
                    hits.append(ThemeHit(theme, confidence, tuple(evidence)))
                elif opinion is not None:
                    hits.append(ThemeHit(theme, round(opinion[0], 3), tuple(evidence)))
            elif opinion is not None and self.model is not None and opinion[0] >= self.model.add:
                quoted = opinion[1]()
                if quoted:
                    hits.append(ThemeHit(theme, round(opinion[0], 3), quoted))
        return hits
