"""Choosing the interface language, and exposing its direction to templates."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel import Locale
from flask import Flask, current_app, g, request

from app.extensions import babel

#: A language code as it may appear in a URL or ``?lang=`` (``en``, ``pa``, ``pt-BR``).
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
DEFAULT_LOCALE = "en"


def init_app(app: Flask) -> None:
    """Set up Flask-Babel and check every configured language has a compiled catalog."""
    app.config.setdefault("LANGUAGES", available_locales(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])))
    missing = [code for code in app.config["LANGUAGES"] if code != DEFAULT_LOCALE and not _has_compiled(app, code)]
    if missing:
        raise RuntimeError(
            "No compiled catalog for " + ", ".join(missing) + ": run `make translations-compile` (make run does it)"
        )
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def _language_context() -> dict[str, str]:
        code = current_locale_code()
        return {"html_lang": code, "html_dir": text_direction(code)}


def available_locales(directory: Path) -> list[str]:
    """Return English plus every language with a catalog in ``directory``."""
    found = sorted(path.parent.parent.name for path in directory.glob("*/LC_MESSAGES/messages.po"))
    return [DEFAULT_LOCALE, *(code.replace("_", "-") for code in found if code != DEFAULT_LOCALE)]


def _has_compiled(app: Flask, code: str) -> bool:
    folder = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]) / code.replace("-", "_") / "LC_MESSAGES"
    return (folder / "messages.mo").exists()


def supported_locales() -> list[str]:
    """Return the interface languages this app serves."""
    return list(current_app.config["LANGUAGES"])


def select_locale() -> str:
    """Pick the language: ``g.lang`` set by a view, else the URL's ``/<lang>/``, else the browser's."""
    code = g.get("lang") or (request.view_args or {}).get("lang")
    if code in supported_locales():
        return code
    return negotiate(None, supported_locales())


def negotiate(requested: str | None, offered: list[str]) -> str:
    """Pick from ``offered``: ``requested`` if offered, then the browser's Accept-Language, then English.

    Malformed or unknown ``requested`` codes are ignored, never an error.
    """
    if requested and LANGUAGE_CODE.match(requested) and requested in offered:
        return requested
    best = request.accept_languages.best_match(offered)
    if best:
        return best
    # "pt-BR" in the browser should still find "pt".
    for code, _quality in request.accept_languages:
        base = code.split("-")[0].lower()
        if base in offered:
            return base
    return DEFAULT_LOCALE if DEFAULT_LOCALE in offered or not offered else offered[0]


def current_locale_code() -> str:
    """Return the language of the page being rendered."""
    return g.get("lang") or select_locale()


def text_direction(code: str) -> str:
    """Return ``rtl`` or ``ltr`` for a language code."""
    try:
        return Locale.parse(code.replace("-", "_")).text_direction.lower()
    except (ValueError, LookupError):
        return "ltr"


def language_name(code: str) -> str:
    """Return a language's name in its own language and script ("اردو" for ur, "Polski" for pl)."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_")) or code
    except (ValueError, LookupError):
        return code
    return name[:1].upper() + name[1:]


REVIEW_FILE = "review-status.yaml"


def catalog_reviewed(code: str) -> bool:
    """Say whether a native speaker has reviewed the interface catalog of ``code``.

    English is the source. Every other catalog is a draft until ``translations/review-status.yaml``
    says ``<code>: reviewed``, so a new language is shown as "being checked" by default.
    """
    if code == DEFAULT_LOCALE:
        return True
    return _review_status(current_app.config["BABEL_TRANSLATION_DIRECTORIES"]).get(code) == "reviewed"


@cache
def _review_status(directory: str) -> dict[str, str]:
    path = Path(directory) / REVIEW_FILE
    if not path.exists():
        return {}
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {str(code): str(status) for code, status in data.items()}
