"""The ``ourvoice`` command: a Flask CLI group over the app factory."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from flask import Flask, current_app
from flask.cli import AppGroup, FlaskGroup, with_appcontext

from app.config import PROJECT_ROOT

if TYPE_CHECKING:
    from alembic.config import Config

db_cli = AppGroup("db", help="Create and upgrade the database schema.")
surveys_cli = AppGroup("surveys", help="Load, check, open and close surveys.")
analyse_cli = AppGroup("analyse", help="Code free-text answers into themes, and measure the coder.")


@analyse_cli.command("code")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output CSV (default: stdout).")
def analyse_code(source: Path, output: Path | None) -> None:
    """Code SOURCE (a CSV with id,text[,language]) into themes, sentiment, safeguarding and redacted text."""
    from analysis.codebook import CodebookError
    from analysis.commands import CsvError, code_file

    try:
        count = code_file(source, output)
    except (CsvError, CodebookError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Coded {count} answers.", err=True)


@analyse_cli.command("wordcloud")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="PNG to write.")
@click.option("--theme", help="Only answers coded with this theme.")
def analyse_wordcloud(source: Path, output: Path, theme: str | None) -> None:
    """Draw a word cloud (PNG) of SOURCE's answers, from their redacted text; small groups suppressed."""
    from analysis.codebook import CodebookError
    from analysis.commands import CsvError, word_cloud_file

    try:
        click.echo(word_cloud_file(source, output, theme, min_group=current_app.config["SMALL_GROUP_THRESHOLD"]))
    except (CsvError, CodebookError, ValueError) as error:
        raise click.ClickException(str(error)) from None


@analyse_cli.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
def analyse_evaluate(gold: Path) -> None:
    """Measure the coder against GOLD (id,text,themes,sentiment,safeguarding,language,pii)."""
    from analysis.codebook import CodebookError
    from analysis.commands import CsvError, evaluate_file

    try:
        click.echo(evaluate_file(gold))
    except (CsvError, CodebookError) as error:
        raise click.ClickException(str(error)) from None


def migrations_config(url: str) -> Config:
    """Return the Alembic configuration that migrates the database at ``url``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def alembic_config() -> Config:
    """Return the Alembic configuration for this app's database."""
    return migrations_config(current_app.config["DATABASE_URL"])


@db_cli.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Upgrade the database schema to REVISION (default: the newest)."""
    from alembic import command

    command.upgrade(alembic_config(), revision)
    click.echo(f"Database at {revision}.")


@db_cli.command("downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade(revision: str) -> None:
    """Downgrade the database schema to REVISION ("base" empties it)."""
    from alembic import command

    command.downgrade(alembic_config(), revision)
    click.echo(f"Database at {revision}.")


@surveys_cli.command("load")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--check", is_flag=True, help="Only validate the files; change nothing.")
@with_appcontext
def surveys_load(path: Path | None, check: bool) -> None:
    """Validate the survey files at PATH (a file or folder; default surveys/) and store new versions."""
    from app.db import get_session
    from app.services.surveys import read_survey_files, store_definition, survey_files
    from app.survey_format import SurveyFileError

    path = path or Path(current_app.config["SURVEYS_DIR"])
    files = survey_files(path)
    if not files:
        raise click.ClickException(f"No survey files (*.yaml) in {path}")
    try:
        definitions = read_survey_files(files)
    except SurveyFileError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    if check:
        for file, definition in definitions:
            click.echo(f"{file}: {definition.slug} is valid ({len(definition.languages)} languages).")
        return
    session = get_session(write=True)
    results = [store_definition(session, definition, file.name) for file, definition in definitions]
    session.commit()
    for result in results:
        state = "new version" if result.created else "unchanged, still version"
        click.echo(f"{result.source}: {result.slug} {state} {result.version}")


@surveys_cli.command("texts")
@click.argument("survey_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "language", required=True, help="The language to translate into, e.g. ur.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="CSV file (default: stdout).")
def surveys_texts(survey_file: Path, language: str, output: click.utils.LazyFile) -> None:
    """Write every text of SURVEY_FILE as CSV (key, en, LANG) for a translator or reviewer."""
    from app.survey_format import SurveyFileError
    from app.survey_format.texts import write_text_table

    try:
        output.write(write_text_table(survey_file, language))
    except SurveyFileError as error:
        raise click.ClickException(str(error)) from None


@surveys_cli.command("add-language")
@click.argument("survey_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("table", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "language", required=True, help="The language in the CSV's column of that name.")
@click.option("--reviewed", is_flag=True, help="A native speaker has reviewed it (default: draft).")
def surveys_add_language(survey_file: Path, table: Path, language: str, reviewed: bool) -> None:
    """Write the LANG column of TABLE (from `surveys texts`) into SURVEY_FILE, then validate it."""
    from app.i18n import LANGUAGE_CODE
    from app.survey_format import SurveyFileError
    from app.survey_format.texts import add_language, read_text_table

    if not LANGUAGE_CODE.match(language):
        raise click.BadParameter(f"{language!r} is not a language code like 'ur' or 'pt-BR'", param_hint="--lang")
    try:
        texts = read_text_table(table.read_text(encoding="utf-8-sig"), language, str(table))
        count = add_language(survey_file, language, texts, "reviewed" if reviewed else "draft")
    except SurveyFileError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"{survey_file}: {count} texts in {language} written; run `ourvoice surveys load` to publish.")


def _set_status(slug: str, status: str) -> None:
    from app.db import get_session
    from app.services.surveys import set_status

    session = get_session(write=True)
    if set_status(session, slug, status) is None:
        raise click.ClickException(f"No survey with slug {slug!r}")
    session.commit()
    click.echo(f"{slug} is {status}.")


@surveys_cli.command("close")
@click.argument("slug")
@with_appcontext
def surveys_close(slug: str) -> None:
    """Stop taking answers for SLUG (respondents see a friendly "closed" page)."""
    _set_status(slug, "closed")


@surveys_cli.command("open")
@click.argument("slug")
@with_appcontext
def surveys_open(slug: str) -> None:
    """Take answers for SLUG again."""
    _set_status(slug, "open")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=(os.cpu_count() or 1) * 2 + 1, show_default="2 x cores + 1", type=int)
def serve(host: str, port: int, workers: int) -> None:
    """Serve the app with gunicorn. No access log is written: it would record IP addresses."""
    args = [
        sys.executable, "-m", "gunicorn",
        "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "--workers", str(workers),
        "--worker-tmp-dir", "/dev/shm" if Path("/dev/shm").is_dir() else "/tmp",
        "--error-logfile", "-",
        "--graceful-timeout", "20",
        "app.wsgi:app",
    ]  # fmt: skip
    # No --access-logfile: gunicorn then keeps no access log at all.
    os.execv(sys.executable, args)


def init_app(app: Flask) -> None:
    """Register the command groups on ``app``."""
    app.cli.add_command(db_cli)
    app.cli.add_command(surveys_cli)
    app.cli.add_command(analyse_cli)
    app.cli.add_command(serve)


def _create_app() -> Flask:
    from app import create_app

    return create_app()


def main() -> None:
    """Run the ``ourvoice`` console script."""
    cli = FlaskGroup(create_app=_create_app, add_default_commands=False, add_version_option=False, load_dotenv=False)
    cli.main(prog_name="ourvoice")
