"""URL map of duplicate detection and merging of experts."""

from flask import Blueprint

from roster.duplicates import api, views
from roster.extensions import csrf

bp = Blueprint("duplicates", __name__)
bp.add_url_rule("/experts/duplicates", view_func=views.duplicate_list)
bp.add_url_rule(
    "/experts/<int:expert_id>/merge", view_func=views.expert_merge, methods=["GET", "POST"]
)

api_bp = Blueprint("duplicates_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/experts/duplicates", view_func=api.duplicate_list)
api_bp.add_url_rule("/experts/<int:expert_id>/merge", view_func=api.expert_merge, methods=["POST"])
