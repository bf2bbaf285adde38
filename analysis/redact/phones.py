"""Phone numbers, and the public helplines that are left alone."""

from __future__ import annotations

import re
import unicodedata

from analysis.redact.lexicon import _wordset

#: Digits with the separators people type inside phone numbers (Unicode digits too: Arabic-Indic, Persian).
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(\s*)?\d(?:[ \t().\-]{0,3}\d){5,}(?![\w])")


_PHONE_CUE = re.compile(
    r"(?:\b(?:call|ring|text|txt|phone|mobile|mob|tel|telephone|number|num|no|whatsapp|contact|numer|telefon|"
    r"zadzwoń|zadzwon|número|numero|teléfono|telefone|telefono|cellulare|număr|numar|llama|liga)\b|"
    r"رقم|هاتف|جوال|موبايل|شماره|تلفن|نمبر|فون)[^\d]{0,25}$",
    re.IGNORECASE,
)


#: Public services (not personal details): emergency, police, NHS, Childline, SHOUT, Samaritans, NSPCC,
#: Crimestoppers, National Domestic Abuse Helpline, Papyrus HOPELINE, CALM, FRANK, Mind, The Mix,
#: Manchester City Council's contact centre and social care line.
HELPLINES = _wordset(
    """
    999 112 111 101 105 119 08001111 116111 85258 116123 08088005000 0800555111 08082000247 08000684141
    0800585858 03001236600 03001233393 08088084994 01612345000 01612345001 08000288686 08081689111
    """
)


_DIGIT_GROUP = re.compile(r"\d+(?:\)\d+)?")


def _digits(text: str) -> str:
    """Return the ASCII digits in ``text`` (Arabic-Indic and other Unicode digits converted)."""
    return "".join(str(unicodedata.digit(char)) for char in text if char.isdigit())


def _is_years(groups: list[str]) -> bool:
    return all(len(group) == 4 and group[:2] in ("19", "20") for group in groups)


def _phones(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    long_seen = False
    for start, end in _phone_pieces(text):
        raw = text[start:end]
        digits = _digits(raw)
        groups = [_digits(group) for group in re.split(r"[ \t().\-]+", raw) if group]
        if digits in HELPLINES or all(group in HELPLINES for group in groups):
            continue
        if all(len(group) <= 2 for group in groups) and not raw.startswith(("0", "+")):
            continue  # a count or a list ("1 2 3 4 5 6 7 8 9 10"), not "0 7 7 0 0 ..." spelt out
        international = raw.startswith("+") or digits.startswith("00")
        cue = _PHONE_CUE.search(text, max(0, start - 30), start) is not None
        if len(digits) >= 7:
            long_seen = True
        if (
            (international and len(digits) >= 7)
            or (len(digits) >= 9 and not _is_years(groups))
            or (len(digits) >= 7 and digits[0] == "0" and "." not in raw)  # a UK number cut short: "0161 234 5"
            or (len(digits) >= 6 and cue and not _is_years(groups))
        ):
            spans.append((start, end))
    if long_seen:
        spans.extend(_matcher_phones(text))
    return spans


def _phone_pieces(text: str) -> list[tuple[int, int]]:
    """Split runs of digits into numbers: "07700 900123 07911 123456" is two phones, not one of 22 digits."""
    pieces = []
    for match in _PHONE_CANDIDATE.finditer(text):
        offset = match.start()
        raw = match.group()
        start = offset + len(raw) - len(raw.lstrip("( \t"))
        count, last_end = 0, start
        for group in _DIGIT_GROUP.finditer(text, start, match.end()):
            digits = _digits(group.group())
            # A new number starts at a trunk "0" or a "+" once the current one is long enough to be complete.
            if count >= 9 and (digits.startswith("0") or text[group.start() - 1 : group.start()] == "+"):
                pieces.append((start, last_end))
                start = group.start() - (1 if text[group.start() - 1 : group.start()] == "+" else 0)
                count = 0
            count += len(digits)
            last_end = group.end()
        pieces.append((start, match.end()))
    return pieces


def _matcher_phones(text: str) -> list[tuple[int, int]]:
    """Ask libphonenumber (slow: ~100 µs) once the cheap pattern has seen a long run of digits."""
    try:
        import phonenumbers
    except ImportError:  # pragma: no cover - the patterns above still catch UK and international numbers
        return []
    spans = []
    try:
        for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID):
            if _digits(match.raw_string) not in HELPLINES:
                spans.append((match.start, match.end))
    except Exception:  # a parser bug must never stop a batch; the patterns still apply
        return []
    return spans
