"""The analysis commands, shared by ``python -m analysis`` and ``ourvoice analyse``."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.codebook import DEFAULT_CODEBOOK
from analysis.csvfiles import CsvError, read_rows, write_coded
from analysis.evaluate import GoldAnswer, format_reports, report
from analysis.pipeline import Analyser

#: Show a progress bar for runs longer than this many answers (on a terminal).
PROGRESS_FROM = 2000


def _progress(items: list, description: str) -> object:
    if len(items) < PROGRESS_FROM or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=description, unit=" answers", file=sys.stderr)


def code_file(source: Path, target: Path | None, codebook: Path = DEFAULT_CODEBOOK) -> int:
    """Code every answer of ``source`` (columns id,text[,language]) into ``target``; return how many.

    :raises CsvError: for a file that cannot be read, naming the problem and row.
    """
    rows = read_rows(source, ("id", "text"))
    analyser = Analyser(codebook)
    coded = (
        analyser.code(row.values["text"], row.values["id"], row.values.get("language") or None).as_row()
        for row in _progress(rows, "coding")
    )
    return write_coded(target, coded)


def read_gold(gold_path: Path) -> list[GoldAnswer]:
    """Read a hand-coded file (the coded data format of the codebook), naming the problem and row if bad."""
    rows = read_rows(gold_path, ("id", "text", "themes", "sentiment", "safeguarding", "language"))
    return [
        GoldAnswer(
            id=row.values["id"],
            text=row.values["text"],
            themes=frozenset(t.strip() for t in row.values["themes"].split(";") if t.strip()),
            sentiment=row.values["sentiment"].strip(),
            safeguarding=row.values["safeguarding"].strip() == "1",
            language=row.values["language"].strip(),
            pii=tuple(p for p in row.values.get("pii", "").split("|") if p),
        )
        for row in rows
    ]


def evaluate_file(gold_path: Path, codebook: Path = DEFAULT_CODEBOOK) -> str:
    """Code the answers of a hand-coded file and report agreement, English and other languages apart.

    The gold language is not given to the engine, so language accuracy is measured too.
    """
    gold = read_gold(gold_path)
    analyser = Analyser(codebook)
    coded = [analyser.code(g.text, g.id) for g in _progress(gold, "coding")]
    theme_ids = analyser.codebook.theme_ids
    pairs = list(zip(gold, coded, strict=True))
    groups = [
        ("all", pairs),
        ("English", [p for p in pairs if p[0].language == "en"]),
        ("other languages", [p for p in pairs if p[0].language != "en"]),
    ]
    reports = [report(name, [g for g, _ in group], [c for _, c in group], theme_ids) for name, group in groups if group]
    return format_reports(reports, theme_ids)


#: Smallest group of answers a cloud, or a word in it, may show (DESIGN: every chart and export suppresses
#: groups of fewer than 10 respondents; the app passes its SMALL_GROUP_THRESHOLD setting instead).
SMALL_GROUP = 10


def word_cloud_file(
    source: Path,
    target: Path,
    theme: str | None = None,
    codebook: Path = DEFAULT_CODEBOOK,
    min_group: int = SMALL_GROUP,
) -> str:
    """Draw a word cloud PNG of the answers in ``source`` (all, or those coded ``theme``); return its notes.

    Only redacted text reaches the cloud, so no name or number can appear in it. Small groups are
    suppressed: with fewer than ``min_group`` answers no cloud is drawn, and a word is drawn only when at
    least ``min_group`` answers use it.

    :raises CsvError: for a file that cannot be read; ValueError for a theme the codebook lacks.
    """
    from analysis.wordclouds import word_cloud

    rows = read_rows(source, ("id", "text"))
    analyser = Analyser(codebook)
    if theme is not None and theme not in analyser.codebook.theme_ids:
        raise ValueError(f"no theme {theme!r} in the codebook (themes: {', '.join(analyser.codebook.theme_ids)})")
    coded = [analyser.code(r.values["text"], r.values["id"], r.values.get("language") or None) for r in rows]
    texts = [c.redacted_text for c in coded if theme is None or theme in c.theme_ids]
    if len(texts) < min_group:
        target.write_bytes(word_cloud([]).png)
        return f"{len(texts)} answers: fewer than {min_group}, so no cloud is drawn (small groups are suppressed)"
    image = word_cloud(texts, min_count=min_group)
    target.write_bytes(image.png)
    summary = f"{len(texts)} answers, {len(image.words)} words drawn (each used by at least {min_group} answers)"
    return "\n".join([summary, *image.notes])


__all__ = ["SMALL_GROUP", "CsvError", "code_file", "evaluate_file", "word_cloud_file"]
