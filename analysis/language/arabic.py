"""Arabic script: tell Arabic, Urdu, Persian, Shahmukhi Panjabi, Pashto, Sindhi and Sorani Kurdish apart."""

from __future__ import annotations

from analysis.language.scores import _NO_WORD, _WORDS, Detection, _decide, _hint_weight

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
