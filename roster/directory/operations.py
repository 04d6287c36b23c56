"""Writes to the directory: agencies, focal points and handovers between holders."""

from datetime import date, timedelta

import pycountry
from flask import current_app
from sqlalchemy import func, select

from roster.audit import operations as audit
from roster.database import utcnow
from roster.directory.models import (
    AGENCY_SECTORS,
    Agency,
    FocalPoint,
    FocalPointHolder,
    FocalPointLanguage,
)
from roster.errors import ValidationFailed, VersionConflict
from roster.extensions import db
from roster.privacy.policy import clean_visibility, without_personal_data
from roster.reference.languages import strongest_first
from roster.reference.models import Member
from roster.validation import (
    FieldErrors,
    clean_date,
    clean_email,
    clean_languages,
    clean_phone,
    clean_text,
    clean_thematic_areas,
    parse_id,
)

HOLDER_FIELDS = ("full_name", "name_local", "email", "phone")


def member_region(member: Member | None) -> str | None:
    """The alpha-2 region used to read national phone numbers of a member's officials."""
    if member is None or member.kind == "organisation":
        return None
    country = pycountry.countries.get(alpha_3=member.code)
    return country.alpha_2 if country else None


def find_member(code) -> Member | None:
    if not isinstance(code, str) or not code.strip():
        return None
    return db.session.scalar(select(Member).where(Member.code == code.strip().upper()))


# Agencies ---------------------------------------------------------------------------------------


def agency_snapshot(agency: Agency) -> dict:
    return {
        "member": agency.member.code,
        "name": agency.name,
        "acronym": agency.acronym,
        "sector": agency.sector,
    }


def _clean_agency(data: dict, member: Member, agency_id: int | None = None) -> dict:
    errors = FieldErrors()
    name = errors.clean("name", clean_text, data.get("name"), 200, required=True)
    acronym = errors.clean("acronym", clean_text, data.get("acronym"), 30)
    sector = data.get("sector") or "other"
    if sector not in AGENCY_SECTORS:
        errors.add("sector", f"Choose one of: {', '.join(AGENCY_SECTORS)}.")
    if name:
        clash = db.session.scalar(
            select(Agency).where(
                Agency.member_id == member.id, func.lower(Agency.name) == name.lower()
            )
        )
        if clash is not None and clash.id != agency_id:
            errors.add("name", f"{member.name} already has an agency with this name.")
    errors.raise_if_any()
    return {"name": name, "acronym": acronym or "", "sector": sector}


def create_agency(actor, member: Member, data: dict) -> Agency:
    agency = Agency(member=member, **_clean_agency(data, member))
    db.session.add(agency)
    db.session.flush()
    audit.record_create(actor, "agency", agency.id, agency_snapshot(agency))
    return agency


def update_agency(actor, agency: Agency, data: dict, version: int) -> Agency:
    if version != agency.version:
        raise VersionConflict(agency)
    before = agency_snapshot(agency)
    values = _clean_agency({**agency_snapshot(agency), **data}, agency.member, agency.id)
    for field, value in values.items():
        setattr(agency, field, value)
    agency.updated_at = utcnow()
    db.session.flush()
    audit.record_update(actor, "agency", agency.id, before, agency_snapshot(agency))
    return agency


def delete_agency(actor, agency: Agency) -> None:
    if agency.focal_points:
        raise ValidationFailed(
            {"agency": ["Move or delete this agency's focal points before deleting it."]}
        )
    audit.record_delete(actor, "agency", agency.id, agency_snapshot(agency))
    db.session.delete(agency)
    db.session.flush()


def agency_for(actor, member: Member, name: str) -> Agency:
    """The member's agency with this name or acronym, created when it is new."""
    agency = db.session.scalar(
        select(Agency).where(
            Agency.member_id == member.id,
            (func.lower(Agency.name) == name.lower())
            | (func.lower(Agency.acronym) == name.lower()),
        )
    )
    if agency is None:
        agency = Agency(member=member, name=name, acronym="", sector="other")
        db.session.add(agency)
        db.session.flush()
        audit.record_create(actor, "agency", agency.id, agency_snapshot(agency))
    return agency


# Focal points -----------------------------------------------------------------------------------


def review_date(start: date) -> date:
    """When a record confirmed (or created) on `start` is due for review again."""
    return start + timedelta(days=current_app.config["REVIEW_PERIOD_DAYS"])


