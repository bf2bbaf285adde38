"""Benchmark: sentiment methods compared on the dev set and the NHS patient-experience set, with speed.

Run by hand from the project folder (nothing here is a test):

    .venv/bin/python bench/sentiment.py [--dev PATH] [--nhs PATH] [--errors]

Methods (each gives a score in -1..1; a neutral band (lower, upper) turns it into a label):

* ``textblob``: TextBlob's default PatternAnalyzer polarity (offline; its NLTK features are not used);
* ``vader``: vaderSentiment's compound score (needs ``pip install vaderSentiment``; skipped without it);
* ``rules``: ``analysis.sentiment`` (our lexicons and rules);
* ``rules+vader``: our rules with VADER's English lexicon added for the words ours lacks (loaded once,
  scored by our own loop), to see whether a general-purpose lexicon helps.

Figures:

* dev, all 150 rows, with each method's default band (VADER's documented +-0.05; TextBlob +-0.05;
  ours the band in ``analysis.sentiment``);
* dev split-half: the band tuned on the odd rows (1st, 3rd, ...) and measured on the even rows, then
  the reverse; and the English rows alone;
* NHS: the 6,179 comments with a sentiment (1-2 positive, 3 neutral, 4-5 negative), NEVER tuned on:
  once with each default band, once with the band tuned on all 150 dev rows;
* speed: each method over the same answers (dev + NHS), answers/second and us/answer, best of three
  passes. Our text normalisation has a cache, so it is cleared before each pass (as for new answers).

Honesty note: the split-half protocol tunes only the neutral band. Our lexicons and rules were written
by someone who had read the dev set (as a whole), so the dev figures, split-half included, flatter
them; the NHS figures (another domain, never looked at for tuning) do not.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import sentiment as rules  # noqa: E402
from analysis.text import normalise  # noqa: E402

LABELS = ("negative", "neutral", "positive")
SHARED = ROOT.parent / "shared" / "data"
DEV = SHARED / "dev-responses.csv"
NHS = SHARED / "external" / "nhs-patient-experience" / "v6framework_230831.csv"
NHS_MAP = {"1": "positive", "2": "positive", "3": "neutral", "4": "negative", "5": "negative"}
GRID = [round(-0.8 + 0.025 * step, 3) for step in range(65)]  # -0.8 .. 0.8

Scorer = Callable[[str, str], float]


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Return the mean over the three labels of F1 (a label never predicted nor present scores 0)."""
    scores = []
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Return the share of labels that match."""
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def labels(scores: Sequence[float], band: tuple[float, float]) -> list[str]:
    """Turn scores into labels: at or below ``band[0]`` negative, at or above ``band[1]`` positive."""
    lower, upper = band
    return ["negative" if s <= lower else "positive" if s >= upper else "neutral" for s in scores]


def tune(scores: Sequence[float], gold: Sequence[str]) -> tuple[float, float]:
    """Return the neutral band with the best macro-F1 on these rows (ties: the narrowest band)."""
    best = (-1.0, 0.0, (0.0, 0.0))
    for i, lower in enumerate(GRID):
        for upper in GRID[i + 1 :]:
            f1 = macro_f1(gold, labels(scores, (lower, upper)))
            key = (f1, -(upper - lower))
            if key > best[:2]:
                best = (f1, -(upper - lower), (lower, upper))
    return best[2]


def load_dev(path: Path) -> list[tuple[str, str, str]]:
    """Return (text, language, sentiment) for each dev row."""
    with path.open(encoding="utf-8") as handle:
        return [(row["text"], row["language"] or "en", row["sentiment"]) for row in csv.DictReader(handle)]


def load_nhs(path: Path) -> list[tuple[str, str, str]]:
    """Return (text, "en", sentiment) for each NHS comment that has a sentiment."""
    with path.open(encoding="utf-8-sig") as handle:
        return [
            (row["FFT answer"], "en", NHS_MAP[row["Comment sentiment"].strip()])
            for row in csv.DictReader(handle)
            if row["Comment sentiment"].strip() in NHS_MAP
        ]


def textblob_scorer() -> Scorer | None:
    """Return TextBlob's polarity, or None when textblob is not installed."""
    try:
        from textblob import TextBlob
    except ImportError:
        return None
    return lambda text, language: TextBlob(text).sentiment.polarity


def vader_scorer() -> Scorer | None:
    """Return VADER's compound score, or None when vaderSentiment is not installed."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyzer = SentimentIntensityAnalyzer()
    return lambda text, language: analyzer.polarity_scores(text)["compound"]


def rules_scorer() -> Scorer:
    """Return our scorer."""
    return lambda text, language: rules.sentiment(text, language).score


def rules_vader_scorer() -> Scorer | None:
    """Return our rules with VADER's lexicon filling the English words ours lacks (scaled to -3..3)."""
    try:
        import vaderSentiment
    except ImportError:
        return None
    base = rules._lexicon("en")
    assert base is not None
    words = dict(base.words)
    vader_file = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    for line in vader_file.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].isalpha():
            continue
        word = normalise(parts[0])
        if word not in words and word not in base.phrases:
            words[word] = rules._Entry("V", float(parts[1]) * 0.75, 0.0, False)
    merged = replace(base, words=words)

    def score(text: str, language: str) -> float:
        if rules._base_language(language) != "en":
            return rules.sentiment(text, language).score
        total, contributions, _ = rules._analyse(merged, normalise(text))
        if not contributions:
            return 0.0
        return total / (total * total + rules.ALPHA) ** 0.5

    return score


