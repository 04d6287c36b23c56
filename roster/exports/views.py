"""Downloads from pages, for the signed-in user: the same files as the API's."""

from flask import abort
from flask_login import current_user, login_required

from roster.auth.permissions import can_export
from roster.exports.api import FORMATS, experts_file, focal_points_file, pack_pdf


def _format(kind: str, file_format: str) -> str:
    if not can_export(current_user):
        abort(403)
    if file_format not in FORMATS[kind] or file_format == "json":
        abort(404)
    return file_format


@login_required
def expert_file(file_format: str):
    return experts_file(current_user, _format("experts", file_format))


@login_required
def focal_point_file(file_format: str):
    return focal_points_file(current_user, _format("focal_points", file_format))


@login_required
def member_pack(code: str):
    if not can_export(current_user):
        abort(403)
    return pack_pdf(current_user, code)
