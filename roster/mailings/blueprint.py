"""URL map of mailings."""

from flask import Blueprint

from roster.extensions import csrf
from roster.mailings import api, views

bp = Blueprint("mailings", __name__)
bp.add_url_rule("/mailings", view_func=views.mailing_list)
bp.add_url_rule("/mailings/new", view_func=views.mailing_create, methods=["GET", "POST"])
bp.add_url_rule("/mailings/<int:mailing_id>", view_func=views.mailing_detail)

api_bp = Blueprint("mailings_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/mailings", view_func=api.mailing_create, methods=["POST"])
api_bp.add_url_rule("/mailings/preview", view_func=api.mailing_preview, methods=["POST"])
api_bp.add_url_rule("/mailings/<int:mailing_id>", view_func=api.mailing_detail)
