"""Fixtures: the app on SQLite (and PostgreSQL when OURVOICE_TEST_POSTGRES_URL is set), clients, factories."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, delete, func, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.cli import migrations_config
from app.db import get_session
from app.models import Answer, Base, Response, Survey, SurveyVersion
from tests.helpers import Respondent

FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL = os.environ.get("OURVOICE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]


def reset_postgres_schema(url: str) -> None:
    """Empty a PostgreSQL test database."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def scratch_postgres_database(name: str) -> str:
    """Create (again) an empty PostgreSQL database beside the test one and return its URL."""
    assert POSTGRES_URL
    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Return the URL of an empty database migrated to head, once per backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    else:
        url = POSTGRES_URL or ""
        reset_postgres_schema(url)
    command.upgrade(migrations_config(url), "head")
    return url


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[Flask]:
    """Return the app on the backend's database; tests post real CSRF tokens."""
    application = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret",
            "SURVEYS_DIR": str(FIXTURES / "surveys"),
        }
    )
    yield application
    application.extensions["db"].dispose()


@pytest.fixture(autouse=True)
def _clean_database(request: pytest.FixtureRequest) -> Iterator[None]:
    """Empty every table after each database test, so tests can commit for real (and use threads)."""
    yield
    if "app" not in request.fixturenames:
        return
    application: Flask = request.getfixturevalue("app")
    with application.extensions["db"].engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(delete(table))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Return a test client: a phone with no JavaScript."""
    return app.test_client()


@pytest.fixture
def load_survey(app: Flask):
    """Return a function that loads a survey file (default: the mini fixture) into the database."""

    def load(path: Path = FIXTURES / "surveys" / "mini.yaml") -> str:
        from app.services.surveys import read_survey_files, store_definition

        with app.app_context():
            session = get_session(write=True)
            [(file, definition)] = read_survey_files([path])
            store_definition(session, definition, file.name)
            session.commit()
            return definition.slug

    return load


@pytest.fixture
def query(app: Flask):
    """Return a function running a SELECT in a fresh session (what is really committed)."""

    def run(statement):
        with app.extensions["db"].sessions() as session:
            return list(session.execute(statement))

    return run


@pytest.fixture
def counts(app: Flask):
    """Return a function giving the number of rows in each table."""

    def count() -> dict[str, int]:
        with app.extensions["db"].sessions() as session:
            return {
                model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (Survey, SurveyVersion, Response, Answer)
            }

    return count


@pytest.fixture
def respondent(client: FlaskClient, load_survey) -> Respondent:
    """Return a respondent to the mini survey."""
    load_survey()
    return Respondent(client)
