"""The English rules, backstop and broad terms, loaded from data/safeguarding/rules.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analysis.safeguarding.flags import REASONS
from analysis.safeguarding.patterns import _expand, _factor, _join

# ---------------------------------------------------------------------------------------------------
# English rules, from data/safeguarding/rules.yaml (see its header for the format).

_DATA_DIR = Path(__file__).parent.parent / "data" / "safeguarding"


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


@dataclass(frozen=True)
class _Rule:
    id: str
    reason: str
    triggers: frozenset[str]
    also: frozenset[str]
    pattern: re.Pattern[str]
    checks: int


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
