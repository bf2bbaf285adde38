"""Learn the sentiment model from the coded CSV files in the repository.

Run ``python -m analysis.sentiment.train`` after changing the training files; it rewrites
``analysis/data/sentiment/model.json``. Needs scikit-learn (``pip install -e ".[train]"``); scoring does not.
A coded set joins the training files only after it has been measured (bench/README.md).
"""

from __future__ import annotations

from pathlib import Path

from analysis.sentiment import sentiment
from analysis.sentiment.model import LABELS, MODEL_PATH, rule_features
from analysis.text import tokens
from analysis.training import CODED_SETS, as_read, read_labelled, run
from analysis.wordmodel import features

ROOT = Path(__file__).resolve().parents[2]

#: Coded files (columns text, language, sentiment) the model learns from, relative to the repository.
TRAINING_SETS = CODED_SETS

#: Regularisation (inverse L2 strength) and how much the rules' four features weigh beside the words;
#: chosen by leaving each coded set out in turn (bench/cv_sentiment.py).
C = 20.0
RULE_SCALE = 3.0


def read_sets(paths: tuple[str, ...] = TRAINING_SETS) -> tuple[list[str], list[str], list[str]]:
    """Read texts, languages and sentiment labels, naming the file and row of a bad label."""
    rows = read_labelled(ROOT, paths, "sentiment", LABELS, f"one of {', '.join(LABELS)}")
    return (
        [row["text"] for row in rows],
        [row.get("language") or "en" for row in rows],
        [row["sentiment"] for row in rows],
    )


def fit(texts: list[str], languages: list[str], labels: list[str]) -> dict:
    """Fit tf-idf weights and a multinomial logistic regression; return the model as a JSON-ready dict."""
    import numpy as np
    import scipy.sparse as sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    words = vectoriser.fit_transform([as_read(text) for text in texts])
    readings = [sentiment(text, language) for text, language in zip(texts, languages, strict=True)]
    rules = np.array([rule_features(r, len(tokens(t))) for r, t in zip(readings, texts, strict=True)]) * RULE_SCALE
    matrix = sparse.hstack([words, sparse.csr_matrix(rules)]).tocsr()
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=10000).fit(matrix, labels)
    assert tuple(classifier.classes_) == LABELS
    width = len(vectoriser.vocabulary_)
    coefficients = classifier.coef_.T  # one row per feature, one column per label
    return {
        "about": "Sentiment model; written by python -m analysis.sentiment.train. Do not edit.",
        "trained_on": {"files": list(TRAINING_SETS), "answers": len(texts)},
        "features": {
            feature: [round(float(vectoriser.idf_[index]), 6), *(round(float(c), 6) for c in coefficients[index])]
            for feature, index in sorted(vectoriser.vocabulary_.items())
        },
        "rule_coef": [[round(float(c), 6) for c in coefficients[width + j]] for j in range(rules.shape[1])],
        "rule_scale": RULE_SCALE,
        "intercept": [round(float(c), 6) for c in classifier.intercept_],
    }


def main(argv: list[str] | None = None) -> int:
    """Train on TRAINING_SETS and write the model file."""

    def build() -> tuple[dict, str]:
        texts, languages, labels = read_sets()
        model = fit(texts, languages, labels)
        return model, f"{len(model['features'])} features from {len(texts)} answers"

    return run(argv, "python -m analysis.sentiment.train", __doc__, MODEL_PATH, build)


if __name__ == "__main__":
    raise SystemExit(main())
