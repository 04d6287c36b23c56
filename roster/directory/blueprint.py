"""URL map of the directory: members, agencies, focal points."""

from flask import Blueprint

from roster.directory import api, views
from roster.extensions import csrf

bp = Blueprint("directory", __name__)
bp.add_url_rule("/", view_func=views.home)
bp.add_url_rule("/members", view_func=views.member_list)
bp.add_url_rule("/members/<code>", view_func=views.member_detail)
bp.add_url_rule(
    "/members/<code>/agencies/new", view_func=views.agency_create, methods=["GET", "POST"]
)
bp.add_url_rule(
    "/agencies/<int:agency_id>/edit", view_func=views.agency_edit, methods=["GET", "POST"]
)
bp.add_url_rule("/agencies/<int:agency_id>/delete", view_func=views.agency_delete, methods=["POST"])
bp.add_url_rule("/focal-points", view_func=views.focal_point_list)
bp.add_url_rule("/focal-points/new", view_func=views.focal_point_create, methods=["GET", "POST"])
bp.add_url_rule("/focal-points/<int:focal_point_id>", view_func=views.focal_point_detail)
bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/edit",
    view_func=views.focal_point_edit,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/handover",
    view_func=views.focal_point_handover,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/delete",
    view_func=views.focal_point_delete,
    methods=["GET", "POST"],
)
bp.add_url_rule("/focal-points/<int:focal_point_id>/history", view_func=views.focal_point_history)

api_bp = Blueprint("directory_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/focal-points", view_func=api.focal_point_list)
api_bp.add_url_rule("/focal-points", view_func=api.focal_point_create, methods=["POST"])
api_bp.add_url_rule("/focal-points/<int:focal_point_id>", view_func=api.focal_point_detail)
api_bp.add_url_rule(
    "/focal-points/<int:focal_point_id>", view_func=api.focal_point_update, methods=["PATCH"]
)
api_bp.add_url_rule(
    "/focal-points/<int:focal_point_id>", view_func=api.focal_point_delete, methods=["DELETE"]
)
api_bp.add_url_rule("/focal-points/<int:focal_point_id>/history", view_func=api.focal_point_history)
api_bp.add_url_rule("/agencies", view_func=api.agency_list)
