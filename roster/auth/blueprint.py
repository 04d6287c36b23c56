"""URL map of sign-in, accounts and API tokens."""

from flask import Blueprint

from roster.auth import api, views
from roster.extensions import csrf

bp = Blueprint("auth", __name__)
bp.add_url_rule("/login", view_func=views.login, methods=["GET", "POST"])
bp.add_url_rule("/logout", view_func=views.logout, methods=["POST"])
bp.add_url_rule("/admin/users", view_func=views.user_list)
bp.add_url_rule("/admin/users/new", view_func=views.user_create, methods=["GET", "POST"])
bp.add_url_rule("/admin/users/<int:user_id>", view_func=views.user_edit, methods=["GET", "POST"])
bp.add_url_rule(
    "/admin/users/<int:user_id>/password", view_func=views.user_password, methods=["POST"]
)

api_bp = Blueprint("auth_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/tokens", view_func=api.create_token, methods=["POST"])
api_bp.add_url_rule("/tokens/current", view_func=api.revoke_current_token, methods=["DELETE"])
