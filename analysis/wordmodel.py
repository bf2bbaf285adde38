"""What the project's word models read: an answer's words and neighbouring word pairs, weighted by tf-idf.

Both learnt models (safeguarding and sentiment) score an answer by the same features scikit-learn's
TfidfVectorizer gives them at training time (sublinear tf, l2 norm), so scoring needs no library.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

from analysis.text import tokens


def features(text: str) -> list[str]:
    """Return the features of an answer: its lower-case words and each pair of neighbouring words."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def known_counts(words: list[str], known: Mapping[str, object], pair_starts: frozenset[str]) -> dict[str, int]:
    """Count the answer's words and word pairs that ``known`` holds.

    ``pair_starts`` (the first words of the known pairs) spares building a pair string for most words:
    scoring every answer is the hot path.
    """
    counts: dict[str, int] = {}
    for word in words:
        if word in known:
            counts[word] = counts.get(word, 0) + 1
    for first, second in itertools.pairwise(words):
        if first in pair_starts:
            pair = f"{first} {second}"
            if pair in known:
                counts[pair] = counts.get(pair, 0) + 1
    return counts


def pair_starts(known: Mapping[str, object]) -> frozenset[str]:
    """Return the first words of the word pairs among ``known`` features."""
    return frozenset(feature.split(" ", 1)[0] for feature in known if " " in feature)


def tfidf(text: str, idf: Mapping[str, float], starts: frozenset[str]) -> dict[str, float]:
    """Return the l2-normalised tf-idf weights of the answer's features the model knows (empty if none).

    ``starts`` is ``pair_starts(idf)``, computed once by the caller.
    """
    counts = known_counts(tokens(text), idf, starts)
    weights = {feature: idf[feature] if n == 1 else (1 + math.log(n)) * idf[feature] for feature, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    if not norm:
        return {}
    scale = 1 / norm
    return {feature: w * scale for feature, w in weights.items()}


def stop_words() -> frozenset[str]:
    """Return the stop words of English and the survey languages, lower-cased like the features.

    Training marks features made of these alone: they count towards a score but are never quoted as evidence.
    """
    import stopwordsiso

    languages = ("en", "ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa", "so", "zh")
    return frozenset(
        word.lower() for lang in languages if stopwordsiso.has_lang(lang) for word in stopwordsiso.stopwords(lang)
    ) | frozenset(("im", "ive", "id", "ill", "dont", "cant", "u", "ur", "n"))
