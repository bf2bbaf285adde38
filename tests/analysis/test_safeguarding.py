"""Safeguarding flags: disclosures of harm reach the lead, general worry does not."""

import csv
import dataclasses
import json
import time
from pathlib import Path

import pytest

from analysis import safeguarding
from analysis.safeguarding import REASONS, Flag, flag

FIXTURES = Path(__file__).parent / "fixtures" / "safeguarding_cases.csv"
SURVEY_LANGUAGES = ("ur", "ar", "pl", "pa", "es", "bn", "pt", "it", "ro", "fa")


def load_cases() -> list[tuple[str, str, bool]]:
    with FIXTURES.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], row["language"], row["safeguarding"] == "1") for row in csv.DictReader(handle)]


CASES = load_cases()


def test_fixture_set_is_large_and_mostly_hard_negatives():
    disclosures = sum(label for _, _, label in CASES)
    assert len(CASES) >= 150
    assert 0.25 <= disclosures / len(CASES) <= 0.45


def test_hand_written_cases_keep_recall_and_precision():
    # A regression guard: these cases were used to build the rules, so they do not estimate unseen answers.
    tp = sum(1 for text, lang, label in CASES if label and flag(text, lang).flagged)
    fp = sum(1 for text, lang, label in CASES if not label and flag(text, lang).flagged)
    positives = sum(label for _, _, label in CASES)
    assert tp / positives >= 0.97
    assert tp / (tp + fp) >= 0.9


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("my step dad smacks me when he's had a drink", "abuse_at_home"),
        ("nobody knows my dad hits my mum", "abuse_at_home"),
        ("I'm scared to go home tonight", "abuse_at_home"),
        ("i keep thinking about killing myself", "self_harm"),
        ("been cutting again and hiding the scars", "self_harm"),
        ("i just don't want to be here anymore", "self_harm"),
        ("my uncle touches me when no one is around", "sexual_abuse"),
        ("a group of older boys got me minding a package for them and now say I owe them", "exploitation_grooming"),
        ("a man on snap keeps messaging me and wants to meet up, says not to tell my mum", "exploitation_grooming"),
        ("ive got a blade on me at all times now", "carrying_weapon"),
        ("im going to stab him when i see him", "intent_to_harm_others"),
        ("someone leaked where I live on insta and said they'll pull up tonight", "danger_now"),
        ("the boy next door gets hit and screamed at every night", "child_at_risk_reported"),
        ("my best mate says she wants to kill herself", "child_at_risk_reported"),
        # Told sideways (each shape first missed on a blind set, then written anew here).
        ("honestly my family would be better off, tbh i dont see why im still trying", "self_harm"),
        ("not really planning on being around after the summer", "self_harm"),
        ("wearing long sleeves in july again so no one asks about the thing i do to my legs", "self_harm"),
        ("want to get down to 40kg by my birthday, keep nearly fainting but its worth it", "self_harm"),
        ("they battered my little brother last week, we're sorting it out tonight", "intent_to_harm_others"),
        ("theres no food at home most days and dads in bed all day so i feed my sister", "abuse_at_home"),
        ("aunty says they will take her for a ceremony so she's 'pure', my sister is 6", "abuse_at_home"),
        ("they keep talking about my wedding. i saw the man's photo. im 15", "abuse_at_home"),
        ("nothing helps like the blade does, at least i feel something after", "self_harm"),
        ("im on 400 calories or less most days and no one has noticed yet", "self_harm"),
        ("dont worry about me, soon everyone gets a break from me", "self_harm"),
        ("my dad and his girlfriend are fighting again, police came round twice this month", "abuse_at_home"),
    ],
)
def test_disclosures_are_flagged_with_their_reason(text, reason):
    result = flag(text)
    assert result.flagged
    assert reason in result.reasons
    assert result.evidence


