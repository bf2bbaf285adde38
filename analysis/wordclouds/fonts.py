"""Fonts for a cloud: the installed font files, what each can draw, and the one that draws the most words.

Where fonts are looked for (``FONT_DIRS``) is set in ``analysis.wordclouds`` and passed in as ``dirs``.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from fontTools.ttLib import TTFont
from wordcloud.wordcloud import FONT_PATH as _BUNDLED_FONT

#: Font files worth drawing with, best first within each script: proportional Noto, then DejaVu and
#: Liberation. When the words fit several equally well, the earliest wins. Regular weights only.
PREFERRED_FONTS = (
    "NotoSans-Regular.ttf",
    "NotoSans-Regular.otf",
    "DejaVuSans.ttf",
    "LiberationSans-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Regular.otf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoSansArabicUI-Regular.ttf",
    "NotoNaskhArabicUI-Regular.ttf",
    "Amiri-Regular.ttf",
    "NotoSansBengali-Regular.ttf",
    "NotoSansBengaliUI-Regular.ttf",
    "NotoSerifBengali-Regular.ttf",
    "Lohit-Bengali.ttf",
    "NotoSansGurmukhi-Regular.ttf",
    "NotoSansGurmukhiUI-Regular.ttf",
    "NotoSerifGurmukhi-Regular.ttf",
    "Lohit-Gurmukhi.ttf",
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansSC-Regular.otf",
    "NotoSansSC-Regular.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
    "NotoSerifCJK-Regular.ttc",
)
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


@lru_cache(maxsize=8)
def _font_files(dirs: tuple[str, ...]) -> tuple[str, ...]:
    """List every font file under ``dirs``, sorted so the choice never depends on directory order."""
    found = []
    for folder in dirs:
        root = os.path.expanduser(folder)
        if not os.path.isdir(root):
            continue
        for base, _subdirs, files in os.walk(root):
            found.extend(os.path.join(base, name) for name in files if name.lower().endswith(_FONT_SUFFIXES))
    return tuple(sorted(found))


@lru_cache(maxsize=512)
def _cmap(path: str) -> frozenset[int]:
    """Return the code points a font file can draw (the first face of a collection); empty if unreadable."""
    try:
        with TTFont(path, fontNumber=0, lazy=True) as font:
            return frozenset(font.getBestCmap() or ())
    except Exception:  # a broken or odd font file must not stop the cloud: it just isn't used
        return frozenset()


def _covers(cmap: frozenset[int], drawn: str) -> bool:
    return all(ord(char) in cmap for char in drawn if not char.isspace() and unicodedata.category(char) != "Cf")


def _candidate_fonts(dirs: tuple[str, ...]) -> list[str]:
    """Return the preferred fonts installed, best first, then the font bundled with ``wordcloud``."""
    by_name: dict[str, str] = {}
    for path in _font_files(dirs):
        by_name.setdefault(os.path.basename(path), path)
    ordered = [by_name[name] for name in PREFERRED_FONTS if name in by_name]
    return [*ordered, _BUNDLED_FONT]


@dataclass
class _Entry:
    """A ranked word: as the word list shows it (``display``) and as it is handed to Pillow (``drawn``)."""

    display: str
    count: int
    drawn: str
    script: str


def _choose_font(entries: list[_Entry], dirs: tuple[str, ...]) -> tuple[str, frozenset[int]]:
    """Pick the font that draws the most answer-weighted words.

    The usual fonts are tried first; only for words none of them can draw is every installed font scanned.
    """
    candidates = _candidate_fonts(dirs)
    cmaps = {path: _cmap(path) for path in candidates}
    orphans = [e for e in entries if not any(_covers(cmap, e.drawn) for cmap in cmaps.values())]
    if orphans:
        for path in _font_files(dirs):
            if path not in cmaps and any(_covers(_cmap(path), e.drawn) for e in orphans):
                cmaps[path] = _cmap(path)
                candidates.append(path)
    best, best_weight = candidates[0], -1
    for path in candidates:
        weight = sum(e.count for e in entries if _covers(cmaps[path], e.drawn))
        if weight > best_weight:
            best, best_weight = path, weight
    return best, cmaps[best]


def _any_font_draws(entries: list[_Entry], dirs: tuple[str, ...]) -> bool:
    """Say whether some installed font can draw at least one of ``entries``."""
    return any(_covers(_cmap(path), e.drawn) for path in (*_font_files(dirs), _BUNDLED_FONT) for e in entries)
