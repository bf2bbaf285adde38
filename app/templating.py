"""Template helpers: survey text in the page's language, child-friendly wording, paragraphs."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g, url_for
from markupsafe import Markup, escape

from app.i18n import current_locale_code, language_name


def localise(text: dict[str, str] | None) -> str:
    """Return survey text in the page's language (English, then any language, if it is missing)."""
    if not text:
        return ""
    code = current_locale_code()
    return text.get(code) or text.get("en") or next(iter(text.values()))


def say(thing: Any, field: str) -> str:
    """Return ``thing.field`` localised, using ``young_<field>`` when child-friendly wording applies."""
    young = getattr(thing, f"young_{field}", None) if g.get("young") else None
    return localise(young or getattr(thing, field))


def paragraphs(text: str) -> Markup:
    """Split text on blank lines into escaped ``<p>`` elements."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(escape(part)) for part in parts)


@cache
def _fingerprint(path: Path, modified: float) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def static_url(filename: str) -> str:
    """Return a static file's URL with a content fingerprint, so phones can cache it for a year."""
    path = Path(current_app.static_folder or "") / filename
    return url_for("static", filename=filename, v=_fingerprint(path, path.stat().st_mtime))


def init_app(app: Flask) -> None:
    """Register the helpers with Jinja."""
    app.jinja_env.globals.update(t=localise, say=say, language_name=language_name, static_url=static_url)
    app.jinja_env.filters["paragraphs"] = paragraphs
