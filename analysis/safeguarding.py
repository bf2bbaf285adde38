"""Flag answers that disclose harm or a risk of harm, for the designated safeguarding lead.

An answer is flagged when it *discloses*: abuse or violence happening to the writer or to a specific
child, intent to hurt themselves or someone else, carrying a weapon now, being forced or groomed into
crime, or being in danger now. General worry, news talk, opinions and hypotheticals are not flagged
("knife crime is bad round here", "if someone pulled a knife on me I'd run").

Three layers, all data in ``data/safeguarding/``:

1. English rules (``rules.yaml``): regular expressions that capture disclosure *structure*, a first
   person or a specific child plus a harm verb plus a victim ("my stepdad belts me", "older lads make
   me hold bags", "I've got a blade on me"). Each hit is checked against the words around it for
   negation ("my dad has never hit me"), a what-if ("if someone pulled a knife on me"), a past that is
   over ("I used to carry but I got rid of it"), news, jokes and idioms ("my nan will murder me for this lol").
2. A backstop (also ``rules.yaml``): strong harm words ("groomed", "overdose", "black eye") near the
   writer or a specific child, for disclosures no rule recognises. It runs only when no rule hit.
3. Phrase lists for the survey languages (``phrases.json``), run for the answer's stated language and
   any its script implies. English rules always run too: answers mix languages.

A missed disclosure is the worst error this product can make, so the rules lean towards flagging.

Speed: an answer only runs the rules whose trigger words it contains (most answers run none), rules
are compiled with their word alternations rewritten as tries, and long answers are searched only
around their trigger words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.text import clean, normalise

__all__ = ["REASONS", "Flag", "flag"]

#: Every reason ``flag`` can give, in the order a lead would read them.
REASONS: tuple[str, ...] = (
    "danger_now",
    "self_harm",
    "abuse_at_home",
    "sexual_abuse",
    "exploitation_grooming",
    "carrying_weapon",
    "intent_to_harm_others",
    "violence_to_writer",
    "child_at_risk_reported",
)


@dataclass(frozen=True)
class Flag:
    """Whether an answer must go to the safeguarding lead, why, and the words that triggered it."""

    flagged: bool
    reasons: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


NOTHING = Flag(False)

# ---------------------------------------------------------------------------------------------------
# English rules, from data/safeguarding/rules.yaml (see its header for the format).

_DATA_DIR = Path(__file__).parent / "data" / "safeguarding"
NEG, HYPO, PAST, JOKE, BELIEF, NEWS, TRIVIAL, SIBLING, WORRY, IDIOM, ACCIDENT = (
    1,
    2,
    4,
    8,
    16,
    32,
    64,
    128,
    256,
    512,
    1024,
)
_CHECKS = {
    "neg": NEG,
    "hypo": HYPO,
    "past": PAST,
    "joke": JOKE,
    "belief": BELIEF,
    "news": NEWS,
    "trivial": TRIVIAL,
    "sibling": SIBLING,
    "worry": WORRY,
    "idiom": IDIOM,
    "accident": ACCIDENT,
}
_MACRO = re.compile(r"<<([A-Z_]+)>>")


@dataclass(frozen=True)
class _Rule:
    id: str
    reason: str
    triggers: frozenset[str]
    also: frozenset[str]
    pattern: re.Pattern[str]
    checks: int


def _join(block: str) -> str:
    """Join a pattern written over several lines, dropping each line's indentation."""
    return "".join(line.strip() for line in block.splitlines())


def _expand(text: str, macros: dict[str, str]) -> str:
    """Replace every <<NAME>> with its macro, macros within macros included."""
    for _ in range(10):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], text)
        if expanded == text:
            return expanded
        text = expanded
    raise ValueError(f"macro loop in {text[:80]!r}")


def _group_end(src: str, start: int) -> int:
    """Return the index of the ")" closing the group that opens at ``start``."""
    depth, i = 0, start
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(src, i) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {src[start : start + 60]!r}")


def _class_end(src: str, start: int) -> int:
    """Return the index of the "]" closing the character class that opens at ``start``."""
    i = start + 1
    if i < len(src) and src[i] == "^":
        i += 1
    if i < len(src) and src[i] == "]":
        i += 1
    while src[i] != "]":
        i += 2 if src[i] == "\\" else 1
    return i


