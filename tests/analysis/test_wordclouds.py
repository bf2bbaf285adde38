"""Word clouds: what an analyst sees on the picture and in its word list and notes.

Fixtures are written for these tests (never taken from the dev set). Pictures drawn here are saved under
test-artifacts/wordclouds/ so a person can look at them.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import arabic_reshaper
import pytest
from bidi import get_display
from PIL import Image, ImageFont

from analysis import wordclouds
from analysis.wordclouds import WordCloudImage, stopwords_for, word_cloud

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "wordclouds"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _image(result: WordCloudImage) -> Image.Image:
    assert result.png.startswith(PNG_SIGNATURE)
    return Image.open(io.BytesIO(result.png))


def _save(name: str, result: WordCloudImage) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(result.png)


def _words(result: WordCloudImage) -> dict[str, int]:
    return dict(result.words)


def _installed(*names: str) -> bool:
    return any(Path(path).name in names for path in wordclouds._font_files(tuple(wordclouds.FONT_DIRS)))


needs_arabic_font = pytest.mark.skipif(
    not _installed("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf"),
    reason="no Noto Arabic font installed (apt-get install fonts-noto-core)",
)
needs_raqm = pytest.mark.skipif(not wordclouds._complex_layout(), reason="Pillow has no Raqm layout here")

ENGLISH = [
    "Knife crime round here is bad, I don't feel safe walking home from the bus stop",
    "There's nothing to do since the youth club shut, so kids hang about the shops",
    "More police at night and better street lights in the park please",
    "The youth club was the only place we could go after school lol",
    "knife crime innit, lads carrying knives because they're scared",
    "gangs near the park at night, people smoking weed",
    "We need a youth club open at weekends and free football",
    "Police just stop and search us, they never listen to young people",
    "My son was robbed by a gang on the way to college",
    "The park has no lights and the alley is dead dark at night",
    "Youth workers actually listen, they helped my brother get a job",
    "Drug dealers outside the chippy every night",
    "tbh it's knife crime and gangs, my mum worries about me",
    "Buses stop running early so we walk home in the dark",
    "Young people need jobs and somewhere to go, not more police",
    "The youth club had boxing and it kept us off the street",
]
URDU = [
    "رات کو گلی میں اندھیرا ہوتا ہے اور مجھے ڈر لگتا ہے",
    "پولیس کبھی نہیں آتی، نوجوانوں کے لیے کوئی جگہ نہیں",
    "سکول کے باہر لڑکے چاقو لے کر گھومتے ہیں",
    "پارک میں منشیات، بچے محفوظ نہیں",
    "نوجوانوں کے لیے کلب کھولیں",
    "رات کو بس سٹاپ پر ڈر لگتا ہے",
    "پولیس ہماری بات نہیں سنتی",
    "گلی میں روشنی نہیں ہے، اندھیرا بہت ہے",
]
ARABIC = [
    "الشرطة لا تأتي عندما نتصل بهم",
    "أخاف أن أمشي في الشارع ليلا",
    "نحتاج إلى نادي للشباب في المدرسة",
    "المدرسة ليست آمنة بسبب العصابات",
    "الشارع مظلم في الليل",
    "العصابات قرب المدرسة",
]
BENGALI = ["রাতে রাস্তায় ভয় লাগে", "পুলিশ আমাদের কথা শোনে না", "রাতে পুলিশ আসে না", "স্কুলের বাইরে ভয়"]


# ------------------------------------------------------------------------------------------------ picture


def test_picture_is_a_png_of_the_size_asked_for() -> None:
    result = word_cloud(ENGLISH, width=640, height=360)
    assert _image(result).size == (640, 360)
    assert result.words, "an English cloud draws words"
    _save("english.png", result)


def test_default_size_is_800_by_450() -> None:
    assert _image(word_cloud(ENGLISH)).size == (800, 450)


def test_same_answers_give_the_same_picture() -> None:
    first = word_cloud(ENGLISH)
    second = word_cloud(list(ENGLISH))
    assert first.png == second.png
    assert first.words == second.words


def test_words_are_drawn_in_dark_colours_that_read_on_white() -> None:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in wordclouds.PALETTE:
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour
    picture = _image(word_cloud(ENGLISH)).convert("RGB")
    colours = {colour for _count, colour in picture.getcolors(maxcolors=1_000_000)}
    assert (255, 255, 255) in colours
    # Every solid ink pixel is one of the palette colours (anti-aliased edges blend towards white).
    palette = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in wordclouds.PALETTE}
    assert palette & colours


# ------------------------------------------------------------------------------------------------ counting


def test_counts_are_answers_using_the_word_most_frequent_first() -> None:
    result = word_cloud(["police police police everywhere", "no police", "the police came", "bins"])
    words = _words(result)
    assert words["police"] == 3, "a word counts once per answer, however often it is repeated"
    assert "bins" not in words, "a word in only one answer is below min_count=2"
    counts = [count for _word, count in result.words]
    assert counts == sorted(counts, reverse=True)


def test_min_count_and_max_words_are_respected() -> None:
    texts = [f"apples pears word{i}" for i in range(30)] + ["lonely"]
    assert "lonely" in _words(word_cloud(texts, min_count=1, max_words=100))
    assert "lonely" not in _words(word_cloud(texts, min_count=2))
    assert len(word_cloud(texts, min_count=1, max_words=5).words) <= 5


def test_frequent_pairs_become_one_phrase_and_are_not_counted_twice() -> None:
    texts = [
        "knife crime is rising",
        "scared of knife crime",
        "knife crime everywhere",
        "crime in general",
        "people carry a knife",
    ]
    words = _words(word_cloud(texts))
    assert words.get("knife crime") == 3
    assert "knife" not in words, "only one answer uses knife outside the phrase"
    assert "crime" not in words


def test_pairs_split_by_punctuation_or_stop_words_are_not_phrases() -> None:
    words = _words(word_cloud(["police, youth workers", "police. youth clubs", "stop and search", "stop and search"]))
    assert "police youth" not in words
    assert "stop search" not in words
    assert words.get("stop") == 2
    assert words.get("search") == 2


def test_plurals_fold_into_one_entry_shown_as_most_people_wrote_it() -> None:
    words = _words(word_cloud(["gangs everywhere", "the gangs", "a gang", "knives", "a knife"]))
    assert words.get("gangs") == 3
    assert "gang" not in words
    assert words.get("knives") == 2 or words.get("knife") == 2


def test_text_speak_is_read_as_the_word_it_stands_for() -> None:
    words = _words(word_cloud(["skl is long", "after school lol", "my skl tbh"]))
    assert words.get("school") == 3
    assert "skl" not in words


# ---------------------------------------------------------------------------------------------- redaction


@pytest.mark.parametrize("placeholder", ["[NAME]", "[PHONE]", "[ADDRESS]", "[EMAIL]", "[HANDLE]", "[POSTCODE]"])
def test_redaction_placeholders_never_become_words(placeholder: str) -> None:
    texts = [f"{placeholder} said the park is dangerous", f"call {placeholder} about the park", f"{placeholder}'s"]
    result = word_cloud(texts * 3)
    drawn = " ".join(word for word, _count in result.words)
    inner = placeholder.strip("[]").lower()
    assert inner not in drawn.split()
    assert "[" not in drawn
    assert _words(result).get("park") == 6


def test_the_same_words_typed_by_a_respondent_still_count() -> None:
    words = _words(word_cloud(["my phone got nicked [NAME]", "they took my phone", "new address [ADDRESS]", "address"]))
    assert words.get("phone") == 2
    assert words.get("address") == 2


# --------------------------------------------------------------------------------------------- stop words

STOP_SENTENCES = {
    "en": ("I think it's just like really the police innit lol, tbh idk", "police"),
    "ur": ("مجھے لگتا ہے کہ یہ پولیس بھی نہیں ہے", "پولیس"),
    "ar": ("أنا أشعر أن الشرطة لا هنا", "الشرطة"),
    "pl": ("myślę że to jest policja i nie bo tak", "policja"),
    "pa": ("ਮੈਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਪੁਲਿਸ ਵੀ ਨਹੀਂ ਹੈ", "ਪੁਲਿਸ"),
    "es": ("yo creo que la policía no es para nosotros", "policía"),
    "bn": ("আমার মনে হয় পুলিশ আমাদের জন্য না", "পুলিশ"),
    "pt": ("eu acho que a polícia não é para nós", "polícia"),
    "it": ("io penso che la polizia non è per noi", "polizia"),
    "ro": ("eu cred că poliția nu este pentru noi", "poliția"),
    "fa": ("من فکر میکنم که پلیس برای ما نیست", "پلیس"),
    "so": ("waxaan u malaynayaa in booliska ay iyaga la jiraan", "booliska"),
}


@pytest.mark.parametrize("language", sorted(STOP_SENTENCES))
def test_stop_words_of_each_language_are_left_out(language: str) -> None:
    sentence, content = STOP_SENTENCES[language]
    result = word_cloud([sentence, sentence])
    if language in ("bn", "pa") and not wordclouds._complex_layout():
        assert not result.words
        assert result.notes
        return
    assert result.words == ((content, 2),), result.notes


@pytest.mark.parametrize("language", wordclouds.LANGUAGES)
def test_every_survey_language_has_stop_words(language: str) -> None:
    assert len(stopwords_for(language)) >= 25


def test_stop_word_lists_hold_everyday_function_words() -> None:
    assert {"the", "and", "innit", "lol", "dont", "don't", "gonna", "feel"} <= stopwords_for("en")
    assert {"hai", "nahi", "bhi"} <= stopwords_for("ur"), "Urdu typed in Latin letters"
    assert {"的", "我们"} <= stopwords_for("zh")
    assert {"ਦੇ", "ਨਹੀਂ"} <= stopwords_for("pa")
    assert stopwords_for("en-GB") == stopwords_for("EN")
    assert stopwords_for("xx") == frozenset()
    assert stopwords_for("") == frozenset()


def test_content_words_an_analyst_needs_are_not_stop_words() -> None:
    english = stopwords_for("en")
    for word in ("home", "help", "stop", "area", "free", "young", "alone", "outside", "police", "safe", "people"):
        assert word not in english, word
    words = _words(word_cloud(["I don't care", "nobody seems to care", "my son", "my son is scared"]))
    assert words.get("care") == 2, "'care' is Romanian for 'which' but an English word here"
    assert words.get("son") == 2


def test_arabic_stop_words_match_however_the_letters_are_typed() -> None:
    # Persian keyboards type ی and ک where Arabic ones type ي and ك; both spellings are the same stop word.
    assert word_cloud(["في هذا", "فی هذا", "كان", "کان"]).words == ()


# ------------------------------------------------------------------------------------------------- scripts


def _drawn_frequencies(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, float]]:
    """Record the frequencies handed to the wordcloud generator (the strings it will draw)."""
    calls: list[dict[str, float]] = []
    original = wordclouds.WordCloud.generate_from_frequencies

    def spy(self, frequencies, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(dict(frequencies))
        return original(self, frequencies, *args, **kwargs)

    monkeypatch.setattr(wordclouds.WordCloud, "generate_from_frequencies", spy)
    return calls


@needs_arabic_font
def test_arabic_script_is_shaped_and_ordered_right_to_left_without_raqm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImageFont.core, "HAVE_RAQM", False)  # Pillow's basic layout: no shaping of its own
    calls = _drawn_frequencies(monkeypatch)
    result = word_cloud(ARABIC + URDU)
    drawn = {word for call in calls for word in call}
    for word in ("المدرسة", "اندھیرا"):
        assert word in _words(result), "the word list holds the word as written"
        shaped = get_display(arabic_reshaper.reshape(word))
        assert shaped != word
        assert shaped in drawn, "the picture gets joined letters in right-to-left order"
        assert word not in drawn
    _save("urdu-arabic-basic-layout.png", result)


@needs_arabic_font
@needs_raqm
def test_arabic_script_is_handed_over_as_written_when_pillow_shapes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _drawn_frequencies(monkeypatch)
    result = word_cloud(URDU)
    assert "اندھیرا" in calls[-1], "Raqm shapes and orders the text itself: reshaping it too would reverse it"
    assert _words(result)["اندھیرا"] == 2
    _save("urdu.png", result)


@needs_arabic_font
def test_arabic_words_are_shown_with_the_letters_people_typed() -> None:
    # Matching folds ة to ه and ي to ی; the picture must still show the Arabic spelling.
    words = _words(word_cloud(["المدرسة مغلقة", "المدرسة بعيدة", "مدرسه"]))
    assert words.get("المدرسة") == 2


@needs_arabic_font
def test_words_the_chosen_font_cannot_draw_are_left_out_never_drawn_as_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen: list[str] = []
    original = wordclouds._choose_font

    def spy(entries, dirs):  # type: ignore[no-untyped-def]
        path, cmap = original(entries, dirs)
        chosen.append(path)
        return path, cmap

    monkeypatch.setattr(wordclouds, "_choose_font", spy)
    result = word_cloud(ENGLISH + URDU[:4] * 2)  # mostly English: the font is chosen for Latin letters
    assert any("Arabic script" in note and "one font" in note for note in result.notes), result.notes
    cmap = wordclouds._cmap(chosen[-1])
    for word, _count in result.words:
        assert all(ord(char) in cmap for char in word if not char.isspace()), f"{word} would be drawn as boxes"
    assert {"police", "gangs"} <= set(_words(result))


def test_a_script_with_no_installed_font_is_left_out_with_a_note(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(wordclouds, "FONT_DIRS", (str(tmp_path),))
    result = word_cloud(["the park at night", "dark park", *URDU])
    assert _words(result) == {"park": 2}, "Latin words still draw, with the font bundled with wordcloud"
    assert any("no font for Arabic script" in note for note in result.notes), result.notes
    assert _image(result).size == (800, 450)

    only_urdu = word_cloud(URDU)
    assert only_urdu.words == ()
    assert any("Arabic script" in note and "installed" in note for note in only_urdu.notes)
    assert _image(only_urdu).size == (800, 450)


@needs_raqm
def test_bengali_is_drawn_when_pillow_can_lay_it_out(monkeypatch: pytest.MonkeyPatch) -> None:
    if not _installed("NotoSansBengali-Regular.ttf", "NotoSerifBengali-Regular.ttf"):
        pytest.skip("no Bengali font installed")
    result = word_cloud(BENGALI)
    assert _words(result).get("পুলিশ") == 2
    _save("bengali.png", result)


def test_bengali_is_left_out_with_a_note_when_pillow_cannot_shape_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImageFont.core, "HAVE_RAQM", False)
    result = word_cloud([*BENGALI, "police", "police"])
    assert _words(result) == {"police": 2}
    assert any("Bengali script" in note and "lay out" in note for note in result.notes), result.notes


def test_long_chinese_runs_are_left_out_with_a_note() -> None:
    result = word_cloud(["我们晚上出去的时候很害怕", "我们晚上出去的时候很害怕"])
    assert result.words == ()
    assert any("Chinese" in note for note in result.notes)


# ----------------------------------------------------------------------------------------- nothing to draw


@pytest.mark.parametrize(
    ("texts", "answers"),
    [
        ([], 0),
        (["", "   ", "😀😀😀"], 3),
        (["the and of", "lol innit"], 2),
        (["police"], 1),
    ],
)
def test_too_few_words_gives_an_empty_picture_and_a_note(texts: list[str], answers: int) -> None:
    result = word_cloud(texts)
    assert result.words == ()
    plural = "answer" if answers == 1 else "answers"
    assert result.notes == (f"Not enough words to draw a cloud ({answers} {plural}).",)
    assert _image(result).size == (800, 450)


def test_junk_input_never_raises() -> None:
    junk = [None, b"\xff\xfe\x00binary", 12345, "x" * 100_000, "\x00\x01\x02", "🔪" * 50, "[NAME]" * 100]
    result = word_cloud(junk)  # type: ignore[arg-type]
    assert _image(result).size == (800, 450)
    assert word_cloud(None).words == ()  # type: ignore[arg-type]
    assert _words(word_cloud("police police")) == {}, "a single string is one answer, not a list of letters"
    tiny = word_cloud(ENGLISH, width=0, height=-5, max_words=0, min_count=-1)
    assert tiny.png.startswith(PNG_SIGNATURE)


def test_a_hundred_thousand_answers_take_seconds_not_minutes() -> None:
    texts = [f"{text} number{i % 997}" for i, text in enumerate(ENGLISH * 1250)]  # 20,000 varied answers
    start = time.perf_counter()
    result = word_cloud(texts)
    elapsed = time.perf_counter() - start
    assert result.words[0][1] > 1000
    assert elapsed < 4, f"{elapsed:.2f} s for 20,000 answers"
