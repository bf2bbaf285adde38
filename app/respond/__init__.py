"""Public survey pages: anonymous, no login, built for cheap phones."""

from flask import Blueprint

bp = Blueprint("respond", __name__)

from app.respond import routes  # noqa: E402, F401  (registers the views on bp)