def _split_alternatives(src: str) -> list[str]:
    """Split a group's body at its top-level "|"."""
    parts, depth, i, last = [], 0, 0, 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(src, i) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(src[last:i])
            last = i + 1
        i += 1
    parts.append(src[last:])
    return parts


def _plain_start(alternative: str) -> bool:
    return alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{")


def _trie(alternatives: list[str]) -> str:
    """Join alternatives that all start with a plain letter as a trie, keeping their order within each branch."""
    branches: dict[str, list[str]] = {}
    for alternative in alternatives:
        branches.setdefault(alternative[0], []).append(alternative[1:])
    out = []
    for first, rests in branches.items():
        if len(rests) == 1:
            out.append(first + rests[0])
        elif all(rest == "" or _plain_start(rest) for rest in rests) and len(set(rests)) == len(rests):
            out.append(f"{first}(?:{_trie_or_empty(rests)})")
        else:
            out.append(f"{first}(?:{'|'.join(rests)})")
    return "|".join(out)


def _trie_or_empty(rests: list[str]) -> str:
    if "" not in rests:
        return _trie(rests)
    # An empty alternative must keep its place: split the list around it.
    at = rests.index("")
    before, after = rests[:at], rests[at + 1 :]
    return "|".join([*([_trie(before)] if before else []), "", *([_trie(after)] if after else [])])


def _factor(src: str) -> str:
    """Rewrite ``(?:word|word|...)`` groups as tries: Python's engine tries alternatives one by one, so
    "hit|hits|hitting|hurt" costs four attempts at every position and "h(?:it(?:|s|ting)|urt)" costs one."""
    out, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            if src.startswith("\\s+", i):
                out.append("\\s+")
                i += 3
            else:
                out.append(src[i : i + 2])
                i += 2
        elif ch == "[":
            end = _class_end(src, i)
            out.append(src[i : end + 1])
            i = end + 1
        elif ch == "(":
            end = _group_end(src, i)
            body = src[i + 1 : end]
            opener = "("
            if body.startswith("?"):
                head = re.match(r"\?(?::|P<\w+>|=|!|<=|<!|>)", body)
                opener += head.group() if head else ""
                body = body[len(opener) - 1 :]
            alternatives = [_factor(a) for a in _split_alternatives(body)]
            if out and out[-1] in ("\\b", "\\s+"):
                # A word boundary is already certain here, so "\bim" is "im" (and can join the trie).
                alternatives = [a[2:] if a.startswith("\\b") and a[2:3].isalpha() else a for a in alternatives]
            if opener == "(?:" and len(alternatives) > 2 and all(_plain_start(a) for a in alternatives):
                out.append(f"(?:{_trie(alternatives)})")
            else:
                out.append(opener + "|".join(alternatives) + ")")
            i = end + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class _Backstop:
    """Strong and weak harm words that count when they sit near the writer or a specific child."""

    threshold: int
    reach: int
    anchor: re.Pattern[str]
    general: re.Pattern[str]
    worry: re.Pattern[str]
    terms: tuple[tuple[str, int, re.Pattern[str], frozenset[str]], ...]  # reason, weight, pattern, trigger words
    strong_words: frozenset[str]
    weak_words: frozenset[str]


def _compile_backstop(data: dict, macros: dict[str, str], words: dict[str, str]) -> _Backstop:
    """Compile the backstop section of rules.yaml."""

    def rx(block: str) -> re.Pattern[str]:
        return re.compile(_factor(_expand(_join(block), macros).replace("'", "'?")))

    terms = []
    tiers = {}
    for weight, tier in ((2, "strong"), (1, "weak")):
        tiers[tier] = frozenset()
        for reason, block in data[tier].items():
            if reason not in REASONS:
                raise ValueError(f"backstop {tier}: unknown reason {reason!r}")
            triggers = frozenset(_expand(data[f"{tier}_triggers"][reason], words).split())
            tiers[tier] |= triggers
            terms.append((reason, weight, rx(block), triggers))
    return _Backstop(
        int(data["threshold"]),
        int(data["reach"]),
        rx(data["anchor"]),
        rx(data["general"]),
        rx(data["worry"]),
        tuple(terms),
        tiers["strong"],
        tiers["weak"],
    )


@dataclass(frozen=True)
class _Broad:
    """The broad tier: harm concepts near the writer, and indirect ideation or neglect, for unforeseen phrasing."""

    triggers: frozenset[str]
    anchor: re.Pattern[str]
    quiet: re.Pattern[str]
    crowd: re.Pattern[str]
    close: re.Pattern[str]
    ideation: tuple[tuple[str, re.Pattern[str]], ...]
    terms: tuple[tuple[str, re.Pattern[str]], ...]
    any: re.Pattern[str]  # every ideation and term pattern at once: most answers fail it in one search


def _compile_broad(data: dict, macros: dict[str, str]) -> _Broad:
    """Compile the broad section of rules.yaml."""

    def rx(block: str) -> re.Pattern[str]:
        return re.compile(_factor(_expand(_join(block), macros).replace("'", "'?")))

    for section in ("ideation", "terms"):
        unknown = set(data[section]) - set(REASONS)
        if unknown:
            raise ValueError(f"broad {section}: unknown reasons {sorted(unknown)}")
    ideation = tuple((reason, rx(block)) for reason, block in data["ideation"].items())
    terms = tuple((reason, rx(block)) for reason, block in data["terms"].items())
    every = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in (*ideation, *terms)))
    return _Broad(
        frozenset(" ".join(data["triggers"].split()).split()),
        rx(data["anchor"]),
        rx(data["quiet"]),
        rx(data["crowd"]),
        rx(data["close"]),
        ideation,
        terms,
        every,
    )


