"""Every survey file in surveys/ loads, and the format's rules hold for it."""

from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.survey_format import load_survey_file

SURVEY_FILES = sorted((PROJECT_ROOT / "surveys").glob("*.yaml"))


@pytest.mark.parametrize("path", SURVEY_FILES, ids=lambda p: p.name)
def test_survey_file_is_valid(path: Path):
    survey = load_survey_file(path)
    assert survey.slug == path.stem


def test_community_measure_follows_the_instrument():
    survey = load_survey_file(PROJECT_ROOT / "surveys" / "community-measure.yaml")
    required = [q.key for q in survey.questions() if q.required]
    assert required == ["age", "ward"]
    for key in required:
        assert "prefer_not_to_say" in {o.value for o in survey.options_of(survey.question(key))}
    ward = survey.question("ward")
    codes = [o.value for o in ward.options if o.value.startswith("E05")]
    assert len(codes) == 32
    faces = [o for o in survey.scales["safe5"] if o.face]
    assert all(o.label["en"] for o in faces)
    assert survey.question("one_thing").max_length == 500
    assert survey.question("anything_else").max_length == 1000
    help_home = survey.question("help_home")
    assert help_home.show_if.question == "safe_places"
    assert help_home.show_if.item == "home"
    assert "0800 1111" in survey.help["en"]
    assert "85258" in survey.help["en"]
