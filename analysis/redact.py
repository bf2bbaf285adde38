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

import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.text import TEXT_SPEAK, clean

__all__ = ["HELPLINES", "PLACEHOLDERS", "Found", "Redaction", "redact"]

PLACEHOLDERS = {kind: f"[{kind}]" for kind in ("NAME", "PHONE", "EMAIL", "ADDRESS", "HANDLE")}

_DATA = Path(__file__).parent / "data" / "redact"


def _wordset(words: str) -> frozenset[str]:
    """Return the whitespace-separated ``words`` as a set (long word lists read better as prose)."""
    return frozenset(words.split())


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


# --------------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------------


def _read(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word.lower() for line in _read(name) for word in line.split() if len(word) > 2)


#: Tags of words that cannot stand where a name stands after "my mate": "my mate will come", "my bro rose up".
_NOT_NOUN_TAGS = ("MD", "VB", "RB", "IN", "DT", "PRP", "CC", "TO", "WDT", "WP", "WRB", "RP", "EX", "UH")


@cache
def _lexicon_tags() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-case English words from textblob's bundled tagger lexicon, its non-nouns and its verbs and adverbs.

    Proper nouns (NNP) and foreign words (FW) are left out: the first set answers "is this an ordinary word?".
    """
    # find_spec locates the package without importing it (importing textblob pulls in nltk: ~0.5 s).
    spec = importlib.util.find_spec("textblob")
    try:
        folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
        raw = (folder / "en" / "en-lexicon.txt").read_text(encoding="utf-8")
    except (AttributeError, StopIteration, TypeError, OSError):  # pragma: no cover - textblob is a dependency
        return frozenset(), frozenset(), frozenset()
    words, not_nouns, verbs = set(), set(), set()
    for line in raw.splitlines():
        word, _, tag = line.partition(" ")
        if word.islower() and tag and not tag.startswith(("NNP", "FW")):
            words.add(word)
            if tag.startswith(_NOT_NOUN_TAGS):
                not_nouns.add(word)
            if tag.startswith(("VB", "MD", "RB")):
                verbs.add(word)
    return frozenset(words), frozenset(not_nouns), frozenset(verbs)


def _lexicon() -> frozenset[str]:
    return _lexicon_tags()[0]


#: Ordinary words the 1990s lexicon lacks: text-speak, slang and modern words young people use.
_MODERN = _wordset(
    """
    lol lmao lmfao omg idk idc ikr ngl tbh imo imho smh fr frfr rn asap btw fyi wtf wth ffs pls plz thx ty
    innit init bruv blud bro bros fam mandem gyaldem gyal peng bare allow wagwan wah dem deh ting tings opps
    opp roadman roadmen wasteman wastemen sus cap lit vibe vibes vibing cringe lowkey highkey deffo defo
    proper dead mint sound buzzing mardy minging skint gutted chuffed knackered nowt owt summat sommat
    youse yous yall ya yeh yea yeah yep nope nah naa okay ok oki kk cuz coz cos tho thru gonna wanna gotta
    aint dunno lemme gimme kinda sorta outta alot covid lockdown lockdowns vape vapes vaping vaper ebike
    ebikes e-bike e-bikes e-scooter e-scooters scooters online offline app apps website websites email
    emails selfie selfies hashtag vlog vlogs youtuber youtubers influencer influencers tiktoker wifi
    internet smartphone smartphones iphone iphones ipad texting facetime snapchat instagram whatsapp
    tiktok youtube netflix podcast podcasts ghosting catfish catfished doxxed doxxing drill grime trap
    estate estates postcode postcodes ends endz kiddie kiddies mates bestie besties bestfriend bf gf bff
    hun babe bae yh mum mums dad dads nan nana nanna grandad grandma gran sis bruh ppl skl skool uni
    sixth-form alevels gcse gcses btec btecs tafe ks3 ks4 sen senco pru
    theyd youd hed itd thatd whod wouldve couldve shouldve mustve theyve youve weve theyll youll itll thatll
    whats wheres hows whos arent yall rd st ave ln cl gr ct pl sq cres terr tce gdns pde blvd
    paramedic paramedics carer carers physio physios xray x-ray receptionist receptionists phlebotomist gp gps
    mubarak eid info serv
    neighbour neighbours neighbourhood behaviour colour colours favourite honour humour labour rumour flavour
    inshallah mashallah wallahi wallah walahi alhamdulillah habibi yallah yalla bismillah subhanallah
    astaghfirullah salaam salam assalamualaikum jummah haram halal hijab niqab deen ummah masjid madrassa
    yr yrs xmas thankyou inlaw inlaws in-law in-laws stepson stepdaughter stepbrother stepsister stepdad stepmum
    physiotherapy podiatry rehab medic medics myeloma aphasia bipolar croup deafblind adhd autism autistic
    dyslexia dyslexic dyspraxia ptsd ocd anorexia bulimia counselling counsellor counsellors microsoft teams zoom
    pfizer paracetamol ibuprofen
    """
) | frozenset(TEXT_SPEAK)

#: Words that are never names, whatever their case: pronouns, determiners, kin terms, interjections.
_NEVER = _wordset(
    """
    i me my mine myself you your yours he him his she her hers it its we us our ours they them their theirs
    this that these those the a an and or but if so not no yes all any some every each both either
    mum dad mom mother father brother sister bro sis son daughter nan nana gran grandma grandad uncle
    auntie aunty aunt cousin mate mates friend friends bestie teacher miss sir mr mrs ms dr god allah
    hello hi hey thanks thank please sorry ok okay lol yeah
    się sie na mi meu nome este waa es é imię imie hai hoon hain ka ki ke ko se is was
    """
)


class _Lists:
    """The word lists, loaded once: names, ambiguous names, places and multi-word place phrases."""

    def __init__(self) -> None:
        self.first = _words("first_names.txt")
        self.surnames = _words("surnames.txt")
        self.names = self.first | self.surnames
        self.ambiguous = _words("ambiguous.txt")
        place_lines = _read("places.txt")
        self.places = frozenset(_strip_possessive(line.lower()) for line in place_lines if _TOKEN.fullmatch(line))
        #: Multi-word places by their first word, as token tuples: {"moss": [("moss", "side")]}.
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for line in place_lines:
            words = tuple(_strip_possessive(word.lower()) for word in _TOKEN.findall(line))
            if len(words) > 1:
                self.phrases.setdefault(words[0], []).append(words)
        self.common = _lexicon() | _MODERN
        self.all_names = self.names | self.ambiguous
        #: Any of these words in an answer sends it through the full (slower) pass.
        #: (Listed names that are ordinary words only count after a cue or with a capital, caught elsewhere.)
        self.triggers = ((self.names - self.ambiguous) - self.common) | _CUE_WORDS


def _strip_possessive(word: str) -> str:
    return word[:-2] if len(word) > 3 and word[-2:] in ("'s", "’s") else word


@cache
def _lists() -> _Lists:
    return _Lists()


# --------------------------------------------------------------------------------------------------
# Emails, handles, phone numbers
# --------------------------------------------------------------------------------------------------

_MAIL_DOMAINS = r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|aol|btinternet|sky|ymail|proton|protonmail|me)"
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]*\w@[\w-]+(?:\.[\w-]+)+"
    rf"|(?<![\w.+-])[\w.+-]*\w@{_MAIL_DOMAINS}\b"
    # Spelt out to dodge filters: "kyle dot b at gmail dot com".
    rf"|\b[\w.+-]+(?:\s+dot\s+\w+)*\s*(?:\(at\)|\[at\]|\s+at\s+){_MAIL_DOMAINS}\s*(?:\.|\s+dot\s+)\s*(?:com|co\s*\.?\s*uk|net|org)\b",
    re.IGNORECASE,
)
#: "@name" that is not part of an email; "@ the park" (a space) or "@home" is the word "at".
_AT_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?)")
_AT_WORDS = _wordset("home school skl work night nite uni college the park mine yours least most all church mosque gym")
_PLATFORM = (
    r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|discord|fb|facebook|telegram|kik|threads|twitch"
    r"|youtube|yt|psn|gamertag|xbox|bereal|wechat|line|signal|whatsapp|roblox|fortnite|steam)"
)
#: "my snap is kyle_x", "add me on insta: kyle.x", "sc - kylex", "tiktok @kyle".
_HANDLE_AFTER = re.compile(
    rf"\b(?P<p>{_PLATFORM}(?:\s+(?:name|username|user|handle|id|acc|account|tag))?)\b"
    r"(?:\s*(?P<sep>is|was|=|:|-|–|'s|’s)\s*|\s+)@?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})",
    re.IGNORECASE,
)
_OWNED_PLATFORM = re.compile(
    rf"\b(?:my|his|her|their|ur|your|add\s+(?:me|him|her|them)\s+on|on\s+(?:his|her|their|my))\s+{_PLATFORM}$",
    re.IGNORECASE,
)
#: Something that can only be a username (digits, dots or underscores in a word) shortly after a platform:
#: "snap me: jaybaby2009", "find him on snap as dev.x_x".
_HANDLE_NEAR = re.compile(
    rf"\b{_PLATFORM}\b[^\n]{{0,30}}?(?<![\w.@])@?(?P<h>[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9_.]*[A-Za-z0-9_]|\d{{2,}}[A-Za-z0-9_]*))",
    re.IGNORECASE,
)
_PLATFORM_MENTION = re.compile(rf"\b{_PLATFORM}\b", re.IGNORECASE)
#: "add kyle_x on snap", "follow kyle.x on insta" (searched just before a platform mention).
_HANDLE_BEFORE = re.compile(
    r"\b(?:add|follow|dm|message|msg|find|search)\s+(?:me\s+)?@?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})\s+(?:on|in)\s+$",
    re.IGNORECASE,
)

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


# --------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: Anything between two words that ends a sentence, so the next capital proves nothing.
_BREAK = re.compile(r"[.!?\n:;\"“”()\[\]•*|/\u061f\u06d4\U0001f000-\U0001faff\u2600-\u27bf]")

#: Titles: the next word is a name ("Mr Khan", "PC Jones", "Aunty Shabana").
_TITLES = _wordset(
    "mr mrs ms mx miss dr sir prof professor pc pcso sgt sergeant officer inspector detective coach imam "
    "sheikh shaykh pastor reverend rev father sister nurse doctor aunty auntie uncle hafiz ustadh ustad "
    "maulana molvi mister missus"
)
#: Titles that are also ordinary words: only a title when capitalised or before a known name.
_SOFT_TITLES = _wordset("miss sir officer inspector detective coach father sister nurse doctor uncle aunty auntie")
#: People a writer names after "my": "my mate Kyle", "her boyfriend Jay", "this lad Tyler".
_RELATIONS = _wordset(
    """
    mate mates friend friends bestie besties bff pal pals bf gf boyfriend girlfriend cousin cousins brother
    brothers bro bros sister sisters sis uncle auntie aunty aunt nan nana nanna gran grandma grandad grandpa
    mum mom mam mother dad father stepdad stepmum son sons daughter daughters neighbour neighbours neighbor
    teacher tutor husband wife partner ex boss manager worker coach mentor classmate lad lads boy boys girl
    girls kid guy man woman bloke fella geezer bredrin cuz mentee carer foster nephew niece twin baby
    bhai bhaiya bhaijaan behen behan baji apa abbu ammi abba amma beta beti dost yaar saheli chacha chachi
    khala khalu mamu phuppo
    córka corka syn brat siostra kolega koleżanka kolezanka przyjaciel przyjaciółka przyjaciolka kuzyn
    kuzynka wnuk wnuczka sąsiad sasiad
    hijo hija hermano hermana amigo amiga primo prima sobrino sobrina vecino vecina
    filho filha irmão irmao irmã irma amiga primo vizinho
    figlio figlia fratello sorella amico cugino vicino
    ibni ibnati akhi ukhti sadiqi
    """
)
#: "a lad called X": people who are given a name (not "my mum called X", who may be phoning someone).
_PERSON_NOUNS = _wordset(
    "lad lads boy boys girl girls man men woman guy guys kid kids bloke fella geezer someone somebody person"
)
#: People who are named after an indefinite article: "a friend called X", "this teacher named X".
_INDEFINITE_PERSON = _wordset("friend mate teacher neighbour student pupil worker")
_OWNERS = _wordset(
    "my his her our their your ur me this that a one some the called named mi "
    "mera meri mere uska uski uske hamara hamari tera teri mój moj moja moje mojej mojego jego jej nasz "
    "nasza su mis meu minha mio mia il la"
)
#: "called X", "named X", "name is X" and other ways of giving a name, in the survey languages.
_NAMING = _wordset(
    """
    called named nicknamed aka calls names name's
    naam naam: nazywa nazywam imię imie llamo llama chamo chama chiamo chiama numesc numește numeste
    magacaygu magaciisu magaceedu magacaa ismi ismu esmam esmesh adım adim
    """
)
_NAME_LINKS = _wordset("is was be's")
#: "ask for X", "speak to X": strong for a known name, weak otherwise.
_ASKING = _wordset("ask asked asking speak spoke talk talked tell told contact")
#: Words before a name that suggest a person ("me and kyle", "told kyle", "with kyle").
_PERSON_BEFORE = _wordset(
    "and & n with told tell tells ask asked saw seen see met meet texted text messaged called call rang ring "
    "by like hit hits punched stabbed jumped robbed threatened bullied follows followed knows know knew "
    "blocked reported"
)
#: Words after a name that suggest a person ("kyle said", "kyle got jumped").
_PERSON_AFTER = _wordset(
    "said says told tells got gets was is has had did does keeps kept tried hit punched stabbed jumped "
    "robbed threatened bullied sent sends texted messaged posted lives lived and & n who from in is's "
    "started starts came comes went goes"
)
#: After these words a capitalised word is more likely a place or a thing than a person.
_PLACE_BEFORE = _wordset(
    "in at near around round from to into outside towards past through via across off on the a an "
    "visit visited live lives living moved of county"
)
#: A capitalised word before these is part of a place or an organisation ("Kyle Street", "Trinity Academy").
_FACILITY_CAPS = _wordset(
    """
    street st road rd avenue ave lane close grove drive way crescent court terrace place walk gardens square
    mews row park parks centre center school academy college university uni hospital station library church
    mosque masjid gurdwara temple estate club leisure baths hall market fields rec stadium arena museum
    gallery theatre cinema mall village town city hill green heath moor bridge brook vale view house tower
    towers flats shop store cafe restaurant bar pub hotel surgery clinic pharmacy trust foundation project
    partnership service services team group network council police fc united city primary high infirmary
    boulevard parkway metrolink tram bus airport quay wharf community sports boxing gym chippy takeaway hosp
    ward unit lodge syndrome disease
    """
)
_FACILITY_LOWER = _wordset(
    "street st road rd avenue ave lane close drive crescent academy school college park centre mosque church "
    "hospital hosp station hall library estate"
)
#: "X from year 9", "X in my class": school context marks X as a pupil.
_SCHOOL_AFTER = re.compile(
    r"\s+(?:from|in|at)\s+(?:(?:year|yr|y)\s?\d{1,2}|\d{1,2}[a-z]{1,2}\d?\b(?<!am)(?<!pm)|(?:my|the|our)\s+(?:class|form|year|school|youth\s+club|club"
    r"|youth\s+centre|centre|gym|mosque|church|shop|chippy|barbers|estate|flats|block|hub))\b",
    re.IGNORECASE,
)
#: Names in other scripts come from cues alone (no lists): "my friend X", "my brother X", "my name is X" in
#: Urdu, Arabic, Persian, Bengali, Gurmukhi, Devanagari and Chinese. The word after the cue is the name
#: unless it is one of the everyday words that also follow these cues ("my brother at school", "my friend
#: also"). Cues are NFC-normalised like the answers (clean() applies NFC), so Bengali "য়" matches.
_SCRIPT_CUES = {
    # Arabic script: Urdu, Arabic, Persian (and Shahmukhi Punjabi)
    "arabic": """
        اسمي إسمي اسمه اسمها إسمه إسمها يدعى تدعى يسمى تسمى اسم_من نام_من نامم میرا_نام مرا_نام اس_کا_نام اسکا_نام
        ان_کا_نام جس_کا_نام میرا_ناں به_اسم به_نام
        میرا_دوست میری_دوست میرے_دوست میرا_بھائی میرے_بھائی میری_بہن میرا_بیٹا میرے_بیٹے میری_بیٹی میرا_کزن
        میری_کزن میرے_کزن میرا_شوہر میرے_شوہر میری_بیوی میری_سہیلی میرا_یار میرے_یار میرا_ہمسایہ میرے_ابو
        میرا_پتر میرا_ویر میری_بھین ساڈا_دوست
        صديقي صديقتي صاحبي أخي اخي أختي اختي ابني إبني ابنتي بنتي زوجي زوجتي ابن_عمي ابنة_عمي بنت_عمي ابن_خالي
        بنت_خالي معلمي معلمتي الأستاذ الاستاذ الأستاذة الاستاذة السيد السيدة
        دوستم دوست_من برادرم برادر_من خواهرم خواهر_من پسرم پسر_من دخترم دختر_من همسایه‌ام معلمم آقای
    """,
    "bengali": """
        আমার_বন্ধু আমার_বান্ধবী আমার_ভাই আমার_বোন আমার_ছেলে আমার_মেয়ে আমার_কাজিন আমার_নাম ওর_নাম তার_নাম
        ওনার_নাম তাঁর_নাম আমার_স্বামী আমার_স্ত্রী আমার_দোস্ত আমার_চাচাতো_ভাই আমার_মামাতো_ভাই আমার_খালাতো_ভাই
    """,
    "gurmukhi": """
        ਮੇਰਾ_ਦੋਸਤ ਮੇਰੀ_ਦੋਸਤ ਮੇਰੇ_ਦੋਸਤ ਮੇਰਾ_ਭਰਾ ਮੇਰੇ_ਭਰਾ ਮੇਰੀ_ਭੈਣ ਮੇਰਾ_ਪੁੱਤਰ ਮੇਰਾ_ਪੁੱਤ ਮੇਰਾ_ਮੁੰਡਾ ਮੇਰੀ_ਧੀ ਮੇਰੀ_ਕੁੜੀ
        ਮੇਰਾ_ਨਾਮ ਮੇਰਾ_ਨਾਂ ਉਸਦਾ_ਨਾਮ ਉਸ_ਦਾ_ਨਾਮ ਉਸਦਾ_ਨਾਂ ਮੇਰਾ_ਯਾਰ ਮੇਰਾ_ਕਜ਼ਨ ਮੇਰੀ_ਸਹੇਲੀ ਮੇਰੇ_ਪਤੀ ਮੇਰੀ_ਪਤਨੀ ਮੇਰਾ_ਵੀਰ
    """,
    "devanagari": """
        मेरा_दोस्त मेरी_दोस्त मेरे_दोस्त मेरा_भाई मेरे_भाई मेरी_बहन मेरा_बेटा मेरी_बेटी मेरा_नाम उसका_नाम मेरी_सहेली
    """,
}
#: Everyday words that follow those cues and are no name (postpositions, verbs, adverbs, places, kin).
_SCRIPT_STOP = _wordset(
    """
    کو نے کا کی کے بھی اور سکول اسکول میں ہے ہیں ہوں تھا تھی تھے بہت کبھی ہمیشہ گھر باہر ابھی نہیں روز ہر سے پر جب
    تو جو یہ وہ کہتا کہتی کہتے کل آج ایک اب صرف لوگ سب کہ بھائی بہن دوست اکیلا اکیلی مسجد پارک ہمارے ہماری ہمارا
    بالکل کافی زیادہ کم ڈرتا ڈرتی ڈر
    في من لا لم لن هو هي كان كانت قد ما الذي التي وهو وهي أيضا ايضا عمره عمرها على الى إلى مع عن أن ان هذا هذه
    يخاف تخاف يذهب تذهب يشعر تشعر تعرض تعرضت لديه لديها يقول تقول قال قالت دائما أبدا كثيرا وحده وحدها الصغير
    الكبير الأكبر الأصغر يحب تحب ليس ليست و
    در از به با هم که را است بود هست نیست خیلی همیشه هیچ وقت کوچکم بزرگم تنها
    স্কুলে স্কুল খুব কে কি এবং ও আর সবসময় আমাকে পার্কে বাড়িতে বাইরে এখন কখনো না নেই ভয় একা রাতে প্রতিদিন তো
    যে সে এই কিন্তু আছে হয় হল বলে বলেছে বলল যায় যেতে থাকে কেউ সাথে পুলিশ মা বাবা আমার আমি আমরা
    ਨੂੰ ਨੇ ਦਾ ਦੀ ਦੇ ਵੀ ਅਤੇ ਤੇ ਸਕੂਲ ਵਿੱਚ ਵਿਚ ਹੈ ਹਨ ਸੀ ਬਹੁਤ ਕਦੇ ਹਮੇਸ਼ਾ ਘਰ ਬਾਹਰ ਹੁਣ ਨਹੀਂ ਰੋਜ਼ ਹਰ ਤੋਂ ਜਦੋਂ ਤਾਂ ਜੋ
    ਇਹ ਉਹ ਕਹਿੰਦਾ ਕਹਿੰਦੀ ਡਰਦਾ ਡਰਦੀ ਇਕੱਲਾ ਇਕੱਲੀ ਮੇਰਾ ਮੇਰੀ ਮੇਰੇ
    को ने का की के भी और स्कूल में है हैं था थी बहुत कभी हमेशा घर बाहर अब नहीं रोज़ हर से पर जब तो जो यह वह
    """
)
_SCRIPT_WORD = {
    "arabic": "[\u0621-\u064a\u064b-\u065f\u0670\u0671-\u06d3]",
    "bengali": "[\u0980-\u09ff]",
    "gurmukhi": "[\u0a00-\u0a7f]",
    "devanagari": "[\u0900-\u097f]",
}
_COPULA = "(?:ہے|ہوں|ਹੈ|ਹਾਂ|है|हूँ|هو|است)"


def _script_pattern(script: str) -> re.Pattern[str]:
    cues = sorted((unicodedata.normalize("NFC", cue) for cue in _SCRIPT_CUES[script].split()), key=len, reverse=True)
    word = _SCRIPT_WORD[script]
    alternation = "|".join(re.escape(cue).replace("_", r"\s+") for cue in cues)
    # A second word belongs to the name when a copula closes it: "میرا نام عمران خان ہے".
    return re.compile(
        rf"(?<!{word})(?:{alternation})\s+(?:(?:هو|ہے|است|:)\s+)?(?P<n>{word}{{2,}})"
        rf"(?:\s+(?P<s>{word}{{2,}})(?=\s+{_COPULA}(?!{word})))?(?!{word})"
    )


_SCRIPT_PATTERNS = {script: _script_pattern(script) for script in _SCRIPT_CUES}
_SCRIPT_DETECT = {
    "arabic": re.compile("[\u0621-\u06d3]"),
    "bengali": re.compile("[\u0980-\u09ff]"),
    "gurmukhi": re.compile("[\u0a00-\u0a7f]"),
    "devanagari": re.compile("[\u0900-\u097f]"),
}
#: Chinese: "my friend/brother/son ...", "is called": a name is two or three characters, ended by a function
#: character ("我的朋友小明在学校" -> 小明; "我的朋友在学校" has none).
_CHINESE_NAMING = re.compile(
    r"(?:我的|我)(?:好朋友|朋友|同学|哥哥|弟弟|姐姐|妹妹|儿子|女儿|孩子|邻居|表哥|表弟|表姐|表妹|老公|老婆)"
    r"|(?:我|他|她)叫|名叫|叫做|我的名字(?:是|叫)"
)
_CHINESE_FUNCTION = frozenset("在是被和跟也都很不说去的了给把让从就还又要会能对有没叫今昨每一这那我你他她们个")
_NON_LATIN = re.compile("[\u0621-\u06d3\u0900-\u097f\u0980-\u09ff\u0a00-\u0a7f\u4e00-\u9fff]")


def _script_names(text: str) -> list[tuple[int, int]]:
    """Find names after cue phrases in Arabic script, Bengali, Gurmukhi, Devanagari and Chinese."""
    spans = []
    for script, pattern in _SCRIPT_PATTERNS.items():
        if not _SCRIPT_DETECT[script].search(text):
            continue
        for match in pattern.finditer(text):
            if match.group("n") in _SCRIPT_STOP or match.group("n").startswith(("می\u200c", "نمی")):
                continue
            end = match.end("s") if match.group("s") and match.group("s") not in _SCRIPT_STOP else match.end("n")
            spans.append((match.start("n"), end))
    for match in _CHINESE_NAMING.finditer(text):
        end = match.end()
        while end < len(text) and end - match.end() < 3 and "\u4e00" <= text[end] <= "\u9fff":
            if text[end] in _CHINESE_FUNCTION:
                break
            end += 1
        if end - match.end() >= 2:
            spans.append((match.end(), end))
    return spans


#: Unmistakably English words ("to" and "i" are Polish words too, "in" is Italian).
_ENGLISH_HINTS = _wordset(
    "the and is my me you it of we they he she was are with that this have got his her someone people when what "
    "there because but not been just like get getting feel safe school out from would should more"
)


_POSTPOSED_OWNERS = _wordset("meu mea lui ei nostru noastră")
_POSTPOSED_RELATIONS = _wordset("fratele sora fiul fiica prietenul prietena vecinul vecina verișorul varul mama tata")
_SOMALI_RELATIONS = _wordset("walaalkay walaashay wiilkayga wiilkeyga gabadhayda gabadheyda saaxiibkay saaxiibkey ina")
#: Words between a naming verb and the name: Polish "nazywam się X", Spanish "me llamo X", Somali "magacaygu waa X".
_NAMING_GLUE = _wordset("się sie na me mi meu nome este e waa es é imię imie hai is")
_NAME_NOUNS = _wordset("nombre nome numele imię imie naam name")


class _Tok:
    """One word of an answer, with the facts the name rules ask about (built only for words worth a look)."""

    __slots__ = ("cap", "caps", "end", "low", "lower", "place", "possessive", "sentence_start", "start", "word")

    def __init__(self, start: int, end: int, word: str, low: str, sentence_start: bool, place: bool) -> None:
        self.possessive = len(word) > 3 and word[-2:] in ("'s", "’s")
        if self.possessive:
            word, end = word[:-2], end - 2
        self.start, self.end, self.word, self.low = start, end, word, low
        self.caps = len(word) > 1 and word.isupper()
        self.cap = word[0].isupper() and not self.caps
        self.lower = word.islower()
        self.sentence_start = sentence_start
        self.place = place


#: Cue strengths: a weak cue ("ask for X") admits known names and capitalised unknown words; a naming cue
#: ("called X", "name is X") also admits unknown lower-case words; a relation or title ("my mate X",
#: "Mr X") also overrides the place list ("my mate Chelsea").
#: "a lad called X", "they call him X" (_CALLED) also admit capitalised ordinary words: nicknames ("Smudge").
_WEAK, _NAMING_CUE, _CALLED, _PERSONAL = 1, 2, 3, 4
#: Nickname prefixes: "lil T", "Big Dre", "young Kay" after a cue are one name.
_NICK_PREFIXES = _wordset("lil lil' little big young yung baby")
_CALL_FORMS = _wordset("call calls called calling")
#: Kin after "X's": "ruby's dad", "jack's mum" name X even in lower case.
_KIN = _wordset("mum mam mom dad brother sister bro sis nan gran cousin boyfriend girlfriend bf gf auntie aunty uncle")
#: "thanks to X", "shout out to X": "to" before a person (elsewhere "to" leads to a place).
_TO_PERSON = _wordset("thanks thank out shoutout grateful thankful gave give sent send listen listened")
#: Third-person pronouns: a sentence-initial ordinary word with one of these after its verb is a person.
_THIRD_PERSON = _wordset("he she his her him himself herself")
_CONTRACTIONS = ("'d", "'m", "'ve", "'ll", "'re", "n't", "'s")
#: Medical eponyms and other capitalised words that are not people in an answer.
_EPONYMS = _wordset("alzheimer alzheimers parkinson parkinsons crohn crohns asperger aspergers tourette tourettes")
#: Words after which the next word deserves a look even in lower case.
_LOOK_AFTER = (
    _TITLES
    | _RELATIONS
    | _NAMING
    | _NAMING_GLUE
    | _NAME_LINKS
    | _POSTPOSED_OWNERS
    | _SOMALI_RELATIONS
    | _wordset("for to by as call ring text message contact name")
)


class _Names:
    """Name decisions for one answer. Words are looked at lazily: most are plain lower-case words."""

    def __init__(self, text: str) -> None:
        lists = _lists()
        self.first, self.surnames, self.names = lists.first, lists.surnames, lists.names
        self.ambiguous, self.places, self.common = lists.ambiguous, lists.places, lists.common
        self.text = text
        self.matches = list(_TOKEN.finditer(text))
        folded = text.lower().replace("’", "'")  # same length, so the offsets still hold
        spans = [m.span() for m in self.matches]
        self.lows = [
            low[:-2] if low.endswith("'s") and len(low) > 3 else low for low in (folded[a:b] for a, b in spans)
        ]
        self.n = len(self.matches)
        self._toks: dict[int, _Tok] = {}
        self._english: bool | None = None
        self._in_place: set[int] | None = None

    def _place_words(self) -> set[int]:
        """Indices of the words of multi-word places ("Moss Side", "Cheetham Hill Road")."""
        phrases = _lists().phrases
        lows = self.lows
        marked: set[int] = set()
        if phrases.keys().isdisjoint(lows):
            return marked
        for i, low in enumerate(lows):
            for phrase in phrases.get(low, ()):
                if tuple(lows[i : i + len(phrase)]) == phrase:
                    marked.update(range(i, i + len(phrase)))
        return marked

    def tok(self, i: int) -> _Tok:
        tok = self._toks.get(i)
        if tok is None:
            match = self.matches[i]
            start = match.start()
            sentence_start = i == 0 or self._breaks(i)
            if self._in_place is None:
                self._in_place = self._place_words()
            tok = _Tok(start, match.end(), match.group(), self.lows[i], sentence_start, i in self._in_place)
            self._toks[i] = tok
        return tok

    def _breaks(self, i: int) -> bool:
        """Say whether a sentence may start between word ``i - 1`` and word ``i``."""
        end = self.matches[i - 1].end()
        start = self.matches[i].start()
        if _BREAK.search(self.text, end, start) is None:
            return False
        # "Mrs. Williams", "J. Smith": the full stop of a title or an initial ends no sentence.
        previous = self.matches[i - 1].group()
        return not (
            self.text[end:start].strip() == "."
            and (self.lows[i - 1] in _TITLES or (len(previous) == 1 and previous.isupper()))
        )

    def _initial(self, i: int) -> bool:
        """Say whether word ``i`` is an initial right before a name ("J. Smith"), not "I" or "A"."""
        word = self.matches[i].group()
        gap = self.text[self.matches[i].end() : self.matches[i + 1].start()]
        return len(word) == 1 and word.isupper() and word not in "IA" and gap in (" ", ". ", ".")

    def shouting(self) -> bool:
        """Say whether the answer is written in capitals (then "KYLE" is a name; elsewhere "TIA" is an acronym)."""
        letters = [char for char in self.text if char.isalpha()]
        return sum(1 for char in letters if char.isupper()) * 2 >= len(letters)

    def english(self) -> bool:
        """Say whether the answer reads as English (lower-case names are only trusted there)."""
        if self._english is None:
            hits = sum(1 for low in self.lows if low in _ENGLISH_HINTS)
            if hits >= 2 or (hits and self.n <= 6):
                self._english = True
            else:
                # Few function words ("kyle n tyler got jumped outside tesco"): mostly English words will do.
                others = [low for low in self.lows if low not in self.names]
                known = sum(1 for low in others if low in self.common)
                self._english = bool(others) and known * 10 >= len(others) * 6
        return self._english

    def known(self, tok: _Tok) -> bool:
        return tok.low in self.names and tok.low not in self.ambiguous

    def ordinary(self, tok: _Tok) -> bool:
        """Say whether ``tok`` is an ordinary word, allowing for plurals and -ed/-ing/-ly/-er forms."""
        low = tok.low
        if low in self.common or low in _NEVER or low in _EPONYMS:
            return True
        if "-" in low:  # "Thank-you", "Jan-June" (but not "Sarah-Jane")
            parts = low.split("-")
            return all(part in self.common or part in self.places for part in parts if part)
        for suffix, repl in _SUFFIXES:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3 and low[: -len(suffix)] + repl in self.common:
                return True
        return False

    def blocked(self, tok: _Tok) -> bool:
        """Say whether ``tok`` can never be a name: too short, a pronoun, a contraction, an acronym, in [brackets]."""
        low = tok.low
        if len(low) < 2 or low in _NEVER or low in _TITLES or not low[0].isalpha() or low.endswith(_CONTRACTIONS):
            return True
        word = tok.word
        if len(word) > 2 and word[:2].isalpha() and word[:2].isupper() and not word.isupper():
            return True  # "PTs", "GPs", "CCo": acronyms with a tail
        if _CAMEL.search(word) and not word.lower().startswith(_CAMEL_PREFIXES):
            return True  # "TeesTo", "MyMate": words run together (but "McDonald", "DeShawn" are names)
        # "[name redacted]", "[Redacted]", our own "[NAME]": already anonymised.
        opening = self.text.rfind("[", max(0, tok.start - 30), tok.start)
        return opening != -1 and "]" not in self.text[opening : tok.start] and "]" in self.text[tok.end : tok.end + 30]

    def candidate(self, tok: _Tok, strength: int) -> bool:
        """Say whether ``tok`` reads as a name after a cue of ``strength`` (0 for none)."""
        low = tok.low
        if self.blocked(tok):
            return False
        if (tok.place or low in self.places) and strength < _PERSONAL:
            return False
        if tok.cap or (tok.caps and (strength >= _NAMING_CUE or self.known(tok))):
            if strength >= _CALLED and "-" in low and any(len(part) == 1 for part in low.split("-")):
                return True  # "my brother K-Dog": a letter and a word is a nickname, not a compound
            if strength:
                if strength == _CALLED and low not in _FACILITY_CAPS and low not in ("police", "ambulance", "security"):
                    return True
                return low in self.names or low in self.ambiguous or not self.ordinary(tok)
            return self.known(tok) or not self.ordinary(tok)
        if not (tok.lower or tok.caps) or not low.replace("-", "").replace("'", "").isalpha():
            return False
        if strength >= _PERSONAL and low in self.ambiguous:
            # "my bro dean", "my mate mark" are names; "my mate will come", "my bro rose up" are not.
            return low not in _lexicon_tags()[1] and low not in _NEVER
        if strength and low not in self.ambiguous:
            if low in self.names:
                return True
            # An unlisted lower-case word is only judged in English text, where the lexicon can say it is no word.
            return strength >= _NAMING_CUE and len(low) >= 3 and not self.ordinary(tok) and self.english()
        return False

    def followed_by_facility(self, i: int) -> bool:
        """Say whether the capitalised run at ``i`` names a street, school or other place ("Kyle Street")."""
        j = i + 1
        while j < self.n and self.tok(j).cap and not self.tok(j).sentence_start and self.lows[j] not in _FACILITY_CAPS:
            j += 1
            if j - i > 3:
                return False
        if j >= self.n or self.tok(j).sentence_start:
            return False
        nxt = self.tok(j)
        return nxt.low in _FACILITY_CAPS if (nxt.cap or nxt.caps) else nxt.low in _FACILITY_LOWER

    def cue_strength(self, i: int) -> int:
        tok = self.tok(i)
        if i == 0 or tok.sentence_start:
            return 0
        lows = self.lows
        prev = self.tok(i - 1)
        soft = prev.low in _SOFT_TITLES and not (prev.cap or prev.caps or tok.cap or self.known(tok))
        if prev.low in _TITLES and not prev.possessive and not soft:
            return _PERSONAL
        if prev.low in _LIST_WORDS and i >= 2 and lows[i - 2] == "me" and self._joined(i - 2, i):
            return _PERSONAL  # "me and Ashton", "me n rose": a companion, not a place
        if prev.low in _RELATIONS and not prev.possessive:
            # "my mate Kyle", "this lad Tyler", "Kyle's brother Jay"; not "my dad's car".
            if not _OWNERS.isdisjoint(lows[max(0, i - 5) : i - 1]):
                return _PERSONAL
            if i >= 2 and self.tok(i - 2).possessive and lows[i - 2] not in _NEVER:
                return _PERSONAL
        if prev.low in _POSTPOSED_OWNERS and i >= 2 and lows[i - 2] in _POSTPOSED_RELATIONS:
            return _PERSONAL  # Romanian "fratele meu Andrei", "fiica mea Ana"
        if prev.low in _SOMALI_RELATIONS:
            return _PERSONAL  # Somali "walaalkay Liban" (my brother Liban)
        if i >= 2 and (
            (
                prev.low in ("called", "named", "nicknamed")
                and (
                    lows[i - 2] in _PERSON_NOUNS
                    or (i >= 3 and lows[i - 2] in _INDEFINITE_PERSON and lows[i - 3] in ("a", "this", "one", "some"))
                )
            )
            or (prev.low in ("him", "her", "them", "me") and lows[i - 2] in _CALL_FORMS)
            or prev.low in ("nicknamed", "aka")
        ):
            return _CALLED  # "a lad called Smudge", "they call him Dre"
        if prev.low in _NAMING or (prev.low == "name" and prev.possessive):
            return _NAMING_CUE
        if prev.low in _NAME_LINKS and i >= 2 and lows[i - 2] in ("name", "names", "naam"):
            return _NAMING_CUE
        if prev.low in _NAMING_GLUE:
            back = lows[max(0, i - 4) : i - 1]
            if not _NAMING.isdisjoint(back) or not _NAME_NOUNS.isdisjoint(back):
                return _NAMING_CUE
        if prev.low in ("by", "as") and i >= 2 and lows[i - 2] in ("goes", "go", "known", "called"):
            return _NAMING_CUE
        if prev.low in ("for", "to") and i >= 2 and (lows[i - 2] in _ASKING or lows[i - 2] in _TO_PERSON):
            return _WEAK
        if prev.low in ("call", "ring", "text", "message", "contact") and i + 1 < self.n and lows[i + 1] == "on":
            return _WEAK
        return 0

    def worth_a_look(self) -> list[int]:
        """Indices worth the rules: a plain lower-case word with no cue before it and no listed name is no name."""
        lows, names, common, text, n = self.lows, self.names, self.common, self.text, self.n
        look = []
        for i, (match, low) in enumerate(zip(self.matches, lows, strict=True)):
            if low in _NEVER:
                continue
            if low in names or (i and lows[i - 1] in _LOOK_AFTER):
                look.append(i)
            elif i >= 2 and lows[i - 2] in _CALL_FORMS and lows[i - 1] in ("him", "her", "them", "me"):
                look.append(i)  # "they call him Dre"
            elif not text[match.start()].islower() and (low not in common or low in self.ambiguous):
                look.append(i)  # a capitalised ordinary word ("Police", "The") needs a cue to be a name
        extra = [
            i
            for i in range(n - 1)
            if (lows[i + 1] in ("from", "in") and _SCHOOL_AFTER.match(text, self.matches[i].end()))
            or (lows[i + 1] in _RELATIONS and self.matches[i].group()[-2:] in ("'s", "’s"))
        ]
        return sorted(set(look).union(extra)) if extra else look

    def decide(self) -> tuple[dict[int, bool], dict[int, int]]:
        name: dict[int, bool] = {}
        strengths: dict[int, int] = {}
        lows = self.lows
        n = self.n
        for i in self.worth_a_look():
            tok = self.tok(i)
            strength = strengths[i] = self.cue_strength(i)
            if not strength and _SCHOOL_AFTER.match(self.text, tok.end):
                strength = _WEAK  # "Kyle from year 9", "jay in my class"
            if strength and tok.low in _NICK_PREFIXES and i + 1 < n and self._nickname(i + 1, strength):
                name[i] = name[i + 1] = True  # "my mate lil T", "they call him Big Dre"
                continue
            if tok.possessive and i + 1 < n and lows[i + 1] in _RELATIONS and not strength:
                strength = _WEAK  # "Kyle's mum", "jordan's brother"
                if self._kin_owner(i):
                    name[i] = True  # "ruby's dad shouts at her": a name that is also a word
                    continue
            prev = self.tok(i - 1) if i else None
            if prev is not None and prev.low in ("st", "saint", "sts") and prev.cap and not strength:
                continue  # "St Bede's", "St Peter's": a school or a church
            if strength:
                decided = self.candidate(tok, strength)
            elif tok.cap and not tok.sentence_start:
                if self.known(tok):
                    decided = not (tok.place or tok.low in self.places) and not self.blocked(tok)
                else:
                    decided = (
                        self.candidate(tok, 0)
                        and (prev is None or prev.low not in _PLACE_BEFORE)
                        and tok.low not in _FACILITY_CAPS
                    )
            elif tok.cap:
                # A sentence may start with a name: trust the name lists, or an unknown word that does what
                # people do ("Tyreke punched me", "Zakariyya said").
                nxt = lows[i + 1] if i + 1 < n else ""
                acts = i + 1 < n and self._joined(i, i + 1) and self._verb(i + 1)
                if tok.low in self.places or tok.place:
                    decided = False
                elif self.known(tok):
                    # "Sienna doesn't go out": a listed name that is also a word ("sienna") needs a verb after it.
                    decided = tok.low not in self.common or acts
                elif nxt in _PERSON_VERBS and self._joined(i, i + 1):
                    decided = self.candidate(tok, _WEAK if tok.low in self.ambiguous else 0)  # "Grace told me"
                elif acts and tok.low in self.ambiguous:
                    # "Precious lost her phone" (but "Hope is what we need"): a verb, then "he"/"her" in the sentence.
                    decided = self._third_person_after(i + 2) and self.candidate(tok, _WEAK)
                elif (
                    acts and len(tok.low) >= 3 and not tok.low.endswith(_NOT_NAME_ENDINGS) and tok.low not in _RELATIONS
                ):
                    decided = self.candidate(tok, 0)  # "Kacper wants to join": an unknown word that is no word
                else:
                    decided = False
            elif (
                (tok.lower or (tok.caps and self.shouting()))
                and self.known(tok)
                and tok.low not in self.common
                and self.english()
            ):
                # Many young people write without capitals. A listed name that is no English word (so not
                # "jack", "will", "grace") is a name in English text; other languages' words ("aman",
                # "sara" in Roman Urdu) are kept out by ambiguous.txt and the English check.
                decided = tok.low not in self.places and not self.blocked(tok)
            else:
                decided = False
            if decided and (strength >= _PERSONAL or not self.followed_by_facility(i)):
                name[i] = True
        self._extend(name)
        return name, strengths

    def _verb(self, i: int) -> bool:
        """Say whether word ``i`` reads as a verb or an adverb ("lost", "doesn't", "never", "wants")."""
        low = self.lows[i]
        if low in _PERSON_VERBS or low.endswith("n't") or low in _PERSON_AFTER:
            return low not in _LIST_WORDS and low not in ("from", "in", "who")
        return low in _lexicon_tags()[2]

    def _third_person_after(self, i: int) -> bool:
        """Say whether "he", "she", "his" or "her" comes within five words of ``i``, in the same sentence."""
        for j in range(i, min(self.n, i + 5)):
            if self.lows[j] in _THIRD_PERSON:
                return self._joined(i - 1, j)
        return False

    def _nickname(self, i: int, strength: int) -> bool:
        """Say whether word ``i`` (after "lil", "big") is a nickname: a capital letter or a name-like word."""
        word = self.matches[i].group()
        if not word[0].isupper() or not self._joined(i - 1, i) or self.lows[i] in _NEVER:
            return False
        return (len(word) == 1 and word not in "IA") or self.candidate(self.tok(i), max(strength, _CALLED))

    def _kin_owner(self, i: int) -> bool:
        """Say whether ``i`` is a lower-case name-word before "'s" and kin ("ruby's dad"), not "the boy's mum"."""
        tok = self.tok(i)
        if not (tok.lower and tok.low in self.ambiguous and self.lows[i + 1] in _KIN):
            return False
        if tok.low in _NEVER:
            return False  # (a verb-like word is fine here: "rose's mum", "will's dad" are owners, so people)
        return i == 0 or tok.sentence_start or self.lows[i - 1] not in _OWNERS

    def _extend(self, name: dict[int, bool]) -> None:
        """Grow names to their neighbours: surnames, "X and Y" lists, a first name before a known surname."""
        for _ in range(4):
            grown = [
                j
                for i in list(name)
                for j in (i - 2, i - 1, i + 1, i + 2)
                if 0 <= j < self.n and j not in name and not self.blocked(self.tok(j)) and self._grows(j, name)
            ]
            if not grown:
                break
            name.update(dict.fromkeys(grown, True))

    def _grows(self, i: int, name: dict[int, bool]) -> bool:
        n = self.n
        tok = self.tok(i)
        # Surname after a name: "Kyle Smith", "kyle smith", "Ahmed Al-Hassan".
        if i - 1 in name and not tok.sentence_start and not self.tok(i - 1).possessive:
            prev = self.tok(i - 1)
            # "Lewis Brown": a surname that is also a colour or a town still follows a first name.
            placed = tok.low in self.places and tok.low not in self.surnames
            if tok.cap and (tok.low in self.names or not self.ordinary(tok)) and not placed:
                return not self.followed_by_facility(i - 1)
            if ((tok.lower and prev.lower) or (tok.caps and prev.caps)) and tok.low in self.surnames:
                return tok.low not in self.common and tok.low not in self.ambiguous
        # A first name before a known surname: "Will Smith".
        if (
            i + 1 in name
            and tok.cap
            and not self.tok(i + 1).sentence_start
            and (tok.low in self.names or tok.low in self.ambiguous)
        ):
            return tok.low not in self.places and self.lows[i + 1] in self.surnames
        # Lists: "Kyle and Jordan", "me, kyle n jay", "Tyler, Kyle and Jay".
        listed = (tok.cap or self.known(tok)) and self.candidate(tok, _WEAK)
        for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
            if listed and j in name and 0 <= k < n and self.lows[k] in _LIST_WORDS and self._joined(j, i):
                return True
        listed = listed and (self.known(tok) or not tok.sentence_start)
        for j in (i - 1, i + 1):
            if listed and j in name and self.text[self.tok(min(i, j)).end : self.tok(max(i, j)).start].strip() == ",":
                return True
        return False

    def _joined(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return not _BREAK.search(self.text, self.tok(lo).end, self.tok(hi).start)

    def spans(self) -> list[tuple[int, int]]:
        name, strengths = self.decide()
        spans: list[tuple[int, int]] = []
        for i in sorted(name):
            tok = self.tok(i)
            start = tok.start
            if strengths.get(i) == _PERSONAL and self.lows[i - 1] in _TITLES:
                start = self.tok(i - 1).start  # "Mrs Begum": the title would give the name away in a small group
            elif i and (i - 1) not in name and self._initial(i - 1):
                start = self.matches[i - 1].start()  # "J. Smith", "J Smith"
            previous = spans[-1] if spans else None
            # "Kyle Smith", "J. Smith", "Abdi-Rahman": one name, one placeholder.
            if (
                previous
                and i - 1 in name
                and not self.tok(i - 1).possessive
                and _NAME_GAP.fullmatch(self.text, previous[1], start)
            ):
                spans[-1] = (previous[0], tok.end)
                continue
            spans.append((start, tok.end))
        return spans


_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
)
#: Verbs after an unknown capitalised word at the start of a sentence that show it is a person.
_PERSON_VERBS = _wordset(
    "said says told tells keeps kept punched hit hits stabbed threatened threatens bullied bullies sent sends "
    "texted messaged posted jumped robbed attacked chased followed grabbed slapped kicked shouted screamed "
    "swore lives carries carried sells sold deals dealt"
)
#: Medicine names start sentences in health answers ("Aripiprazole does cause weight gain"): not people.
_DRUG_ENDINGS = tuple(
    _wordset(
        "azole azepam olol pril sartan statin cillin mycin oxetine azine tidine profen amol idone ipine apine etine "
        "mab tinib ovir floxacin cycline"
    )
)
#: Misspelt verbs and adverbs start sentences too ("Resonded quickly"): an unknown word ending so is no name.
_NOT_NAME_ENDINGS = (*_DRUG_ENDINGS, "ed", "ing", "ly", "ists")
_CAMEL = re.compile(r"[a-z][A-Z]")
_CAMEL_PREFIXES = ("mc", "mac", "de", "da", "di", "la", "le", "o'", "al-", "el-", "van", "von", "fitz")
_NAME_GAP = re.compile(r"[\s.\-]*")
_LIST_WORDS = frozenset(("and", "&", "n", "or", "nd"))


def _names(text: str) -> list[tuple[int, int]]:
    spans = _Names(text).spans()
    if _NON_LATIN.search(text):
        spans.extend(_script_names(text))
    return spans


# --------------------------------------------------------------------------------------------------
# The fast path and the whole
# --------------------------------------------------------------------------------------------------

#: Lower-case words of an answer, to ask the name lists and cue words in one set operation.
_LOWER_WORDS = re.compile(r"[^\W\d_]+")
#: A capital after a word or comma (not "I"): a possible name in mid-sentence.
_MID_CAPITAL = re.compile(r"[\w,;)\-] +(?!I\b|I['’])[A-ZÀ-ÖØ-ÞĀ-ŽА-Я]")
_DIGIT = re.compile(r"\d")
#: "me and rose", "me n ashton": a companion's name may be a word or a place, so no list sends it on.
_ME_AND = re.compile(r"\bme\s+(?:and|n|&|nd)\s", re.IGNORECASE)
#: A capitalised word starting a sentence: "Grace told me" needs a look even though "grace" is a word.
_SENTENCE_CAPITAL = re.compile(r"(?:^|[.!?]\s+)([A-Z][a-z]+)")
_PLATFORM_WORDS = _wordset(
    "snap snapchat sc insta instagram ig tiktok tik twitter discord fb facebook telegram kik threads twitch youtube "
    "yt psn gamertag xbox bereal wechat line signal whatsapp roblox fortnite steam"
)
#: Cue words that send an answer through the full pass. Generic person nouns ("man", "girl") and everyday
#: words that double as app names ("line", "signal") are left out: a capitalised name after them is caught
#: by _MID_CAPITAL and a listed lower-case one by the name lists.
_CUE_WORDS = (
    (_RELATIONS - _wordset("man woman boy boys girl girls kid guy baby lad lads bloke fella"))
    | _NAMING
    | _TITLES
    | (_PLATFORM_WORDS - _wordset("line signal steam threads"))
    | {"name", "ask", "asked"}
)


_PRIORITY = {"EMAIL": 0, "PHONE": 1, "ADDRESS": 2, "HANDLE": 3, "NAME": 4}


def _handles(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    common = _lists().common
    places = _lists().places
    spans = []
    if "@" in text:
        for match in _AT_HANDLE.finditer(text):
            if match.group(1).lower() not in _AT_WORDS:
                spans.append(match.span())
    matches = []
    for platform in _PLATFORM_MENTION.finditer(text):
        # Anchored at each platform mention: searching the whole answer with these patterns is slow.
        near = _HANDLE_NEAR.match(text, platform.start())
        if near:
            start = near.start("h")
            spans.append((start - 1 if start and text[start - 1] == "@" else start, near.end("h")))
        matches.append((_HANDLE_AFTER, _HANDLE_AFTER.match(text, platform.start())))
        matches.append((_HANDLE_BEFORE, _HANDLE_BEFORE.search(text, max(0, platform.start() - 50), platform.start())))
    for pattern, match in matches:
        if match:
            handle = match.group("h").rstrip(".")
            low = handle.lower()
            marked = any(char.isdigit() or char in "_." for char in handle)
            # "on tiktok theyd post it": a bare word after the platform is a handle only when the writer
            # says it is theirs or spells it out ("my snap kylex", "snap: kylex", "add me on snap kylex").
            said = (
                pattern is _HANDLE_BEFORE
                or match.group("sep")
                or _OWNED_PLATFORM.search(text, max(0, match.start() - 20), match.end("p"))
            )
            if marked or (said and len(handle) >= 3 and low not in common and low not in _NEVER and low not in places):
                start = match.start("h")
                if start and text[start - 1] == "@":
                    start -= 1
                spans.append((start, match.start("h") + len(handle)))
    return [span for span in spans if not any(s < span[1] and span[0] < e for s, e in taken)]


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
    words = set(_LOWER_WORDS.findall(text.lower()))
    at = "@" in text
    digits = _DIGIT.search(text) is not None
    # Fast path: most answers have no digit, no "@", no capital in mid-sentence and no listed name or cue word.
    worth_a_look = (
        at
        or digits
        or _MID_CAPITAL.search(text)
        or not lists.triggers.isdisjoint(words)
        or _ME_AND.search(text)
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
