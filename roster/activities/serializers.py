"""Activities, assignments, participants and candidates as the API shows them (see API.md)."""

from roster.activities.models import Activity, Assignment, Participant
from roster.activities.ranking import Candidate
from roster.privacy.policy import shown
from roster.reference.languages import strongest_first


def _iso(value):
    return value.isoformat() if value is not None else None


def activity_to_api(activity: Activity) -> dict:
    return {
        "id": activity.id,
        "version": activity.version,
        "title": activity.title,
        "type": activity.type,
        "description": activity.description,
        "start": _iso(activity.start),
        "end": _iso(activity.end),
        "member": activity.member.code if activity.member else None,
        "city": activity.city,
        "online": activity.is_online,
        "thematic_areas": [area.code for area in activity.thematic_areas],
        "languages": [
            {"code": item.code, "level": item.level} for item in strongest_first(activity.languages)
        ],
        "experts_wanted": activity.experts_wanted,
        "status": activity.status,
        "created_at": _iso(activity.created_at),
        "updated_at": _iso(activity.updated_at),
    }


def assignment_to_api(assignment: Assignment, viewer) -> dict:
    """The assignment as `viewer` may see it (its rating and note are the office's own)."""
    expert = assignment.expert
    body = {
        "id": assignment.id,
        "version": assignment.version,
        "activity_id": assignment.activity_id,
        "expert_id": assignment.expert_id,
        "expert": {
            "id": expert.id,
            "full_name": expert.full_name,
            "nationality": expert.nationality,
            "organisation": expert.organisation,
        },
        "status": assignment.status,
        "shortlisted_at": _iso(assignment.created_at),
        "invited_at": _iso(assignment.invited_at),
        "confirmed_at": _iso(assignment.confirmed_at),
        "completed_at": _iso(assignment.completed_at),
        "declined_at": _iso(assignment.declined_at),
        "withdrawn_at": _iso(assignment.withdrawn_at),
        "response": assignment.response,
        "responded_at": _iso(assignment.responded_at),
        "allowed_moves": list(assignment.allowed_moves),
        "updated_at": _iso(assignment.updated_at),
        "rating": assignment.rating,
        "note": assignment.note,
    }
    return shown(viewer, "assignment", assignment, body, ("rating", "note"))


def participant_to_api(participant: Participant, viewer) -> dict:
    """The participant as `viewer` may see it (notes are the office's own)."""
    body = {
        "id": participant.id,
        "activity_id": participant.activity_id,
        "focal_point_id": participant.focal_point_id,
        "full_name": participant.full_name,
        "member": participant.member.code,
        "email": participant.email,
        "role": participant.role,
        "notes": participant.notes,
        "created_at": _iso(participant.created_at),
    }
    return shown(viewer, "participant", participant, body, ("notes",))


def candidate_to_api(candidate: Candidate) -> dict:
    profile = candidate.profile
    return {
        "expert": {
            "id": profile.id,
            "full_name": profile.full_name,
            "nationality": profile.nationality,
            "organisation": profile.organisation,
            "position": profile.position,
        },
        "has_consent": profile.has_consent,
        "score": candidate.score,
        "components": candidate.components,
        "reasons": candidate.reasons,
    }


def alumnus_to_api(person: dict) -> dict:
    """A person of the alumni network (from queries.alumni) with ISO dates."""
    activities = [
        {**item, "start": _iso(item["start"]), "end": _iso(item["end"])}
        for item in person["activities"]
    ]
    return {**person, "activities": activities}
