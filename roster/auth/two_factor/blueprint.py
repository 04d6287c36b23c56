"""URL map of two-factor sign-in."""

from flask import Blueprint

from roster.auth.two_factor import views

bp = Blueprint("two_factor", __name__)
bp.add_url_rule("/login/two-factor", view_func=views.challenge, methods=["GET", "POST"])
bp.add_url_rule("/account/two-factor", view_func=views.setup, methods=["GET", "POST"])
bp.add_url_rule(
    "/account/two-factor/recovery-codes",
    view_func=views.renew_recovery_codes,
    methods=["POST"],
)
bp.add_url_rule("/account/two-factor/turn-off", view_func=views.turn_off, methods=["POST"])
bp.add_url_rule(
    "/admin/users/<int:user_id>/two-factor/reset", view_func=views.reset, methods=["POST"]
)
