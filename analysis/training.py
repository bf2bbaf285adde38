"""What the training commands share: labelled CSV files in, a model file out.

Used by ``python -m analysis.safeguarding.train`` and ``python -m analysis.sentiment.train``.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis.redact import blanked, redact
from analysis.text import clean

#: The coded sets (every column of shared/codebook.md's format) that have been measured once and now train
#: both models, relative to the repository. A set joins only after its first measurement (bench/README.md);
#: the sets still blind are listed in tests/analysis/test_safeguarding_model.py.
CODED_SETS = (
    "bench/data/holdout.csv",
    "bench/data/holdout-2.csv",
    "bench/data/holdout-3.csv",
    "bench/data/holdout-4.csv",
    "bench/data/holdout-5.csv",
    "bench/data/holdout-6.csv",
    "bench/data/holdout-7.csv",
    "bench/data/holdout-8.csv",
    "bench/data/holdout-9.csv",
    "bench/data/holdout-10.csv",
    "bench/data/holdout-11.csv",
    "bench/data/holdout-12.csv",
    "bench/data/holdout-13.csv",
)


def as_read(text: str) -> str:
    """Return ``text`` cleaned, with every personal detail blanked, as the word models learn from it.

    A model's vocabulary ships in its JSON file: names, numbers and emails in the training answers must never
    become features there. The theme coder reads answers blanked the same way (analysis.pipeline).
    """
    text = clean(text)
    return blanked(text, redact(text))


def read_labelled(
    root: Path, paths: Iterable[str], column: str, allowed: Iterable[str], expected: str
) -> list[dict[str, str]]:
    """Read the rows of labelled CSV files, naming the file and row of a label outside ``allowed``.

    :param root: the folder ``paths`` are relative to (the repository).
    :param column: the label column; its value is stripped in the rows returned.
    :param expected: how the error describes the allowed labels ("0 or 1").
    """
    allowed = frozenset(allowed)
    rows = []
    for relative in paths:
        with (root / relative).open(encoding="utf-8", newline="") as handle:
            for row_number, row in enumerate(csv.DictReader(handle), start=2):
                label = (row.get(column) or "").strip()
                if label not in allowed:
                    raise ValueError(f"{relative}:{row_number}: {column} must be {expected}, not {label!r}")
                rows.append(row | {column: label})
    return rows


def run(
    argv: list[str] | None, prog: str, description: str | None, default: Path, build: Callable[[], tuple[dict, str]]
) -> int:
    """Parse ``-o``, build the model (its JSON form and a one-line summary) and write it as compact JSON."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("-o", "--output", type=Path, default=default, help="where to write the model")
    args = parser.parse_args(argv)
    model, summary = build()
    args.output.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {summary}")
    return 0
