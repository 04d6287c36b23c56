"""Writes to activities, their assignments and participants; each flushes and leaves an audit
entry in the same transaction."""

from sqlalchemy import select

from roster.activities import bookings, replies
from roster.activities.cleaners import (
    clean_boolean,
    clean_choice,
    clean_id,
    clean_member,
    clean_rating,
    clean_whole_number,
)
from roster.activities.models import (
    ACTIVITY_STATUSES,
    ACTIVITY_TYPES,
    ASSIGNMENT_MOVES,
    ASSIGNMENT_STATUSES,
    Activity,
    ActivityLanguage,
    Assignment,
    Participant,
)
from roster.audit import operations as audit
from roster.database import utcnow
from roster.directory.models import FocalPoint
from roster.errors import ValidationFailed, VersionConflict
from roster.experts.models import Expert
from roster.extensions import db
from roster.reference.languages import strongest_first
from roster.validation import (
    FieldErrors,
    clean_date,
    clean_email,
    clean_languages,
    clean_text,
    clean_thematic_areas,
)

ACTIVITY_TEXT = {"title": 200, "description": 10_000, "city": 120}
MAX_EXPERTS_WANTED = 50
NOTE_LENGTH = 4000


# Activities -------------------------------------------------------------------------------------


def activity_snapshot(activity: Activity) -> dict:
    """The activity's editable state, as recorded in the audit trail."""
    return {
        "title": activity.title,
        "type": activity.type,
        "description": activity.description,
        "start": activity.start.isoformat(),
        "end": activity.end.isoformat(),
        "member": activity.member.code if activity.member else None,
        "city": activity.city,
        "online": activity.is_online,
        "thematic_areas": [area.code for area in activity.thematic_areas],
        "languages": [f"{item.code}:{item.level}" for item in strongest_first(activity.languages)],
        "experts_wanted": activity.experts_wanted,
        "status": activity.status,
    }


def clean_activity_data(data: dict, activity: Activity | None = None) -> dict:
    """Validate the fields in `data` (every field for a new activity), all errors at once."""
    errors = FieldErrors()
    values: dict = {}

    def wanted(field: str) -> bool:
        return activity is None or field in data

    for field, length in ACTIVITY_TEXT.items():
        if wanted(field):
            values[field] = errors.clean(
                field,
                clean_text,
                data.get(field),
                length,
                required=field == "title",
                multiline=field == "description",
            )
    if wanted("type"):
        values["type"] = errors.clean("type", clean_choice, data.get("type"), ACTIVITY_TYPES)
    for field in ("start", "end"):
        if wanted(field):
            values[field] = errors.clean(field, clean_date, data.get(field))
    if wanted("member"):
        values["member"] = errors.clean("member", clean_member, data.get("member"))
    if wanted("online"):
        values["is_online"] = errors.clean("online", clean_boolean, data.get("online", False))
    if wanted("thematic_areas"):
        values["thematic_areas"] = errors.clean(
            "thematic_areas", clean_thematic_areas, data.get("thematic_areas")
        )
    if wanted("languages"):
        values["languages"] = errors.clean("languages", clean_languages, data.get("languages"))
    if wanted("experts_wanted"):
        values["experts_wanted"] = errors.clean(
            "experts_wanted",
            clean_whole_number,
            data.get("experts_wanted", 1),
            0,
            MAX_EXPERTS_WANTED,
        )
    if wanted("status"):
        values["status"] = errors.clean(
            "status", clean_choice, data.get("status", "planned"), ACTIVITY_STATUSES
        )
    start = values.get("start", activity.start if activity else None)
    end = values.get("end", activity.end if activity else None)
    if start and end and end < start:
        errors.add("end", f"The activity ends ({end}) before it starts ({start}).")
    errors.raise_if_any()
    return values


def _set_languages(activity: Activity, languages: list[tuple[str, str]]) -> None:
    # Rows are changed in place: their key is (activity, code), so deleting and re-inserting the
    # same code within one flush would collide.
    wanted = dict(languages)
    for language in list(activity.languages):
        if language.code not in wanted:
            activity.languages.remove(language)
        elif language.level != wanted[language.code]:
            language.level = wanted[language.code]
    known = {language.code for language in activity.languages}
    for code, level in languages:
        if code not in known:
            activity.languages.append(ActivityLanguage(code=code, level=level))


def _apply(activity: Activity, values: dict) -> None:
    for field, value in values.items():
        if field == "languages":
            _set_languages(activity, value)
        else:
            setattr(activity, field, value)


