"""URL map of the stakeholder map: the heat map, its CSV and the drill-down of a cell."""

from flask import Blueprint

from roster.extensions import csrf
from roster.mapping import api, views

bp = Blueprint("mapping", __name__)
bp.add_url_rule("/map", view_func=views.map_page)
bp.add_url_rule("/map.csv", view_func=views.map_csv)
bp.add_url_rule("/map/<member_code>/<thematic_area_code>", view_func=views.cell_page)

api_bp = Blueprint("mapping_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/map", view_func=api.coverage_map)
