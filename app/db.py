"""The database engine and the one Session a request uses.

SQLite is made durable and concurrent (WAL, synchronous=FULL, busy timeout) and
write transactions take the write lock up front (BEGIN IMMEDIATE), so two
workers never deadlock upgrading a read lock.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 10_000
_WRITE = "ourvoice_write"


class Database:
    """An engine and its session factory, kept in ``app.extensions["db"]``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def make_engine(url: str, **options: Any) -> Engine:
    """Create an engine for ``url``; SQLite gets the durability and locking settings."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, **options)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "foreign_keys=ON",
            f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_WRITE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def check_durability(engine: Engine) -> None:
    """Raise if SQLite is not running with the settings that keep acknowledged answers."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = connection.exec_driver_sql("PRAGMA synchronous").scalar()
        keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    in_memory = mode == "memory"
    if (not in_memory and mode != "wal") or sync != 2 or keys != 1 or timeout < 5000:
        raise RuntimeError(f"SQLite settings unsafe: journal_mode={mode} synchronous={sync} foreign_keys={keys}")


def init_app(app: Flask) -> None:
    """Create the engine from DATABASE_URL and close each request's session at teardown."""
    app.extensions["db"] = Database(app.config["DATABASE_URL"])

    @app.teardown_appcontext
    def _close_session(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()


def get_session(write: bool = False) -> Session:
    """Return this request's Session; ``write=True`` takes the write lock now (SQLite)."""
    from flask import current_app

    session: Session | None = g.get("db_session")
    if session is None:
        session = current_app.extensions["db"].sessions()
        g.db_session = session
    if write:
        if session.in_transaction() and not session.connection().get_execution_options().get(_WRITE):
            # End the read so the write lock is taken before anything is read again.
            session.commit()
        if not session.in_transaction():
            session.connection(execution_options={_WRITE: True})
    return session
