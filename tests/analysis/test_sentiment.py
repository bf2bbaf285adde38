"""Sentiment of answers as an analyst sees it: the label, a score in -1..1 and the words behind it.

Every fixture here was written for these tests (none is a dev-set answer or a paraphrase of one).
"""

from __future__ import annotations

import dataclasses

import pytest

from analysis.sentiment import DATA, LANGUAGES, Sentiment, _fold, _lexicon, sentiment
from analysis.text import expand_text_speak, normalise, tokens

NEG, NEU, POS = "negative", "neutral", "positive"

ENGLISH = [
    # negation
    ("i dont feel safe round here", NEG),
    ("not safe at all after dark", NEG),
    ("never safe walking home", NEG),
    ("no one listens to us", NEG),
    ("im not scared round here, its calm", POS),
    ("not bad tbh", POS),
    ("im not in a gang", NEU),  # a negated problem is not a good thing either
    ("can't walk to the shop without someone starting on you", NEG),
    # "but": the clause after it dominates
    ("it used to be rough but now i love it here", POS),
    ("the youth club is good but its closing next month", NEG),
    ("staff are nice but nobody does anything about the dealers", NEG),
    ("the park is nice but the lads there are scary", NEG),
    # sarcasm
    ("oh yeah the buses are great, never on time 🙄", NEG),
    ("wow yeah loads to do round here if you like staring at walls", NEG),
    # UK youth slang
    ("youth club is mint", POS),
    ("my coach is sound", POS),
    ("its dead round here", NEG),
    ("the staff are dead good", POS),
    ("bare dealers on my road", NEG),
    ("thats peak", NEG),
    ("the new skatepark is sick", POS),
    ("buzzing for college next year", POS),
    # complaints and fears without classic negative words
    ("get rid of the dealers", NEG),
    ("nothing to do round here", NEG),
    ("police never come", NEG),
    ("my mate got stabbed", NEG),
    ("scared to walk home on my own", NEG),
    ("people judge you for where you live", NEG),
    ("theres no youth club anymore", NEG),
    # suggestions that name no problem are neutral
    ("more lights in the park would help", NEU),
    ("a safe place to go after school", NEU),
    ("there should be more youth clubs", NEU),
    ("Young people need more support from services.", NEU),
    # support, hopes
    ("i want to be a nurse when im older", POS),
    ("my mentor helped me get a job, proper changed my life", POS),
    # comparisons, rhetorical questions, hyperbole, "ill" that is "i'll"
    ("it used to be better round here, now nobody talks to each other", NEG),
    ("how are we supposed to feel hopeful when there are no jobs", NEG),
    ("my dad will kill me if im back late lol", NEU),
    ("i could murder a pizza right now", NEU),
    ("i want to be a paramedic but idk if ill get in", NEU),
    # the survey's "what helps, and what makes it harder?": a balanced answer is neutral
    ("what helps is my mates and the gym. what makes it harder is the buses at night", NEU),
    ("nothing i feel safe tbh", POS),
    # non-answers
    ("idk", NEU),
    ("n/a", NEU),
    ("nothing", NEU),
    ("no comment", NEU),
    ("lol", NEU),
]

EMOJI_ONLY = [
    ("😡😡", NEG),
    ("💔", NEG),
    ("❤️", POS),
    ("👍", POS),
    ("😂😂😂", NEU),  # laughing alone says nothing about how they feel
]

