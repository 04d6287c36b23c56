"""Roster pages."""

from flask import abort, render_template
from flask_login import current_user, login_required

from roster.auth.permissions import can_read_directory


@login_required
def expert_list():
    if not can_read_directory(current_user):
        abort(403)
    return render_template("experts/experts.html")