def mark_verified(focal_point: FocalPoint) -> None:
    """The holder (or a handover) confirmed the record as correct today."""
    focal_point.verified_at = utcnow()
    focal_point.review_due = review_date(focal_point.verified_at.date())
    focal_point.contact_failed_at = None


def focal_point_snapshot(focal_point: FocalPoint) -> dict:
    holder = focal_point.current_holder
    return {
        "member": focal_point.member.code,
        "agency": focal_point.agency.name,
        "position": focal_point.position,
        "shared_mailbox": focal_point.shared_mailbox,
        "full_name": holder.full_name if holder else None,
        "name_local": holder.name_local if holder else None,
        "email": holder.email if holder else None,
        "phone": holder.phone if holder else None,
        "holder_since": holder.started_on.isoformat() if holder else None,
        "thematic_areas": [area.code for area in focal_point.thematic_areas],
        "languages": [
            f"{item.code}:{item.level}" for item in strongest_first(focal_point.languages)
        ],
        "verified_at": focal_point.verified_at.isoformat() if focal_point.verified_at else None,
        "review_due": focal_point.review_due.isoformat() if focal_point.review_due else None,
        "email_visibility": focal_point.email_visibility,
        "phone_visibility": focal_point.phone_visibility,
    }


def _clean_focal_point(data: dict, region: str | None, partial: bool) -> dict:
    """Clean the fields present in `data` (all required ones unless `partial`)."""
    errors = FieldErrors()
    cleaned: dict = {}
    if not partial or "position" in data:
        cleaned["position"] = errors.clean(
            "position", clean_text, data.get("position"), 200, required=True
        )
    if not partial or "full_name" in data:
        cleaned["full_name"] = errors.clean(
            "full_name", clean_text, data.get("full_name"), 200, required=True
        )
    for field, length in (("name_local", 200),):
        if field in data:
            cleaned[field] = errors.clean(field, clean_text, data.get(field), length)
    for field in ("email", "shared_mailbox"):
        if field in data:
            cleaned[field] = errors.clean(field, clean_email, data.get(field))
    if "phone" in data:
        cleaned["phone"] = errors.clean("phone", clean_phone, data.get("phone"), region)
    if "thematic_areas" in data:
        cleaned["thematic_areas"] = errors.clean(
            "thematic_areas", clean_thematic_areas, data.get("thematic_areas")
        )
    if "languages" in data:
        cleaned["languages"] = errors.clean("languages", clean_languages, data.get("languages"))
    if "holder_since" in data:
        cleaned["holder_since"] = errors.clean(
            "holder_since", clean_date, data.get("holder_since"), required=False
        )
    if "visibility" in data:
        cleaned["visibility"] = errors.clean("visibility", clean_visibility, data["visibility"])
    errors.raise_if_any()
    return cleaned


def clean_new_focal_point(member: Member, data: dict) -> dict:
    """Validate a new record of `member` without creating it; returns clean values."""
    return _clean_focal_point(data, member_region(member), partial=False)


def clean_focal_point_fields(focal_point: FocalPoint, data: dict) -> dict:
    """Validate changes to an existing record without applying them; returns clean values."""
    return _clean_focal_point(data, member_region(focal_point.member), partial=True)


def _resolve_agency(actor, data: dict, member: Member) -> Agency:
    """The agency named in `data` (by id or by name/acronym) within `member`."""
    agency_id = data.get("agency_id")
    if agency_id not in (None, ""):
        agency_key = parse_id(agency_id)
        agency = db.session.get(Agency, agency_key) if agency_key else None
        if agency is None or agency.member_id != member.id:
            raise ValidationFailed({"agency": [f"Choose one of {member.name}'s agencies."]})
        return agency
    try:
        name = clean_text(data.get("agency"), 200, required=True)
    except ValueError as error:
        raise ValidationFailed({"agency": [str(error)]}) from None
    return agency_for(actor, member, name)


def _apply_collections(focal_point: FocalPoint, cleaned: dict) -> None:
    for field, level in (cleaned.get("visibility") or {}).items():
        setattr(focal_point, f"{field}_visibility", level)
    if "thematic_areas" in cleaned:
        focal_point.thematic_areas = cleaned["thematic_areas"]
    if "languages" in cleaned:
        focal_point.languages = [
            FocalPointLanguage(code=code, level=level) for code, level in cleaned["languages"]
        ]


