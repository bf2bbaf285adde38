"""The ``ourvoice`` command line: loading surveys, idempotently, and refusing bad files."""

import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.models import SurveyVersion
from tests.conftest import FIXTURES

MINI = FIXTURES / "surveys" / "mini.yaml"


def load(app, *paths):
    return app.test_cli_runner().invoke(args=["surveys", "load", *map(str, paths)])


def test_load_is_idempotent_and_a_change_makes_a_new_version(app, tmp_path, query):
    survey = tmp_path / "mini.yaml"
    shutil.copy(MINI, survey)
    first = load(app, survey)
    assert first.exit_code == 0, first.output
    assert "mini new version 1" in first.output
    again = load(app, survey)
    assert "unchanged, still version 1" in again.output
    survey.write_text(MINI.read_text().replace("One idea?", "One idea to make it safer?"), encoding="utf-8")
    changed = load(app, survey)
    assert "mini new version 2" in changed.output
    numbers = [number for (number,) in query(select(SurveyVersion.number).order_by(SurveyVersion.number))]
    assert numbers == [1, 2]


def test_comments_and_layout_do_not_make_a_new_version(app, tmp_path):
    survey = tmp_path / "mini.yaml"
    shutil.copy(MINI, survey)
    load(app, survey)
    survey.write_text("# a comment\n" + MINI.read_text(), encoding="utf-8")
    assert "unchanged, still version 1" in load(app, survey).output


def test_bad_file_exits_non_zero_names_file_line_field_and_changes_nothing(app, tmp_path, counts):
    good = tmp_path / "a.yaml"
    shutil.copy(MINI, good)
    bad = tmp_path / "b.yaml"
    bad.write_text(MINI.read_text().replace("slug: mini", "slug: other").replace("type: grid", "type: slider"))
    result = load(app, tmp_path)
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if "type: slider" in text)
    assert f"{bad}:{line}: pages[1].questions[0].type: unknown value 'slider'" in result.output
    # The good file in the same folder was not stored either: all or nothing.
    assert counts()["surveys"] == 0


def test_check_validates_without_storing(app, counts):
    result = app.test_cli_runner().invoke(args=["surveys", "load", "--check", str(MINI)])
    assert result.exit_code == 0
    assert "mini is valid" in result.output
    assert counts()["survey_versions"] == 0


def test_default_path_is_the_configured_surveys_folder(app, counts):
    result = app.test_cli_runner().invoke(args=["surveys", "load"])
    assert result.exit_code == 0, result.output
    assert counts()["surveys"] == 1


def test_closing_an_unknown_survey_says_so(app):
    result = app.test_cli_runner().invoke(args=["surveys", "close", "nope"])
    assert result.exit_code != 0
    assert "No survey with slug 'nope'" in result.output


def test_console_script_runs_migrations_and_loads_the_shipped_surveys(tmp_path):
    """The real `ourvoice` entry point, as an operator runs it, on a fresh SQLite file."""
    ourvoice = Path(sys.executable).with_name("ourvoice")
    env = {"OURVOICE_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}", "OURVOICE_SECRET_KEY": "x", "PATH": ""}
    upgrade = subprocess.run([ourvoice, "db", "upgrade"], env=env, capture_output=True, text=True, check=False)
    assert upgrade.returncode == 0, upgrade.stderr
    loaded = subprocess.run([ourvoice, "surveys", "load"], env=env, capture_output=True, text=True, check=False)
    assert loaded.returncode == 0, loaded.stderr
    assert "community-measure new version 1" in loaded.stdout


def test_analyse_code_through_the_ourvoice_command(app, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("id,text\n1,they closed the youth club and theres nothing to do\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    result = app.test_cli_runner().invoke(args=["analyse", "code", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "youth_spaces" in target.read_text(encoding="utf-8")


def test_analyse_reports_a_bad_file_in_one_line(app, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("id,answer\n1,hi\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["analyse", "code", str(source)])
    assert result.exit_code != 0
    assert "no 'text' column" in result.output


def test_analyse_wordcloud_suppresses_groups_under_the_configured_threshold(app, tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_text("id,text\n" + "".join(f"{i},police never come round here\n" for i in range(4)), encoding="utf-8")
    args = ["analyse", "wordcloud", str(source), "-o", str(tmp_path / "cloud.png")]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "4 answers: fewer than 10, so no cloud is drawn" in result.output
    monkeypatch.setitem(app.config, "SMALL_GROUP_THRESHOLD", 3)
    result = app.test_cli_runner().invoke(args=args)
    assert result.output.startswith("4 answers, ")
    assert "each used by at least 3 answers" in result.output