def main(argv: Sequence[str] | None = None) -> int:
    """Print the comparison table and the speed of each method."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--nhs", type=Path, default=NHS)
    parser.add_argument("--errors", action="store_true", help="list our scorer's dev errors")
    args = parser.parse_args(argv)

    dev = load_dev(args.dev)
    nhs = load_nhs(args.nhs) if args.nhs.is_file() else []
    methods: dict[str, tuple[Scorer | None, tuple[float, float]]] = {
        "textblob": (textblob_scorer(), (-0.05, 0.05)),
        "vader": (vader_scorer(), (-0.05, 0.05)),
        "rules": (rules_scorer(), (rules.LOWER, rules.UPPER)),
        "rules+vader": (rules_vader_scorer(), (rules.LOWER, rules.UPPER)),
    }
    gold = [row[2] for row in dev]
    odd = list(range(0, len(dev), 2))  # rows 1, 3, 5, ... (1-based)
    even = list(range(1, len(dev), 2))
    english = [i for i, row in enumerate(dev) if row[1] == "en"]
    nhs_gold = [row[2] for row in nhs]
    print(f"dev: {len(dev)} rows ({len(english)} English); NHS: {len(nhs)} comments; labels {LABELS}")
    print("F1 = macro-F1 over the three labels; A = band tuned on odd rows, measured on even; B = the reverse\n")
    header = (
        f"{'method':<12} {'dev acc':>7} {'dev F1':>6} {'A F1':>5} {'B F1':>5} {'A+B/2':>6} {'en F1':>6}"
        f" {'NHS acc':>7} {'NHS F1':>6} {'NHS F1*':>7}  {'band (default)':<15} {'band tuned A/B':<25}"
    )
    print(header)
    print("-" * len(header))
    speeds: list[tuple[str, float]] = []
    answers = [(text, language) for text, language, _ in dev] + [(text, language) for text, language, _ in nhs]
    for name, (scorer, default) in methods.items():
        if scorer is None:
            print(f"{name:<12} (not installed)")
            continue
        for text, language, _ in dev:  # warm up: lexicons load on first use
            scorer(text, language)
        elapsed = float("inf")
        for _ in range(3):  # the machine is shared: the best of three passes is the least disturbed
            normalise.cache_clear()
            start = time.perf_counter()
            for text, language in answers:
                scorer(text, language)
            elapsed = min(elapsed, time.perf_counter() - start)
        speeds.append((name, elapsed / len(answers)))
        scores = [scorer(text, language) for text, language, _ in dev]
        predicted = labels(scores, default)
        band_a = tune([scores[i] for i in odd], [gold[i] for i in odd])
        band_b = tune([scores[i] for i in even], [gold[i] for i in even])
        f1_a = macro_f1([gold[i] for i in even], labels([scores[i] for i in even], band_a))
        f1_b = macro_f1([gold[i] for i in odd], labels([scores[i] for i in odd], band_b))
        f1_en = macro_f1([gold[i] for i in english], [predicted[i] for i in english])
        nhs_acc = nhs_f1 = nhs_f1_tuned = float("nan")
        if nhs:
            nhs_scores = [scorer(text, language) for text, language, _ in nhs]
            nhs_predicted = labels(nhs_scores, default)
            nhs_acc, nhs_f1 = accuracy(nhs_gold, nhs_predicted), macro_f1(nhs_gold, nhs_predicted)
            nhs_f1_tuned = macro_f1(nhs_gold, labels(nhs_scores, tune(scores, gold)))
        print(
            f"{name:<12} {accuracy(gold, predicted):>7.3f} {macro_f1(gold, predicted):>6.3f} {f1_a:>5.3f}"
            f" {f1_b:>5.3f} {(f1_a + f1_b) / 2:>6.3f} {f1_en:>6.3f} {nhs_acc:>7.3f} {nhs_f1:>6.3f}"
            f" {nhs_f1_tuned:>7.3f}  {default!s:<15} {band_a!s:>15} / {band_b!s}"
        )
    print("\nNHS F1* = NHS with the band tuned on all 150 dev rows (never on NHS).")
    print(f"\nSpeed over the same {len(answers)} answers (dev + NHS), one core, best of three cold passes:")
    for name, seconds in speeds:
        print(f"  {name:<12} {seconds * 1e6:>8.1f} us/answer  {1 / seconds:>10,.0f} answers/s")
    if args.errors:
        print("\nOur scorer's dev errors (default band):")
        for text, language, label in dev:
            result = rules.sentiment(text, language)
            if result.label != label:
                print(f"  {label[:3]} -> {result.label[:3]} {result.score:+.2f} {result.evidence} | {text[:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