def create_activity(actor, data: dict) -> Activity:
    """Plan an activity from API-shaped `data`."""
    values = clean_activity_data(data)
    activity = Activity()
    _apply(activity, values)
    db.session.add(activity)
    db.session.flush()
    audit.record_create(actor, "activity", activity.id, activity_snapshot(activity))
    return activity


def update_activity(actor, activity: Activity, data: dict, version: int) -> Activity:
    """Change the fields present in `data`; `version` is the one the client last read.

    New dates, or a cancelled activity coming back, must leave its confirmed experts free of
    overlapping bookings (Conflict otherwise).
    """
    if version != activity.version:
        raise VersionConflict(activity)
    values = clean_activity_data(data, activity)
    before = activity_snapshot(activity)
    moves_dates = any(
        field in values and values[field] != getattr(activity, field) for field in ("start", "end")
    )
    revives = activity.status == "cancelled" and values.get("status", "cancelled") != "cancelled"
    if moves_dates or revives:
        bookings.lock_rows(Activity, [activity.id])
    _apply(activity, values)
    activity.updated_at = utcnow()
    if (moves_dates or revives) and activity.status != "cancelled":
        bookings.check_new_dates(activity)
    db.session.flush()
    audit.record_update(actor, "activity", activity.id, before, activity_snapshot(activity))
    return activity


def delete_activity(actor, activity: Activity) -> None:
    """Delete the activity with its assignments and participants, each one audited."""
    for assignment in activity.assignments:
        audit.record_delete(actor, "assignment", assignment.id, assignment_snapshot(assignment))
    for participant in activity.participants:
        audit.record_delete(actor, "participant", participant.id, participant_snapshot(participant))
    audit.record_delete(actor, "activity", activity.id, activity_snapshot(activity))
    db.session.delete(activity)
    db.session.flush()


# Assignments ------------------------------------------------------------------------------------


def assignment_snapshot(assignment: Assignment) -> dict:
    return {
        "activity_id": assignment.activity_id,
        "expert_id": assignment.expert_id,
        "expert": assignment.expert.full_name,
        "status": assignment.status,
        "rating": assignment.rating,
        "note": assignment.note,
        "response": assignment.response,
    }


def add_assignment(actor, activity: Activity, data: dict) -> Assignment:
    """Put an expert on the activity's shortlist: {"expert_id", "note"?}."""
    errors = FieldErrors()
    expert_id = errors.clean("expert_id", clean_id, data.get("expert_id"), "an expert")
    note = errors.clean("note", clean_text, data.get("note"), NOTE_LENGTH, multiline=True)
    errors.raise_if_any()
    expert = db.session.get(Expert, expert_id)
    if expert is None:
        raise ValidationFailed({"expert_id": [f"There is no expert {expert_id}."]})
    if activity.status == "cancelled":
        raise ValidationFailed({"expert_id": ["The activity is cancelled."]})
    # Two people adding the same expert at once: the second waits here, then sees the first.
    bookings.lock_rows(Expert, [expert.id])
    existing = db.session.scalar(
        select(Assignment.status).where(
            Assignment.activity_id == activity.id, Assignment.expert_id == expert.id
        )
    )
    if existing is not None:
        raise ValidationFailed(
            {"expert_id": [f"{expert.full_name} is already on this activity ({existing})."]}
        )
    assignment = Assignment(activity=activity, expert=expert, status="shortlisted", note=note)
    db.session.add(assignment)
    db.session.flush()
    audit.record_create(actor, "assignment", assignment.id, assignment_snapshot(assignment))
    return assignment


def _move_error(current: str, wanted: str) -> str:
    allowed = ASSIGNMENT_MOVES[current]
    if not allowed:
        return f"Cannot move from {current} to {wanted}: {current} is final."
    return f"Cannot move from {current} to {wanted}: allowed moves are {', '.join(allowed)}."


def clean_assignment_change(assignment: Assignment, data: dict) -> dict:
    """Validate a change of status, rating or note against the allowed moves."""
    errors = FieldErrors()
    values: dict = {}
    status = assignment.status
    if "status" in data:
        wanted = data.get("status")
        if not isinstance(wanted, str) or wanted not in ASSIGNMENT_STATUSES:
            errors.add("status", f"Choose one of: {', '.join(ASSIGNMENT_STATUSES)}.")
        elif wanted != status and wanted not in ASSIGNMENT_MOVES[status]:
            errors.add("status", _move_error(status, wanted))
        else:
            status = values["status"] = wanted
    if "rating" in data:
        rating = errors.clean("rating", clean_rating, data.get("rating"))
        if rating is not None and status != "completed":
            errors.add("rating", "A rating is recorded once the assignment is completed.")
        values["rating"] = rating
    if "note" in data:
        values["note"] = errors.clean(
            "note", clean_text, data.get("note"), NOTE_LENGTH, multiline=True
        )
    errors.raise_if_any()
    return values