def _load_rules() -> tuple[tuple[_Rule, ...], _Backstop, _Broad]:
    """Read, expand and compile the English rules; every apostrophe becomes optional ("im" = "i'm")."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((_DATA_DIR / "rules.yaml").read_text(encoding="utf-8"))
    macros = {name: _join(value) for name, value in data["macros"].items()}
    words = {name: " ".join(value.split()) for name, value in data["trigger_words"].items()}
    rules = []
    for rule in data["rules"]:
        if rule["reason"] not in REASONS:
            raise ValueError(f"rule {rule['id']}: unknown reason {rule['reason']!r}")
        source = _expand(_join(rule["pattern"]), macros).replace("'", "'?")
        if source[:1].isalpha() or source.startswith("(?:"):
            # Matches start at a word: saying so lets the engine skip every position inside a word at once.
            source = rf"\b(?:{source})"
        checks = 0
        for name in rule["checks"]:
            checks |= _CHECKS[name]
        triggers = frozenset(_expand(str(rule["triggers"]), words).split())
        also = frozenset(_expand(str(rule.get("also", "")), words).split())
        try:
            pattern = re.compile(_factor(source))
        except re.error as error:
            raise ValueError(f"rule {rule['id']}: {error}") from error
        rules.append(_Rule(rule["id"], rule["reason"], triggers, also, pattern, checks))
    return tuple(rules), _compile_backstop(data["backstop"], macros, words), _compile_broad(data["broad"], macros)


_EN_RULES, _BACKSTOP, _BROAD = _load_rules()
#: Trigger word -> the rules it can start, so an answer only runs the rules its words allow.
_BY_TRIGGER: dict[str, tuple[int, ...]] = {}
for _index, _en_rule in enumerate(_EN_RULES):
    for _word in _en_rule.triggers:
        _BY_TRIGGER[_word] = (*_BY_TRIGGER.get(_word, ()), _index)
_TRIGGER_WORDS = frozenset(_BY_TRIGGER)
#: Punctuation -> space and apostrophes dropped, so str.split() gives the words ("i'm," -> "im").
_WORD_SPLIT = str.maketrans(dict.fromkeys('!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~…“”–—£', " ") | {"'": None})
#: Answers longer than this are searched only in windows around each trigger word.
_LONG = 200
_MARGIN = 130

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
    r"when\s+people)\b"
)
_CONDITIONAL = frozenset({"if", "unless", "in case", "suppose", "supposing", "imagine"})
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
    r"for\s+(?:a\s+bit|a\s+while|like\s+\d+\s+\w+|\d+\s+\w+))\b"
)
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|used|got)\b")
_RESOLVED = re.compile(
    r"\b(?:stopped|quit|(?:not|don'?t|doesn'?t|never|no)\s+(?:\w+\s+)?(?:any\s?more|no\s+more)|no\s+longer|"
    r"gave\s+(?:it\s+|that\s+)?up|got\s+rid|(?:better|sorted|fine|ok|okay|good|safe|alright)\s+now|calmed\s+down|"
    r"better\s+place|talked\s+me\s+(?:round|out\s+of)|got\s+help|counselling|therapy|moved\s+out|"
    r"left\s+(?:us|home|years)|"
    r"(?:he'?s|she'?s|they'?re)\s+(?:gone|in\s+prison|inside)|in\s+prison\s+now|over\s+it|handed\s+it\s+in|"
    r"doing\s+(?:well|better|great|fine|ok|okay)|thriving|(?:much|lot|loads|way)\s+better|"
    r"live\s+with\s+(?:my\s+)?\w+\s+now|"
    r"moved\s+(?:in\s+with|out|away)|now\s+i\s+(?:mentor|help|work|volunteer|run|coach|teach|support)|"
    r"changed\s+my\s+life|helped\s+(?:her|him|me|them)|(?:we're|we\s+are|i'm|i\s+am)\s+safe|(?:happy|happier)\s+now|"
    r"had\s+(?:\w+\s+){0,2}help|(?:getting|gets|got)\s+help|sorted\s+(?:it|things|that)(?:\s+out)?|dealt\s+with\s+it|"
    r"resolved|caught\s+(?:him|her|them|the\s+\w+)|(?:now\s+)?we(?:'re|\s+are)\s+(?:close|fine|good|ok)|"
    r"get\s+on\s+(?:now|well))\b"
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
    r"like|as\s+if|believe|believes|pretend|pretends|expect|expects|treat\s+us\s+like)\s+(?:\w+\s+)?$"
)
#: Something read, heard about or watched is not a disclosure ("I read about a girl who was groomed").
_NEWS = re.compile(
    r"\b(?:read|reading|(?:heard|hear|hears)\s+(?:about|of|on)|watched|watching|documentary|news|article|story|stories|"
    r"film|films|programme|podcast|netflix|on\s+tv|on\s+the\s+telly|in\s+the\s+papers?)\b"
)
#: A toddler or little sibling lashing out, or a game, is not violence to report.
_SMALL_CHILD = re.compile(
    r"\b(?:(?:little|baby|younger|lil)\s+(?:sister|brother|sis|bro|cousin|one)|toddler|"
    r"(?:she's|he's|shes|hes)\s+[1-5]\b|"
    r"(?:fighting|video|computer|board)\s+games?|\bfifa\b|\bwwe\b|play\s+fight\w*)"
)
#: "I worry about my son being groomed" fears a future; "I'm worried my son is being groomed" reports a present.
_WORRY_ABOUT = re.compile(
    r"\b(?:worry|worried|worries|scared|afraid|fear|fearful|nervous|anxious|concerned|paranoid)\s+(?:about|of)\s+"
    r"(?:[^\s.!?;]+\s+){0,3}$"
)
_GERUND = re.compile(r"\b(?:being|getting)\b")
#: "I'm scared I'll get stabbed" fears a future.
_FEAR_THAT = re.compile(r"\b(?:scared|afraid|worried|frightened|terrified|nervous|fear|worry)\s+(?:that\s+)?$")
_FUTURE = re.compile(r"(?:i'?ll|i\s+will|i\s+might|i'?m\s+(?:going\s+to|gonna)|ill)\b")
_IF_SOON = re.compile(r"[^.!?;]{0,25}\b(?:if|when)\b")
_SAID_IN_JEST = re.compile(
    r"\b(?:(?:she's|he's|they're|shes|hes|theyre|it's|its|only|just)\s+(?:joking|kidding|messing)|banter)\b"
)
_COVER_STORY = re.compile(
    r"\b(?:says|said|say|claims|claimed|reckons|apparently|supposedly|told\s+(?:me|us|everyone))\b"
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
        (_WORRY_ABOUT.search(before) and _GERUND.search(hit)) or (_FEAR_THAT.search(before) and _FUTURE.match(hit))
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
        # "He says he fell" is the classic cover story, not an explanation.
        if any(
            not _COVER_STORY.search(context, max(0, m.start() - 25), m.start()) for m in _ACCIDENT.finditer(context)
        ):
            return True
    return bool(checks & BELIEF and _BELIEF.search(before))


# ---------------------------------------------------------------------------------------------------
# Survey languages, from data/safeguarding/phrases.json.

_GAP_CHARS = r"[^.!?؟।]{0,30}?"
#: Extra folding for matching only (1:1 so spans still line up): Latin diacritics, Urdu letter variants.
_LATIN_FOLD = {
    code: unicodedata.normalize("NFD", chr(code))[0]
    for code in range(0xC0, 0x250)
    if unicodedata.normalize("NFD", chr(code))[0].isascii() and len(unicodedata.normalize("NFD", chr(code))) > 1
}
_FOLD = str.maketrans(
    _LATIN_FOLD
    | {"ł": "l", "ø": "o", "đ": "d", "ß": "s", "ı": "i", "ş": "s", "ţ": "t", "ș": "s", "ț": "t"}
    | {"ہ": "ه", "ھ": "ه", "ۃ": "ه", "ے": "ی", "ې": "ی", "ى": "ی"}
)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_SCRIPT_LANGS = (
    (_ARABIC_SCRIPT, ("ar", "ur", "fa")),
    (re.compile(r"[\u0a00-\u0a7f]"), ("pa",)),
    (re.compile(r"[\u0980-\u09ff]"), ("bn",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("zh",)),
)
_LATIN_LANGS = ("pl", "es", "pt", "it", "ro", "so")


def _fold(text: str) -> str:
    """Fold normalised text further for matching, keeping its length (accents off, Urdu letters unified)."""
    return text if text.isascii() else text.translate(_FOLD)


#: Nukta signs, which Gurmukhi and Bengali writers often leave out ("ਖ਼ੁਦਕੁਸ਼ੀ" typed as "ਖੁਦਕੁਸੀ").
_NUKTA = "\u0a3c\u09bc"


def _phrase_source(phrase: str) -> str:
    """Turn a plain phrase (``*`` = short gap) into a regex over folded text, with nuktas optional."""
    parts = []
    for part in phrase.split("*"):
        folded = _fold(normalise(part))
        parts.append(
            "".join(
                "" if ch in _NUKTA else re.escape(ch) + (f"[{_NUKTA}]?" if "\u0980" <= ch <= "\u0a7f" else "")
                for ch in folded
            )
        )
    return _GAP_CHARS.join(part for part in parts if part)


@dataclass(frozen=True)
class _Language:
    """One survey language's phrase lists, compiled, with a cheap gate in front of them."""

    gate: re.Pattern[str] | None  # regex languages: every pattern at once
    keys: frozenset[str]  # phrase languages: 3-letter starts of each phrase's longest word
    spaced: bool  # False for scripts written without spaces (zh), whose keys are found as substrings
    reasons: tuple[tuple[str, re.Pattern[str]], ...]


