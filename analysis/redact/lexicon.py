"""Ordinary English words: textblob's bundled lexicon, modern additions and words never taken as names."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from analysis.text import TEXT_SPEAK


def _wordset(words: str) -> frozenset[str]:
    """Return the whitespace-separated ``words`` as a set (long word lists read better as prose)."""
    return frozenset(words.split())


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
