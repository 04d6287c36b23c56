from flask import Blueprint

from roster.extensions import csrf
from roster.freshness import api, views

bp = Blueprint("freshness", __name__)
bp.add_url_rule("/focal-points/due", view_func=views.due_list)
bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/confirmation-request",
    view_func=views.request_confirmation,
    methods=["POST"],
)
bp.add_url_rule(
    "/proposals/<int:proposal_id>/<any(accept, reject):decision>",
    view_func=views.decide_proposal,
    methods=["POST"],
)
bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/nomination-request",
    view_func=views.request_nomination,
    methods=["POST"],
)
bp.add_url_rule("/nominate/<token>", view_func=views.nominate, methods=["GET", "POST"])
bp.add_url_rule("/confirm/<token>", view_func=views.confirm, methods=["GET", "POST"])
bp.add_url_rule("/confirm/<token>/correct", view_func=views.correct, methods=["GET", "POST"])

api_bp = Blueprint("freshness_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/confirmation-requests",
    view_func=api.create_confirmation_request,
    methods=["POST"],
)
api_bp.add_url_rule("/mail/bounces", view_func=api.create_bounce, methods=["POST"])
api_bp.add_url_rule(
    "/focal-points/<int:focal_point_id>/nomination-requests",
    view_func=api.create_nomination_request,
    methods=["POST"],
)
