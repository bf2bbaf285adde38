"""Find and replace personal details in free-text answers: names, phone numbers, emails, addresses, handles.

The codebook's ``pii`` covers people's names, phone numbers, email addresses, street addresses and
postcodes, and social media handles. Each is replaced by ``[NAME]``, ``[PHONE]``, ``[EMAIL]``,
``[ADDRESS]`` or ``[HANDLE]`` before an analyst sees the answer.

There is no NER model (nothing may be downloaded), so names come from combined signals: cue phrases
("my mate X", "called X", "Mr X", "X from year 9"), hand-written lists of given and family names used in
Manchester (``data/redact/``), capitalised words in mid-sentence that are neither ordinary English words
(textblob's bundled lexicon) nor places, organisations or brands, and "X and Y" next to a known name.

Decisions a reviewer may want to know:

- Public helplines (999, 111, 101, 112, Childline 0800 1111, SHOUT 85258, Samaritans 116 123, ...) are
  services, not personal details: they stay.
- Phone numbers: any run of 9 or more digits (not a list of years), an international number, or 6 or more
  digits after "call", "ring", "number", "رقم", "numer"...; libphonenumber's matcher (region GB) runs too,
  but only once a run of 7 digits is seen, as it costs ~100 µs.
- A full postcode ("M14 5AB") is redacted, and so is a postcode sector ("M14 5") after "postcode" or at the
  end of a sentence. An outward code alone ("M14", "m16 vs m14" postcode beef) names a district the size
  of a ward, so it stays, unless it stands next to a street name ("Moorcroft St, M14"), which narrows it
  to a few houses.
- A house number with a street ("12 Moorcroft Street", "flat 3, 7 hulme court") is an address. A street
  name alone ("down Princess Road", "on Moorcroft Street") names no household, so it stays, as do ward
  and neighbourhood names.
- Names are cautious about words that are also ordinary words ("Will", "Grace", "Hope", Roman Urdu "aman"):
  they need a cue. Over-redaction is cheaper than a leak, so unknown capitalised words in mid-sentence are
  treated as names unless they follow "the", "a" or a place preposition ("in", "at", "near", ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.redact.addresses import _addresses
from analysis.redact.contacts import _EMAIL, _handles
from analysis.redact.cues import _PLATFORM_WORDS, _TITLES
from analysis.redact.names import _names
from analysis.redact.phones import HELPLINES, _phones
from analysis.redact.scripts import _NON_LATIN, _script_names
from analysis.redact.wordlists import _lists
from analysis.text import clean

__all__ = ["HELPLINES", "PLACEHOLDERS", "Found", "Redaction", "blanked", "redact"]


PLACEHOLDERS = {kind: f"[{kind}]" for kind in ("NAME", "PHONE", "EMAIL", "ADDRESS", "HANDLE")}


@dataclass(frozen=True)
class Found:
    """One personal detail: its kind, the exact text and where it sits in the (cleaned) answer."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Redaction:
    """An answer with each personal detail replaced by its placeholder, and what was replaced."""

    text: str
    found: tuple[Found, ...]

    def mask(self, fragment: str) -> str:
        """Redact a piece quoted from the original answer (such as evidence) the way the answer was redacted."""
        for item in sorted(self.found, key=lambda f: len(f.text), reverse=True):
            # Case-blind: theme evidence is quoted from the case-folded answer.
            fragment = re.sub(re.escape(item.text), PLACEHOLDERS[item.kind], fragment, flags=re.IGNORECASE)
        return fragment


# --------------------------------------------------------------------------------------------------
# The fast path and the whole
# --------------------------------------------------------------------------------------------------

#: Lower-case words of an answer, to ask the name lists and cue words in one set operation.
_LOWER_WORDS = re.compile(r"[^\W\d_]+")


#: _LOWER_WORDS and _ME_AND for lower-cased ASCII text, where they are plain letter runs and a case-blind search
#: is not needed: twice as fast, and every answer goes through them.
_ASCII_LOWER_WORDS = re.compile(r"[a-z]+")
_ASCII_ME_AND = re.compile(r"\bme\s+(?:and|n|&|nd)\s")


#: A capital after a word or comma (not "I"): a possible name in mid-sentence.
_MID_CAPITAL = re.compile(r"[\w,;)\-] +(?!I\b|I['’])[A-ZÀ-ÖØ-ÞĀ-ŽА-Я]")


_DIGIT = re.compile(r"\d")


#: "me and rose", "me n ashton": a companion's name may be a word or a place, so no list sends it on.
_ME_AND = re.compile(r"\bme\s+(?:and|n|&|nd)\s", re.IGNORECASE)


#: A capitalised word starting a sentence: "Grace told me" needs a look even though "grace" is a word.
_SENTENCE_CAPITAL = re.compile(r"(?:^|[.!?]\s+)([A-Z][a-z]+)")


_PRIORITY = {"EMAIL": 0, "PHONE": 1, "ADDRESS": 2, "HANDLE": 3, "NAME": 4}


