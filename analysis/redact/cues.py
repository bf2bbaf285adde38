"""Cue words and patterns that signal a name, a place or a platform."""

from __future__ import annotations

import re

from analysis.redact.lexicon import _wordset

# --------------------------------------------------------------------------------------------------
# Cue words for names, places and platforms
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
