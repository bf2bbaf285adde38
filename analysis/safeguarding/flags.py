"""The reasons an answer can be flagged for, and the Flag result."""

from __future__ import annotations

from dataclasses import dataclass

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
    # No rule recognised the answer, but the word model (model.py) finds it close to known disclosures.
    "possible_disclosure",
)


@dataclass(frozen=True)
class Flag:
    """Whether an answer must go to the safeguarding lead, why, and the words that triggered it."""

    flagged: bool
    reasons: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


NOTHING = Flag(False)
