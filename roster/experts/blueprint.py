"""URL map of the roster of experts."""

from flask import Blueprint

from roster.experts import api, views
from roster.extensions import csrf

bp = Blueprint("experts", __name__)
bp.context_processor(views.template_helpers)
bp.add_url_rule("/experts", view_func=views.expert_list)
bp.add_url_rule("/experts/new", view_func=views.expert_create, methods=["GET", "POST"])
bp.add_url_rule("/experts/<int:expert_id>", view_func=views.expert_detail)
bp.add_url_rule(
    "/experts/<int:expert_id>/edit", view_func=views.expert_edit, methods=["GET", "POST"]
)
bp.add_url_rule(
    "/experts/<int:expert_id>/delete", view_func=views.expert_delete, methods=["GET", "POST"]
)

api_bp = Blueprint("experts_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/experts", view_func=api.expert_list)
api_bp.add_url_rule("/experts", view_func=api.expert_create, methods=["POST"])
api_bp.add_url_rule("/experts/<int:expert_id>", view_func=api.expert_detail)
api_bp.add_url_rule("/experts/<int:expert_id>", view_func=api.expert_update, methods=["PATCH"])
api_bp.add_url_rule("/experts/<int:expert_id>", view_func=api.expert_delete, methods=["DELETE"])
