"""URL map of activities: planning, staffing from the roster, participants and alumni."""

from flask import Blueprint

from roster.activities import api, reply_views, views
from roster.extensions import csrf

bp = Blueprint("activities", __name__)
bp.context_processor(views.template_helpers)
bp.add_url_rule("/activities", view_func=views.activity_list)
bp.add_url_rule("/activities/new", view_func=views.activity_create, methods=["GET", "POST"])
bp.add_url_rule("/activities/<int:activity_id>", view_func=views.activity_detail)
bp.add_url_rule(
    "/activities/<int:activity_id>/edit", view_func=views.activity_edit, methods=["GET", "POST"]
)
bp.add_url_rule(
    "/activities/<int:activity_id>/delete",
    view_func=views.activity_delete,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/activities/<int:activity_id>/assignments", view_func=views.assignment_add, methods=["POST"]
)
bp.add_url_rule(
    "/assignments/<int:assignment_id>/move", view_func=views.assignment_move, methods=["POST"]
)
bp.add_url_rule(
    "/assignments/<int:assignment_id>/assessment",
    view_func=views.assignment_assess,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/activities/<int:activity_id>/participants/new",
    view_func=views.participant_add,
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/participants/<int:participant_id>/delete",
    view_func=views.participant_delete,
    methods=["POST"],
)
bp.add_url_rule("/alumni", view_func=views.alumni)
# The signed link is the credential: no session, so no CSRF token to check.
bp.add_url_rule(
    "/invitations/<token>", view_func=csrf.exempt(reply_views.reply), methods=["GET", "POST"]
)

api_bp = Blueprint("activities_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/activities", view_func=api.activity_list)
api_bp.add_url_rule("/activities", view_func=api.activity_create, methods=["POST"])
api_bp.add_url_rule("/activities/<int:activity_id>", view_func=api.activity_detail)
api_bp.add_url_rule(
    "/activities/<int:activity_id>", view_func=api.activity_update, methods=["PATCH"]
)
api_bp.add_url_rule(
    "/activities/<int:activity_id>", view_func=api.activity_delete, methods=["DELETE"]
)
api_bp.add_url_rule("/activities/<int:activity_id>/candidates", view_func=api.candidate_list)
api_bp.add_url_rule("/activities/<int:activity_id>/assignments", view_func=api.assignment_list)
api_bp.add_url_rule(
    "/activities/<int:activity_id>/assignments",
    view_func=api.assignment_create,
    methods=["POST"],
)
api_bp.add_url_rule("/assignments/<int:assignment_id>", view_func=api.assignment_detail)
api_bp.add_url_rule(
    "/assignments/<int:assignment_id>", view_func=api.assignment_update, methods=["PATCH"]
)
api_bp.add_url_rule("/activities/<int:activity_id>/participants", view_func=api.participant_list)
api_bp.add_url_rule(
    "/activities/<int:activity_id>/participants",
    view_func=api.participant_create,
    methods=["POST"],
)
api_bp.add_url_rule(
    "/participants/<int:participant_id>", view_func=api.participant_delete, methods=["DELETE"]
)
api_bp.add_url_rule("/alumni", view_func=api.alumni_list)