#: Letters Arabic writes joined to the next word ("and", "with", "to"), looked past when gating.
_CLITICS = frozenset("وفبل")
_GATE_SPLIT = str.maketrans(dict.fromkeys('،؛؟!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~…“”–—।', " "))


def _key_of(phrase: str) -> str:
    """Return the gate key of a phrase: the first three letters of its longest word, nuktas dropped."""
    words = [w for piece in phrase.split("*") for w in _fold(normalise(piece)).split()]
    longest = max(words, key=len).replace("\u0a3c", "").replace("\u09bc", "")
    return longest[:3]


@lru_cache(maxsize=1)
def _language_rules() -> dict[str, _Language]:
    """Load and compile the phrase lists: per language, a gate and one pattern per reason."""
    data = json.loads((_DATA_DIR / "phrases.json").read_text(encoding="utf-8"))
    compiled: dict[str, _Language] = {}
    for lang, entry in data["languages"].items():
        is_regex = entry.get("kind") == "regex"
        per_reason = []
        every = []
        keys: set[str] = set()
        for reason, phrases in entry["reasons"].items():
            sources = [rf"\b(?:{p})" if is_regex else _phrase_source(p) for p in phrases]
            if not is_regex:
                keys.update(_key_of(p) for p in phrases)
            every.extend(sources)
            per_reason.append((reason, re.compile("|".join(f"(?:{s})" for s in sources))))
        gate = re.compile("|".join(f"(?:{s})" for s in every)) if is_regex else None
        compiled[lang] = _Language(gate, frozenset(keys), entry.get("spaced", True), tuple(per_reason))
    return compiled


