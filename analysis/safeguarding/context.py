"""Suppressing checks: negation, hypotheticals, past events, jokes, news and other contexts."""

from __future__ import annotations

import re

from analysis.safeguarding.rules import (
    ACCIDENT,
    BELIEF,
    HYPO,
    IDIOM,
    JOKE,
    NEG,
    NEWS,
    PAST,
    SIBLING,
    TRIVIAL,
    WORRY,
    _Rule,
)

# ---------------------------------------------------------------------------------------------------
# Suppressing checks. They look at the clause before a hit (back to the last . ! ? ;) and a little after.

_NEGATION = re.compile(
    r"\b(?:never|not|no\s?one|nobody|noone|no\s+body|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|haven'?t|hasn'?t|"
    r"ain'?t|none\s+of|no\s+longer|neither|nor|isn'?t|aren'?t|wasn'?t|can'?t|cannot|not\s+gonna|no\s+need|unable)\b"
)


#: A negated verb of knowing or telling does not negate what follows ("no one knows my dad hits me").
_REPORT_VERB = re.compile(
    r"\b(?:know|knows|knew|tell|told|telling|believe|believes|see|sees|saw|notice|notices|noticed|care|cares|listen|"
    r"listens|help|helps|ask|asks|asked|understand|understands|realise|realises|realize|want\s+(?:anyone|anybody|"
    r"people|my|them|him|her|to\s+tell|to\s+say)|wants|wanted|say|said|mind|why|how|what|think|thinks)\b"
)


#: Frames that make what follows a question, a rule or a what-if rather than something that happened.
_FRAME = re.compile(
    r"\b(?:what\s+if|if|imagine|suppose|supposing|hypothetically|in\s+case|unless|whether|how\s+to|how\s+do\s+you|"
    r"how\s+would|should\s+i|would\s+you|what\s+would|what\s+do\s+you\s+do|what\s+to\s+do|when\s+someone|"
    r"when\s+people|agar|jodi)\b"  # agar (Roman Urdu, Punjabi) and jodi (romanised Bengali): if
)


_CONDITIONAL = frozenset({"if", "unless", "in case", "suppose", "supposing", "imagine", "agar", "jodi"})


_SUBJECT = re.compile(
    r"\b(?:i|i'?m|im|i'?ve|ive|i'?ll|i'?d|you|u|he|she|they|we|someone|somebody|people|ppl|it|my\s+\w+|the\s+\w+|"
    r"them\s+lot|these\s+\w+|those\s+\w+)\b"
)


_MODAL = re.compile(r"\b(?:would|wud|could|might|should|i'd|id|you'd|he'd|she'd|they'd|we'd)\b")


#: "If he hits me again" talks about something that has happened.
_HAPPENED = re.compile(r"\b(?:again|any\s?more|no\s+more)\b")


_PAST_MARK = re.compile(
    r"\b(?:used\s+to|use\s+to|when\s+(?:i|he|she|they|we)\s+(?:was|were)|back\s+(?:then|in)|years?\s+ago|last\s+year|"
    r"in\s+year\s+\d+|in\s+primary|as\s+a\s+(?:kid|child)|in\s+the\s+past|in\s+(?:19|20)\d\d|"
    r"for\s+(?:a\s+bit|a\s+while|like\s+\d+\s+\w+|\d+\s+\w+)|"
    # Romanised Urdu, Punjabi and Bengali: before, in childhood, last year, when I was little.
    r"pehle|pehlay|pehlan|bachpan|pichle\s+saal|pichhle\s+saal|choto\s+thakte|"
    # A single time, told as over ("threatened us once but it was fine").
    r"once)\b"
)


_PAST_VERB = re.compile(r"\b(?:was|were|had|did|used|got|tha|thay|thi)\b")


