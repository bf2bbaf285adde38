"""Agreement measures for coded answers: F1, Cohen's kappa, accuracy, recall and precision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class BinaryScores:
    """How well one yes/no judgement (a theme, a flag) agrees with the gold coding."""

    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @property
    def support(self) -> int:
        """Return how many gold answers say yes."""
        return self.true_positive + self.false_negative

    @property
    def precision(self) -> float:
        """Return the share of flagged answers the gold coding agrees with (1.0 when none flagged)."""
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Return the share of gold yes answers found (1.0 when there are none)."""
        return self.true_positive / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall (1.0 when both sides say no throughout)."""
        if self.true_positive + self.false_positive + self.false_negative == 0:
            return 1.0
        return 2 * self.true_positive / (2 * self.true_positive + self.false_positive + self.false_negative)

    @property
    def kappa(self) -> float:
        """Return Cohen's kappa: agreement beyond what chance would give."""
        total = self.true_positive + self.false_positive + self.false_negative + self.true_negative
        if not total:
            return 1.0
        observed = (self.true_positive + self.true_negative) / total
        gold_yes = (self.true_positive + self.false_negative) / total
        coded_yes = (self.true_positive + self.false_positive) / total
        expected = gold_yes * coded_yes + (1 - gold_yes) * (1 - coded_yes)
        return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def binary_scores(gold: Sequence[bool], coded: Sequence[bool]) -> BinaryScores:
    """Compare two equally long sequences of yes/no judgements."""
    pairs = list(zip(gold, coded, strict=True))
    return BinaryScores(
        true_positive=sum(g and c for g, c in pairs),
        false_positive=sum(c and not g for g, c in pairs),
        false_negative=sum(g and not c for g, c in pairs),
        true_negative=sum(not g and not c for g, c in pairs),
    )


def macro_f1(gold: Sequence[str], coded: Sequence[str], labels: Sequence[str]) -> float:
    """Return the mean F1 over ``labels`` of a single-label coding (such as sentiment)."""
    scores = [binary_scores([g == label for g in gold], [c == label for c in coded]).f1 for label in labels]
    return sum(scores) / len(scores) if scores else 0.0


def accuracy(gold: Sequence[str], coded: Sequence[str]) -> float:
    """Return the share of answers coded exactly as the gold coding."""
    pairs = list(zip(gold, coded, strict=True))
    return sum(g == c for g, c in pairs) / len(pairs) if pairs else 0.0
