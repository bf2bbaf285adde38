"""Learn the theme model from the coded CSV files in the repository.

Run ``python -m analysis.thememodel.train`` after changing the training files or the codebook's theme ids;
it rewrites ``analysis/data/themes/model.json``. Needs scikit-learn (``pip install -e ".[train]"``);
scoring does not. A coded set joins the training files only after it has been measured (bench/README.md).
"""

from __future__ import annotations

import csv
from pathlib import Path

from analysis.codebook import DEFAULT_CODEBOOK, load_codebook
from analysis.thememodel import MODEL_PATH
from analysis.training import CODED_SETS, as_read, run
from analysis.wordclouds.stopwords import LANGUAGES, stopwords_for
from analysis.wordmodel import features, stop_words

ROOT = Path(__file__).resolve().parents[2]

#: Coded files (columns text, themes) the model learns from, relative to the repository.
TRAINING_SETS = CODED_SETS

#: Regularisation (inverse L2 strength), and the probabilities at which the model confirms a theme the
#: codebook found weak evidence for, or adds one it found none for. Chosen by training on the coded sets
#: written before a given one and measuring on that one and the next, which the rules had never been tuned
#: on (bench/cv_themes.py): C 2 and 4 measured alike, 10 worse; confirm 0.5-0.6 with add 0.8 gained most
#: there (0.6 costs the dev set, which the rules were tuned on, less).
C = 2.0
CONFIRM = 0.6
ADD = 0.8


def read_sets(paths: tuple[str, ...] = TRAINING_SETS) -> tuple[list[str], list[frozenset[str]]]:
    """Read texts and theme sets, naming the file and row of a theme id the codebook does not have."""
    theme_ids = set(load_codebook(DEFAULT_CODEBOOK).theme_ids)
    texts, labels = [], []
    for relative in paths:
        with (ROOT / relative).open(encoding="utf-8", newline="") as handle:
            for row_number, row in enumerate(csv.DictReader(handle), start=2):
                themes = frozenset(t.strip() for t in (row.get("themes") or "").split(";") if t.strip())
                unknown = sorted(themes - theme_ids)
                if unknown:
                    raise ValueError(f"{relative}:{row_number}: themes has an id the codebook lacks: {unknown[0]!r}")
                texts.append(row["text"])
                labels.append(themes)
    return texts, labels


def fit(texts: list[str], labels: list[frozenset[str]], theme_ids: tuple[str, ...]) -> dict:
    """Fit tf-idf weights and one balanced logistic regression per theme; return the JSON-ready model."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    matrix = vectoriser.fit_transform([as_read(text) for text in texts])
    coefficients = np.zeros((matrix.shape[1], len(theme_ids)))
    intercepts = []
    for column, theme in enumerate(theme_ids):
        y = [theme in themes for themes in labels]
        classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, y)
        coefficients[:, column] = classifier.coef_[0]
        intercepts.append(round(float(classifier.intercept_[0]), 6))
    # The word-cloud lists too: they mend stopwords-iso's Urdu, whose letters are garbled ("میں" is missing).
    stop = stop_words() | frozenset(word for language in LANGUAGES for word in stopwords_for(language))
    vocabulary = {
        # A last value 0 marks a feature of stop words only ("and", "i am"): it counts but explains nothing.
        feature: [round(float(vectoriser.idf_[index]), 5), *(round(float(c), 5) for c in coefficients[index])]
        + ([0] if all(word in stop for word in feature.split()) else [])
        for feature, index in sorted(vectoriser.vocabulary_.items())
    }
    return {
        "about": "Theme word model; written by python -m analysis.thememodel.train. Do not edit.",
        "trained_on": {"files": list(TRAINING_SETS), "answers": len(texts)},
        "themes": list(theme_ids),
        "confirm": CONFIRM,
        "add": ADD,
        "intercept": intercepts,
        "features": vocabulary,
    }


def main(argv: list[str] | None = None) -> int:
    """Train on TRAINING_SETS and write the model file."""

    def build() -> tuple[dict, str]:
        texts, labels = read_sets()
        theme_ids = load_codebook(DEFAULT_CODEBOOK).theme_ids
        model = fit(texts, labels, theme_ids)
        return model, f"{len(model['features'])} features from {len(texts)} answers, {len(theme_ids)} themes"

    return run(argv, "python -m analysis.thememodel.train", __doc__, MODEL_PATH, build)


if __name__ == "__main__":
    raise SystemExit(main())
