"""Template helpers: survey text in the page's language, child-friendly wording, paragraphs."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g, url_for
from markupsafe import Markup, escape

from app.i18n import catalog_reviewed, current_locale_code, language_name, text_direction

#: A number a reader must see in its own order: phone numbers ("0800 1111"), ranges ("10–12").
_NUMBER_RUN = re.compile(r"\+?\d(?:[\d \u00a0\-–]*\d)?")


def localise(text: dict[str, str] | None) -> Markup:
    """Return survey text, escaped, in the page's language (else English, else any).

    On right-to-left pages each run of digits is isolated left to right, so "0800 1111" and
    "10–12" are not reordered by the bidirectional algorithm.
    """
    if not text:
        return Markup("")
    code = current_locale_code()
    chosen = escape(text.get(code) or text.get("en") or next(iter(text.values())))
    if text_direction(code) != "rtl":
        return chosen
    return Markup(_NUMBER_RUN.sub(lambda match: f'<span dir="ltr">{match.group(0)}</span>', str(chosen)))


def say(thing: Any, field: str) -> Markup:
    """Return ``thing.field`` localised, using ``young_<field>`` when child-friendly wording applies."""
    young = getattr(thing, f"young_{field}", None) if g.get("young") else None
    return localise(young or getattr(thing, field))


def paragraphs(text: str) -> Markup:
    """Split text on blank lines into ``<p>`` elements (plain text is escaped, Markup kept)."""
    parts = [part.strip() for part in escape(text).split("\n\n") if part.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(Markup(part)) for part in parts)


def translation_in_review() -> bool:
    """Say whether the page's language is still a draft, in the survey file or the interface catalog."""
    code = current_locale_code()
    survey = g.get("survey")
    return (survey is not None and survey.languages.get(code) == "draft") or not catalog_reviewed(code)


@cache
def _fingerprint(path: Path, modified: float) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def static_url(filename: str) -> str:
    """Return a static file's URL with a content fingerprint, so phones can cache it for a year."""
    path = Path(current_app.static_folder or "") / filename
    return url_for("static", filename=filename, v=_fingerprint(path, path.stat().st_mtime))


def init_app(app: Flask) -> None:
    """Register the helpers with Jinja."""
    app.jinja_env.globals.update(
        t=localise,
        say=say,
        language_name=language_name,
        text_direction=text_direction,
        static_url=static_url,
        translation_in_review=translation_in_review,
    )
    app.jinja_env.filters["paragraphs"] = paragraphs
