from flask import abort, render_template, request
from flask_login import current_user, login_required

from roster.api.auth import api_user, require
from roster.api.pagination import collection, page_args
from roster.audit.queries import entries_for, entry_to_api
from roster.auth.permissions import can_read_audit
from roster.errors import ValidationFailed
from roster.validation import parse_id

RECORD_TYPES = (
    "user",
    "member",
    "thematic_area",
    "agency",
    "focal_point",
    "expert",
    "activity",
    "assignment",
    "participant",
    "export",
)


@login_required
def record_history(record_type: str, record_id: int):
    if not can_read_audit(current_user):
        abort(403)
    if record_type not in RECORD_TYPES:
        abort(404)
    entries = entries_for(record_type, record_id)
    return render_template(
        "audit/history.html", entries=entries, record_type=record_type, record_id=record_id
    )


def api_record_history():
    require(can_read_audit(api_user()))
    record_type = request.args.get("record_type", "")
    record_id = request.args.get("record_id", "")
    errors = {}
    if record_type not in RECORD_TYPES:
        errors["record_type"] = [f"Choose one of: {', '.join(RECORD_TYPES)}."]
    if parse_id(record_id) is None:
        errors["record_id"] = ["Must be a record id."]
    if errors:
        raise ValidationFailed(errors)
    page, per_page = page_args()
    entries = entries_for(record_type, parse_id(record_id))
    chunk = entries[(page - 1) * per_page : page * per_page]
    return collection([entry_to_api(entry) for entry in chunk], page, per_page, len(entries))
