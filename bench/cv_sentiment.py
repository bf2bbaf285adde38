"""Measure the learnt sentiment model by leaving each coded set out of training in turn.

    .venv/bin/python bench/cv_sentiment.py [--c 20]

For each coded file (the repository's holdouts and, where present, ../shared/data/dev-responses.csv), the
model is trained on the other files and the held-out answers are labelled three ways: the rules alone,
the model on every answer of four words or more, and the model only where the rules are not sure
(|score| under model.RULES_SURE: what the pipeline does). Prints macro-F1 per
file and over all. The rules were tuned on dev and holdout, so the rules' figures there are optimistic.
Needs scikit-learn (pip install -e ".[train]").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.metrics import macro_f1  # noqa: E402
from analysis.sentiment import model as sentiment_model  # noqa: E402
from analysis.sentiment import sentiment, train  # noqa: E402
from analysis.text import tokens  # noqa: E402
from analysis.training import read_labelled  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "dev-responses.csv"


def _read(folder: Path, name: str) -> list[dict[str, str]]:
    return read_labelled(folder, [name], "sentiment", sentiment_model.LABELS, "a sentiment label")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--c", type=float, default=train.C, help="inverse L2 strength (default: train.C)")
    args = parser.parse_args()
    train.C = args.c
    files = {name: _read(ROOT, name) for name in train.TRAINING_SETS}
    if DEV.exists():
        files[DEV.name] = _read(DEV.parent, DEV.name)
    ways = ("rules", "model", "model where the rules are unsure")
    pooled: dict[str, tuple[list[str], list[str]]] = {way: ([], []) for way in ways}
    for held, rows in files.items():
        others = [row for name, other in files.items() if name != held for row in other]
        fitted = train.fit(
            [r["text"] for r in others], [r["language"] for r in others], [r["sentiment"] for r in others]
        )
        model = sentiment_model.from_data(fitted)
        gold, labelled = [], {way: [] for way in ways}
        for row in rows:
            reading = sentiment(row["text"], row["language"])
            long_enough = len(tokens(row["text"])) >= sentiment_model.MIN_WORDS
            predicted = model.predict(row["text"], reading)
            labelled["rules"].append(reading.label)
            labelled["model"].append(predicted if long_enough else reading.label)
            labelled["model where the rules are unsure"].append(model.label(row["text"], reading))
            gold.append(row["sentiment"])
        scores = "  ".join(f"{way} {macro_f1(gold, labelled[way], sentiment_model.LABELS):.3f}" for way in ways)
        print(f"{Path(held).name:28s} {scores}")
        for way in ways:
            pooled[way][0].extend(gold)
            pooled[way][1].extend(labelled[way])
    scores = "  ".join(f"{way} {macro_f1(*pooled[way], sentiment_model.LABELS):.3f}" for way in ways)
    print(f"{'all':28s} {scores}")


if __name__ == "__main__":
    main()
