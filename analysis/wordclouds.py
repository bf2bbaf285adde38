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
import os
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import arabic_reshaper
import stopwordsiso
from bidi import get_display
from fontTools.ttLib import TTFont
from PIL import Image, ImageFont
from wordcloud import STOPWORDS as _WORDCLOUD_STOPWORDS
from wordcloud import WordCloud
from wordcloud.wordcloud import FONT_PATH as _BUNDLED_FONT

# _TOKEN is text.tokens' own pattern: we run it on text that is normalised WITHOUT the Arabic-letter fold
# so an Arabic word is drawn as it was written (مدرسة, not the folded مدرسه) while it is counted folded.
from analysis.text import _TOKEN, clean, expand_text_speak, tokens

#: The survey languages whose stop words are dropped from every cloud.
LANGUAGES = ("en", "ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa", "zh", "so")

#: Where fonts are looked for (a test points this at an empty directory).
FONT_DIRS: tuple[str, ...] = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")

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

#: Dark colours, each with at least 4.5:1 contrast on white (WCAG AA), so every word is readable.
PALETTE = ("#1f4e79", "#8b1e3f", "#1e6b52", "#5b3a8c", "#8a4500", "#2f4f4f", "#005f73", "#7a1f1f")
BACKGROUND = "white"
#: Fixed layout seed: the same answers always give the same picture.
RANDOM_SEED = 20240611
#: A pair of words is drawn as one phrase when it is in at least this share of the answers that use the rarer
#: word, and at least PHRASE_SHARE_COMMON of those that use the commoner one (so "people" is not split up
#: into "people drinking", "people shouting" and so on), and in at least two answers.
PHRASE_SHARE = 0.5
PHRASE_SHARE_COMMON = 0.05
#: A run of Chinese characters longer than this is a phrase or sentence, not a word (no segmenter here).
MAX_HAN_WORD = 4

_DATA = Path(__file__).parent / "data" / "stopwords"

#: Redaction placeholders; replaced by a clause break so no phrase forms across them.
_PLACEHOLDER = re.compile(r"\[\s*(?:(?i:name|phone|email|e-mail|address|handle|postcode)|[A-Z][A-Z0-9_ -]{1,30})\s*\]")
#: Clause punctuation in the survey languages: two words either side of it never make a phrase.
_CLAUSE = re.compile(r"[.!?;:,()\[\]{}\"“”«»…|/\\\n\r\t،؛؟۔।。，！？；：、·•–—]+")
#: What text.normalise removes from Arabic script besides the letter fold (harakat, joiners).
_ARABIC_STRIP = str.maketrans({"\u200c": "", "\u200d": ""} | {chr(code): "" for code in range(0x064B, 0x0653)})
_ARABIC_FOLDED_FROM = re.compile("[يىكأإآٱةۀؤ]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")

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


@dataclass(frozen=True)
class WordCloudImage:
    """A drawn word cloud: the PNG, the words on it with their answer counts, and notes for the reader."""

    png: bytes
    words: tuple[tuple[str, int], ...]
    notes: tuple[str, ...]


# --------------------------------------------------------------------------------------------- stop words


def _read_list(name: str) -> set[str]:
    path = _DATA / name
    if not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return words


def _keys(words: Iterable[str]) -> set[str]:
    """Return the single-token normalised forms of ``words`` (multi-word entries can never match a token)."""
    out = set()
    for word in words:
        found = tokens(word)
        if len(found) == 1:
            out.add(found[0])
    return out


@lru_cache(maxsize=64)
def stopwords_for(language: str) -> frozenset[str]:
    """Return the stop words of an ISO 639-1 language, normalised as ``analysis.text.tokens`` makes words."""
    lang = str(language or "").strip().lower().replace("_", "-").split("-")[0]
    if not lang.isalpha():
        return frozenset()
    words: set[str] = set()
    if stopwordsiso.has_lang(lang):
        words |= set(stopwordsiso.stopwords(lang))
    if lang == "en":
        words |= set(_WORDCLOUD_STOPWORDS)
    words |= _read_list(f"{lang}.add.txt")
    return frozenset(_keys(words) - _keys(_read_list(f"{lang}.keep.txt")))


@lru_cache(maxsize=1)
def _cloud_stopwords() -> frozenset[str]:
    """Return the stop words of every survey language, less English content words they collide with."""
    union: set[str] = set()
    for lang in LANGUAGES:
        union |= stopwords_for(lang)
    return frozenset(union - _keys(_read_list("cloud.keep.txt")))


# ------------------------------------------------------------------------------------------------- scripts


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


# --------------------------------------------------------------------------------------------------- fonts


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


# ------------------------------------------------------------------------------------------------ counting


def _surface_tokens(segment: str) -> list[str]:
    """Tokenise like ``analysis.text.tokens`` but keep Arabic letters as typed (for display only)."""
    text = unicodedata.normalize("NFKC", segment).casefold().translate(_APOSTROPHES).translate(_ARABIC_STRIP)
    return _TOKEN.findall(_SPACES.sub(" ", text).strip())


