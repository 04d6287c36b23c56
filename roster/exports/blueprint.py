"""URL map of downloads that are not a format of another route."""

from flask import Blueprint

from roster.exports import api, views

bp = Blueprint("exports", __name__)
bp.add_url_rule("/members/<code>/pack.pdf", view_func=views.member_pack)
bp.add_url_rule("/experts/export.<file_format>", view_func=views.expert_file)
bp.add_url_rule("/focal-points/export.<file_format>", view_func=views.focal_point_file)

api_bp = Blueprint("exports_api", __name__, url_prefix="/api/v1")
api_bp.add_url_rule("/members/<code>/pack.pdf", view_func=api.member_pack_api)
