"""Analysis speed and memory: code 100,000 realistic answers on one core, beside TextBlob's sentiment alone.

    .venv/bin/python bench/analysis.py [--answers N] [--runs R]

Answers are built from the NHS benchmark comments in ../shared (never copied into the project): each
answer joins one to three sentences picked at random, so the 100,000 answers are nearly all different
(caches cannot flatter the figures) and about as long as real survey answers. Each measurement runs in
a fresh process pinned to one core, and reports answers per second and that process's peak memory.
The two are measured alternately, R times, and medians are printed with their ratio.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This script is itself called analysis.py: import the project's package, not this file.
sys.path[0] = str(ROOT)
NHS = ROOT.parent / "shared" / "data" / "external" / "nhs-patient-experience" / "v6framework_230831.csv"


def make_answers(count: int, seed: int = 7) -> list[str]:
    """Build ``count`` answers of realistic length from sentences of the NHS comments."""
    with NHS.open(encoding="utf-8", newline="") as handle:
        comments = [row["FFT answer"] for row in csv.DictReader(handle) if row["FFT answer"].strip()]
    sentences = [s.strip() for c in comments for s in re.split(r"(?<=[.!?])\s+", c) if len(s.strip()) > 3]
    rng = random.Random(seed)
    return [" ".join(rng.sample(sentences, rng.choice((1, 1, 2, 3)))) for _ in range(count)]


def worker(kind: str, path: str) -> None:
    """Run one measurement in this process (pinned to one core) and print JSON figures."""
    import resource

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    answers = json.loads(Path(path).read_text(encoding="utf-8"))
    started = time.perf_counter()
    if kind == "engine":
        from analysis.pipeline import Analyser

        analyser = Analyser()
        setup = time.perf_counter() - started
        started = time.perf_counter()
        for number, text in enumerate(answers):
            analyser.code(text, str(number))
    else:
        from textblob import TextBlob

        setup = time.perf_counter() - started
        started = time.perf_counter()
        for text in answers:
            TextBlob(text).sentiment  # noqa: B018 (the computation is the point)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "setup": setup, "per_second": len(answers) / seconds, "peak_mb": peak_mb}))


def measure(kind: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    answers = make_answers(args.answers)
    path = ROOT / "build" / "bench-answers.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(answers), encoding="utf-8")
    lengths = sorted(map(len, answers))
    print(f"{len(answers):,} answers, {len(set(answers)):,} different; characters median {lengths[len(lengths) // 2]}")
    results: dict[str, list[dict]] = {"engine": [], "textblob": []}
    for run in range(args.runs):
        for kind in results:
            figures = measure(kind, path)
            results[kind].append(figures)
            print(f"run {run + 1} {kind:9s} {figures['per_second']:9,.0f} answers/s  peak {figures['peak_mb']:6.0f} MB")
    engine = statistics.median(r["per_second"] for r in results["engine"])
    blob = statistics.median(r["per_second"] for r in results["textblob"])
    print(f"\nmedian, one core: engine {engine:,.0f} answers/s (all of language, redaction, themes, sentiment,")
    print(f"safeguarding), peak {statistics.median(r['peak_mb'] for r in results['engine']):.0f} MB;")
    blob_mb = statistics.median(r["peak_mb"] for r in results["textblob"])
    print(f"TextBlob sentiment alone {blob:,.0f} answers/s, peak {blob_mb:.0f} MB;")
    print(f"engine / TextBlob = {engine / blob:.2f}")
    path.unlink()


if __name__ == "__main__":
    main()