def _gate_open(language: _Language, folded: str) -> bool:
    """Say cheaply whether any of a language's phrases could be in the answer."""
    if language.gate is not None:
        return language.gate.search(folded) is not None
    if not language.spaced:
        return any(key in folded for key in language.keys)
    for token in folded.translate(_GATE_SPLIT).split():
        token = token.replace("\u0a3c", "").replace("\u09bc", "")
        if token[:3] in language.keys or (token[:1] in _CLITICS and token[1:4] in language.keys):
            return True
    return False


# ---------------------------------------------------------------------------------------------------


def _languages_for(folded: str, language: str) -> list[str]:
    """Pick the phrase lists to run: the stated language plus any the answer's script implies."""
    langs = [language] if language and language != "en" else []
    if not folded.isascii():
        for script, implied in _SCRIPT_LANGS:
            if script.search(folded):
                langs.extend(lang for lang in implied if lang not in langs)
    if language not in _language_rules() and language != "en" and not langs[1:]:
        langs.extend(lang for lang in _LATIN_LANGS if lang not in langs)
    return langs


def _evidence(original: str, normalised: str, folded: str, start: int, end: int) -> str:
    """Return the words of the original answer behind a hit (falling back to the normalised words)."""
    words = (normalised if len(normalised) == len(folded) else folded)[start:end].strip()
    pieces = []
    for ch in words:
        if ch.isspace():
            pieces.append(r"\s+")
        elif ch == "'":
            pieces.append("['\u2019\u2018`\u00b4\u02bc]")
        else:
            pieces.append(re.escape(ch))
    found = re.search("".join(pieces), original, re.IGNORECASE)
    return found.group() if found else words