def update_assignment(actor, assignment: Assignment, data: dict, version: int) -> Assignment:
    """Move the assignment along and/or record its rating and note.

    Confirming checks, under a lock held until commit, that the expert is not confirmed for
    another activity overlapping this one (Conflict naming it otherwise).
    """
    if version != assignment.version:
        raise VersionConflict(assignment)
    values = clean_assignment_change(assignment, data)
    before = assignment_snapshot(assignment)
    status = values.pop("status", assignment.status)
    if status != assignment.status:
        if status == "confirmed":
            bookings.confirm(assignment)
        assignment.status = status
        setattr(assignment, f"{status}_at", utcnow())
        if status == "invited":
            replies.mail_invitation(assignment)
        elif status == "confirmed":
            replies.mail_confirmation(assignment)
    for field, value in values.items():
        setattr(assignment, field, value)
    assignment.updated_at = utcnow()
    db.session.flush()
    audit.record_update(actor, "assignment", assignment.id, before, assignment_snapshot(assignment))
    return assignment


# Participants -----------------------------------------------------------------------------------


def person_key(full_name: str, member_code: str, email: str) -> str:
    """Who the participant is across activities: their email, else their name within a member."""
    if email:
        key = f"email:{email.casefold()}"
    else:
        key = f"name:{member_code}:{' '.join(full_name.casefold().split())}"
    # Case folding can lengthen text ("ﬃ" -> "ffi"): keep within the column.
    return key[:480]


def participant_snapshot(participant: Participant) -> dict:
    return {
        "activity_id": participant.activity_id,
        "focal_point_id": participant.focal_point_id,
        "full_name": participant.full_name,
        "member": participant.member.code,
        "email": participant.email,
        "role": participant.role,
        "notes": participant.notes,
    }


def _participant_from_focal_point(raw_id, errors: FieldErrors) -> dict:
    focal_point_id = errors.clean("focal_point_id", clean_id, raw_id, "a focal point")
    if focal_point_id is None:
        return {}
    focal_point = db.session.get(FocalPoint, focal_point_id)
    if focal_point is None:
        errors.add("focal_point_id", f"There is no focal point {focal_point_id}.")
        return {}
    holder = focal_point.current_holder
    if holder is None:
        errors.add("focal_point_id", "Nobody holds this function now: name the participant.")
        return {}
    return {
        "focal_point": focal_point,
        "full_name": holder.full_name,
        "member": focal_point.member,
        "email": holder.email,
    }


def clean_participant_data(data: dict) -> dict:
    """{"focal_point_id"} or {"full_name", "member", "email"}, with optional "role", "notes"."""
    errors = FieldErrors()
    if data.get("focal_point_id") not in (None, ""):
        values = _participant_from_focal_point(data.get("focal_point_id"), errors)
    else:
        values = {
            "focal_point": None,
            "full_name": errors.clean(
                "full_name", clean_text, data.get("full_name"), 200, required=True
            ),
            "member": errors.clean("member", clean_member, data.get("member"), required=True),
            "email": errors.clean("email", clean_email, data.get("email")),
        }
    values["role"] = errors.clean("role", clean_text, data.get("role"), 120)
    values["notes"] = errors.clean(
        "notes", clean_text, data.get("notes"), NOTE_LENGTH, multiline=True
    )
    errors.raise_if_any()
    return values


def add_participant(actor, activity: Activity, data: dict) -> Participant:
    """Record someone who took part in the activity."""
    if activity.status == "cancelled":
        raise ValidationFailed({"activity": ["The activity is cancelled: nobody took part."]})
    values = clean_participant_data(data)
    key = person_key(values["full_name"], values["member"].code, values["email"] or "")
    if any(participant.person_key == key for participant in activity.participants):
        field = "focal_point_id" if values["focal_point"] else "full_name"
        raise ValidationFailed({field: [f"{values['full_name']} is already a participant."]})
    participant = Participant(
        activity=activity,
        focal_point=values["focal_point"],
        full_name=values["full_name"],
        member=values["member"],
        email=values["email"] or "",
        role=values["role"] or "",
        notes=values["notes"] or "",
        person_key=key,
    )
    db.session.add(participant)
    db.session.flush()
    audit.record_create(actor, "participant", participant.id, participant_snapshot(participant))
    return participant


def delete_participant(actor, participant: Participant) -> None:
    audit.record_delete(actor, "participant", participant.id, participant_snapshot(participant))
    db.session.delete(participant)
    db.session.flush()
