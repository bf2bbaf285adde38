"""A second opinion for the safeguarding rules: a word model learnt from labelled answers.

The rules recognise the *shapes* of a disclosure and explain themselves, but measured on answers written by
someone else they miss about half of the disclosures whose wording they did not foresee (recall 0.51 on
bench/data/safeguarding-blind-2.csv). A logistic regression over words and word pairs, learnt from about
2,500 labelled answers, knows which words disclosures share ("tablets", "mums boyfriend", "dont tell",
"wardrobe") whatever their shape. An answer the rules leave alone is flagged when the model's probability
reaches the threshold stored with the weights, and the evidence is the words that weighed most.

The weights (``data/safeguarding/model.json``) are written by ``python -m analysis.safeguarding.train`` from
CSV files in the repository; scoring needs no library beyond the standard one: a sum over the answer's words.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.safeguarding.rules import _DATA_DIR
from analysis.text import normalise

MODEL_PATH = _DATA_DIR / "model.json"

#: Answers shorter than this many words are left to the rules: two or three words carry too little to weigh.
MIN_WORDS = 4

#: Fewer known features than this and the model abstains ("Mama kupuje mi prezenty": only "mama", "mi" known).
MIN_KNOWN = 5

#: Words (letters and digits in any script, with an inner apostrophe) and single emoji.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def features(text: str) -> list[str]:
    """Return the model's features of an answer: its lower-case words and each pair of neighbouring words."""
    words = _WORD.findall(normalise(text).lower())
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass(frozen=True)
class Model:
    """Learnt weights: for each feature its inverse document frequency and its coefficient."""

    idf: dict[str, float]
    coef: dict[str, float]
    intercept: float
    threshold: float
    explains: frozenset[str]  # features worth quoting as evidence (not stop words alone)

    def score(self, text: str) -> tuple[float, tuple[str, ...]]:
        """Return the probability that ``text`` is a disclosure and the features that pushed it up most.

        The sum mirrors scikit-learn's TfidfVectorizer (sublinear tf, l2 norm) and LogisticRegression.
        """
        found = features(text)
        if len(found) < 2 * MIN_WORDS - 1:  # n words make 2n - 1 features
            return 0.0, ()
        counts: dict[str, int] = {}
        for feature in found:
            if feature in self.idf:
                counts[feature] = counts.get(feature, 0) + 1
        if len(counts) < MIN_KNOWN:
            return 0.0, ()  # mostly words the model never saw: its few known words would weigh far too much
        weights = {feature: (1 + math.log(n)) * self.idf[feature] for feature, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        parts = {feature: w / norm * self.coef.get(feature, 0.0) for feature, w in weights.items()}
        z = self.intercept + sum(parts.values())
        quotable = (feature for feature, part in parts.items() if part > 0 and feature in self.explains)
        top = sorted(quotable, key=parts.__getitem__, reverse=True)[:3]
        return 1 / (1 + math.exp(-z)), tuple(top)


@lru_cache(maxsize=1)
def load() -> Model | None:
    """Load the shipped weights, or None when the file is missing (the rules then work alone)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    vocabulary = data["features"]
    return Model(
        idf={feature: values[0] for feature, values in vocabulary.items()},
        coef={feature: values[1] for feature, values in vocabulary.items() if values[1]},
        intercept=data["intercept"],
        threshold=data["threshold"],
        explains=frozenset(feature for feature, values in vocabulary.items() if len(values) == 2),
    )