def create_focal_point(actor, member: Member, data: dict) -> FocalPoint:
    """Create a function with its first holder; `member` was checked by the caller."""
    cleaned = _clean_focal_point(data, member_region(member), partial=False)
    agency = _resolve_agency(actor, data, member)
    focal_point = FocalPoint(
        member=member,
        agency=agency,
        position=cleaned["position"],
        shared_mailbox=cleaned.get("shared_mailbox") or "",
        review_due=review_date(date.today()),
    )
    _apply_collections(focal_point, cleaned)
    focal_point.holders.append(
        FocalPointHolder(
            full_name=cleaned["full_name"],
            name_local=cleaned.get("name_local") or "",
            email=cleaned.get("email") or "",
            phone=cleaned.get("phone") or "",
            started_on=cleaned.get("holder_since") or date.today(),
        )
    )
    db.session.add(focal_point)
    db.session.flush()
    audit.record_create(actor, "focal_point", focal_point.id, focal_point_snapshot(focal_point))
    return focal_point


def update_focal_point(
    actor, focal_point: FocalPoint, data: dict, version: int, handover: bool = False
) -> FocalPoint:
    """Change the fields present in `data`.

    Holder fields correct the current holder, unless `handover` is True and `full_name` names
    someone else: then the current holder is closed (today, or `holder_since`) and kept in the
    history, and the new holder starts with only the contact details given in `data`. A vacant
    function given a name is always a handover.
    """
    if version != focal_point.version:
        raise VersionConflict(focal_point)
    before = focal_point_snapshot(focal_point)
    cleaned = _clean_focal_point(data, member_region(focal_point.member), partial=True)
    if "agency" in data or "agency_id" in data:
        focal_point.agency = _resolve_agency(actor, data, focal_point.member)
    for field in ("position", "shared_mailbox"):
        if field in cleaned:
            setattr(focal_point, field, cleaned[field])
    _apply_collections(focal_point, cleaned)
    holder = focal_point.current_holder
    new_name = cleaned.get("full_name")
    if new_name and (holder is None or (handover and new_name != holder.full_name)):
        _hand_over(focal_point, cleaned, cleaned.get("holder_since") or date.today())
    elif holder is not None:
        for field in HOLDER_FIELDS:
            if field in cleaned:
                setattr(holder, field, cleaned[field])
    after = focal_point_snapshot(focal_point)
    if any(before[field] != after[field] for field in ("email", "shared_mailbox")):
        # A new address is worth trying: the bounce was about the old one.
        focal_point.contact_failed_at = None
    focal_point.updated_at = utcnow()
    db.session.flush()
    audit.record_update(
        actor, "focal_point", focal_point.id, before, focal_point_snapshot(focal_point)
    )
    return focal_point


def _hand_over(focal_point: FocalPoint, cleaned: dict, since: date) -> None:
    """Close the current holding and open the new one, which confirms the record."""
    previous = focal_point.current_holder
    if previous is not None:
        if since < previous.started_on:
            raise ValidationFailed(
                {"holder_since": [f"The new holder cannot start before {previous.started_on}."]}
            )
        previous.ended_on = since
    focal_point.holders.insert(
        0,
        FocalPointHolder(
            full_name=cleaned["full_name"],
            name_local=cleaned.get("name_local") or "",
            email=cleaned.get("email") or "",
            phone=cleaned.get("phone") or "",
            started_on=since,
        ),
    )
    mark_verified(focal_point)


def hand_over(actor, focal_point: FocalPoint, data: dict, version: int) -> FocalPoint:
    """Give the function to a new holder (name required), keeping the previous one in history."""
    if version != focal_point.version:
        raise VersionConflict(focal_point)
    fields = {key: data.get(key) for key in (*HOLDER_FIELDS, "holder_since")}
    cleaned = _clean_focal_point(fields, member_region(focal_point.member), partial=True)
    if not cleaned.get("full_name"):
        raise ValidationFailed({"full_name": ["The new holder's name is required."]})
    before = focal_point_snapshot(focal_point)
    _hand_over(focal_point, cleaned, cleaned.get("holder_since") or date.today())
    focal_point.updated_at = utcnow()
    db.session.flush()
    audit.record_update(
        actor, "focal_point", focal_point.id, before, focal_point_snapshot(focal_point)
    )
    return focal_point


def delete_focal_point(actor, focal_point: FocalPoint) -> None:
    snapshot = without_personal_data("focal_point", focal_point_snapshot(focal_point))
    audit.record_delete(actor, "focal_point", focal_point.id, snapshot)
    db.session.delete(focal_point)
    db.session.flush()
