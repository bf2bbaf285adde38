"""A learnt second reading of sentiment, stacked on the rules.

The rules (``scoring.py``) read the words that carry feeling. Coders also read feeling into answers with
no such word: naming a trusted person ("my nan. she dont judge") is positive, a plan ("I want to own my own
barbers one day") is positive, a system failing ("social worker changed 4 times in a year") is negative.
A multinomial logistic regression over the answer's words and word pairs, with the rules' score and
label as four more features, learns those from coded answers. Leaving each coded set out of training in
turn (the project's dev set included), it raised macro-F1 from 0.730 (rules alone) to 0.763
(``bench/cv_sentiment.py``); on the dev set, where the rules were tuned, it costs 0.017.

The weights (``data/sentiment/model.json``) are written by ``python -m analysis.sentiment.train``;
scoring is a plain sum over the answer's features.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.text import tokens
from analysis.wordmodel import tfidf

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "sentiment" / "model.json"

LABELS = ("negative", "neutral", "positive")

#: Shorter answers keep the rules' reading: in cross-validation the model only helped from four words up.
MIN_WORDS = 4


def rule_features(score: float, label: str) -> tuple[float, ...]:
    """Return the rules' reading as model features: the score and the label, one-hot."""
    return (score, *(1.0 if label == name else 0.0 for name in LABELS))


@dataclass(frozen=True)
class SentimentModel:
    """Learnt weights: per feature its idf and one coefficient per label; the rules' features weighed too."""

    idf: dict[str, float]
    coef: dict[str, tuple[float, float, float]]
    rule_coef: tuple[tuple[float, float, float], ...]  # per rule feature, one coefficient per label
    rule_scale: float
    intercept: tuple[float, float, float]

    def label(self, text: str, score: float, rules_label: str) -> str:
        """Return the label for ``text``, given the rules' score and label for it."""
        if len(tokens(text)) < MIN_WORDS:
            return rules_label  # "nothing", "dunno tbh": too little for the words to weigh
        z = list(self.intercept)
        for feature, weight in tfidf(text, self.idf).items():
            for k, c in enumerate(self.coef[feature]):
                z[k] += weight * c
        for value, coefs in zip(rule_features(score, rules_label), self.rule_coef, strict=True):
            for k, c in enumerate(coefs):
                z[k] += value * self.rule_scale * c
        return LABELS[max(range(3), key=z.__getitem__)]


@lru_cache(maxsize=1)
def load() -> SentimentModel | None:
    """Load the shipped weights, or None when the file is missing (the rules then decide alone)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return SentimentModel(
        idf={feature: values[0] for feature, values in data["features"].items()},
        coef={feature: tuple(values[1:]) for feature, values in data["features"].items()},
        rule_coef=tuple(tuple(row) for row in data["rule_coef"]),
        rule_scale=data["rule_scale"],
        intercept=tuple(data["intercept"]),
    )
