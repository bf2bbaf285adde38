"""Text handling that works offline: normalisation and tokenising for short, messy answers.

Answers arrive with emojis, text-speak, no punctuation, curly apostrophes and any script. Everything
here uses only the standard library, so it is fast and needs nothing downloaded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Longest answer analysed; longer text is cut (a 100 KB paste must not stall a batch).
MAX_CHARS = 5000

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
    | {"ş": "ș", "ţ": "ț"}  # Romanian s and t with comma, typed with the older cedilla on many phones
)
#: Combining marks that belong inside words: Latin accents, Arabic harakat, the vowel signs of Indic scripts
#: (not the danda "।" and double danda "॥", the full stops of Bengali, Gurmukhi and Devanagari).
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff"
#: Words (letters, marks and digits of any script, with inner apostrophes or hyphens) or single emojis.
_TOKEN = re.compile(rf"(?:[^\W_]|[{_MARKS}])+(?:['-](?:[^\W_]|[{_MARKS}])+)*|[\U0001f000-\U0001faff\u2600-\u27bf]")
#: The same pattern for ASCII text, where the marks and emojis cannot occur: the engine runs it in half the time.
_ASCII_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
#: Arabic-script letters typed several ways (Arabic, Persian, Urdu keyboards, hamza forms) -> one form,
#: harakat and joiners dropped, so "می‌خواهم" and "ميخواهم" match the same term.
_ARABIC_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ۀ": "ه",
        "ؤ": "و",
        "\u200c": "",
        "\u200d": "",
    }
    | {chr(code): "" for code in range(0x064B, 0x0653)}
)

#: English text-speak and contractions written without apostrophes -> the words a codebook uses.
TEXT_SPEAK = {
    "u": "you",
    "2": "to",
    "4": "for",
    "ur": "your",
    "r": "are",
    "y": "why",
    "n": "and",
    "nd": "and",
    "wiv": "with",
    "wid": "with",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "tho": "though",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "aint": "ain't",
    "im": "i'm",
    "ive": "i've",
    "id": "i'd",
    "ill": "i'll",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
    "theres": "there's",
    "thats": "that's",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "shouldnt": "shouldn't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "nothin": "nothing",
    "somethin": "something",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "innit": "isn't it",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "bro": "brother",
    "fam": "family",
    "skl": "school",
    "skool": "school",
    "2day": "today",
    "2nite": "tonight",
    "b4": "before",
    "gr8": "great",
    "luv": "love",
    "wen": "when",
    "wat": "what",
    "smth": "something",
    "sum1": "someone",
    "some1": "someone",
    "every1": "everyone",
    "no1": "no one",
}


_TEXT_SPEAK_WORDS = frozenset(TEXT_SPEAK)


def clean(text: object) -> str:
    """Return ``text`` as a safe string: decoded, NFC, no control characters, at most MAX_CHARS long.

    Binary junk, ``None`` and numbers are turned into text rather than raising.
    """
    if type(text) is str and len(text) <= MAX_CHARS and text.isascii() and text.isprintable():
        # Already clean (the usual case, and every stage cleans again): NFC and the control pattern change nothing.
        return text
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = str(text)[:MAX_CHARS]
    text = unicodedata.normalize("NFC", text).replace("\ufffd", " ")
    return _CONTROL.sub(" ", text)


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Return ``text`` folded for matching: NFKC, case-folded, straight apostrophes, single spaces."""
    cleaned = clean(text)
    if cleaned.isascii():
        # Most answers: NFKC changes no ASCII, casefold is lower(), "`" is the only ASCII apostrophe to fold,
        # and single spaces need no collapsing (a quarter of the time of the general path below).
        folded = cleaned.lower().replace("`", "'")
        if folded.isprintable() and "  " not in folded:
            return folded.strip()
    else:
        folded = unicodedata.normalize("NFKC", cleaned).casefold().translate(_APOSTROPHES).translate(_ARABIC_FOLD)
    return _SPACES.sub(" ", folded).strip()


def tokens(text: str) -> list[str]:
    """Split normalised text into words and emojis (any script; no punctuation needed)."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    # Several analysers tokenise the same answer: do it once.
    folded = normalise(text)
    return tuple((_ASCII_TOKEN if folded.isascii() else _TOKEN).findall(folded))


def expand_text_speak(words: list[str]) -> list[str]:
    """Replace English text-speak and apostrophe-less contractions with the full words."""
    if _TEXT_SPEAK_WORDS.isdisjoint(words):  # most answers: one set operation instead of a lookup per word
        return list(words)
    out: list[str] = []
    for word in words:
        expanded = TEXT_SPEAK.get(word)
        if expanded is None:
            out.append(word)
        else:
            out.extend(expanded.split(" "))
    return out


def is_empty(text: str) -> bool:
    """Say whether an answer holds no word at all (empty, spaces, punctuation or emoji only)."""
    return not any(token[0].isalnum() for token in tokens(text))
