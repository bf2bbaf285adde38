"""A second signal for theme coding: a word model learnt from coded answers.

The codebook's evidence codes a theme when a strong term, or two weak ones, appear. On answers written by
someone else it misses what coders read from words the codebook treats as weak ("the club being open
fridays again": ``club`` alone is weak, as it is also a nightclub or a football club) or does not hold at
all ("Gorton's dead. literally nothing for anyone under 18"). A logistic regression per theme over the
answer's words and word pairs, learnt from about 2,600 coded answers, knows which words coders tie to
each theme.

It is used in two ways, both measured on coded sets the rules had never been tuned on
(``bench/cv_themes.py``): it confirms a theme for which the codebook found weak evidence only, when its
probability reaches ``confirm``, and it adds a theme with no evidence at all when its probability reaches
``add``. It never removes a theme the codebook's evidence codes: vetoes cost F1 at every threshold tried.

The weights (``data/themes/model.json``) are written by ``python -m analysis.thememodel.train`` from CSV
files in the repository; scoring needs only numpy.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import numpy as np

from analysis.wordmodel import pair_starts

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "themes" / "model.json"

#: Answers with fewer known features than this are left to the codebook: one or two words weigh too much.
MIN_KNOWN = 2


@dataclass(frozen=True)
class ThemeModel:
    """Learnt weights: one row per feature (its coefficient per theme), with idf and intercepts."""

    themes: tuple[str, ...]
    rows: dict[str, int]  # feature -> row of ``coef`` and ``idf``
    idf_list: list[float]
    coef: np.ndarray  # features x themes
    intercept: np.ndarray
    explains: list[bool]  # per feature: True unless it is made of stop words only ("and", "i am")
    features: tuple[str, ...]
    pair_starts: frozenset[str]
    confirm: float
    add: float
    #: Per theme, what the features must add to the intercept to reach ``confirm``: derived, so that scores are
    #: compared without the logistic function (``dataclasses.replace`` with another ``confirm`` recomputes it).
    confirm_margin: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        margin = math.log(self.confirm / (1 - self.confirm)) - self.intercept
        object.__setattr__(self, "confirm_margin", margin)

    def probabilities(self, words: list[str]) -> dict[str, tuple[float, Callable[[], tuple[str, ...]]]]:
        """Return the themes whose probability reaches ``confirm``, each with it and a function giving the
        (up to three) words that pushed it most.

        ``words`` are the answer's tokens (``analysis.text.tokens``). The sum mirrors scikit-learn's
        TfidfVectorizer (sublinear tf, l2 norm) and LogisticRegression. Every answer passes here, so the
        common case is a handful of numpy calls; evidence is worked out only when asked for.
        """
        rows_of, starts = self.rows, self.pair_starts
        counts: dict[int, int] = {}  # row -> how often the answer has that feature
        for word in words:
            row = rows_of.get(word)
            if row is not None:
                counts[row] = counts.get(row, 0) + 1
        for first, second in itertools.pairwise(words):
            if first in starts:
                row = rows_of.get(f"{first} {second}")
                if row is not None:
                    counts[row] = counts.get(row, 0) + 1
        if len(counts) < MIN_KNOWN:
            return {}
        rows = list(counts)
        idf = self.idf_list
        weights = [idf[row] if n == 1 else (1.0 + math.log(n)) * idf[row] for row, n in counts.items()]
        norm = math.sqrt(sum(w * w for w in weights))
        vector = np.fromiter(weights, dtype=float, count=len(weights))
        vector /= norm
        coef = self.coef.take(rows, axis=0)  # faster than fancy indexing for a few rows
        scores = vector @ coef
        passing = np.flatnonzero(scores >= self.confirm_margin)
        if not len(passing):
            return {}
        scores += self.intercept
        features, explains = self.features, self.explains

        def quoted(column: int) -> tuple[str, ...]:
            parts = coef[:, column] * vector
            order = np.argsort(-parts).tolist()
            return tuple(features[rows[i]] for i in order if parts[i] > 0 and explains[rows[i]])[:3]

        return {
            self.themes[column]: (1.0 / (1.0 + math.exp(-float(scores[column]))), partial(quoted, column))
            for column in passing.tolist()
        }


def from_data(data: dict) -> ThemeModel:
    """Build a model from its JSON form (what ``train.fit`` returns and model.json holds)."""
    vocabulary = data["features"]
    features = tuple(vocabulary)
    values = [vocabulary[f] for f in features]
    themes = tuple(data["themes"])
    return ThemeModel(
        themes=themes,
        rows={feature: row for row, feature in enumerate(features)},
        idf_list=[float(v[0]) for v in values],
        coef=np.array([v[1 : 1 + len(themes)] for v in values], dtype=float).reshape(len(features), len(themes)),
        intercept=np.array(data["intercept"], dtype=float),
        explains=[len(v) == 1 + len(themes) for v in values],
        features=features,
        pair_starts=pair_starts(vocabulary),
        confirm=data["confirm"],
        add=data["add"],
    )


@lru_cache(maxsize=1)
def load() -> ThemeModel | None:
    """Load the shipped weights, or None when the file is missing (the codebook's evidence then works alone)."""
    if not MODEL_PATH.exists():
        return None
    return from_data(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