_RESOLVED = re.compile(
    r"\b(?:stopped|quit|(?:not|don'?t|doesn'?t|never|no)\s+(?:\w+\s+)?(?:any\s?more|no\s+more)|no\s+longer|"
    r"gave\s+(?:it\s+|that\s+)?up|got\s+rid|(?:been|stayed|kept)\s+(?:clear|clean)\s+(?:for|since)|(?:better|sorted|fine|ok|okay|good|safe|alright)\s+now|calmed\s+down|"
    r"better\s+place|talked\s+me\s+(?:round|out\s+of)|got\s+help|counselling|therapy|moved\s+out|"
    r"left\s+(?:us|home|years)|"
    r"(?:he'?s|she'?s|they'?re)\s+(?:gone|in\s+prison|inside)|in\s+prison\s+now|over\s+it|handed\s+it\s+in|"
    r"doing\s+(?:well|better|great|fine|ok|okay)|thriving|(?:much|lot|loads|way)\s+better|"
    r"live\s+with\s+(?:my\s+)?\w+\s+now|"
    r"moved\s+(?:in\s+with|out|away)|now\s+i\s+(?:mentor|help|work|volunteer|run|coach|teach|support)|"
    r"changed\s+my\s+life|helped\s+(?:her|him|me|them)|(?:we're|we\s+are|i'm|i\s+am)\s+safe|(?:happy|happier)\s+now|"
    r"had\s+(?:\w+\s+){0,2}help|(?:getting|gets|got)\s+help|sorted\s+(?:it|things|that)(?:\s+out)?|dealt\s+with\s+it|"
    r"resolved|caught\s+(?:him|her|them|the\s+\w+)|(?:now\s+)?we(?:'re|\s+are)\s+(?:close|fine|good|ok)|"
    r"get\s+on\s+(?:now|well)|(?:it\s+was|it's\s+been|its\s+been|been)\s+fine|fine\s+since|"
    r"left\s+(?:him|her|me|us|them)\s+alone|walked\s+off|(?:he|she|i|we)\s+said\s+no|"
    # Romanised: "ab sab theek hai" (fine now), "chhor diya" (gave it up), "hun band" (stopped), "ekhon ar" (no more).
    r"ab\s+(?:sab\s+)?(?:theek|thik|nahi|behtar|band)|chh?or\s+diya|hunn?\s+(?:\w+\s+){0,2}?(?:thik|theek|band|badal\w*)|"
    r"ekhon\s+ar|ab\s+hum\s+close)\b"
)


_JOKING = re.compile(
    r"\b(?:lol|lmao|lmfao|haha\w*|hehe\w*|jk|joking|jokes|jaja\w*|kkkk+|xd|just\s+talk|all\s+talk|banter|"
    r"messing\s+about|messing\s+around)\b|[😂🤣😆😅🙃💀]"
)


#: A trivial cause next to a joke marks hyperbole ("I wanted to die when I saw my results 😂").
_TRIVIAL = re.compile(
    r"\b(?:over|about|because\s+of|cos\s+of|coz\s+of|when\s+i\s+saw|at)\s+(?:this|my|the|these|that|all\s+this)\s+"
    r"(?:homework|exams?|tests?|results|grades|maths|english|science|lessons?|teacher|survey|questions?|"
    r"traffic|weather|"
    r"queue|bus|song|film|game|match|hair|outfit|report)"
)


#: Someone else's belief about the writer ("police think we all carry knives") is not a disclosure.
_BELIEF = re.compile(
    r"\b(?:think|thinks|thought|assume|assumes|assumed|reckon|reckons|accuse|accused|accuses|suspect|suspects|"
    r"like|as\s+if|believe|believes|pretend|pretends|expect|expects|treat\s+us\s+like)\s+(?:\w+\s+){0,2}$"
)


#: Something read, heard about or watched is not a disclosure ("I read about a girl who was groomed").
_NEWS = re.compile(
    r"\b(?:read|reading|(?:heard|hear|hears)\s+(?:about|of|on)|watched|watching|documentary|news|article|story|stories|"
    r"films?(?!\s+(?:it|me|us|him|her|them|everything)\b)|programme|podcast|netflix|on\s+tv|on\s+the\s+telly|in\s+the\s+papers?|khabron|akhbar|"
    # the survey languages' films, series and news (folded: no accents)
    r"pelicula|peliculas|noticias|documental|filme|filmes|novela|serie|notizie|stiri|serial|wiadomosci|"
    r"فيلم|فلم|مسلسل|الاخبار|اخبار|فیلم|سریال|ڈرامہ|سিনেমা|নাটক|খবর|ਫਿਲਮ|ਖਬਰ)\b"
)


#: A toddler or little sibling lashing out, or a game, is not violence to report.
_SMALL_CHILD = re.compile(
    r"\b(?:(?:little|baby|younger|lil)\s+(?:sister|brother|sis|bro|cousin|one)|toddler|"
    r"(?:she's|he's|shes|hes)\s+[1-5]\b|"
    r"(?:fighting|video|computer|board)\s+games?|\bfifa\b|\bwwe\b|play\s+fight\w*|"
    r"(?:choto|chota|chhota|chhoti|choti|nikka|nikki)\s+(?:bhai|bon|behen|behan|veer|bhen))"
)


