"""Alembic is the only way the schema changes: it upgrades, downgrades, and matches the models."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from app.cli import migrations_config
from app.models import Base
from tests.conftest import BACKENDS, scratch_postgres_database


@pytest.fixture(params=BACKENDS)
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
    return scratch_postgres_database("ourvoice_migrations_test")


def tables(url):
    engine = create_engine(url)
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    engine.dispose()
    return names


def test_upgrade_to_head_then_down_to_empty_and_up_again(empty_database):
    config = migrations_config(empty_database)
    command.upgrade(config, "head")
    assert tables(empty_database) == {"surveys", "survey_versions", "responses", "answers"}
    command.downgrade(config, "base")
    assert tables(empty_database) == set()
    command.upgrade(config, "head")
    assert tables(empty_database) == {"surveys", "survey_versions", "responses", "answers"}


def test_models_and_migrations_do_not_drift(empty_database):
    command.upgrade(migrations_config(empty_database), "head")
    engine = create_engine(empty_database)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_there_is_one_head():
    assert len(ScriptDirectory.from_config(migrations_config("sqlite://")).get_heads()) == 1
