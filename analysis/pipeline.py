"""The whole analysis of an answer: language, redaction, themes, sentiment and safeguarding."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path

from analysis.codebook import DEFAULT_CODEBOOK, Codebook, load_codebook
from analysis.language import detect
from analysis.redact import blanked, redact
from analysis.safeguarding import flag, prepare
from analysis.sentiment import sentiment
from analysis.sentiment.model import load as load_sentiment_model
from analysis.text import clean, is_empty
from analysis.thememodel import load as load_theme_model
from analysis.themes import ThemeCoder, ThemeHit


@dataclass(frozen=True)
class CodedAnswer:
    """Everything the engine says about one answer."""

    id: str
    language: str
    themes: tuple[ThemeHit, ...]
    sentiment: str
    safeguarding: bool
    safeguarding_reasons: tuple[str, ...]
    safeguarding_evidence: tuple[str, ...]
    redacted_text: str
    #: True when the answer is in a language the codebook does not cover: a person should code it.
    needs_human: bool

    @property
    def theme_ids(self) -> tuple[str, ...]:
        """Return the ids of the themes found."""
        return tuple(hit.theme for hit in self.themes)

    def evidence(self) -> str:
        """Return a one-line account of why: each theme's words, the safeguarding triggers, human coding."""
        parts = [f"{hit.theme}: {', '.join(hit.evidence)} ({hit.confidence:.2f})" for hit in self.themes]
        if self.safeguarding:
            reasons = ", ".join(self.safeguarding_reasons)
            parts.append(f"safeguarding: {', '.join(self.safeguarding_evidence)} [{reasons}]")
        if self.needs_human:
            parts.append(f"needs human coding: language '{self.language}' is not covered by the codebook")
        return " | ".join(parts)

    def as_row(self) -> dict[str, str]:
        """Return the answer as a row of the coded-CSV contract."""
        return {
            "id": self.id,
            "themes": ";".join(self.theme_ids),
            "sentiment": self.sentiment,
            "safeguarding": "1" if self.safeguarding else "0",
            "language": self.language,
            "redacted_text": self.redacted_text,
            "evidence": self.evidence(),
        }


#: Every field of a CodedAnswer but its id, in order, to copy a cached answer under a new id.
_fields_after_id = attrgetter(*(field.name for field in fields(CodedAnswer)[1:]))


class Analyser:
    """Codes answers with one codebook; build once (it indexes the codebook), then code many."""

    #: Short answers repeat a lot ("nothing", "more police"): keep this many coded results.
    CACHE_SIZE = 20_000
    CACHE_MAX_CHARS = 200

    def __init__(self, codebook: Codebook | Path | str = DEFAULT_CODEBOOK) -> None:
        self.codebook = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
        self.themes = ThemeCoder(self.codebook, load_theme_model())
        self._cache: OrderedDict[tuple[str, str | None], CodedAnswer] = OrderedDict()
        # One-time loading done here, where a server pays it once at start, rather than on the first answers.
        prepare()
        load_sentiment_model()

    def code(self, text: object, answer_id: str = "", language_hint: str | None = None) -> CodedAnswer:
        """Code one answer. Never raises on odd input: empty, emoji-only or junk text is coded as nothing."""
        text = clean(text)
        if len(text) > self.CACHE_MAX_CHARS:
            return self._code(text, answer_id, language_hint)
        key = (text, language_hint)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._code(text, "", language_hint)
            if len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        # Built directly: dataclasses.replace costs twice as much, and every answer passes here.
        return CodedAnswer(answer_id, *_fields_after_id(cached))

    def _code(self, text: str, answer_id: str, language_hint: str | None) -> CodedAnswer:
        redaction = redact(text)
        language = detect(text, language_hint).code
        if is_empty(text):  # nothing to code, but "😡😡" still says how someone feels
            mood = sentiment(text, language).label if text.strip() else "neutral"
            return CodedAnswer(answer_id, language, (), mood, False, (), (), redaction.text, False)
        # Themes are read with personal details blanked: a name, an email at example.com or "pitch black" in a
        # street name is no evidence of a theme (a title is: "Coach"). Evidence goes through the mask, as the
        # answer does.
        hits = tuple(
            ThemeHit(h.theme, h.confidence, tuple(redaction.mask(e) for e in h.evidence))
            for h in self.themes.code(blanked(text, redaction), language)
        )
        concern = flag(text, language)
        # A disclosure a rule recognised is a bad situation, however calmly it is told ("mum hasn't been back
        # since Thursday, I'm looking after my sister"). The word model's guesses do not decide the mood.
        disclosed = concern.flagged and concern.reasons != ("possible_disclosure",)
        mood = "negative" if disclosed else self._mood(text, language)
        needs_human = language not in ("und", *self.codebook.languages)
        return CodedAnswer(
            answer_id,
            language,
            hits,
            mood,
            concern.flagged,
            concern.reasons,
            tuple(redaction.mask(e) for e in concern.evidence),
            redaction.text,
            needs_human,
        )

    @staticmethod
    def _mood(text: str, language: str) -> str:
        """Return the sentiment label: the rules' reading, refined by the learnt model where it is shipped."""
        reading = sentiment(text, language)
        model = load_sentiment_model()
        return reading.label if model is None else model.label(text, reading)

    def code_all(self, answers: Iterable[tuple[str, str, str | None]]) -> Iterator[CodedAnswer]:
        """Code ``(id, text, language hint)`` triples in order."""
        for answer_id, text, hint in answers:
            yield self.code(text, answer_id, hint or None)
