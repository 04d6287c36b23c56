"""The visibility policy: the one place that decides which fields of a record a viewer sees.

Serializers, templates, exports and search all ask `may_see`; a field it refuses is left out of
the answer altogether, never blanked.
"""

from roster.auth.permissions import can_edit_member_records, is_rso

VISIBILITY_LEVELS = ("all", "staff")
CONTACT_FIELDS = ("email", "phone")
DEFAULT_VISIBILITY = {
    "focal_point": {"email": "all", "phone": "staff"},
    "expert": {"email": "staff", "phone": "staff"},
}
# Fields only the office (staff and admins) ever sees, whatever the record says.
OFFICE_ONLY = {
    "former_holder": {"email", "phone"},
    "assignment": {"rating", "note"},
    "participant": {"notes"},
}

# What identifies or reaches a person: kept out of the audit entry a deletion leaves.
PERSONAL_FIELDS = {
    "expert": ("full_name", "name_local", "email", "phone", "bio"),
    "focal_point": ("full_name", "name_local", "email", "phone"),
}


class MailDelivery:
    """The viewer outgoing mail reads addresses as: the office's own sender, which reaches every
    address, hidden ones too, while pages and answers about the mail never show them."""

    is_authenticated = True
    is_active = True
    role = "staff"
    member_id = None

    def __repr__(self) -> str:
        return "<MailDelivery>"


MAIL_DELIVERY = MailDelivery()


def without_personal_data(kind: str, snapshot: dict) -> dict:
    """The snapshot of a record with the person's own fields left out."""
    return {key: value for key, value in snapshot.items() if key not in PERSONAL_FIELDS[kind]}


def _signed_in(viewer) -> bool:
    return bool(viewer is not None and getattr(viewer, "is_authenticated", False))


def visibility_of(kind: str, record) -> dict[str, str]:
    """{"email": level, "phone": level} of a focal point or expert (a model or a plain row)."""
    defaults = DEFAULT_VISIBILITY[kind]
    return {
        field: getattr(record, f"{field}_visibility", None) or defaults[field]
        for field in CONTACT_FIELDS
    }


def sees_staff_level(viewer, kind: str, record) -> bool:
    """Whether the viewer sees what is shown to "staff": the office, and for a focal point the
    editors of its member."""
    if is_rso(viewer):
        return True
    return kind == "focal_point" and can_edit_member_records(viewer, record.member_id)


def may_see(viewer, kind: str, record, field: str) -> bool:
    """Whether `viewer` may see `field` of `record` (of `kind`: "expert", "focal_point",
    "former_holder", "assignment" or "participant")."""
    if is_rso(viewer):
        return True
    if not _signed_in(viewer) or field in OFFICE_ONLY.get(kind, ()):
        return False
    if kind in DEFAULT_VISIBILITY and field in CONTACT_FIELDS:
        level = visibility_of(kind, record)[field]
        return level == "all" or sees_staff_level(viewer, kind, record)
    return True


def shown(viewer, kind: str, record, body: dict, fields=None) -> dict:
    """`body` without the keys among `fields` (default: every key) that the viewer may not see."""
    checked = body.keys() if fields is None else fields
    hidden = [key for key in checked if key in body and not may_see(viewer, kind, record, key)]
    for key in hidden:
        del body[key]
    return body


def can_set_visibility(viewer, kind: str, record) -> bool:
    """Staff and admins; for a focal point also the editors of its member."""
    return sees_staff_level(viewer, kind, record)


def clean_visibility(value) -> dict[str, str]:
    """{"email"?: level, "phone"?: level} from a request; ValueError with the message if bad."""
    if not isinstance(value, dict) or not value:
        raise ValueError('Send an object such as {"email": "all", "phone": "staff"}.')
    unknown = sorted(set(value) - set(CONTACT_FIELDS))
    if unknown:
        raise ValueError(f"Only email and phone have a visibility, not {', '.join(unknown)}.")
    for field, level in value.items():
        if level not in VISIBILITY_LEVELS:
            raise ValueError(f'The visibility of {field} is "all" or "staff".')
    return dict(value)
