"""GET /healthz: is the database answering, is search answering."""

from flask import Blueprint, current_app
from sqlalchemy import text

from roster.extensions import db

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
        database = "ok"
    except Exception:
        current_app.logger.exception("database health check failed")
        database = "down"
    from roster.search.engine import search_health
    from roster.semantic.model import model

    body = {"database": database, "search": search_health(), "semantic": model().status}
    return body, 200 if database == "ok" else 503
