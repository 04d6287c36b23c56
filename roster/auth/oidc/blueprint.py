"""URL map of sign-in through the identity provider."""

from flask import Blueprint

from roster.auth.oidc import views

bp = Blueprint("oidc", __name__)
bp.add_url_rule("/login/oidc", view_func=views.start)
bp.add_url_rule("/login/oidc/callback", view_func=views.callback)
bp.add_url_rule("/admin/sign-in-domains", view_func=views.domain_list, methods=["GET", "POST"])
bp.add_url_rule(
    "/admin/sign-in-domains/<int:domain_id>/delete",
    view_func=views.domain_delete,
    methods=["POST"],
)
