"""The main menu: each entry shows only to the roles allowed to use it."""

from datetime import date

from flask import Flask, request, url_for
from flask_login import current_user

from roster.auth import permissions
from roster.reference.languages import language_name
from roster.search_pages import url_with
from roster.urls import current_url_with

MENU = (
    ("Members", "directory.member_list", permissions.can_read_directory),
    ("Focal points", "directory.focal_point_list", permissions.can_read_directory),
    ("Experts", "experts.expert_list", permissions.can_read_directory),
    ("Activities", "activities.activity_list", permissions.can_read_directory),
    ("Stakeholder map", "mapping.map_page", permissions.can_read_directory),
    ("To review", "freshness.due_list", permissions.can_create_focal_points),
    ("Mailings", "mailings.mailing_list", permissions.can_send_mailings),
    ("Thematic areas", "reference.thematic_areas", permissions.can_manage_reference_data),
    ("Accounts", "auth.user_list", permissions.can_manage_users),
    ("Invite", "auth.invite", permissions.can_invite_someone),
    ("Mail", "mail.mail_list", permissions.can_read_mail),
    ("Sign-up domains", "oidc.domain_list", permissions.can_manage_sign_in_domains),
    ("Two-factor", "two_factor.setup", permissions.can_use_two_factor),
)


def main_navigation() -> list[dict]:
    return [
        {
            "label": label,
            "url": url_for(endpoint),
            "active": request.endpoint == endpoint,
        }
        for label, endpoint, allowed in MENU
        if allowed(current_user)
    ]


def page_url(page: int) -> str:
    """The current page's URL with its query string, at another page number."""
    return current_url_with(page=page)


def register(app: Flask) -> None:
    app.jinja_env.globals["page_url"] = page_url
    app.jinja_env.globals["main_navigation"] = main_navigation
    app.jinja_env.globals["permissions"] = permissions
    app.jinja_env.globals["language_name"] = language_name
    app.jinja_env.globals["today"] = date.today
    app.jinja_env.globals["search_url"] = url_with
