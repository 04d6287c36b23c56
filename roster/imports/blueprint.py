"""URL map of imports: the API and the upload, match, preview and import pages."""

from flask import Blueprint

from roster.extensions import csrf
from roster.imports import api, views

bp = Blueprint("imports", __name__)
bp.add_url_rule("/imports/<kind>", view_func=views.upload, methods=["GET", "POST"])
bp.add_url_rule("/imports/<kind>/columns", view_func=views.columns, methods=["GET", "POST"])
bp.add_url_rule("/imports/<kind>/preview", view_func=views.preview, methods=["GET", "POST"])
bp.add_url_rule("/imports/<kind>/report.csv", view_func=views.report_csv)

api_bp = Blueprint("imports_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/imports/experts", view_func=api.import_experts, methods=["POST"])
api_bp.add_url_rule("/imports/focal-points", view_func=api.import_focal_points, methods=["POST"])