OTHER_LANGUAGES = [
    ("Lubię naszą dzielnicę, sąsiedzi są bardzo mili i pomocni.", "pl", POS),
    ("Boję się wracać wieczorem do domu, na klatce są dilerzy.", "pl", NEG),
    ("nie czuje sie tu bezpiecznie", "pl", NEG),  # typed without diacritics
    ("Îmi place clubul de tineret, antrenorii ne ajută mult.", "ro", POS),
    ("Mi-e frică să merg singur prin parc, sunt mereu bătăi acolo.", "ro", NEG),
    ("Me encanta el centro juvenil, los monitores son muy amables.", "es", POS),
    ("Tengo miedo de salir por la noche porque hay peleas y robos.", "es", NEG),
    ("no me siento seguro en la calle", "es", NEG),
    ("Sinto-me segura no meu bairro e os vizinhos ajudam sempre.", "pt", POS),
    ("Não há nada para fazer aqui e os traficantes estão sempre na rua.", "pt", NEG),
    ("Il centro giovanile è fantastico, gli educatori ci ascoltano.", "it", POS),
    ("Ho paura di tornare a casa da sola, ci sono sempre risse alla fermata.", "it", NEG),
    ("Xaafaddeenu waa nabad, dadkuna aad bay u fiican yihiin.", "so", POS),
    ("Waxaan ka cabsanayaa mindiyaha iyo dagaallada dhallinyarada.", "so", NEG),
    ("مجھے اپنے اسکول میں بہت اچھا لگتا ہے، اساتذہ مدد کرتے ہیں", "ur", POS),
    ("ہمارے محلے میں چوری اور لڑائی بہت عام ہے", "ur", NEG),
    ("میں یہاں محفوظ نہیں ہوں", "ur", NEG),  # the negator follows the word
    ("ਮੈਨੂੰ ਆਪਣਾ ਸਕੂਲ ਬਹੁਤ ਵਧੀਆ ਲੱਗਦਾ ਹੈ", "pa", POS),
    ("ਰਾਤ ਨੂੰ ਬਾਹਰ ਜਾਣ ਤੋਂ ਡਰ ਲੱਗਦਾ ਹੈ, ਗਲੀ ਵਿੱਚ ਨਸ਼ੇ ਵਿਕਦੇ ਹਨ", "pa", NEG),
    ("আমাদের ক্লাবের কোচ খুব ভালো, সবসময় সাহায্য করে", "bn", POS),
    ("স্কুলে আমাকে বর্ণবাদী গালি দেয়, খুব খারাপ লাগে", "bn", NEG),
    ("এখানে নিরাপদ না", "bn", NEG),
    ("أحب الحي الذي أعيش فيه، الجيران طيبين جدا", "ar", POS),
    ("هناك عصابات في الشارع وأخاف أن أخرج وحدي", "ar", NEG),
    ("لا أشعر بالأمان في الحديقة", "ar", NEG),
    ("مدرسه ما خیلی خوب است و معلم‌ها به ما کمک می‌کنند", "fa", POS),
    ("شب‌ها در پارک احساس امنیت نمی‌کنم", "fa", NEG),
    ("我很喜欢我们的社区，邻居都很友好。", "zh", POS),
    ("晚上走路回家我很害怕，街上有人打架。", "zh", NEG),
    ("我觉得这里不安全", "zh", NEG),
]

JUNK = [
    "",
    "   \n\t ",
    None,
    b"\xff\xfe\x00binary\x81",
    "\x00\x01\x02\x1b[31m",
    "?!?!...,,,",
    "asdfghjkl",
    ["not", "a", "string"],
    12345,
    "x" * 200_000,
    "🙂" * 50_000,
    "\ufeff\u200b\u202e",
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH + EMOJI_ONLY)
def test_english_and_emoji_answers_get_the_codebook_label(text: str, expected: str) -> None:
    result = sentiment(text)
    assert result.label == expected, result
    assert -1.0 <= result.score <= 1.0


@pytest.mark.parametrize(("text", "language", "expected"), OTHER_LANGUAGES)
def test_answers_in_other_languages_get_the_codebook_label(text: str, language: str, expected: str) -> None:
    result = sentiment(text, language)
    assert result.label == expected, result
    assert result.evidence, "the words that drove it are shown"


def test_each_survey_language_has_a_positive_and_a_negative_fixture() -> None:
    covered = {(language, label) for _, language, label in OTHER_LANGUAGES}
    for language in set(LANGUAGES) - {"en"}:
        assert {(language, POS), (language, NEG)} <= covered, language


def test_evidence_shows_the_negated_phrase() -> None:
    result = sentiment("i dont feel safe")
    assert result.label == NEG
    assert result.evidence == ("don't feel safe",)


def test_evidence_lists_the_words_behind_the_label_strongest_first() -> None:
    result = sentiment("the youth workers are amazing and really helpful")
    assert result.label == POS
    assert result.evidence[:2] == ("really helpful", "amazing")


def test_score_sign_and_strength_follow_the_text() -> None:
    assert sentiment("i feel really safe here").score > sentiment("i feel safe here").score > 0
    assert sentiment("i'm terrified of the gangs").score < sentiment("a bit worried about gangs").score < 0


def test_the_clause_after_but_dominates_either_way() -> None:
    assert sentiment("staff are great but the building is a dump").label == NEG
    assert sentiment("the building is a dump but the staff are great").label == POS


def test_a_trailing_tho_counts_like_but() -> None:
    plain = sentiment("someone got robbed on my road, the police came quick")
    tho = sentiment("someone got robbed on my road, the police came quick tho")
    assert tho.score > plain.score


