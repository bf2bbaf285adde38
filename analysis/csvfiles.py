"""Reading answers from CSV and writing coded ones, with one-line errors that name the problem and row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Cells longer than this are cut when read (a 100 KB answer is read, not refused).
csv.field_size_limit(10 * 1024 * 1024)

CODED_COLUMNS = ("id", "themes", "sentiment", "safeguarding", "language", "redacted_text", "evidence")


class CsvError(ValueError):
    """A CSV file that cannot be read; the message names the file, and the row where there is one."""


@dataclass(frozen=True)
class Row:
    """One row of an input file, with its line number for error messages."""

    line: int
    values: dict[str, str]


def read_rows(path: Path, required: Iterable[str]) -> list[Row]:
    """Read a UTF-8 CSV (a BOM is fine) with a header that has every ``required`` column.

    :raises CsvError: for an empty file, a missing column, text that is not UTF-8, or a malformed row.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CsvError(f"{path}: cannot read the file ({error.strerror})") from None
    if not raw.strip():
        raise CsvError(f"{path}: the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise CsvError(f"{path}: row {line}: not UTF-8 text (save the file as CSV UTF-8)") from None
    if "\x00" in text:
        raise CsvError(f"{path}: this is not a text file (it holds NUL bytes); save it as CSV UTF-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [name for name in required if name not in header]
    if missing:
        found = ", ".join(header) or "none"
        raise CsvError(f"{path}: no {' or '.join(repr(m) for m in missing)} column (columns found: {found})")
    rows: list[Row] = []
    try:
        for values in reader:
            if None in values:
                raise CsvError(f"{path}: row {reader.line_num}: more cells than columns in the header")
            rows.append(Row(reader.line_num, {k: (v or "") for k, v in values.items()}))
    except csv.Error as error:
        raise CsvError(f"{path}: row {reader.line_num}: {error}") from None
    return rows


def write_coded(path: Path | None, rows: Iterable[dict[str, str]]) -> int:
    """Write coded rows (``CODED_COLUMNS``) as UTF-8 CSV to ``path`` (stdout when None); return the count.

    Cells that a spreadsheet would run as a formula are prefixed with ``'``.
    """
    import sys

    handle = sys.stdout if path is None else path.open("w", encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(handle, fieldnames=CODED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        count = 0
        for row in rows:
            writer.writerow({key: neutralise(str(row.get(key, ""))) for key in CODED_COLUMNS})
            count += 1
        return count
    finally:
        if path is not None:
            handle.close()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "|", "%")


def neutralise(value: str) -> str:
    """Return ``value`` safe to open in a spreadsheet: a leading formula character gets a ``'`` before it."""
    stripped = value.lstrip(" \ufeff\u200b")
    return "'" + value if stripped.startswith(_FORMULA_START) else value


def iter_column(rows: Iterable[Row], name: str) -> Iterator[str]:
    """Yield one column of the rows."""
    for row in rows:
        yield row.values.get(name, "")