#: "I worry about my son being groomed" fears a future; "I'm worried my son is being groomed" reports a present.
_WORRY_ABOUT = re.compile(
    r"\b(?:worry|worried|worries|scared|afraid|fear|fearful|nervous|anxious|concerned|paranoid)\s+(?:about|of)\s+"
    r"(?:[^\s.!?;]+\s+){0,3}$"
)


_GERUND = re.compile(r"\b(?:being|getting)\b")


#: "Online grooming is my biggest worry" names a fear, not something happening.
_WORRY_AFTER = re.compile(
    r"\s*(?:is|are|was|would\s+be)\s+(?:my|our|a|the|every\s+\w+'?s)\s+(?:\w+\s+)?"
    r"(?:worry|worries|fear|fears|concern|concerns|nightmare)\b"
)


#: "I'm scared I'll get stabbed" fears a future.
_FEAR_THAT = re.compile(r"\b(?:scared|afraid|worried|frightened|terrified|nervous|fear|worry)\s+(?:that\s+)?$")


_FUTURE = re.compile(r"(?:i'?ll|i\s+will|i\s+might|i'?m\s+(?:going\s+to|gonna)|ill)\b")


_IF_SOON = re.compile(r"[^.!?;]{0,25}\b(?:if|when)\b")


_SAID_IN_JEST = re.compile(
    r"\b(?:(?:she's|he's|they're|shes|hes|theyre|it's|its|only|just)\s+(?:joking|kidding|messing)|banter)\b"
)


_COVER_STORY = re.compile(
    r"\b(?:says|said|say|claims|claimed|reckons|apparently|supposedly|told\s+(?:me|us|everyone)|"
    r"like\s+i\s+(?:said|told|say)|(?:i|we)\s+told\s+(?:miss|sir|school|the\s+school|my\s+teacher|the\s+teacher|them))\b"
)


#: A fall, a sport or a medicine explains a bruise or a black eye.
_ACCIDENT = re.compile(
    r"\b(?:fell|fall|falls|falling|tripped|crashed|accident|football|rugby|netball|hockey|boxing|training|match|bike|"
    r"skateboard|scooter|trampoline|medication|medicine|easily|playing)\b"
)


_FAMILY = re.compile(
    r"\b(?:mum|mam|mom|dad|brother|sister|bro|sis|nan|gran|grandad|grandma|auntie|uncle|cousin|teacher)\b"
)


#: A family member "will kill me if I touch his xbox": a trivial cause marks the idiom.
_TRIVIAL_IF = re.compile(
    r"\b(?:if|when)\s+i\s+(?:touch|eat|take|borrow|use|break|lose|wear|forget|fail|miss|spill|scratch|crash|"
    r"don'?t\s+(?:tidy|clean|do|wash|pass)|am\s+late|come\s+home\s+late|get\s+home\s+late)\b|"
    r"\bif\s+(?:i'?m|im|i\s+am)\s+"
    r"(?:cheeky|naughty|rude|late|gobby)\b|\bif\s+(?:he|she|i|we)\s+(?:got|get|gets)\s+"
    r"(?:arrested|caught|excluded|suspended|"
    r"detention|bad\s+grades)\b|\bwhen\s+(?:she|he|they)\s+"
    r"(?:sees?|finds?\s+out|hears?|gets?\s+home)\b"
)


_CLAUSE_END = re.compile(r"[.!?;]")


_SENTENCE = re.compile(r"[^.!?;]+")


#: "Not because they want to hurt anyone" negates the whole reason clause.
_NOT_BECAUSE = re.compile(r"\bnot\s+(?:because|cos|coz|cause)\b[^,.;]*$")


_CONDITION_WORD = re.compile(r"\b(?:if|unless|when|till|until)\b")


_NEW_SUBJECT = re.compile(r"\b(?:they|he|she|we|you|u|someone|somebody|people|ppl)\b")


_CONJUNCTION = re.compile(r"(?:,|\b(?:and|but|so|because|cos|coz|cause|then|plus)\b)")


