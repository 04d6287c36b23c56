"""URL map of expert self-service."""

from flask import Blueprint

from roster.extensions import csrf
from roster.profiles import api, views

bp = Blueprint("profiles", __name__)
# Checked by the form itself once the upload is read within the page's own size limit.
bp.add_url_rule(
    "/profile/<token>", view_func=csrf.exempt(views.update_profile), methods=["GET", "POST"]
)
bp.add_url_rule(
    "/experts/<int:expert_id>/profile-request", view_func=views.request_update, methods=["POST"]
)
bp.add_url_rule("/experts/<int:expert_id>/cv", view_func=views.download_cv)

api_bp = Blueprint("profiles_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule(
    "/experts/<int:expert_id>/profile-requests",
    view_func=api.create_profile_request,
    methods=["POST"],
)
