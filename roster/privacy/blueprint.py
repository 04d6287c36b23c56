"""URL map of the privacy features: the notice, erasure pages and API."""

from flask import Blueprint

from roster.extensions import csrf
from roster.privacy import api, views
from roster.privacy.reads import ReadLimitExceeded, read_limit_answer

bp = Blueprint("privacy", __name__)
bp.add_app_template_global(views.template_may_see, "may_see")
bp.app_errorhandler(ReadLimitExceeded)(read_limit_answer)
bp.add_url_rule("/privacy", view_func=views.notice)
bp.add_url_rule(
    "/experts/<int:expert_id>/erase", view_func=views.erase_expert, methods=["GET", "POST"]
)
bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/erase",
    view_func=views.erase_focal_point,
    methods=["GET", "POST"],
)

api_bp = Blueprint("privacy_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/experts/<int:expert_id>/erase", view_func=api.expert_erase, methods=["POST"])
api_bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/erase", view_func=api.focal_point_erase, methods=["POST"]
)
