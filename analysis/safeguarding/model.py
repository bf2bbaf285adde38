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

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from analysis.safeguarding.rules import _DATA_DIR
from analysis.text import tokens
from analysis.wordmodel import features as features
from analysis.wordmodel import known_counts, pair_starts

MODEL_PATH = _DATA_DIR / "model.json"

#: Answers shorter than this many words are left to the rules: two or three words carry too little to weigh.
MIN_WORDS = 4

#: Fewer known features than this and the model abstains ("Mama kupuje mi prezenty": only "mama", "mi" known).
MIN_KNOWN = 5


@dataclass(frozen=True)
class Model:
    """Learnt weights: for each feature its inverse document frequency and its coefficient."""

    weights: dict[str, tuple[float, float]]  # feature -> (idf, coefficient)
    intercept: float
    threshold: float
    explains: frozenset[str]  # features worth quoting as evidence (not stop words alone)
    pair_starts: frozenset[str]  # first words of the known word pairs

    def probability(self, text: str) -> float:
        """Return the probability that ``text`` is a disclosure (0.0 when the model abstains)."""
        return self.judge(text)[0]

    def evidence(self, text: str) -> tuple[str, ...]:
        """Return up to three quotable features that pushed the probability up most."""
        return self.judge(text)[1]()

    def judge(self, text: str) -> tuple[float, Callable[..., tuple[str, ...]]]:
        """Return the probability and a function giving the evidence, both from one reading of ``text``.

        The evidence is only worked out when asked for: most answers stay below the threshold. It is made of
        quotable features (not stop words alone) unless called with ``quotable=False``. Every answer no rule
        explains passes here, so the probability is one running sum, without building each feature's share.
        """
        words = tokens(text)
        if len(words) < MIN_WORDS:
            return 0.0, _no_evidence
        weights = self.weights
        counts = known_counts(words, weights, self.pair_starts)
        if len(counts) < MIN_KNOWN:
            return 0.0, _no_evidence
        # The sum mirrors scikit-learn's TfidfVectorizer (sublinear tf, l2 norm) and LogisticRegression.
        total = squares = 0.0
        for feature, n in counts.items():
            idf, coefficient = weights[feature]
            weight = idf if n == 1 else (1 + math.log(n)) * idf
            squares += weight * weight
            total += weight * coefficient
        norm = math.sqrt(squares)
        probability = 1 / (1 + math.exp(-(self.intercept + total / norm)))

        def evidence(quotable: bool = True) -> tuple[str, ...]:
            # Each feature's share of the score; the common norm does not change their order.
            parts = {
                feature: weights[feature][0] * (1 + math.log(n)) * weights[feature][1] for feature, n in counts.items()
            }
            pushing = (
                feature for feature, part in parts.items() if part > 0 and (not quotable or feature in self.explains)
            )
            return tuple(sorted(pushing, key=parts.__getitem__, reverse=True)[:3])

        return probability, evidence


def _no_evidence(quotable: bool = True) -> tuple[str, ...]:
    """The evidence of an answer the model abstains on: none."""
    return ()


def from_data(data: dict) -> Model:
    """Build a model from its JSON form (what ``train.fit`` returns and model.json holds)."""
    vocabulary = data["features"]
    return Model(
        weights={feature: (values[0], values[1]) for feature, values in vocabulary.items()},
        intercept=data["intercept"],
        threshold=data["threshold"],
        explains=frozenset(feature for feature, values in vocabulary.items() if len(values) == 2),
        pair_starts=pair_starts(vocabulary),
    )


@lru_cache(maxsize=1)
def load() -> Model | None:
    """Load the shipped weights, or None when the file is missing (the rules then work alone)."""
    if not MODEL_PATH.exists():
        return None
    return from_data(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
