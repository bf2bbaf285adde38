"""A malformed survey file names the file, the line and the field, and changes nothing."""

import textwrap

import pytest

from app.survey_format import SurveyFileError, parse_survey_text
from tests.conftest import FIXTURES

GOOD = (FIXTURES / "surveys" / "mini.yaml").read_text(encoding="utf-8")


def problems(text: str) -> list[str]:
    with pytest.raises(SurveyFileError) as caught:
        parse_survey_text(text, "bad.yaml")
    return str(caught.value).splitlines()


def line_of(text: str, needle: str) -> int:
    """Return the number of the last line containing ``needle``."""
    return max(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_fixture_is_valid():
    survey = parse_survey_text(GOOD, "mini.yaml")
    assert [p.key for p in survey.pages] == ["first", "feelings", "help_page", "words"]


def test_yaml_syntax_error_names_the_line():
    text = GOOD.replace("title: {en: Mini survey,", "title: {en: [Mini survey,")
    [problem] = problems(text)
    assert problem.startswith("bad.yaml:")
    assert "YAML error" in problem


def test_unknown_question_type_names_line_and_field():
    text = GOOD.replace("type: grid", "type: slider")
    assert problems(text) == [
        f"bad.yaml:{line_of(text, 'type: slider')}: pages[1].questions[0].type: unknown value 'slider'; "
        "expected 'single', 'multiple', 'grid', 'text' or 'notice'"
    ]


def test_duplicate_yaml_key_is_refused():
    text = GOOD.replace("        max_length: 50\n", "        max_length: 50\n        max_length: 60\n")
    [problem] = problems(text)
    assert problem.startswith(f"bad.yaml:{line_of(text, 'max_length: 60')}:")
    assert 'duplicate key "max_length"' in problem


def test_duplicate_question_key_is_refused():
    text = GOOD.replace("key: idea", "key: worries")
    assert problems(text) == [
        f"bad.yaml:{line_of(text, 'key: worries')}: pages[3].questions[0].key: duplicate question key 'worries'"
    ]


def test_condition_naming_a_missing_question_is_refused():
    text = GOOD.replace("show_if: {question: age, answer_in: [older]}", "show_if: {question: agee, answer_in: [older]}")
    assert problems(text) == [
        f"bad.yaml:{line_of(text, 'question: agee')}: pages[3].questions[1].show_if.question: "
        "no question with key 'agee'"
    ]


def test_condition_on_a_later_page_is_refused():
    text = GOOD.replace(
        "show_if: {question: feel, item: home, answer_in: [bad]}", "show_if: {question: idea, answer_in: [x]}"
    )
    assert problems(text) == [
        f"bad.yaml:{line_of(text, 'question: idea')}: pages[2].show_if.question: 'idea' must be on an earlier page"
    ]


def test_condition_naming_a_missing_option_is_refused():
    text = GOOD.replace("answer_in: [bad]", "answer_in: [awful]")
    [problem] = problems(text)
    assert problem.endswith("pages[2].show_if.answer_in[0]: 'feel' has no option 'awful'")


def test_missing_option_label_is_refused():
    text = GOOD.replace("{value: dark, label: {en: Dark streets, ar: الشوارع المظلمة}}", "{value: dark}")
    assert problems(text) == [
        f"bad.yaml:{line_of(text, 'value: dark')}: pages[1].questions[1].options[1].label: required field is missing"
    ]


def test_missing_translation_lists_every_field_per_language():
    text = GOOD.replace("  en: reviewed", "  en: reviewed\n  pl: draft")
    found = problems(text)
    assert found[0] == f"bad.yaml:{line_of(text, 'title:')}: title: missing text in pl"
    # Every text in the fixture is written `{en: ...}`: each one is reported, once, then a count.
    texts = text.count("{en:")
    assert len(found) == texts + 1
    assert all(problem.endswith("missing text in pl") for problem in found[:-1])
    assert found[-1] == f"bad.yaml:{line_of(text, 'languages:')}: languages.pl: {texts} text(s) missing in pl"


def test_unknown_field_is_refused():
    text = GOOD.replace("        max_length: 50", "        max_lenght: 50")
    messages = problems(text)
    assert f"bad.yaml:{line_of(text, 'max_lenght')}: pages[3].questions[0].max_lenght: unknown field" in messages[0]


def test_text_question_needs_a_limit():
    text = GOOD.replace("        max_length: 50\n", "")
    assert problems(text) == [
        f"bad.yaml:{line_of(text, 'key: idea')}: pages[3].questions[0].max_length: a text question needs max_length"
    ]


def test_scale_must_exist():
    text = GOOD.replace("scale: feel", "scale: feelings")
    [problem] = problems(text)
    assert problem.endswith("pages[1].questions[0].scale: no scale named 'feelings' in scales")


def test_not_a_mapping():
    assert problems("- just\n- a list\n") == ["bad.yaml:1: a survey file must be a mapping (key: value lines)"]


def test_multi_line_problem_report_is_in_line_order():
    text = textwrap.dedent(GOOD).replace("key: idea", "key: worries").replace("scale: feel", "scale: nope")
    lines = [int(p.split(":")[1]) for p in problems(text)]
    assert lines == sorted(lines)
