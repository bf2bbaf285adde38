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


def tfidf(text: str, idf: Mapping[str, float]) -> dict[str, float]:
    """Return the l2-normalised tf-idf weights of the answer's features the model knows (empty if none)."""
    counts: dict[str, int] = {}
    for feature in features(text):
        if feature in idf:
            counts[feature] = counts.get(feature, 0) + 1
    weights = {feature: (1 + math.log(n)) * idf[feature] for feature, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {feature: w / norm for feature, w in weights.items()} if norm else {}
