"""Flag answers that disclose harm or a risk of harm, for the designated safeguarding lead.

An answer is flagged when it *discloses*: abuse or violence happening to the writer or to a specific
child, intent to hurt themselves or someone else, carrying a weapon now, being forced or groomed into
crime, or being in danger now. General worry, news talk, opinions and hypotheticals are not flagged
("knife crime is bad round here", "if someone pulled a knife on me I'd run").

Four layers, all data in ``data/safeguarding/``:

1. English rules (``rules.yaml``): regular expressions that capture disclosure *structure*, a first
   person or a specific child plus a harm verb plus a victim ("my stepdad belts me", "older lads make
   me hold bags", "I've got a blade on me"). Each hit is checked against the words around it for
   negation ("my dad has never hit me"), a what-if ("if someone pulled a knife on me"), a past that is
   over ("I used to carry but I got rid of it"), news, jokes and idioms ("my nan will murder me for this lol").
2. A backstop (also ``rules.yaml``): strong harm words ("groomed", "overdose", "black eye") near the
   writer or a specific child, for disclosures no rule recognises. It runs only when no rule hit.
3. Phrase lists for the survey languages (``phrases.json``), run for the answer's stated language and
   any its script implies. English rules always run too: answers mix languages.
4. A word model (``model.json``, see ``model.py``) for answers no rule or phrase recognised: flagged as
   ``possible_disclosure`` when their words are close enough to known disclosures. The rules alone
   caught about half the disclosures in answers written by someone else; the model catches most of the rest.

A missed disclosure is the worst error this product can make, so the rules lean towards flagging.

Speed: an answer only runs the rules whose trigger words it contains (most answers run none), rules
are compiled with their word alternations rewritten as tries, and long answers are searched only
around their trigger words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from analysis.safeguarding.context import (
    _PAST_MARK,
    _PAST_VERB,
    _RESOLVED,
    _SENTENCE,
    BACKSTOP_CHECKS,
    BROAD_CHECKS,
    IDEATION_CHECKS,
    MODEL_CHECKS,
    _suppressed,
    phrase_stands,
)
from analysis.safeguarding.flags import NOTHING, REASONS, Flag
from analysis.safeguarding.languages import _fold, _gate_open, _language_rules, _languages_for, prepare_gates
from analysis.safeguarding.model import load as load_model
from analysis.safeguarding.rules import (
    _BACKSTOP,
    _BROAD,
    _BY_TRIGGER,
    _EN_RULES,
    _LONG,
    _MARGIN,
    _TRIGGER_WORDS,
    _WORD_SPLIT,
    _Rule,
)
from analysis.safeguarding.rules import _DATA_DIR as _DATA_DIR
from analysis.text import clean, normalise

__all__ = ["REASONS", "Flag", "flag", "prepare"]


def _evidence(original: str, normalised: str, folded: str, start: int, end: int) -> str:
    """Return the words of the original answer behind a hit (falling back to the normalised words)."""
    words = (normalised if len(normalised) == len(folded) else folded)[start:end].strip()
    if original.isascii() and "`" not in original and " ".join(original.split()) == original:
        # ASCII words and single spaces: the case-blind pattern below is a plain find, without compiling it.
        at = original.lower().find(words.lower())
        return original[at : at + len(words)] if at >= 0 else words
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


#: The probability the word model needs when only stop words pushed it up. Over the labelled sets, answers at
#: or above 0.75 with no content word were all disclosures ("everyone would be better off if i just wasnt around
#: anymore"); below it, "sometimes my brother and I wrestle" (0.73) and "nobody. i keep it to myself" (0.65).
_SURE_WITHOUT_CONTENT_WORDS = 0.75


def _feature_match(text: str, feature: str) -> re.Match[str] | None:
    """Find a model feature (a lower-case word or word pair) in normalised or folded text."""
    return _feature_pattern(feature).search(text.lower())


@lru_cache(maxsize=4096)
def _feature_pattern(feature: str) -> re.Pattern[str]:
    # Features come from the model's vocabulary, so they repeat: compile each once (re's own cache is
    # crowded out by the evidence patterns).
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, feature.split())) + r"(?!\w)")


def _span(normalised: str, feature: str) -> tuple[int, int]:
    """Return where a model feature sits in the normalised answer."""
    found = _feature_match(normalised, feature)
    return found.span() if found else (0, 0)


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
                if match.group() in seen or _suppressed(BACKSTOP_CHECKS, folded, match):
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
                if not _suppressed(IDEATION_CHECKS, folded, match):
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
                if broad.anchor.search(near) and not _suppressed(BROAD_CHECKS, folded, match):
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
            if match and phrase_stands(lang, reason, folded, match):
                hits.append((REASONS.index(reason), reason, *match.span()))

    if not hits:
        # A second opinion for wording no rule foresaw (see model.py).
        model = load_model()
        if model is None:
            return NOTHING
        probability, evidence_of = model.judge(original)
        if probability < model.threshold:
            return NOTHING
        if not (words := evidence_of()):
            # Only stop words weighed ("whats the point of waking up"): flag when the model is surer.
            if probability < _SURE_WITHOUT_CONTENT_WORDS:
                return NOTHING
            words = evidence_of(quotable=False)
        # The word that weighed most goes through the checks the model cannot learn from words alone: a laugh,
        # a little brother, a trivial cause or a family idiom silence it as they silence the rules.
        top = _feature_match(folded, words[0])
        if top is not None and _suppressed(MODEL_CHECKS, folded, top):
            return NOTHING
        evidence = (_evidence(original, normalised, normalised, *_span(normalised, word)) for word in words)
        return Flag(True, ("possible_disclosure",), tuple(piece for piece in evidence if piece))
    hits.sort()
    reasons = tuple(dict.fromkeys(reason for _, reason, _, _ in hits))
    evidence = tuple(dict.fromkeys(_evidence(original, normalised, folded, s, e) for _, _, s, e in hits))
    return Flag(True, reasons, evidence)


def prepare() -> None:
    """Do the one-time work ``flag`` would otherwise do on its first answers: load the word model, compile the
    survey languages' gates. Optional; an Analyser calls it when built."""
    load_model()
    prepare_gates()


def flag(text: str, language: str = "en") -> Flag:
    """Flag an answer that discloses harm or a risk of harm, with the reasons and the words that show it.

    :param text: the answer as the respondent typed it (any length, any script; junk is tolerated).
    :param language: ISO 639-1 code of the answer, as detected or chosen; English rules always run.
    :return: ``Flag(flagged=False)`` for anything that is not a disclosure, including empty input.
    """
    return _flag(text, language)
