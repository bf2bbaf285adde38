"""Writing systems on a cloud: which script a word is in, and how to hand it to Pillow so it draws right."""

from __future__ import annotations

import unicodedata

import arabic_reshaper
from bidi import get_display
from PIL import ImageFont

_SCRIPT_NAMES = {
    "arabic": "Arabic script (Urdu, Arabic, Persian, Shahmukhi Punjabi)",
    "bengali": "Bengali script",
    "gurmukhi": "Gurmukhi script (Punjabi)",
    "han": "Chinese characters",
    "latin": "the Latin alphabet",
    "other": "other scripts",
}
#: Scripts whose letters change shape or order when drawn: Pillow needs its Raqm layout to draw them.
_COMPLEX = frozenset({"bengali", "gurmukhi"})


def _script(word: str) -> str:
    """Name the script of a word's first letter."""
    for char in word:
        code = ord(char)
        if not char.isalpha():
            continue
        if code < 0x0590 or 0x1E00 <= code < 0x2000:
            return "latin"  # Latin, Greek and Cyrillic: every text font has them
        if 0x0600 <= code < 0x0780 or 0x08A0 <= code < 0x0900 or 0xFB50 <= code < 0xFE00 or 0xFE70 <= code < 0xFF00:
            return "arabic"
        if 0x0980 <= code < 0x0A00:
            return "bengali"
        if 0x0A00 <= code < 0x0A80:
            return "gurmukhi"
        if 0x3400 <= code < 0xA000 or 0xF900 <= code < 0xFB00 or 0x20000 <= code < 0x30000:
            return "han"
        return "other"
    return "other"


def _is_rtl(word: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in word)


def _complex_layout() -> bool:
    """Say whether Pillow lays text out with Raqm (HarfBuzz + FriBiDi), which shapes and orders any script.

    Pillow picks Raqm whenever it is available; ``wordcloud`` cannot ask for anything else, so what we hand
    it must match: logical text for Raqm, pre-shaped visual-order text for the basic layout.
    """
    core = getattr(ImageFont, "core", None)
    return bool(getattr(core, "HAVE_RAQM", False))


def _drawn_form(word: str, complex_layout: bool) -> str:
    """Return the string to hand to the drawing code so ``word`` appears correctly on the picture."""
    if complex_layout or not _is_rtl(word):
        return word
    # Pillow's basic layout draws code points left to right as they come: join the Arabic letters into their
    # contextual forms, then put the characters in visual (right-to-left) order.
    return get_display(arabic_reshaper.reshape(word))


def _left_out(count: int, script: str) -> str:
    return (
        f"{count} word{'s' if count != 1 else ''} in {_SCRIPT_NAMES[script]} {'was' if count == 1 else 'were'} left out"
    )