@pytest.mark.parametrize(
    "text",
    [
        "knife crime is bad round here, something needs to change",
        "I'm scared of the gangs on our estate",
        "there should be more police on the streets at night",
        "the local paper keeps running stories about stabbings in the city centre",
        "my sister will murder me when she finds out I borrowed her top lol",
        "i could murder a pizza right now",
        "if someone pulled a knife on me I'd just run",
        "what would you do if your friend was being groomed?",
        "I used to carry a knife but I got rid of it and I'm in a better place now",
        "nobody has ever hit me, my family is lovely",
        "police think we all carry knives because of where we live",
        "we're going to smash our exams this year",
        "my little brother hits me with pillows when he's bored",
        "suicide prevention should be taught in every school",
        "some lads threatened us in the park once but we just walked off and it was fine",
        "older lads asked my mate to hold a bag for them once, he said no and theyve left him alone since",
        "everyone would be better off with more youth clubs open at weekends",
        "not planning on being around here after uni, moving to london",
        "my mum stays in bed all day on sundays, her night shifts are long",
        "maccies kicks us out after 20 mins so we just walk about",
        "i feel anxious all the time when im out, like someones watching me",
        "lost loads of weight for my boxing bout, still not small enough for the weight class",
        "the razor scooter is the only thing that helps me get to school on time",
        "police came round again to the flats, lads fighting outside the shop",
    ],
)
def test_general_worry_opinion_and_idioms_are_not_flagged(text):
    assert flag(text) == Flag(False)


def test_a_disclosure_the_writer_wants_kept_secret_is_still_flagged():
    assert flag("i don't want anyone to know but my stepmum burns me with her lighter").flagged


def test_a_real_conditional_threat_is_flagged_but_a_what_if_is_not():
    assert flag("they said if I stop selling they'll come to my house").flagged
    assert not flag("if anyone ever threatened me I would tell a teacher").flagged


def test_evidence_quotes_the_answer_as_typed():
    text = "Honestly?? My Stepdad HITS me when he’s drunk."
    result = flag(text)
    assert result.flagged
    assert all(words in text for words in result.evidence)
    assert any("HITS me" in words for words in result.evidence)


@pytest.mark.parametrize("language", SURVEY_LANGUAGES)
def test_every_survey_language_has_flagged_disclosures_and_quiet_everyday_answers(language):
    cases = [(text, label) for text, lang, label in CASES if lang == language]
    assert any(label for _, label in cases), f"no {language} disclosure in the fixtures"
    assert any(not label for _, label in cases), f"no {language} everyday answer in the fixtures"
    for text, label in cases:
        assert flag(text, language).flagged == label, text


def test_arabic_script_disclosure_is_caught_even_when_the_language_is_wrong():
    assert flag("ابو مجھے روز مارتے ہیں", "en").flagged


@pytest.mark.parametrize(
    "junk",
    ["", "   ", "\n\t", "😂😂😂", "...", "?", b"\xff\xfe\x00binary", None, 12345, "a" * 100_000, "\x00\x01\x02"],
)
def test_junk_never_raises_and_flags_nothing(junk):
    assert flag(junk) == Flag(False)


def test_a_disclosure_at_the_end_of_a_long_answer_is_found():
    text = "the park is ok and the youth club is good. " * 40 + "but at home my dad beats me and my brother."
    assert flag(text).flagged


def test_flag_is_frozen_and_reasons_come_from_the_published_list():
    result = flag("my dad hits me")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.flagged = False  # type: ignore[misc]
    assert set(result.reasons) <= set(REASONS)


def test_the_word_prefilter_never_hides_a_disclosure():
    # Each rule only runs when its trigger words are present; skipping that shortcut must change nothing.
    for text, lang, _ in CASES:
        assert safeguarding._flag(text, lang) == safeguarding._flag(text, lang, prefilter=False), text


def test_phrase_lists_cover_the_core_disclosures_in_every_survey_language():
    data = json.loads((safeguarding._DATA_DIR / "phrases.json").read_text(encoding="utf-8"))["languages"]
    for language in SURVEY_LANGUAGES:
        reasons = data[language]["reasons"]
        for core in ("self_harm", "abuse_at_home", "exploitation_grooming", "danger_now"):
            assert reasons.get(core), f"{language} has no {core} phrases"
        assert sum(len(phrases) for phrases in reasons.values()) >= 25, language


def test_flagging_is_fast_enough_for_the_pipeline():
    answers = [text for text, _, _ in CASES]
    flag("warm up the phrase lists", "ur")
    start = time.perf_counter()
    for text in answers:
        flag(text)
    per_answer = (time.perf_counter() - start) / len(answers)
    assert per_answer < 300e-6  # generous: the budget is ~25 µs, this catches a runaway pattern


@pytest.mark.parametrize(
    "text",
    [
        "my nan would be happier if i was gone",
        "honestly what's the point in me anymore",
        "i keep hoarding tablets in a sock under my bed",
        "we havent had a proper meal for four days, mum is never in",
        "the guy who coaches me makes me feel uncomfortable when we're alone",
        "these lads force me to deliver bags up north",
        "ive got a machete in my wardrobe",
        "a girl on my street gets dragged by her hair by her mum",
    ],
)
def test_broad_tier_catches_indirect_disclosures_no_rule_foresaw(text):
    assert flag(text).flagged, text


