"""Loading and extending reference data."""

import re

from sqlalchemy import func, select

from roster.audit import operations as audit
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.reference.data import member_rows, thematic_area_rows
from roster.reference.models import MEMBER_KINDS, MEMBER_STATUSES, Member, ThematicArea
from roster.validation import clean_text


def load_reference() -> tuple[int, int]:
    """Insert missing members and thematic areas; existing rows are left as they are."""
    known_members = set(db.session.scalars(select(Member.code)))
    known_areas = set(db.session.scalars(select(ThematicArea.code)))
    new_members = [row for row in member_rows() if row["code"] not in known_members]
    new_areas = [row for row in thematic_area_rows() if row["code"] not in known_areas]
    db.session.add_all(Member(**row) for row in new_members)
    db.session.add_all(ThematicArea(**row) for row in new_areas)
    db.session.flush()
    return len(new_members), len(new_areas)


def add_thematic_area(actor, code: str, name: str) -> ThematicArea:
    code = (code or "").strip().lower()
    errors = {}
    try:
        name = clean_text(name, 160, required=True)
    except ValueError as error:
        errors["name"] = [str(error)]
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) or len(code) > 60:
        errors["code"] = ["Use lower-case letters, digits and hyphens, e.g. cyber-crime."]
    elif db.session.scalar(select(ThematicArea).where(ThematicArea.code == code)):
        errors["code"] = ["This code is taken."]
    if errors:
        raise ValidationFailed(errors)
    position = (db.session.scalar(select(func.max(ThematicArea.position))) or 0) + 1
    area = ThematicArea(code=code, name=name, position=position)
    db.session.add(area)
    db.session.flush()
    audit.record_create(actor, "thematic_area", area.id, {"code": code, "name": name})
    return area


def add_member(actor, code: str, name: str, kind: str, status: str) -> Member:
    """Add an observer (or a new member): codes are upper-case acronyms or ISO alpha-3."""
    code = (code or "").strip().upper()
    errors = {}
    try:
        name = clean_text(name, 120, required=True)
    except ValueError as error:
        errors["name"] = [str(error)]
    if not re.fullmatch(r"[A-Z0-9]{2,10}", code):
        errors["code"] = ["Use 2 to 10 capital letters or digits."]
    elif db.session.scalar(select(Member).where(Member.code == code)):
        errors["code"] = ["This code is taken."]
    if kind not in MEMBER_KINDS:
        errors["kind"] = [f"Choose one of: {', '.join(MEMBER_KINDS)}."]
    if status not in MEMBER_STATUSES:
        errors["status"] = [f"Choose one of: {', '.join(MEMBER_STATUSES)}."]
    if errors:
        raise ValidationFailed(errors)
    member = Member(code=code, name=name, kind=kind, status=status)
    db.session.add(member)
    db.session.flush()
    audit.record_create(actor, "member", member.id, member.to_api())
    return member
