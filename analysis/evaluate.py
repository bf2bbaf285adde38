"""Measure the engine against hand-coded answers: themes, sentiment, safeguarding, redaction, language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.metrics import BinaryScores, accuracy, binary_scores, macro_f1
from analysis.pipeline import CodedAnswer

SENTIMENTS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class GoldAnswer:
    """One hand-coded answer (the coded data file format of the codebook)."""

    id: str
    text: str
    themes: frozenset[str]
    sentiment: str
    safeguarding: bool
    language: str
    pii: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """Agreement between the engine and the gold coding for one group of answers."""

    name: str
    count: int
    themes: dict[str, BinaryScores]
    sentiment_accuracy: float
    sentiment_macro_f1: float
    safeguarding: BinaryScores
    pii_total: int
    pii_leaked: int
    language_accuracy: float

    @property
    def macro_f1(self) -> float:
        """Return the mean F1 over themes that occur in the gold coding or the engine's."""
        used = [s for s in self.themes.values() if s.support or s.false_positive]
        return sum(s.f1 for s in used) / len(used) if used else 0.0

    @property
    def leak_rate(self) -> float:
        """Return the share of personal details still readable after redaction."""
        return self.pii_leaked / self.pii_total if self.pii_total else 0.0


def leaked(detail: str, redacted: str) -> bool:
    """Say whether a personal detail survives redaction (the whole of it, or a name's longer words)."""
    if detail in redacted:
        return True
    words = [w for w in detail.split() if len(w) > 2 and w[:1].isupper()]
    return len(words) > 1 and any(w in redacted.split() for w in words)


def report(name: str, gold: Sequence[GoldAnswer], coded: Sequence[CodedAnswer], theme_ids: Sequence[str]) -> Report:
    """Compare coded answers with the gold ones (same order)."""
    themes = {
        theme: binary_scores([theme in g.themes for g in gold], [theme in c.theme_ids for c in coded])
        for theme in theme_ids
    }
    details = [(detail, c.redacted_text) for g, c in zip(gold, coded, strict=True) for detail in g.pii]
    return Report(
        name=name,
        count=len(gold),
        themes=themes,
        sentiment_accuracy=accuracy([g.sentiment for g in gold], [c.sentiment for c in coded]),
        sentiment_macro_f1=macro_f1([g.sentiment for g in gold], [c.sentiment for c in coded], SENTIMENTS),
        safeguarding=binary_scores([g.safeguarding for g in gold], [c.safeguarding for c in coded]),
        pii_total=len(details),
        pii_leaked=sum(leaked(detail, redacted) for detail, redacted in details),
        language_accuracy=accuracy([g.language for g in gold], [c.language for c in coded]),
    )


def format_reports(reports: Sequence[Report], theme_ids: Sequence[str]) -> str:
    """Render reports side by side as a plain-text table."""
    width = 24
    head = f"{'':{width}}" + "".join(f"{r.name + f' ({r.count})':>22}" for r in reports)
    lines = [head, f"{'theme: F1 / kappa / n':{width}}"]
    for theme in theme_ids:
        cells = []
        for r in reports:
            s = r.themes[theme]
            used = s.support or s.false_positive
            cells.append(f"{s.f1:>9.2f} {s.kappa:>5.2f} {s.support:>4}" if used else f"{'-':>20}")
        lines.append(f"  {theme:{width - 2}}" + "".join(f"{c:>22}" for c in cells))

    def row(label: str, values: Sequence[str]) -> str:
        return f"{label:{width}}" + "".join(f"{v:>22}" for v in values)

    lines += [
        row("theme macro-F1", [f"{r.macro_f1:.3f}" for r in reports]),
        row("sentiment accuracy", [f"{r.sentiment_accuracy:.3f}" for r in reports]),
        row("sentiment macro-F1", [f"{r.sentiment_macro_f1:.3f}" for r in reports]),
        row("safeguarding recall", [f"{r.safeguarding.recall:.3f} ({r.safeguarding.support})" for r in reports]),
        row("safeguarding precision", [f"{r.safeguarding.precision:.3f}" for r in reports]),
        row("personal-detail leaks", [f"{r.leak_rate:.1%} ({r.pii_leaked}/{r.pii_total})" for r in reports]),
        row("language accuracy", [f"{r.language_accuracy:.3f}" for r in reports]),
    ]
    return "\n".join(lines)
