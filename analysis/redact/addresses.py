"""Street addresses and postcodes."""

from __future__ import annotations

import re

from analysis.redact.lexicon import _wordset

# --------------------------------------------------------------------------------------------------
# Addresses and postcodes
# --------------------------------------------------------------------------------------------------

_STREET_TYPES = (
    r"(?:street|st|road|rd|avenue|ave|av|lane|ln|close|cl|grove|gr|drive|dr|way|crescent|cres|court|ct|terrace"
    r"|terr|tce|place|pl|walk|gardens|gdns|square|sq|mews|row|hill|park|view|rise|green|parade|pde|mount|vale"
    r"|fold|brow|croft|meadows?|boulevard|blvd|approach|chase|gate|yard|wharf|quay|bank|heights|house|tower"
    r"|towers|lodge|buildings|apartments|mill|works)"
)


#: Postcode: outward code (area + district) and inward code (sector digit + unit letters, no C I K M O V).
_POSTCODE = re.compile(r"\b([A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?)\s?(\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)


#: A postcode sector ("M14 5"): as close as a full postcode to a household in a small estate.
_SECTOR = re.compile(
    r"\b([A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?)\s(\d)(?![\w:.,/-]?\d)(?!\s?(?:am|pm|mins?|hours?|hrs?|times?|years?|yrs?|x)\b)",
    re.IGNORECASE,
)


_LETTER_DIGIT = re.compile(r"[A-Za-z]\d")


_POSTCODE_CUE = re.compile(r"\bpost\s?code\s*(?:is|was|:|-|=)?\s*$", re.IGNORECASE)


_STREET_WORD = r"[^\W\d_][\w'’.\-]*"


#: The patterns are anchored at a house number or an outward code (matching from every position is slow).
_NUMBER = re.compile(r"(?<![\w.,/:£$])\d{1,4}[a-z]?\b", re.IGNORECASE)


_OUTWARD = r"[A-Z]{1,2}\d{1,2}[A-Z]?\b(?!\s?\d)"


_HOUSE = re.compile(
    rf"\d{{1,4}}[a-z]?(?:\s*-\s*\d{{1,4}})?,?\s+((?:{_STREET_WORD}\s+){{1,3}}){_STREET_TYPES}\b\.?"
    # "8 Lloyd St South": a compass word after the street type is part of its name.
    r"(?-i:\s+(?:North|South|East|West|Upper|Lower)\b)?"
    rf"(?:,?\s*(?P<out>{_OUTWARD}))?",
    re.IGNORECASE,
)


_FLAT_BEFORE = re.compile(r"\b(?:flat|apartment|apt|unit|house|no\.?|number)\s*\d{1,4}[a-z]?\s*,?\s*$", re.IGNORECASE)


_OUTWARD_CODE = re.compile(rf"\b{_OUTWARD}", re.IGNORECASE)


#: Residential street types (a park or a station next to an outward code is no household).
_RESIDENTIAL_BEFORE = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|lane|ln|close|grove|drive|way|crescent|cres|court|ct|terrace|place|walk"
    r"|gardens|square|mews|row|rise|fold|brow|croft)\b\.?,?\s*$",
    re.IGNORECASE,
)


_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


#: Words that show "12 ... road" is a count, a time or a route, not a house number and street name.
_NOT_STREET_NAME = _wordset(
    """
    the a an on in at of to my our your their his her this that and or but down up along near by from off
    round around across past over into onto through other different same whole every main busy quiet dark
    big little long short more less few many all some one two three four five six seven eight nine ten
    minutes minute mins min hours hour hrs hr seconds secs days day weeks week months month years year yrs
    times time miles mile metres meters yards feet ft blocks streets roads houses doors shops people kids
    boys girls lads men women guys police cops cars car buses bus tram trams lanes ways way roundabout
    is was are were be been has have had it its there here where when who what not no
    """
)


def _street_name(words: str) -> bool:
    return not any(word.lower().strip(".'’") in _NOT_STREET_NAME for word in words.split())


def _addresses(text: str) -> list[tuple[int, int]]:
    spans = []
    for number in _NUMBER.finditer(text):
        match = _HOUSE.match(text, number.start())
        if match and _street_name(match.group(1)):
            start = number.start()
            flat = _FLAT_BEFORE.search(text, max(0, start - 25), start)
            spans.append((flat.start() if flat else start, match.end()))
    if not _LETTER_DIGIT.search(text):
        return spans  # every postcode has a letter followed by a digit ("M14"): most answers have none
    for code in _OUTWARD_CODE.finditer(text):
        # An outward code next to a street ("Moorcroft St, M14") narrows to a few houses.
        street_type = _RESIDENTIAL_BEFORE.search(text, max(0, code.start() - 20), code.start())
        if street_type:
            # Up to three name words before the street type, stopping at "on", "the", "down"...
            words = list(_WORD.finditer(text, max(0, street_type.start() - 60), street_type.start()))[-3:]
            kept = []
            for word in reversed(words):
                if word.group().lower() in _NOT_STREET_NAME:
                    break
                kept.append(word)
            if kept:
                spans.append((kept[-1].start(), code.end()))
    for match in _POSTCODE.finditer(text):
        inward = match.group(2)
        # "b4 2nd" is text-speak and an ordinal, not a postcode: lower-case ordinals need capitals to count.
        if inward[1:].lower() in ("st", "nd", "rd", "th") and not match.group().isupper():
            continue
        spans.append(match.span())
    for match in _SECTOR.finditer(text):
        # "M14 5." ends a sentence like a postcode does; "M14 2 people got stabbed" is a count.
        ends = text[match.end() :].lstrip()[:1] in ("", ",", ".", ";", ":", "!", "?", ")")
        if (match.group(1).isupper() and ends) or _POSTCODE_CUE.search(text, max(0, match.start() - 20), match.start()):
            spans.append(match.span())
    return spans