def _clause_before(text: str, start: int) -> str:
    """Return up to 80 characters before ``start``, cut at the last sentence end."""
    window = text[max(0, start - 80) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    return window[ends[-1] :] if ends else window


def _negated(segment: str) -> bool:
    """Say whether a negation in ``segment`` governs what follows it.

    Not when a verb of knowing or telling follows it ("no one knows my dad hits me") or a new subject
    does ("if I don't pay they batter me").
    """
    negations = list(_NEGATION.finditer(segment))
    if not negations:
        return False
    last = negations[-1]
    rest = segment[last.end() :]
    in_condition = _CONDITION_WORD.search(segment, 0, last.start())
    return not (_REPORT_VERB.search(rest) or (in_condition and _NEW_SUBJECT.search(rest)))


def _hypothetical(before: str, hit: str) -> bool:
    """Say whether a hit sits in a what-if, a question or a rule, rather than in something that happened.

    A hit inside an if-clause is hypothetical ("if someone pulled a knife on me"); the consequent of a
    condition is real unless it is itself a would ("if I don't pay they batter me", "if I stop they'll
    come to my house", but "if he hit me I'd hit him back").
    """
    frames = list(_FRAME.finditer(before))
    if not frames:
        return False
    frame = frames[-1]
    if frame.group() not in _CONDITIONAL:
        # "How to ...", "what would you do ..." govern only their own clause ("idk what to do, he hits me").
        return not _CONJUNCTION.search(before, frame.end())
    between = before[frame.end() :]
    if _HAPPENED.search(between):
        return False
    subjects = list(_SUBJECT.finditer(between + " " + hit))
    if len(subjects) < 2:
        return True
    consequent = (between + " " + hit)[subjects[1].start() :]
    return bool(_MODAL.search(consequent))


def _suppressed(rule: _Rule, text: str, match: re.Match[str]) -> bool:
    """Say whether a hit is negated, hypothetical, resolved in the past, a joke or someone else's belief."""
    start, end = match.span()
    before = _clause_before(text, start)
    hit = match.group()
    after = text[end : end + 150]
    checks = rule.checks
    if checks & NEG:
        near = " ".join(_CONJUNCTION.split(before)[-1].split()[-6:])
        gap = (match.groupdict().get("gap") or "") + " " + (match.groupdict().get("gap2") or "")
        if _negated(near) or _negated(gap) or _NOT_BECAUSE.search(before):
            return True
    if checks & HYPO and _hypothetical(before, hit):
        return True
    if (
        checks & PAST
        and _RESOLVED.search(hit[-60:] + " " + after)
        and (_PAST_MARK.search(before + " " + hit + " " + after[:80]) or _PAST_VERB.search(hit))
    ):
        return True
    joking = _JOKING.search(before + " " + hit + " " + text[end : end + 40])
    if checks & JOKE and joking:
        return True
    if checks & TRIVIAL and joking and _TRIVIAL.search(before + " " + hit + " " + after[:60]):
        return True
    if checks & NEWS and _NEWS.search(before):
        return True
    if checks & SIBLING and _SMALL_CHILD.search(before[-60:] + " " + hit + " " + after[:40]):
        return True
    if checks & WORRY and (
        (_WORRY_ABOUT.search(before) and _GERUND.search(hit))
        or (_FEAR_THAT.search(before) and _FUTURE.match(hit))
        or _WORRY_AFTER.match(after)
    ):
        return True
    if checks & IDIOM and (
        (
            _FAMILY.search(before + " " + hit)
            and (_TRIVIAL_IF.search(after[:60]) or (_MODAL.search(hit) and _IF_SOON.match(after)))
        )
        or _SAID_IN_JEST.search(after[:60])
    ):
        return True
    if checks & ACCIDENT:
        context = before + " " + hit + " " + after[:80]
        # "He says he fell" is the classic cover story, not an explanation ("from football like i told miss").
        if any(
            not _COVER_STORY.search(context, max(0, m.start() - 25), m.start())
            and not _COVER_STORY.search(context, m.end(), m.end() + 25)
            for m in _ACCIDENT.finditer(context)
        ):
            return True
    return bool(checks & BELIEF and _BELIEF.search(before))


def checks(name: str, flags: int) -> _Rule:
    """Return a pattern-less rule that carries only ``flags``, for hits that come from no rule."""
    return _Rule(name, "", frozenset(), frozenset(), re.compile(""), flags)


#: Checks a backstop term goes through, as a rule would.
BACKSTOP_CHECKS = checks("backstop", NEG | HYPO | PAST | NEWS | BELIEF | TRIVIAL | SIBLING | ACCIDENT | WORRY)

#: Checks the broad tier goes through: everything a rule would, jokes and idioms included.
BROAD_CHECKS = checks("broad", NEG | HYPO | PAST | NEWS | BELIEF | TRIVIAL | SIBLING | ACCIDENT | JOKE | IDIOM | WORRY)

#: Checks the word model's strongest evidence goes through (negation it learns from the words; a past that is
#: over, "he said no and they've left him alone since", it cannot).
MODEL_CHECKS = checks("model", JOKE | SIBLING | TRIVIAL | IDIOM | PAST | NEWS)

#: Indirect ideation is often phrased as a condition ("if I was gone"), so it skips the what-if check.
IDEATION_CHECKS = checks("ideation", PAST | JOKE | TRIVIAL | NEWS)

# ---------------------------------------------------------------------------------------------------
# Survey-language phrase hits: the same checks, in the few words that carry them in those languages.

#: Threats and beatings, which a laugh explains away ("mummy ne mainu maar dena 😂").
_THREATS = frozenset({"danger_now", "intent_to_harm_others", "violence_to_writer", "abuse_at_home"})

#: A past that is over and news, for every phrase; a little sibling too for the threats from outside the home
#: ("choto bhai amar pichu pichu ashe": my little brother follows me everywhere), not for abuse at home, which
#: is told with siblings in it ("choto bhai ke ami dekhi": I look after my little brother).
_PHRASE_CHECKS = checks("phrase", PAST | NEWS)
_OUTSIDE_THREATS = _THREATS - {"abuse_at_home"}
_OUTSIDE_THREAT_CHECKS = checks("phrase threat", PAST | NEWS | SIBLING)

#: Bengali negates after the verb ("ami morte chai na": I don't want to die; "amar kache churi nai"), but
#: "na hole" is "or else" ("... korte hoy na hole marbe").
_NEGATED_AFTER = re.compile(r"\s*(?:na|nai|nei)\b(?!\s*hole)")

#: People in general carrying or threatening ("har munda chaku rakhda": every lad carries a knife).
_CROWD_BEFORE = re.compile(r"\b(?:har|sab|log|larke|munde|chele|chelera|sobai|kuch|kai)\s+(?:\w+\s+)?$")

#: An opinion about revenge ("badla lena galat hai": taking revenge is wrong) or joy at a wedding
#: ("mera viah agle saal hai, bahut khush haan") follows the phrase.
_OPINION_AFTER = re.compile(r"^[^.!?]{0,12}?\b(?:galat|ghalat|bura|buri|theek\s+nahi|thik\s+nahi|bhul|bhool)\b")
_JOY_AFTER = re.compile(r"^[^.!?]{0,40}?\b(?:khush|khushi|khusi|mubarak|excited)\b(?!\s+(?:nahi|nai|na)\b)")


#: Hunger in a fast is no neglect ("roze mein bhooka rehna parta hai").
_FASTING = re.compile(r"\b(?:roz[ae]|rozay|rozey|roja|ramzan|ramazan|ramadan|ramjan|fasting|upobas|upobash)\b")


def phrase_stands(language: str, reason: str, text: str, match: re.Match[str]) -> bool:
    """Say whether a survey-language phrase hit is a disclosure once its context is read.

    Phrase lists have no checks of their own, so the few that carry over to these languages apply here: a
    joke or a little sibling behind a threat, a past that is over, news, a Bengali negation after the verb,
    people in general, an opinion about revenge, joy at a wedding, a fast.
    """
    after = text[match.end() : match.end() + 60]
    if reason in _THREATS and _JOKING.search(text):
        return False
    if language == "bn" and _NEGATED_AFTER.match(after):
        return False
    if reason in ("carrying_weapon", "intent_to_harm_others") and _CROWD_BEFORE.search(text[: match.start()][-30:]):
        return False
    if reason == "intent_to_harm_others" and _OPINION_AFTER.search(after):
        return False
    if reason == "abuse_at_home" and (_JOY_AFTER.search(after) or _FASTING.search(text)):
        return False
    if _NEWS.search(after[:40]):  # "... ki dhamki mili thi news mein"
        return False
    return not _suppressed(_OUTSIDE_THREAT_CHECKS if reason in _OUTSIDE_THREATS else _PHRASE_CHECKS, text, match)
