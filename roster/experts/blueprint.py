"""URL map of the roster of experts."""

from flask import Blueprint

from roster.experts import views
from roster.extensions import csrf

bp = Blueprint("experts", __name__)
bp.add_url_rule("/experts", view_func=views.expert_list)

api_bp = Blueprint("experts_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
