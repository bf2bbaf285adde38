"""Does the theme word model help on answers the rules were never tuned on? Time-ordered splits.

    .venv/bin/python bench/cv_themes.py [--split N ...]

The coded sets were written one after another, and the codebook's evidence was tuned on each set after its
first measurement. For a split N the model learns from the sets written before holdout-N and is measured on
holdout-N and holdout-N+1, beside the rules alone: the newest split is the honest one (the rules had not
seen those sets either when they were measured first); on older splits the rules were tuned on the test sets
afterwards, which favours the rules. The dev set is shown too: the rules were written with it in view, so
nearly every theme its coder gave is found already and the model can only add false positives there.

Prints, for each split and each pair of thresholds (confirm weak evidence, add without evidence), the
change in theme macro-F1 against the rules alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)

from analysis.commands import read_gold  # noqa: E402
from analysis.evaluate import GoldAnswer, report  # noqa: E402
from analysis.pipeline import Analyser  # noqa: E402
from analysis.thememodel import from_data, train  # noqa: E402
from analysis.themes import ThemeCoder  # noqa: E402
from analysis.training import CODED_SETS  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "dev-responses.csv"
GRID = ((0.5, 0.8), (0.6, 0.8), (0.7, 0.8), (0.6, 0.9), (0.8, 0.9))


def _number(path: str) -> int:
    stem = Path(path).stem
    return int(stem.split("-")[1]) if "-" in stem else 1


def main() -> int:
    """Print the gain over the rules alone for each split and threshold pair."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    newest = max(_number(p) for p in CODED_SETS)
    parser.add_argument("--split", type=int, nargs="*", default=[newest - 1, newest - 3, newest - 5])
    args = parser.parse_args()
    analyser = Analyser()
    theme_ids = analyser.codebook.theme_ids

    def macro_f1(gold: list[GoldAnswer], model: object) -> float:
        analyser.themes = ThemeCoder(analyser.codebook, model)
        analyser._cache.clear()
        return report("x", gold, [analyser.code(g.text, g.id) for g in gold], theme_ids).macro_f1

    for split in args.split:
        training = tuple(p for p in CODED_SETS if _number(p) < split)
        tests = [ROOT / p for p in CODED_SETS if _number(p) in (split, split + 1)]
        if DEV.exists():
            tests.append(DEV)
        texts, labels = train.read_sets(training)
        model = from_data(train.fit(texts, labels, theme_ids))
        golds = [read_gold(path) for path in tests]
        rules = [macro_f1(gold, None) for gold in golds]
        names = ", ".join(path.stem for path in tests)
        print(f"split {split}: trained on {len(texts)} answers; tested on {names}")
        print(f"  rules alone          {'  '.join(f'{f:.4f}' for f in rules)}")
        for confirm, add in GRID:
            tuned = dataclasses.replace(model, confirm=confirm, add=add)
            gains = [macro_f1(gold, tuned) - base for gold, base in zip(golds, rules, strict=True)]
            print(f"  confirm {confirm} add {add}  {'  '.join(f'{g:+.4f}' for g in gains)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
