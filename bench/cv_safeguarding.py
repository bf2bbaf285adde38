"""Choose the safeguarding word model's threshold by leaving each realistic-rate set out in turn.

    .venv/bin/python bench/cv_safeguarding.py [--c 4.0]

For each held-out file (answers at the rate real consultations have disclosures), the model is trained on
every other training file, and each held-out answer is flagged when the rules flag it or the model's
probability reaches the threshold. Prints recall and precision per threshold, and the rules alone. The
rules have been tuned on these files, so their own figures here are optimistic; the model's are not.
Needs scikit-learn (pip install -e ".[train]").
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import analysis.safeguarding as safeguarding  # noqa: E402
from analysis.safeguarding import model as word_model  # noqa: E402
from analysis.safeguarding import train  # noqa: E402

#: The realistic-rate sets: every measured file in bench/data except the two written at 33-45% disclosures.
HELD_OUT = tuple(
    path
    for path in train.TRAINING_SETS
    if path.startswith("bench/data/")
    and path not in ("bench/data/safeguarding-blind.csv", "bench/data/safeguarding-blind-2.csv")
)
THRESHOLDS = (0.5, 0.6, 0.65, 0.675, 0.7, 0.75, 0.8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--c", type=float, default=train.C, help="inverse L2 strength (default: train.C)")
    args = parser.parse_args()
    train.C = args.c
    # The rules alone: the shipped model has been trained on these very files.
    safeguarding.load_model = lambda: None
    outcomes = []  # (rules flagged, model probability, gold, English)
    for held in HELD_OUT:
        texts, labels = train.read_sets(tuple(path for path in train.TRAINING_SETS if path != held))
        fitted = train.fit(texts, labels)
        model = word_model.from_data(fitted)
        with (ROOT / held).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                flagged = safeguarding.flag(row["text"], row.get("language") or "en").flagged
                english = (row.get("language") or "en") == "en"
                outcomes.append((flagged, model.probability(row["text"]), row["safeguarding"] == "1", english))
    print(f"{len(outcomes)} answers, {sum(o[2] for o in outcomes)} disclosures, C={args.c}")
    for part, keep in (("all", lambda o: True), ("English", lambda o: o[3]), ("other languages", lambda o: not o[3])):
        print(part)
        chosen = [o for o in outcomes if keep(o)]
        for threshold in (None, *THRESHOLDS):
            caught = [rules or (threshold is not None and p >= threshold) for rules, p, *_ in chosen]
            tp = sum(c and o[2] for c, o in zip(caught, chosen, strict=True))
            fn = sum(not c and o[2] for c, o in zip(caught, chosen, strict=True))
            fp = sum(c and not o[2] for c, o in zip(caught, chosen, strict=True))
            name = "rules alone" if threshold is None else f"rules or p >= {threshold}"
            recall, precision = tp / max(1, tp + fn), tp / max(1, tp + fp)
            print(f"  {name:20s} recall {recall:.3f}  precision {precision:.3f}  (tp {tp} fn {fn} fp {fp})")


if __name__ == "__main__":
    main()
