"""Counting for a cloud: the words and two-word phrases of the answers, each counted once per answer."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

# _TOKEN is text.tokens' own pattern: we run it on text that is normalised WITHOUT the Arabic-letter fold
# so an Arabic word is drawn as it was written (مدرسة, not the folded مدرسه) while it is counted folded.
from analysis.text import _TOKEN, clean, expand_text_speak, tokens
from analysis.wordclouds.scripts import _script
from analysis.wordclouds.stopwords import _cloud_stopwords

#: A pair of words is drawn as one phrase when it is in at least this share of the answers that use the rarer
#: word, and at least PHRASE_SHARE_COMMON of those that use the commoner one (so "people" is not split up
#: into "people drinking", "people shouting" and so on), and in at least two answers.
PHRASE_SHARE = 0.5
PHRASE_SHARE_COMMON = 0.05
#: A run of Chinese characters longer than this is a phrase or sentence, not a word (no segmenter here).
MAX_HAN_WORD = 4

#: Redaction placeholders; replaced by a clause break so no phrase forms across them.
_PLACEHOLDER = re.compile(r"\[\s*(?:(?i:name|phone|email|e-mail|address|handle|postcode)|[A-Z][A-Z0-9_ -]{1,30})\s*\]")
#: Clause punctuation in the survey languages: two words either side of it never make a phrase.
_CLAUSE = re.compile(r"[.!?;:,()\[\]{}\"“”«»…|/\\\n\r\t،؛؟۔।。，！？；：、·•–—]+")
#: What text.normalise removes from Arabic script besides the letter fold (harakat, joiners).
_ARABIC_STRIP = str.maketrans({"\u200c": "", "\u200d": ""} | {chr(code): "" for code in range(0x064B, 0x0653)})
_ARABIC_FOLDED_FROM = re.compile("[يىكأإآٱةۀؤ]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")


def _surface_tokens(segment: str) -> list[str]:
    """Tokenise like ``analysis.text.tokens`` but keep Arabic letters as typed (for display only)."""
    text = unicodedata.normalize("NFKC", segment).casefold().translate(_APOSTROPHES).translate(_ARABIC_STRIP)
    return _TOKEN.findall(_SPACES.sub(" ", text).strip())


def _words_of(key: str, stop: frozenset[str]) -> tuple[str, ...]:
    """Return the words a token counts as: "" for a dropped one (stop word, number, emoji, single letter)."""
    if key in stop:
        return ("",)  # kept as a gap: a stop word breaks adjacency, so no phrase spans it
    out = []
    for word in expand_text_speak([key[:-2] if key.endswith("'s") else key]):
        # Chinese runs have no spaces: a long one is a phrase or sentence, not a word. Elsewhere one letter is noise.
        bad_length = len(word) > MAX_HAN_WORD if _script(word) == "han" else len(word) < 2
        useless = word in stop or bad_length or not any(char.isalpha() for char in word)
        out.append("" if useless else word)
    return tuple(out)


def _plural_map(vocabulary: Counter[str]) -> dict[str, str]:
    """Map English-style plurals to their singular when both forms are in ``vocabulary``."""
    mapping = {}
    for word in vocabulary:
        if len(word) < 4 or not word.endswith("s") or word.endswith("ss") or not word.isascii():
            continue
        singulars = []
        if word.endswith("ies"):
            singulars.append(word[:-3] + "y")  # communities -> community
        if word.endswith("ves"):
            singulars += [word[:-3] + "fe", word[:-3] + "f"]  # knives -> knife, thieves -> thief
        if word.endswith("es"):
            singulars.append(word[:-2])  # buses -> bus
        singulars.append(word[:-1])
        for singular in singulars:
            if singular in vocabulary:
                mapping[word] = singular
                break
    return mapping


def _rank(texts: Iterable[str], min_count: int) -> tuple[list[tuple[str, int]], list[str], int]:
    """Count the words and phrases of ``texts`` once per answer.

    :param texts: the answers (already a list or other iterable of strings, never one string).
    :param min_count: how many answers must use a word or phrase for it to be ranked.
    :return: (display form, answer count) pairs, most used first; notes for the reader; how many answers.
    """
    stop = _cloud_stopwords()
    answers: list[list[list[str]]] = []
    raw_df: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    long_han = False
    total = 0
    memo: dict[str, tuple[str, ...]] = {}  # token -> the words it counts as ("" = dropped); answers repeat words
    for raw in texts:
        total += 1
        text = _PLACEHOLDER.sub(" . ", clean(raw))
        segments: list[list[str]] = []
        for part in _CLAUSE.split(text):
            if not part or part.isspace():
                continue
            keys = tokens(part)
            shown = None
            if _ARABIC_FOLDED_FROM.search(part):
                shown = _surface_tokens(part)
                if len(shown) != len(keys):
                    shown = None  # the two tokenisations disagree: fall back to showing the folded form
            kept: list[str] = []
            for i, key in enumerate(keys):
                words = memo.get(key)
                if words is None:
                    words = memo[key] = _words_of(key, stop)
                    long_han = long_han or (len(key) > MAX_HAN_WORD and _script(key) == "han")
                kept.extend(words)
                if shown is not None and shown[i] != key and words == (key,) and _script(key) == "arabic":
                    surfaces.setdefault(key, Counter())[shown[i]] += 1
            if any(kept):
                segments.append(kept)
        if segments:
            answers.append(segments)
            raw_df.update({word for segment in segments for word in segment if word})

    notes: list[str] = []
    if long_han:
        notes.append(
            "Some Chinese text was left out: it is written without spaces, and this tool cannot split it into words."
        )

    # Fold plurals, then count each word and each adjacent pair once per answer.
    plural = _plural_map(raw_df)
    word_df: Counter[str] = Counter()
    pair_df: Counter[tuple[str, str]] = Counter()
    for segments in answers:
        for segment in segments:
            for i, word in enumerate(segment):
                segment[i] = plural.get(word, word)
        word_df.update({word for segment in segments for word in segment if word})
        pair_df.update({pair for segment in segments for pair in pairwise(segment) if all(pair)})
    phrases = set()
    for (first, second), count in pair_df.items():
        rarer, commoner = sorted((word_df[first], word_df[second]))
        if (
            count >= max(min_count, 2)
            and first != second
            and count >= PHRASE_SHARE * rarer
            and count >= PHRASE_SHARE_COMMON * commoner
        ):
            phrases.add((first, second))

    counts: Counter[str | tuple[str, str]] = Counter()
    if phrases:
        for segments in answers:
            units: set[str | tuple[str, str]] = set()
            for segment in segments:
                i = 0
                while i < len(segment):
                    if i + 1 < len(segment) and (segment[i], segment[i + 1]) in phrases:
                        units.add((segment[i], segment[i + 1]))
                        i += 2
                        continue
                    if segment[i]:
                        units.add(segment[i])
                    i += 1
            counts.update(units)
    else:
        counts.update(word_df)

    # Show each word in the form people typed most: the commonest plural/singular, Arabic letters unfolded.
    forms: dict[str, tuple[int, str]] = {}
    for word, count in raw_df.items():
        key = plural.get(word, word)
        if key not in forms or count > forms[key][0]:
            forms[key] = (count, word)

    def display(unit: str | tuple[str, str]) -> str:
        if isinstance(unit, tuple):
            return f"{display(unit[0])} {display(unit[1])}"
        typed = forms.get(unit, (0, unit))[1]
        seen = surfaces.get(typed)
        return seen.most_common(1)[0][0] if seen else typed

    ranked = sorted(
        ((display(u), n) for u, n in counts.items() if n >= min_count), key=lambda item: (-item[1], item[0])
    )
    return ranked, notes, total
