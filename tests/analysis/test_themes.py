"""Theme coding: evidence found whatever the stance, with lemmas, prefixes, phrases and weak words."""

import pytest

from analysis.codebook import load_codebook, parse_codebook
from analysis.themes import ThemeCoder


@pytest.fixture(scope="module")
def coder():
    return ThemeCoder(load_codebook())


def themes(coder, text, language="en"):
    return [hit.theme for hit in coder.code(text, language)]


def test_stance_does_not_remove_a_theme(coder):
    assert "police" in themes(coder, "the police never come when you ring them")
    assert "police" in themes(coder, "the police are always around now, it's good")
    assert "weapons" in themes(coder, "i would never carry a knife")


def test_text_speak_and_no_punctuation(coder):
    found = themes(coder, "nowt 2 do round ere so ppl stand on corners n the feds move u on")
    assert {"youth_spaces", "police", "public_space"} <= set(found)


def test_inflections_through_lemmas_and_prefixes(coder):
    assert "violence" in themes(coder, "a lad got stabbed")
    assert "weapons" in themes(coder, "machetes everywhere")


def test_weak_evidence_alone_does_not_code_a_theme(coder):
    assert "family_home" not in themes(coder, "i went home")
    assert "family_home" in themes(coder, "my mum and my little sister")


def test_a_longer_match_of_another_theme_wins(coder):
    found = themes(coder, "they shut the community centre")
    assert "youth_spaces" in found
    assert "community" not in found


def test_evidence_and_confidence_are_reported(coder):
    [hit] = [h for h in coder.code("knife crime is out of control", "en") if h.theme == "weapons"]
    assert "knife crime" in hit.evidence
    assert 0.5 <= hit.confidence <= 1


@pytest.mark.parametrize("junk", ["", "   ", "🙂🙂🙂", "!!!???", "\x00\x01binary\xff", "a" * 100_000])
def test_junk_is_coded_as_nothing_without_a_crash(coder, junk):
    assert isinstance(coder.code(junk, "en"), list)


def test_arabic_words_match_without_attached_prefixes():
    codebook = parse_codebook(
        {
            "id": "t",
            "version": 1,
            "languages": ["ar"],
            "themes": [{"id": "police", "label": "Police", "definition": "police", "evidence": {"ar": ["شرطه"]}}],
        }
    )
    assert [h.theme for h in ThemeCoder(codebook).code("ذهبت إلى الشرطة وبالشرطة", "ar")] == ["police"]


def test_chinese_terms_match_as_substrings():
    codebook = parse_codebook(
        {
            "id": "t",
            "version": 1,
            "languages": ["zh"],
            "themes": [
                {"id": "school", "label": "School", "definition": "school", "evidence": {"zh": ["学校", "上学"]}}
            ],
        }
    )
    hits = ThemeCoder(codebook).code("我每天在学校很开心", "zh")
    assert [(h.theme, h.evidence) for h in hits] == [("school", ("学校",))]
