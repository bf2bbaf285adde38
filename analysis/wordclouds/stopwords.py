"""Stop words of the survey languages, normalised as ``analysis.text.tokens`` makes words."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import stopwordsiso
from wordcloud import STOPWORDS as _WORDCLOUD_STOPWORDS

from analysis.text import tokens

#: The survey languages whose stop words are dropped from every cloud.
LANGUAGES = ("en", "ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa", "zh", "so")

_DATA = Path(__file__).parent.parent / "data" / "stopwords"


def _read_list(name: str) -> set[str]:
    path = _DATA / name
    if not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return words


def _keys(words: Iterable[str]) -> set[str]:
    """Return the single-token normalised forms of ``words`` (multi-word entries can never match a token)."""
    out = set()
    for word in words:
        found = tokens(word)
        if len(found) == 1:
            out.add(found[0])
    return out


@lru_cache(maxsize=64)
def stopwords_for(language: str) -> frozenset[str]:
    """Return the stop words of an ISO 639-1 language, normalised as ``analysis.text.tokens`` makes words."""
    lang = str(language or "").strip().lower().replace("_", "-").split("-")[0]
    if not lang.isalpha():
        return frozenset()
    words: set[str] = set()
    if stopwordsiso.has_lang(lang):
        words |= set(stopwordsiso.stopwords(lang))
    if lang == "en":
        words |= set(_WORDCLOUD_STOPWORDS)
    words |= _read_list(f"{lang}.add.txt")
    return frozenset(_keys(words) - _keys(_read_list(f"{lang}.keep.txt")))


@lru_cache(maxsize=1)
def _cloud_stopwords() -> frozenset[str]:
    """Return the stop words of every survey language, less English content words they collide with."""
    union: set[str] = set()
    for lang in LANGUAGES:
        union |= stopwords_for(lang)
    return frozenset(union - _keys(_read_list("cloud.keep.txt")))
