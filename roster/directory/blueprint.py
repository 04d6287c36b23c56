"""URL map of the directory: members, agencies, focal points."""

from flask import Blueprint

from roster.directory import views
from roster.extensions import csrf

bp = Blueprint("directory", __name__)
bp.add_url_rule("/", view_func=views.home)
bp.add_url_rule("/members", view_func=views.member_list)
bp.add_url_rule("/members/<code>", view_func=views.member_detail)
bp.add_url_rule("/focal-points", view_func=views.focal_point_list)

api_bp = Blueprint("directory_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
