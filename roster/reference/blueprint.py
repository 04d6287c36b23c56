"""URL map of reference data: admin pages and read-only API."""

from flask import Blueprint

from roster.extensions import csrf
from roster.reference import api, views

bp = Blueprint("reference", __name__)
bp.add_url_rule("/admin/thematic-areas", view_func=views.thematic_areas, methods=["GET", "POST"])
bp.add_url_rule("/admin/members/new", view_func=views.member_create, methods=["GET", "POST"])

api_bp = Blueprint("reference_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/members", view_func=api.member_list)
api_bp.add_url_rule("/thematic-areas", view_func=api.thematic_area_list)
