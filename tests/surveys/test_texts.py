"""Translators' tables: `ourvoice surveys texts` out to CSV, `surveys add-language` back into the file."""

import csv
import io
import shutil

import pytest

from app.survey_format import load_survey_file
from tests.conftest import FIXTURES

MINI = FIXTURES / "surveys" / "mini.yaml"


@pytest.fixture
def survey_file(tmp_path):
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    return path


def run(app, *args):
    return app.test_cli_runner().invoke(args=["surveys", *map(str, args)])


def table(app, survey_file, language):
    result = run(app, "texts", survey_file, "--lang", language)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def test_texts_lists_every_text_with_english_and_the_language(app, survey_file):
    rows = table(app, survey_file, "ar")
    assert rows[0] == {"key": "title", "en": "Mini survey", "ar": "استبيان قصير"}
    assert {
        "key": "pages[3].questions[0].hint",
        "en": "Please don't write names.",
        "ar": "من فضلك لا تكتب أسماء.",
    } in rows
    assert all(row["ar"] for row in rows)
    assert all(row["pl"] == "" for row in table(app, survey_file, "pl"))


def test_add_language_writes_a_draft_language_that_loads(app, survey_file, tmp_path):
    rows = table(app, survey_file, "pl")
    for row in rows:
        row["pl"] = "PL " + row["en"]
    filled = tmp_path / "pl.csv"
    with filled.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["key", "en", "pl"])
        writer.writeheader()
        writer.writerows(rows)
    before = survey_file.read_text(encoding="utf-8")
    result = run(app, "add-language", survey_file, filled, "--lang", "pl")
    assert result.exit_code == 0, result.output
    survey = load_survey_file(survey_file)
    assert survey.languages["pl"] == "draft"
    assert survey.title["pl"] == "PL Mini survey"
    assert survey.intro["pl"] == "PL A short test survey.\n\nYou can skip any question."
    # Comments and every other line stay as they were.
    after = survey_file.read_text(encoding="utf-8")
    assert after.splitlines()[0] == before.splitlines()[0]
    assert len(after.splitlines()) == len(before.splitlines()) + 1  # the languages line; texts are inline


def test_a_half_translated_table_is_refused_listing_what_is_missing(app, survey_file, tmp_path):
    half = tmp_path / "half.csv"
    half.write_text("key,en,pl\ntitle,Mini survey,Mała ankieta\n", encoding="utf-8")
    before = survey_file.read_text(encoding="utf-8")
    result = run(app, "add-language", survey_file, half, "--lang", "pl")
    assert result.exit_code == 1
    assert "intro: missing text in pl" in result.output
    assert "text(s) missing in pl" in result.output
    assert survey_file.read_text(encoding="utf-8") == before


def test_unknown_key_and_duplicate_rows_are_named(app, survey_file, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("key,pl\ntitle,A\ntitle,B\n", encoding="utf-8")
    result = run(app, "add-language", survey_file, bad, "--lang", "pl")
    assert result.exit_code == 1
    assert f"{bad}:3: title: the same key twice" in result.output
    bad.write_text("key,pl\npages[9].text,A\n", encoding="utf-8")
    result = run(app, "add-language", survey_file, bad, "--lang", "pl")
    assert "pages[9].text: no such text in the survey" in result.output


def test_a_table_without_the_language_column_is_refused(app, survey_file, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("key,en\ntitle,Mini survey\n", encoding="utf-8")
    result = run(app, "add-language", survey_file, bad, "--lang", "pl")
    assert result.exit_code == 1
    assert f"{bad}:1: missing column(s): pl" in result.output
