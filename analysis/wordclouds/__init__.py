"""Word clouds: the words and two-word phrases that answers use most, drawn as a PNG.

Counting is done here (fast, one pass over the answers); the ``wordcloud`` package only lays out and
draws the final frequencies. Choices an analyst should know about:

- A word's count is the number of ANSWERS that use it, not how often it is typed, so one person writing
  "police police police" cannot make a word look common.
- Stop words of every survey language are dropped (see ``analysis/data/stopwords/README.md``).
- Two words that usually come together ("knife crime", "youth club") are drawn as one phrase. We count
  our own bigrams rather than use ``wordcloud``'s collocations: those only work on English text it
  tokenises itself, and our counts must be per answer. Two adjacent words (no stop word or punctuation
  between them) become a phrase when at least two answers, half the answers that use the rarer word and
  a twentieth of those that use the commoner word use them together; those answers then stop counting
  towards the single words.
- English plurals fold into the singular when both occur ("gangs" and "gang" are one entry, shown in
  the form people used most).
- A cloud is drawn in one font. The installed font that can draw the most of the (weighted) words is
  chosen; words it cannot draw are left out with a note, never drawn as empty boxes.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from PIL import Image
from wordcloud import WordCloud
from wordcloud.wordcloud import FONT_PATH as _BUNDLED_FONT

# The ``X as X`` names are re-exported so they stay importable from analysis.wordclouds, where tests read
# them. _choose_font is looked up in this module when drawing, so a test that replaces it here is obeyed.
from analysis.wordclouds.counting import MAX_HAN_WORD as MAX_HAN_WORD
from analysis.wordclouds.counting import PHRASE_SHARE as PHRASE_SHARE
from analysis.wordclouds.counting import PHRASE_SHARE_COMMON as PHRASE_SHARE_COMMON
from analysis.wordclouds.counting import _rank
from analysis.wordclouds.fonts import PREFERRED_FONTS as PREFERRED_FONTS
from analysis.wordclouds.fonts import _any_font_draws, _choose_font, _covers, _Entry
from analysis.wordclouds.fonts import _cmap as _cmap
from analysis.wordclouds.fonts import _font_files as _font_files
from analysis.wordclouds.scripts import _COMPLEX, _SCRIPT_NAMES, _complex_layout, _drawn_form, _left_out, _script
from analysis.wordclouds.stopwords import LANGUAGES as LANGUAGES
from analysis.wordclouds.stopwords import stopwords_for as stopwords_for

#: Where fonts are looked for (a test points this at an empty directory). ``_draw`` reads it from this module
#: at call time, so setting ``analysis.wordclouds.FONT_DIRS`` changes where every later cloud looks.
FONT_DIRS: tuple[str, ...] = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")

#: Dark colours, each with at least 4.5:1 contrast on white (WCAG AA), so every word is readable.
PALETTE = ("#1f4e79", "#8b1e3f", "#1e6b52", "#5b3a8c", "#8a4500", "#2f4f4f", "#005f73", "#7a1f1f")
BACKGROUND = "white"
#: Fixed layout seed: the same answers always give the same picture.
RANDOM_SEED = 20240611


@dataclass(frozen=True)
class WordCloudImage:
    """A drawn word cloud: the PNG, the words on it with their answer counts, and notes for the reader."""

    png: bytes
    words: tuple[tuple[str, int], ...]
    notes: tuple[str, ...]


def _not_enough(answers: int) -> str:
    return f"Not enough words to draw a cloud ({answers} answer{'s' if answers != 1 else ''})."


def _blank_png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), BACKGROUND).save(buffer, format="PNG")
    return buffer.getvalue()


def _colour(word: str, *_args: object, **_kwargs: object) -> str:
    # Colour by the word itself (crc32 is stable across runs, unlike hash()), so a word keeps its colour.
    return PALETTE[zlib.crc32(word.encode("utf-8")) % len(PALETTE)]


def _clamp(value: object, low: int, high: int, default: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return max(low, min(high, number))


def word_cloud(
    texts: Iterable[str], *, width: int = 800, height: int = 450, max_words: int = 100, min_count: int = 2
) -> WordCloudImage:
    """Draw the words and phrases that at least ``min_count`` answers use; return the PNG, words and notes."""
    width = _clamp(width, 32, 4000, 800)
    height = _clamp(height, 32, 4000, 450)
    max_words = _clamp(max_words, 1, 1000, 100)
    min_count = _clamp(min_count, 1, 1_000_000, 2)
    if texts is None:
        texts = ()
    elif isinstance(texts, (str, bytes)):
        texts = (texts,)

    ranked, notes, total = _rank(texts, min_count)
    if not ranked:
        notes.append(_not_enough(total))
        return WordCloudImage(png=_blank_png(width, height), words=(), notes=tuple(notes))
    return _draw(ranked, width=width, height=height, max_words=max_words, notes=notes)


# ------------------------------------------------------------------------------------------------- drawing


def _draw(
    ranked: list[tuple[str, int]], *, width: int, height: int, max_words: int, notes: list[str]
) -> WordCloudImage:
    complex_layout = _complex_layout()
    entries: list[_Entry] = []
    cannot_lay_out: Counter[str] = Counter()
    for word, count in ranked:
        script = _script(word)
        if script in _COMPLEX and not complex_layout:
            if len(entries) < max_words:
                cannot_lay_out[script] += 1
            continue
        entries.append(_Entry(display=word, count=count, drawn=_drawn_form(word, complex_layout), script=script))
    for script in sorted(cannot_lay_out):
        notes.append(
            f"{_left_out(cannot_lay_out[script], script)}: this computer cannot lay out "
            "that script (Pillow needs its Raqm library, with FriBiDi and HarfBuzz, to join the letters correctly)."
        )

    dirs = tuple(FONT_DIRS)
    # Weigh fonts by the words that would be drawn if every font could draw every word.
    font_path, cmap = _choose_font(entries[:max_words], dirs) if entries else (_BUNDLED_FONT, frozenset())
    drawable: list[_Entry] = []
    missing: dict[str, list[_Entry]] = {}
    for entry in entries:
        if len(drawable) >= max_words:
            break
        if _covers(cmap, entry.drawn):
            drawable.append(entry)
        else:  # it outranks a word that is drawn, so the reader must be told it is missing
            missing.setdefault(entry.script, []).append(entry)
    for script in sorted(missing):
        if _any_font_draws(missing[script], dirs):
            reason = (
                "a word cloud is drawn in one font, and the font that can draw most of the words cannot draw "
                "these. Make a cloud of those answers on their own to see them."
            )
        else:
            reason = f"no font for {_SCRIPT_NAMES[script]} is installed on this computer."
        notes.append(f"{_left_out(len(missing[script]), script)}: {reason}")
    if not drawable:
        return WordCloudImage(png=_blank_png(width, height), words=(), notes=tuple(notes))

    cloud = WordCloud(
        font_path=font_path,
        width=width,
        height=height,
        max_words=len(drawable),
        background_color=BACKGROUND,
        mode="RGB",
        prefer_horizontal=1.0,  # rotated words, especially Arabic or Bengali ones, are much harder to read
        min_font_size=max(8, height // 40),
        margin=4,
        random_state=RANDOM_SEED,
        color_func=_colour,
        relative_scaling=0.5,
    )
    # Insert in rank order: wordcloud's stable sort keeps ties in this order, so output is deterministic.
    try:
        cloud.generate_from_frequencies({e.drawn: e.count for e in drawable})
    except ValueError:  # wordcloud's "Couldn't find space to draw": the picture asked for is too small
        notes.append("The picture is too small to draw the words.")
        return WordCloudImage(png=_blank_png(width, height), words=(), notes=tuple(notes))
    by_drawn = {e.drawn: e for e in drawable}
    placed = [by_drawn[item[0][0]] for item in cloud.layout_ if item[0][0] in by_drawn]
    if len(placed) < len(drawable):
        skipped = len(drawable) - len(placed)
        notes.append(f"{skipped} less-used word{'s' if skipped != 1 else ''} did not fit in the picture.")
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG")
    words = tuple(sorted(((e.display, e.count) for e in placed), key=lambda item: (-item[1], item[0])))
    return WordCloudImage(png=buffer.getvalue(), words=words, notes=tuple(notes))