@pytest.mark.parametrize(
    "text",
    [
        "i hurt my wrist at netball training",
        "my cousin forces me to play fortnite with him lol",
        "we should learn about grooming in pshe",
        "i'm so tired i could sleep forever after that trip",
        "my dad made me tidy my room before going out",
    ],
)
def test_broad_tier_stays_quiet_on_sport_play_lessons_and_chores(text):
    assert not flag(text).flagged, text


def test_broad_tier_never_runs_when_a_precise_rule_already_explains_the_flag():
    result = flag("my stepdad hits me and i want to disappear")
    assert result.flagged
    assert "abuse_at_home" in result.reasons


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mi tío me da palizas con la correa cuando se enfada", "es"),
        ("mam dość życia, nikt by nawet nie zauważył", "pl"),
        ("o padrasto deixa-me sozinha e não há comida em casa", "pt"),
        ("vorrei sparire, sono stanca di vivere", "it"),
        ("mi-e frică de fratele meu, îmi dă palme", "ro"),
        ("زندگی سے تنگ آ گیا ہوں", "ur"),
        ("ابوی بیضربني بالعصا", "ar"),
        ("از بابام میترسم، کتکم میزنه", "fa"),
        ("বাড়িতে খাবার নেই, মা একা রেখে যায়", "bn"),
        ("ਜ਼ਿੰਦਗੀ ਤੋਂ ਥੱਕ ਗਿਆ ਹਾਂ", "pa"),
        ("活着好累，想消失", "zh"),
        ("kabhi kabhi marne ka dil karta hai", "ur"),
        # Told beside a little brother, with "or else" ("na hole"), or a hit that is still going on.
        ("ammu onek din dhore ashustho, ghore khabar nai, choto bhai ke ami dekhi", "bn"),
        ("amake drugs bikri korte hoy na hole marbe bole", "bn"),
        ("pehle sirf gaali deta tha, ab abbu mujhe roz maarte hain", "ur"),
        ("mere cousin kol chaaku hai te oh kehnda kal school lai ke jaauga", "pa"),
    ],
)
def test_varied_survey_language_disclosures_are_flagged(text, language):
    assert flag(text, language).flagged, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mama kupuje mi prezenty na urodziny", "pl"),
        ("妈妈逼我每天练钢琴", "zh"),
        ("ہمارے محلے میں نشہ بیچا جاتا ہے", "ur"),
        ("مجبورم هر روز زود بیدار شم", "fa"),
        ("Mama mă omoară dacă întârzii haha", "ro"),
        # Romanised Urdu, Punjabi and Bengali: a family joke, a past that is over, news, a negation after the
        # verb, people in general, an opinion, a happy wedding, a fast, guests, a little brother.
        ("exam mein fail hua to abbu mujhe maar denge lol", "ur"),
        ("pehle abbu mujhe roz maarte thay, ab nahi, sab theek hai", "ur"),
        ("news ch dekhya ik munde nu chaku maareya, bahut dukh hoya", "pa"),
        ("ami morte chai na, bachte chai onek din", "bn"),
        ("amar kache churi nai, ami kokhono rakhi na", "bn"),
        ("har munda chaku rakhda ethe, eh bahut galat aa", "pa"),
        ("yahan har larka chaku rakhta hai, ye bohat ghalat hai", "ur"),
        ("badla lena galat hai, gurbani sikhandi hai", "pa"),
        ("mera viah agle saal hai, bahut khush haan", "pa"),
        ("roze mein bhooka rehna parta hai lekin acha lagta hai", "ur"),
        ("mehmaan kal ghar aa jayenge Eid pe", "ur"),
        ("choto bhai amar pichu pichu ashe sob jaygay, cute", "bn"),
        ("agar main na rahun ghar pe to ammi pareshan ho jati hain", "ur"),
    ],
)
def test_everyday_survey_language_answers_with_harm_words_stay_quiet(text, language):
    assert not flag(text, language).flagged, text


def test_talk_of_people_only_quiets_the_broad_tier_when_the_harm_is_not_to_the_writer():
    assert flag("people keep saying it gets better but i just want it to end").flagged
    assert flag("honestly everyone would be better off if i just disappeared").flagged
    assert not flag("kids who carry knives should get proper help not prison").flagged
