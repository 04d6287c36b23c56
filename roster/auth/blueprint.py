"""URL map of sign-in, accounts, invitations, password resets and API tokens."""

from flask import Blueprint

from roster.auth import api, self_service, views
from roster.extensions import csrf

bp = Blueprint("auth", __name__)
bp.add_url_rule("/login", view_func=views.login, methods=["GET", "POST"])
bp.add_url_rule("/logout", view_func=views.logout, methods=["POST"])
bp.add_url_rule("/account", view_func=self_service.account)
bp.add_url_rule("/account/password", view_func=self_service.change_password, methods=["POST"])
bp.add_url_rule(
    "/account/sign-out-everywhere", view_func=self_service.sign_out_everywhere, methods=["POST"]
)
bp.add_url_rule("/invitations/new", view_func=views.invite, methods=["GET", "POST"])
bp.add_url_rule(
    "/invitation/<token>", view_func=self_service.accept_invitation, methods=["GET", "POST"]
)
bp.add_url_rule(
    "/password-reset", view_func=self_service.request_password_reset, methods=["GET", "POST"]
)
bp.add_url_rule(
    "/password-reset/<token>", view_func=self_service.reset_password, methods=["GET", "POST"]
)
bp.add_url_rule("/admin/users", view_func=views.user_list)
bp.add_url_rule("/admin/users/<int:user_id>", view_func=views.user_edit, methods=["GET", "POST"])

api_bp = Blueprint("auth_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/tokens", view_func=api.create_token, methods=["POST"])
api_bp.add_url_rule("/tokens/current", view_func=api.revoke_current_token, methods=["DELETE"])
api_bp.add_url_rule("/me", view_func=api.me)
api_bp.add_url_rule("/me/password", view_func=api.change_my_password, methods=["POST"])
api_bp.add_url_rule("/invitations", view_func=api.create_invitation, methods=["POST"])
