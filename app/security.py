"""HTTP hardening: headers on every response, and respondent privacy in the request cycle."""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Flask, Response, abort, request

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app: Flask) -> None:
    """Add the headers of reliability-checks.md section 8 to every response."""
    production = app.config["ENV"] == "production"

    @app.before_request
    def _refuse_undecodable_forms() -> None:
        # Werkzeug would quietly replace bad bytes with U+FFFD; an answer must arrive as typed or not at all.
        if request.method == "POST" and request.mimetype == "application/x-www-form-urlencoded":
            try:
                parse_qsl(request.get_data(cache=True).decode("ascii"), encoding="utf-8", errors="strict")
            except UnicodeDecodeError:
                abort(400)

    @app.after_request
    def _add_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if production:
            response.headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        if request.endpoint != "static":
            # Answers must not sit in a shared tablet's cache or come back through the back button.
            response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Server", None)
        return response
