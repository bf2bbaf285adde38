"""Configuration: laptop defaults, then instance/config.py, then OURVOICE_* environment variables."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask

#: The project's top folder (surveys/, migrations/ and translations/ live here).
PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Respondents may take their time (or leave a tablet open in a session): a CSRF token
#: stays valid for longer than any survey takes, and an expired one re-renders the page.
CSRF_TIME_LIMIT_SECONDS = 6 * 60 * 60


def defaults(instance_path: str) -> dict:
    """Return settings that run on a laptop with nothing else installed."""
    return {
        "ENV": "development",
        "DATABASE_URL": f"sqlite:///{Path(instance_path) / 'ourvoice.sqlite3'}",
        "SURVEYS_DIR": str(PROJECT_ROOT / "surveys"),
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        # Static URLs carry a content fingerprint (templating.static_url), so they can be cached for a year.
        "SEND_FILE_MAX_AGE_DEFAULT": 365 * 24 * 60 * 60,
        "MAX_FORM_MEMORY_SIZE": 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": CSRF_TIME_LIMIT_SECONDS,
        # The Referer check breaks HTTPS posts under a strict Referrer-Policy; the
        # token and SameSite=Lax cookie already stop cross-site posts.
        "WTF_CSRF_SSL_STRICT": False,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": False,
        "SESSION_COOKIE_NAME": "ourvoice",
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        "SMALL_GROUP_THRESHOLD": 10,
        # Where "Leave this page quickly" goes: an everyday page that draws no attention.
        "QUICK_EXIT_URL": "https://www.bbc.co.uk/weather",
    }


def finalise(app: Flask) -> None:
    """Derive the settings that depend on others, and refuse an unsafe production set-up."""
    production = app.config["ENV"] == "production"
    if production:
        app.config["SESSION_COOKIE_SECURE"] = True
        # __Host- cookies are only ever sent to this host, over HTTPS, for the whole site.
        app.config["SESSION_COOKIE_NAME"] = "__Host-ourvoice"
        app.config["PREFERRED_URL_SCHEME"] = "https"
    if not app.config.get("SECRET_KEY"):
        if production:
            raise RuntimeError("OURVOICE_SECRET_KEY must be set when OURVOICE_ENV=production")
        app.config["SECRET_KEY"] = _laptop_secret_key(Path(app.instance_path))


def _laptop_secret_key(instance: Path) -> str:
    """Return a key kept in instance/, made once, so sessions survive a restart on a laptop."""
    instance.mkdir(parents=True, exist_ok=True)
    key_file = instance / "secret_key"
    try:
        with key_file.open("x", encoding="ascii") as handle:  # "x": two workers never both write it
            handle.write(secrets.token_hex(32))
        key_file.chmod(0o600)
    except FileExistsError:
        pass
    return key_file.read_text(encoding="ascii").strip()