def _words_of(key: str, stop: frozenset[str]) -> tuple[str, ...]:
    """Return the words a token counts as: "" for a dropped one (stop word, number, emoji, single letter)."""
    if key in stop:
        return ("",)  # kept as a gap: a stop word breaks adjacency, so no phrase spans it
    out = []
    for word in expand_text_speak([key[:-2] if key.endswith("'s") else key]):
        # Chinese runs have no spaces: a long one is a phrase or sentence, not a word. Elsewhere one letter is noise.
        bad_length = len(word) > MAX_HAN_WORD if _script(word) == "han" else len(word) < 2
        useless = word in stop or bad_length or not any(char.isalpha() for char in word)
        out.append("" if useless else word)
    return tuple(out)


def _plural_map(vocabulary: Counter[str]) -> dict[str, str]:
    """Map English-style plurals to their singular when both forms are in ``vocabulary``."""
    mapping = {}
    for word in vocabulary:
        if len(word) < 4 or not word.endswith("s") or word.endswith("ss") or not word.isascii():
            continue
        singulars = []
        if word.endswith("ies"):
            singulars.append(word[:-3] + "y")  # communities -> community
        if word.endswith("ves"):
            singulars += [word[:-3] + "fe", word[:-3] + "f"]  # knives -> knife, thieves -> thief
        if word.endswith("es"):
            singulars.append(word[:-2])  # buses -> bus
        singulars.append(word[:-1])
        for singular in singulars:
            if singular in vocabulary:
                mapping[word] = singular
                break
    return mapping


def _left_out(count: int, script: str) -> str:
    return (
        f"{count} word{'s' if count != 1 else ''} in {_SCRIPT_NAMES[script]} {'was' if count == 1 else 'were'} left out"
    )


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

    stop = _cloud_stopwords()
    answers: list[list[list[str]]] = []
    raw_df: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    long_han = False
    total = 0
    memo: dict[str, tuple[str, ...]] = {}  # token -> the words it counts as ("" = dropped); answers repeat words
    for raw in texts:
        total += 1
        text = _PLACEHOLDER.sub(" . ", clean(raw))
        segments: list[list[str]] = []
        for part in _CLAUSE.split(text):
            if not part or part.isspace():
                continue
            keys = tokens(part)
            shown = None
            if _ARABIC_FOLDED_FROM.search(part):
                shown = _surface_tokens(part)
                if len(shown) != len(keys):
                    shown = None  # the two tokenisations disagree: fall back to showing the folded form
            kept: list[str] = []
            for i, key in enumerate(keys):
                words = memo.get(key)
                if words is None:
                    words = memo[key] = _words_of(key, stop)
                    long_han = long_han or (len(key) > MAX_HAN_WORD and _script(key) == "han")
                kept.extend(words)
                if shown is not None and shown[i] != key and words == (key,) and _script(key) == "arabic":
                    surfaces.setdefault(key, Counter())[shown[i]] += 1
            if any(kept):
                segments.append(kept)
        if segments:
            answers.append(segments)
            raw_df.update({word for segment in segments for word in segment if word})

    notes: list[str] = []
    if long_han:
        notes.append(
            "Some Chinese text was left out: it is written without spaces, and this tool cannot split it into words."
        )

    # Fold plurals, then count each word and each adjacent pair once per answer.
    plural = _plural_map(raw_df)
    word_df: Counter[str] = Counter()
    pair_df: Counter[tuple[str, str]] = Counter()
    for segments in answers:
        for segment in segments:
            for i, word in enumerate(segment):
                segment[i] = plural.get(word, word)
        word_df.update({word for segment in segments for word in segment if word})
        pair_df.update({pair for segment in segments for pair in pairwise(segment) if all(pair)})
    phrases = set()
    for (first, second), count in pair_df.items():
        rarer, commoner = sorted((word_df[first], word_df[second]))
        if (
            count >= max(min_count, 2)
            and first != second
            and count >= PHRASE_SHARE * rarer
            and count >= PHRASE_SHARE_COMMON * commoner
        ):
            phrases.add((first, second))

    counts: Counter[str | tuple[str, str]] = Counter()
    if phrases:
        for segments in answers:
            units: set[str | tuple[str, str]] = set()
            for segment in segments:
                i = 0
                while i < len(segment):
                    if i + 1 < len(segment) and (segment[i], segment[i + 1]) in phrases:
                        units.add((segment[i], segment[i + 1]))
                        i += 2
                        continue
                    if segment[i]:
                        units.add(segment[i])
                    i += 1
            counts.update(units)
    else:
        counts.update(word_df)

    # Show each word in the form people typed most: the commonest plural/singular, Arabic letters unfolded.
    forms: dict[str, tuple[int, str]] = {}
    for word, count in raw_df.items():
        key = plural.get(word, word)
        if key not in forms or count > forms[key][0]:
            forms[key] = (count, word)

    def display(unit: str | tuple[str, str]) -> str:
        if isinstance(unit, tuple):
            return f"{display(unit[0])} {display(unit[1])}"
        typed = forms.get(unit, (0, unit))[1]
        seen = surfaces.get(typed)
        return seen.most_common(1)[0][0] if seen else typed

    ranked = sorted(
        ((display(u), n) for u, n in counts.items() if n >= min_count), key=lambda item: (-item[1], item[0])
    )
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
