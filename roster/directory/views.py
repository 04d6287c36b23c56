"""Directory pages: members, agencies, focal points."""

from flask import abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from roster.auth.permissions import can_read_directory
from roster.directory import queries


def home():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    return redirect(url_for("directory.member_list"))


@login_required
def member_list():
    if not can_read_directory(current_user):
        abort(403)
    return render_template("directory/members.html", rows=queries.members_with_counts())


@login_required
def member_detail(code: str):
    member = queries.member_by_code(code)
    if member is None:
        abort(404)
    if not can_read_directory(current_user):
        abort(403)
    return render_template("directory/member.html", member=member)


@login_required
def focal_point_list():
    if not can_read_directory(current_user):
        abort(403)
    return render_template("directory/focal_points.html")
