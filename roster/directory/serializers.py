"""JSON shapes of directory records (see API.md)."""

from roster.directory.models import Agency, FocalPoint, FocalPointHolder
from roster.privacy.policy import shown, visibility_of
from roster.reference.languages import strongest_first


def _iso(value):
    return value.isoformat() if value is not None else None


def focal_point_to_api(focal_point: FocalPoint, viewer) -> dict:
    """The focal point as `viewer` may see it."""
    holder = focal_point.current_holder
    body = {
        "id": focal_point.id,
        "version": focal_point.version,
        "full_name": holder.full_name if holder else None,
        "name_local": holder.name_local if holder else None,
        "member": focal_point.member.code,
        "agency": focal_point.agency.name,
        "agency_id": focal_point.agency_id,
        "position": focal_point.position,
        "email": holder.email if holder else None,
        "phone": holder.phone if holder else None,
        "visibility": visibility_of("focal_point", focal_point),
        "shared_mailbox": focal_point.shared_mailbox,
        "holder_since": _iso(holder.started_on) if holder else None,
        "thematic_areas": [area.code for area in focal_point.thematic_areas],
        "languages": [
            {"code": item.code, "level": item.level}
            for item in strongest_first(focal_point.languages)
        ],
        "verified_at": _iso(focal_point.verified_at),
        "contact_failed": focal_point.contact_failed_at is not None,
        "vacant_since": _iso(focal_point.vacant_since),
        "review_due": _iso(focal_point.review_due),
        "created_at": _iso(focal_point.created_at),
        "updated_at": _iso(focal_point.updated_at),
    }
    return shown(viewer, "focal_point", focal_point, body, ("email", "phone"))


def holder_to_api(holder: FocalPointHolder, viewer) -> dict:
    """A holder of the function as `viewer` may see them: a former holder's contact details
    go by the policy for former holders, the current one's by the focal point's own."""
    body = {
        "full_name": holder.full_name,
        "name_local": holder.name_local,
        "email": holder.email,
        "phone": holder.phone,
        "started_on": _iso(holder.started_on),
        "ended_on": _iso(holder.ended_on),
    }
    if holder.ended_on is None:
        return shown(viewer, "focal_point", holder.focal_point, body, ("email", "phone"))
    return shown(viewer, "former_holder", holder, body, ("email", "phone"))


def agency_to_api(agency: Agency) -> dict:
    return {
        "id": agency.id,
        "version": agency.version,
        "member": agency.member.code,
        "name": agency.name,
        "acronym": agency.acronym,
        "sector": agency.sector,
    }