def _search(rule: _Rule, folded: str, words: set[str] | None) -> Iterator[re.Match[str]]:
    """Yield a rule's matches; in a long answer, only in windows around its trigger words."""
    if words is None or len(folded) <= _LONG:
        yield from rule.pattern.finditer(folded)
        return
    spans = []
    for word in words & rule.triggers:
        at = folded.find(word)
        while at >= 0:
            spans.append((max(0, at - _MARGIN), at + len(word) + _MARGIN))
            at = folded.find(word, at + 1)
    spans.sort()
    merged: list[list[int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    for lo, hi in merged:
        yield from rule.pattern.finditer(folded, lo, hi)


#: Checks a backstop term goes through, as a rule would.
_BACKSTOP_CHECKS = _Rule(
    "backstop",
    "",
    frozenset(),
    frozenset(),
    re.compile(""),
    NEG | HYPO | PAST | NEWS | BELIEF | TRIVIAL | SIBLING | ACCIDENT,
)


def _backstop(folded: str, words: set[str] | None) -> tuple[str, int, int] | None:
    """Return (reason, start, end) for the first sentence whose harm words, near the writer, reach the threshold."""
    backstop = _BACKSTOP
    if words is not None and words.isdisjoint(backstop.strong_words) and len(words & backstop.weak_words) < 2:
        return None
    terms = [term for term in backstop.terms if words is None or not words.isdisjoint(term[3])]
    for sentence in _SENTENCE.finditer(folded):
        lo, hi = sentence.span()
        if not backstop.anchor.search(folded, lo, hi):
            continue
        if _RESOLVED.search(folded, lo, hi) and (
            _PAST_MARK.search(folded, lo, hi) or _PAST_VERB.search(folded, lo, hi)
        ):
            continue  # something that is over ("I was groomed but he was caught and I'm safe now")
        score, best, seen = 0, None, set()
        for reason, weight, pattern, _ in terms:
            for match in pattern.finditer(folded, lo, hi):
                start, end = match.span()
                near = folded[max(lo, start - backstop.reach) : min(hi, end + backstop.reach)]
                if not backstop.anchor.search(near) or backstop.worry.search(folded, max(lo, start - 40), start):
                    continue
                if match.group() in seen or _suppressed(_BACKSTOP_CHECKS, folded, match):
                    continue
                seen.add(match.group())
                score += weight
                # A strong word right next to the writer ("I wasn't allowed to leave") outweighs general talk.
                close = weight > 1 and backstop.anchor.search(folded[max(lo, start - 12) : min(hi, end + 12)])
                if best is None or weight > best[1] or (close and not best[4]):
                    best = (reason, weight, start, end, bool(close))
        if (
            best
            and score - (0 if best[4] else 1 if backstop.general.search(folded, lo, hi) else 0) >= backstop.threshold
        ):
            return best[0], best[2], best[3]
    return None


#: Checks the broad tier goes through: everything a rule would, jokes and idioms included.
_BROAD_CHECKS = _Rule(
    "broad",
    "",
    frozenset(),
    frozenset(),
    re.compile(""),
    NEG | HYPO | PAST | NEWS | BELIEF | TRIVIAL | SIBLING | ACCIDENT | JOKE | IDIOM | WORRY,
)
#: Indirect ideation is often phrased as a condition ("if I was gone"), so it skips the what-if check.
_IDEATION_CHECKS = _Rule("ideation", "", frozenset(), frozenset(), re.compile(""), PAST | JOKE | TRIVIAL | NEWS)


def _broad(folded: str, words: set[str] | None) -> tuple[str, int, int] | None:
    """Return (reason, start, end) for the first broad-tier hit: indirect ideation or neglect anywhere, or a
    harm concept within reach of the writer or a specific person close to them in a sentence that is not
    general talk, sport, play or an idiom."""
    broad = _BROAD
    if (words is not None and words.isdisjoint(broad.triggers)) or not broad.any.search(folded):
        return None
    for sentence in _SENTENCE.finditer(folded):
        lo, hi = sentence.span()
        for reason, pattern in broad.ideation:
            for match in pattern.finditer(folded, lo, hi):
                if not _suppressed(_IDEATION_CHECKS, folded, match):
                    return reason, *match.span()
        if broad.quiet.search(folded, lo, hi):
            continue
        crowd = broad.crowd.search(folded, lo, hi) is not None
        for reason, pattern in broad.terms:
            for match in pattern.finditer(folded, lo, hi):
                start, end = match.span()
                if crowd and not broad.close.search(folded, max(lo, start - 12), end):
                    continue
                near = folded[max(lo, start - _BACKSTOP.reach) : min(hi, end + _BACKSTOP.reach)]
                if broad.anchor.search(near) and not _suppressed(_BROAD_CHECKS, folded, match):
                    return reason, start, end
    return None


def _flag(text: object, language: str = "en", *, prefilter: bool = True) -> Flag:
    original = clean(text)
    normalised = normalise(original)
    if not normalised:
        return NOTHING
    folded = _fold(normalised)
    hits: list[tuple[int, str, int, int]] = []

    words = set(folded.translate(_WORD_SPLIT).split())
    if prefilter:
        candidates = sorted({index for word in words & _TRIGGER_WORDS for index in _BY_TRIGGER[word]})
    else:
        candidates = range(len(_EN_RULES))
    short = len(folded) <= _LONG
    for index in candidates:
        rule = _EN_RULES[index]
        if prefilter and rule.also and words.isdisjoint(rule.also):
            continue
        found = rule.pattern.finditer(folded) if short else _search(rule, folded, words if prefilter else None)
        for match in found:
            if not _suppressed(rule, folded, match):
                hits.append((REASONS.index(rule.reason), rule.reason, *match.span()))
                break

    if not hits:
        caught = _backstop(folded, words if prefilter else None)
        if caught:
            hits.append((REASONS.index(caught[0]), caught[0], caught[1], caught[2]))
    if not hits:
        # The broad tier trades precision for recall: a missed disclosure is the worst error.
        caught = _broad(folded, words if prefilter else None)
        if caught:
            hits.append((REASONS.index(caught[0]), caught[0], caught[1], caught[2]))

    rules = _language_rules()
    for lang in _languages_for(folded, (language or "").lower()[:2]):
        if lang not in rules:
            continue
        compiled = rules[lang]
        if prefilter and not _gate_open(compiled, folded):
            continue
        for reason, pattern in compiled.reasons:
            match = pattern.search(folded)
            if match and not (reason == "danger_now" and _JOKING.search(folded)):
                hits.append((REASONS.index(reason), reason, *match.span()))

    if not hits:
        return NOTHING
    hits.sort()
    reasons = tuple(dict.fromkeys(reason for _, reason, _, _ in hits))
    evidence = tuple(dict.fromkeys(_evidence(original, normalised, folded, s, e) for _, _, s, e in hits))
    return Flag(True, reasons, evidence)


def flag(text: str, language: str = "en") -> Flag:
    """Flag an answer that discloses harm or a risk of harm, with the reasons and the words that show it.

    :param text: the answer as the respondent typed it (any length, any script; junk is tolerated).
    :param language: ISO 639-1 code of the answer, as detected or chosen; English rules always run.
    :return: ``Flag(flagged=False)`` for anything that is not a disclosure, including empty input.
    """
    return _flag(text, language)
