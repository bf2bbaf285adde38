"""The codebook file: exactly the contract's 20 themes, validated with errors that name theme and field."""

from pathlib import Path

import pytest

from analysis.codebook import CodebookError, load_codebook, parse_codebook, parse_term

#: The theme ids of shared/codebook.md: a contract for exports and coded files.
THEME_IDS = [
    *("weapons", "violence", "gangs_exploitation", "drugs_alcohol", "police", "racism_discrimination"),
    *("not_listened_to", "youth_spaces", "jobs_money", "school", "bullying", "online", "family_home"),
    *("trusted_adults", "mental_health", "public_space", "reputation_media", "hope_future", "community"),
    "services_support",
]
SHARED_CODEBOOK = Path(__file__).resolve().parents[3] / "shared" / "codebook.md"


def test_codebook_has_exactly_the_contract_themes_with_labels_and_definitions():
    codebook = load_codebook()
    assert list(codebook.theme_ids) == THEME_IDS
    for theme in codebook.themes:
        assert theme.label
        assert theme.definition
        assert len(theme.evidence["en"]) >= 20, theme.id


@pytest.mark.skipif(not SHARED_CODEBOOK.exists(), reason="shared/codebook.md is not beside the project")
def test_labels_and_definitions_match_the_shared_codebook():
    text = SHARED_CODEBOOK.read_text(encoding="utf-8")
    for theme in load_codebook().themes:
        assert f"| `{theme.id}` | {theme.label} | {theme.definition} |" in text, theme.id


def test_terms_parse_weak_markers_prefixes_and_phrases():
    term = parse_term("?Zombie Knife*")
    assert term.weak
    assert term.words == ("zombie", "knife")
    assert term.prefix == (False, True)
    with pytest.raises(ValueError, match="may only end a word"):
        parse_term("kn*fe")


def minimal(**theme):
    return {"id": "cb", "version": 1, "languages": ["en"], "themes": [theme]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "cb"}, "version: required field is missing"),
        (minimal(id="Bad Id", label="x", definition="y", evidence={"en": ["a"]}), "themes[0].id: 'Bad Id' is not"),
        (minimal(id="weapons", definition="y", evidence={"en": ["a"]}), "theme weapons.label: required text"),
        (minimal(id="weapons", label="x", definition="y", evidence={"en": ["kn*fe"]}), "evidence.en[0]: 'kn*fe'"),
        (minimal(id="weapons", label="x", definition="y", evidence={"english": ["a"]}), "evidence.english: not a"),
        (minimal(id="weapons", label="x", definition="y", evidence={"pl": ["a"]}), "evidence.en: no evidence"),
        (minimal(id="weapons", label="x", definition="y", colour="red", evidence={"en": ["a"]}), "colour: unknown"),
    ],
)
def test_malformed_codebook_names_theme_and_field(data, message):
    with pytest.raises(CodebookError, match=message.replace("*", r"\*").replace("[", r"\[").replace("]", r"\]")):
        parse_codebook(data, "test.yaml")


def test_unreadable_codebook_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("themes: [unclosed", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"broken\.yaml: cannot read the codebook"):
        load_codebook(broken)


def test_english_terms_are_read_with_text_speak_expanded_like_the_answers():
    # Answers are expanded before coding ("id" -> "i'd"), so a term typed the same way must be too.
    assert parse_term("who id even go to").words == ("who", "i'd", "even", "go", "to")
    assert parse_term("?gonna get*") == parse_term("?gonna get*", "en")
    assert parse_term("?gonna get*").prefix == (False, False, True)
    assert parse_term("id", "pl").words == ("id",)