def test_a_wished_for_good_thing_is_not_a_good_thing_had() -> None:
    assert sentiment("i feel safe in the park").label == POS
    assert sentiment("i wish i felt safe in the park").label != POS


def test_light_tone_softens_but_keeps_the_direction() -> None:
    serious, joking = sentiment("the bus is awful"), sentiment("the bus is awful lol")
    assert serious.score < joking.score < 0


def test_unknown_language_is_neutral_with_low_confidence() -> None:
    result = sentiment("c'est vraiment nul ici, j'ai peur", "fr")
    assert result.label == NEU
    assert result.score == 0.0
    assert result.evidence
    assert result.evidence[0].startswith("low confidence")


def test_unknown_language_still_reads_emojis() -> None:
    result = sentiment("😡😡 polizei", "de")
    assert result.label == NEG
    assert result.evidence[0].startswith("low confidence")


def test_an_undetermined_language_is_read_by_its_script() -> None:
    assert sentiment("😡😡", "und").label == NEG
    assert sentiment("police never come", "und").label == NEG
    assert sentiment("میں یہاں محفوظ نہیں ہوں", "und").label == NEG
    assert sentiment("?!", "und") == sentiment("", "en")


def test_region_and_case_in_the_language_code_are_ignored() -> None:
    assert sentiment("i love it here", "EN-gb").label == POS
    assert sentiment("Adoro o meu bairro", "pt_BR").label == POS
    assert sentiment("我很开心", "zh-Hans").label == POS


def test_a_wrongly_stated_language_falls_back_to_the_script() -> None:
    assert sentiment("میں یہاں محفوظ نہیں ہوں", "en").label == NEG
    assert sentiment("i feel really safe round here", "ur").label == POS


@pytest.mark.parametrize("junk", JUNK, ids=range(len(JUNK)))
def test_junk_never_raises_and_gives_a_valid_result(junk: object) -> None:
    result = sentiment(junk)  # type: ignore[arg-type]
    assert isinstance(result, Sentiment)
    assert result.label in (NEG, NEU, POS)
    assert -1.0 <= result.score <= 1.0
    if not isinstance(junk, str) or "🙂" not in junk:
        assert result.label == NEU


def test_result_is_frozen() -> None:
    result = sentiment("i love it")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.label = NEG  # type: ignore[misc]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lexicon_loads_with_negators_and_a_few_hundred_terms(language: str) -> None:
    lex = _lexicon(language)
    assert lex is not None
    entries = [*lex.words.values(), *lex.prefixes.values(), *(e for opts in lex.phrases.values() for _, e in opts)]
    assert len(entries) >= 180
    assert sum(entry.kind in ("NEG", "NEGP") for entry in entries) >= 3
    assert sum(entry.kind == "V" and entry.value > 0 for entry in entries) >= 50
    assert sum(entry.kind == "V" and entry.value < 0 for entry in entries) >= 50


@pytest.mark.parametrize("language", [*LANGUAGES, "emoji"])
def test_no_lexicon_term_is_listed_twice(language: str) -> None:
    """A term listed twice (after folding) silently loses one of its values."""
    lex = _lexicon(language)
    assert lex is not None
    seen: dict[str, str] = {}
    for line in (DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line[0] in "#@":
            continue
        term, _, value = line.rpartition(" ")
        assert term, line
        assert value, line
        folded = _fold(normalise(term)) if lex.fold else term
        if lex.chars:
            key = normalise(folded)
        elif folded.endswith("*"):
            key = normalise(folded[:-1]) + "*"
        else:
            words = tokens(folded)
            key = " ".join(expand_text_speak(words) if lex.textspeak else words)
        assert key not in seen, f"{language}: {seen[key]!r} and {line!r}"
        seen[key] = line


def test_the_danda_ends_a_bengali_or_gurmukhi_sentence_and_is_no_part_of_a_word():
    assert tokens("কেউ শোনে না। আমি ভয় পাই॥") == ["কেউ", "শোনে", "না", "আমি", "ভয়", "পাই"]
    assert tokens("ਮੈਨੂੰ ਡਰ ਲੱਗਦਾ ਹੈ।") == ["ਮੈਨੂੰ", "ਡਰ", "ਲੱਗਦਾ", "ਹੈ"]


@pytest.mark.parametrize(
    ("text", "language"),
    [("nu face nimeni nimic pentru noi", "ro"), ("they dont help nobody round here", "en")],
)
def test_a_second_negator_does_not_cancel_the_first(text, language):
    # Negative concord: "nobody does nothing" denies once; "nobody" standing alone is not negated by "not".
    assert sentiment(text, language).label == "negative"
