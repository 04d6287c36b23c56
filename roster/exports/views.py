"""Downloads from pages: the member's pack (searches link to the API's formats)."""

from flask import abort
from flask_login import current_user, login_required

from roster.auth.permissions import can_export
from roster.exports.api import pack_pdf


@login_required
def member_pack(code: str):
    if not can_export(current_user):
        abort(403)
    return pack_pdf(current_user, code)
