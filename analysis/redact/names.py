"""Name detection from cue phrases, name lists and capitalised words."""

from __future__ import annotations

from analysis.redact.answer import _Answer, _Tok
from analysis.redact.cues import (
    _ASKING,
    _CALL_FORMS,
    _CALLED,
    _FACILITY_CAPS,
    _FACILITY_LOWER,
    _INDEFINITE_PERSON,
    _KIN,
    _LIST_WORDS,
    _LOOK_AFTER,
    _NAME_GAP,
    _NAME_LINKS,
    _NAME_NOUNS,
    _NAMING,
    _NAMING_CUE,
    _NAMING_GLUE,
    _NICK_PREFIXES,
    _NOT_NAME_ENDINGS,
    _OWNERS,
    _PERSON_NOUNS,
    _PERSON_VERBS,
    _PERSONAL,
    _PLACE_BEFORE,
    _POSTPOSED_OWNERS,
    _POSTPOSED_RELATIONS,
    _RELATIONS,
    _SCHOOL_AFTER,
    _SOFT_TITLES,
    _SOMALI_RELATIONS,
    _TITLES,
    _TO_PERSON,
    _WEAK,
)
from analysis.redact.lexicon import _NEVER, _lexicon_tags
from analysis.redact.scripts import _NON_LATIN, _script_names

#: Two-letter names, which the name lists leave out (their words are three letters or more) and the lexicon
#: knows as words ("half a mo"): names only where a list of names puts them ("Liam and Mo").
_SHORT_NAMES = frozenset(["mo", "jo", "al", "ed", "bo", "di", "vi", "aj", "cj", "dj", "tj", "jj", "kc", "ty", "zu"])


#: What may follow a signed-off name ("Bernadette x", "Sam thanks") and what may come before it ("Thanks, Sam").
_SIGN_OFF_TAIL = frozenset({"x", "xx", "xxx", "thanks", "thx", "ty"})
_CONTACT_WORDS = frozenset({"ring", "call", "text", "message", "msg", "email", "contact", "whatsapp", "dm"})
#: The words after which worth_a_look adds a word: "Kyle from year 9", "Kyle's brother".
_EXTRA_NEXT = frozenset({"from", "in"}) | _RELATIONS

_SIGN_OFF_BEFORE = frozenset({"thanks", "cheers", "regards", "love", "from", "sincerely", "thankyou", "ta"})


class _Names(_Answer):
    """Name decisions for one answer. Words are looked at lazily: most are plain lower-case words."""

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
                # "Coach Mo": a two-letter name after a cue is a name even where it is also a word ("half a mo").
                return low in self.names or low in self.ambiguous or low in _SHORT_NAMES or not self.ordinary(tok)
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
        if _EXTRA_NEXT.isdisjoint(lows):  # most answers: no word the checks below look for
            return look
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
                elif self._sign_off(i) and not (tok.place or tok.low in self.places):
                    decided = True  # "ring me on [PHONE], Daz"
                elif tok.low in self.ambiguous and i + 1 < n and lows[i + 1] in ("she", "he", "shes", "hes"):
                    decided = self.candidate(tok, _WEAK)  # "youth workers like Jade she actually listens"
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
                elif self._sign_off(i):
                    decided = self.known(tok) or self.candidate(tok, 0)  # "... ring me on [PHONE]. Bernadette"
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

    def _sign_off(self, i: int) -> bool:
        """Say whether word ``i`` signs the answer off: the last word, alone after a full stop or a greeting."""
        rest = self.lows[i + 1 :]
        if not rest or all(low in _SIGN_OFF_TAIL for low in rest):
            if i > 0 and (self._breaks(i) or self.lows[i - 1] in _SIGN_OFF_BEFORE):
                return True
            # "... ring me on 07700 900123, Daz": after a comma, in an answer that asks to be contacted.
            gap = self.text[self.matches[i - 1].end() : self.matches[i].start()] if i > 0 else ""
            return "," in gap and not _CONTACT_WORDS.isdisjoint(self.lows)
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
        # Lists: "Kyle and Jordan", "me, kyle n jay", "Tyler, Kyle and Jay", "Liam and Mo".
        listed = (tok.cap or self.known(tok)) and (
            self.candidate(tok, _WEAK) or (tok.cap and not tok.sentence_start and tok.low in _SHORT_NAMES)
        )
        for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
            if listed and j in name and 0 <= k < n and self.lows[k] in _LIST_WORDS and self._joined(j, i):
                return True
        listed = listed and (self.known(tok) or not tok.sentence_start)
        for j in (i - 1, i + 1):
            if listed and j in name and self.text[self.tok(min(i, j)).end : self.tok(max(i, j)).start].strip() == ",":
                return True
        return False

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


def _names(text: str) -> list[tuple[int, int]]:
    spans = _Names(text).spans()
    if _NON_LATIN.search(text):
        spans.extend(_script_names(text))
    return spans
