"""Friendly, translated error pages; never a stack trace."""

from __future__ import annotations

from flask import Flask, g, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

#: status -> (heading, explanation)
MESSAGES = {
    400: (_l("Something went wrong with that page"), _l("Go back and try again.")),
    404: (_l("Page not found"), _l("Check the link you were given. It may have a mistake in it.")),
    405: (_l("Something went wrong with that page"), _l("Go back and try again.")),
    410: (_l("This survey has closed"), _l("Thank you for wanting to take part. It is not taking answers any more.")),
    413: (_l("That was too much to send"), _l("Go back, make your answers shorter and try again.")),
    500: (_l("Sorry, something went wrong on our side"), _l("Your answers so far are saved. Try again in a minute.")),
}


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError) -> tuple[str, int]:
        from app.respond.routes import rerender_after_csrf_error

        return rerender_after_csrf_error() or render_error(400)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> object:
        if error.code is None or error.code < 400 or error.response is not None:
            return error.response or error
        return render_error(error.code)

    @app.errorhandler(InternalServerError)
    def _server_error(error: InternalServerError) -> tuple[str, int]:
        return render_error(500)


def render_error(status: int) -> tuple[str, int]:
    """Render the error page for ``status`` in the person's language."""
    heading, explanation = MESSAGES.get(status, MESSAGES[400 if status < 500 else 500])
    if status == 404 and g.get("unavailable") is not None:
        heading, explanation = _l("Survey not found"), _l("Check the link you were given. It may have a mistake in it.")
    return render_template("errors/error.html", heading=heading, explanation=explanation, status=status), status