def redact(text: str) -> Redaction:
    """Replace each personal detail in ``text`` with its placeholder and list what was replaced.

    Offsets refer to ``analysis.text.clean(text)`` (the same string for ordinary input). Never raises:
    empty, emoji-only or junk input gives the text back with nothing found.
    """
    try:
        text = clean(text)
    except Exception:  # odd objects (a __str__ that raises) must not stop a batch
        return Redaction("", ())
    lists = _lists()
    lowered = text.lower()
    plain = text.isascii()  # then the simpler ASCII patterns below find exactly the same
    words = set((_ASCII_LOWER_WORDS if plain else _LOWER_WORDS).findall(lowered))
    at = "@" in text
    digits = _DIGIT.search(text) is not None
    # Fast path: most answers have no digit, no "@", no capital in mid-sentence and no listed name or cue word.
    worth_a_look = (
        at
        or digits
        or _MID_CAPITAL.search(text)
        or not lists.triggers.isdisjoint(words)
        or (_ASCII_ME_AND.search(lowered) if plain else _ME_AND.search(text))
        or any(
            # A listed name, or a word no dictionary knows ("Brooklyn always sticks up for me"), starts a sentence.
            word.lower() in lists.all_names or word.lower() not in lists.common
            for word in _SENTENCE_CAPITAL.findall(text)
        )
    )
    if not worth_a_look and not (_NON_LATIN.search(text) and _script_names(text)):
        return Redaction(text, ())
    found: list[tuple[int, int, str]] = []
    if at or "dot" in words:
        found.extend((m.start(), m.end(), "EMAIL") for m in _EMAIL.finditer(text))
    if digits:
        found.extend((s, e, "PHONE") for s, e in _phones(text))
        found.extend((s, e, "ADDRESS") for s, e in _addresses(text))
    if at or not _PLATFORM_WORDS.isdisjoint(words):
        found.extend((s, e, "HANDLE") for s, e in _handles(text, [(s, e) for s, e, _ in found]))
    found.extend((s, e, "NAME") for s, e in _names(text))
    return _apply(text, found)


#: How to reach someone, said next to their handle, number or email ("add me on insta @x", "DM @y",
#: "whatsapp 07700 ..."): part of the contact detail, not a sign that the answer is about life online.
_CHANNEL = re.compile(
    r"\b(?:" + "|".join(sorted(_PLATFORM_WORDS, key=len, reverse=True)) + r"|dm|dms|msg|message|messages)\b",
    re.IGNORECASE,
)

#: The details a writer can offer as a way to reach them.
_OFFERED_KINDS = ("HANDLE", "PHONE", "EMAIL")

#: How far before or after a contact detail its channel is named.
_CHANNEL_REACH = 30

#: The writer offering a way to reach them ("add me", "msg me", "my snap is", "DM ..."): only then is the
#: platform a contact channel; "goes by @x on snap" or "tiktok @x keeps posting the fight" is life online.
_CONTACT_CUE = re.compile(
    r"\b(?:add|msg|message|dm|text|ring|call|whatsapp|hit|drop|reach|email|contact|find)\s+(?:me|us|the\s+group)\b|"
    r"\b(?:my|our|mi)\s+(?:snap|snapchat|insta|instagram|ig|tiktok|page|socials?|number)\b|^\W*dm\b|"
    r"\b(?:scrivetemi|scrivimi|escr[ií]beme|escribidme|napisz\s+do\s+mnie)\b",
    re.IGNORECASE,
)


def blanked(text: str, redaction: Redaction) -> str:
    """Return ``text`` with every personal detail blanked, for reading themes, never for display.

    A title before a name stays ("Coach [NAME]" is read as "coach"): it tells who the person is (a coach, a
    teacher, an imam), which is what the trusted-adults theme is about. The redacted answer itself keeps
    title and name together under one placeholder, since in a small group the title can give the name away.
    The channel named beside a handle, number or email the writer offers goes with it ("add me on insta @x").
    ``redaction`` is ``redact(text)``; offsets refer to ``clean(text)``, which ``text`` must already be.
    """
    if not redaction.found:  # most answers: nothing to blank
        return text
    pieces, last, after_contact = [], 0, False
    # Only a handle, number or email is offered: the (case-blind, slow) cue search waits for one.
    offered = any(item.kind in _OFFERED_KINDS for item in redaction.found) and _CONTACT_CUE.search(text) is not None
    for item in redaction.found:
        between = text[last : item.start]
        if after_contact:  # "@x on insta"
            between = _CHANNEL.sub(" ", between[:_CHANNEL_REACH]) + between[_CHANNEL_REACH:]
        contact = offered and item.kind in _OFFERED_KINDS
        if contact:
            cut = max(0, len(between) - _CHANNEL_REACH)
            between = between[:cut] + _CHANNEL.sub(" ", between[cut:])
        pieces.append(between)
        title = item.text.split(maxsplit=1)[0].rstrip(".").lower() if item.kind == "NAME" else ""
        pieces.append(f" {title} " if title in _TITLES and " " in item.text else " ")
        last, after_contact = item.end, contact
    tail = text[last:]
    if after_contact:
        tail = _CHANNEL.sub(" ", tail[:_CHANNEL_REACH]) + tail[_CHANNEL_REACH:]
    pieces.append(tail)
    return "".join(pieces)


def _apply(text: str, found: list[tuple[int, int, str]]) -> Redaction:
    """Keep the strongest of overlapping spans (kind priority, then length) and substitute placeholders."""
    found.sort(key=lambda item: (_PRIORITY[item[2]], -(item[1] - item[0]), item[0]))
    kept: list[list] = []
    for start, end, kind in found:
        if start >= end:
            continue
        overlapping = [span for span in kept if start < span[1] and span[0] < end]
        if not overlapping:
            kept.append([start, end, kind])
            continue
        # A weaker span that sticks out of a stronger one widens it: no fragment of a detail may stay.
        strongest = overlapping[0]
        strongest[0] = min(start, *(span[0] for span in overlapping))
        strongest[1] = max(end, *(span[1] for span in overlapping))
        kept = [span for span in kept if span is strongest or span not in overlapping]
    kept.sort()
    pieces, details, last = [], [], 0
    for start, end, kind in kept:
        pieces.append(text[last:start])
        pieces.append(PLACEHOLDERS[kind])
        details.append(Found(kind, text[start:end], start, end))
        last = end
    pieces.append(text[last:])
    return Redaction("".join(pieces), tuple(details))
