"""``/healthz``: answers 200 when the app and its database respond."""

from flask import Blueprint
from sqlalchemy import text

from app.db import get_session

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    """Answer 200 "ok" when the database answers a query."""
    get_session().execute(text("SELECT 1"))
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
