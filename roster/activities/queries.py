"""Reading activities, their assignments and participants, and the alumni network."""

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from roster.activities.cleaners import clean_member
from roster.activities.models import (
    ASSIGNMENT_STATUSES,
    Activity,
    Assignment,
    Participant,
    activity_thematic_areas,
)
from roster.directory.models import Agency, FocalPoint
from roster.experts.models import Expert
from roster.extensions import db
from roster.reference.models import Member, ThematicArea
from roster.validation import FieldErrors

_WITH_DETAILS = (
    selectinload(Activity.member),
    selectinload(Activity.thematic_areas),
    selectinload(Activity.languages),
)
EXPERT_SEARCH_LIMIT = 20


def get_activity(activity_id: int) -> Activity | None:
    return db.session.get(Activity, activity_id, options=_WITH_DETAILS)


def activities_statement(status: str | None = None) -> Select:
    """Activities, latest first (by start date, then id)."""
    statement = select(Activity).options(*_WITH_DETAILS)
    if status:
        statement = statement.where(Activity.status == status)
    return statement.order_by(Activity.start.desc(), Activity.id.desc())


def assignments_of(activity: Activity) -> list[Assignment]:
    """The activity's assignments with their experts, in status order, then by name."""
    order = {status: position for position, status in enumerate(ASSIGNMENT_STATUSES)}
    assignments = db.session.scalars(
        select(Assignment)
        .join(Assignment.expert)
        .options(selectinload(Assignment.expert))
        .where(Assignment.activity_id == activity.id)
        .order_by(Expert.full_name, Assignment.id)
    ).all()
    return sorted(assignments, key=lambda assignment: order[assignment.status])


def assignments_by_status(activity: Activity) -> dict[str, list[Assignment]]:
    """{status: [assignment, ...]} for the statuses that have any, in the workflow's order."""
    groups: dict[str, list[Assignment]] = {}
    for assignment in assignments_of(activity):
        groups.setdefault(assignment.status, []).append(assignment)
    return groups


def participants_of(activity: Activity) -> list[Participant]:
    return list(
        db.session.scalars(
            select(Participant)
            .options(selectinload(Participant.member))
            .where(Participant.activity_id == activity.id)
            .order_by(Participant.full_name, Participant.id)
        )
    )


def experts_named(text: str, limit: int = EXPERT_SEARCH_LIMIT) -> list[Expert]:
    """Experts whose name (Latin or local script) contains every word of `text`."""
    words = text.casefold().split()
    if not words:
        return []
    statement = select(Expert)
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(
            func.lower(Expert.full_name).like(pattern, escape="\\")
            | func.lower(Expert.name_local).like(pattern, escape="\\")
        )
    return list(db.session.scalars(statement.order_by(Expert.full_name, Expert.id).limit(limit)))


def focal_points_for_choice() -> list[FocalPoint]:
    """Focal points with a holder, by member and agency, for the participant form."""
    return list(
        db.session.scalars(
            select(FocalPoint)
            .join(FocalPoint.member)
            .join(FocalPoint.agency)
            .options(selectinload(FocalPoint.holders), selectinload(FocalPoint.member))
            .order_by(Member.name, Agency.name, FocalPoint.position, FocalPoint.id)
        )
    )


# Alumni -----------------------------------------------------------------------------------------


def alumni_filters(args) -> tuple[Member | None, ThematicArea | None]:
    """The member and thematic area named in the query string; ValidationFailed when unknown."""
    errors = FieldErrors()
    member = errors.clean("member", clean_member, args.get("member"))
    thematic_area = None
    code = args.get("thematic_area")
    if code:
        thematic_area = db.session.scalar(select(ThematicArea).where(ThematicArea.code == code))
        if thematic_area is None:
            errors.add("thematic_area", f"Unknown thematic area {code!r}.")
    errors.raise_if_any()
    return member, thematic_area


def _alumni_conditions(member: Member | None, thematic_area: ThematicArea | None) -> list:
    conditions = [Activity.status != "cancelled"]
    if member is not None:
        conditions.append(Participant.member_id == member.id)
    if thematic_area is not None:
        conditions.append(
            Activity.id.in_(
                select(activity_thematic_areas.c.activity_id).where(
                    activity_thematic_areas.c.thematic_area_id == thematic_area.id
                )
            )
        )
    return conditions


def alumni_statement(member: Member | None = None, thematic_area: ThematicArea | None = None):
    """SELECT of person keys of everyone who took part in an activity that was not cancelled,
    optionally from one member or in activities on one thematic area; by name."""
    return (
        select(Participant.person_key)
        .join(Activity, Activity.id == Participant.activity_id)
        .where(*_alumni_conditions(member, thematic_area))
        .group_by(Participant.person_key)
        .order_by(func.min(Participant.full_name), Participant.person_key)
    )


def alumni(keys: list[str], member=None, thematic_area=None) -> list[dict]:
    """The people behind `keys` (in that order), each with the activities they took part in
    that match the same filters, earliest first."""
    rows = db.session.execute(
        select(Participant, Activity)
        .join(Activity, Activity.id == Participant.activity_id)
        .options(selectinload(Participant.member), selectinload(Activity.thematic_areas))
        .where(Participant.person_key.in_(keys), *_alumni_conditions(member, thematic_area))
        .order_by(Activity.start, Activity.id, Participant.id)
    ).all()
    people: dict[str, dict] = {key: {"activities": []} for key in keys}
    for participant, activity in rows:
        person = people[participant.person_key]
        # The latest participation names the person as they are now.
        person.update(
            full_name=participant.full_name,
            member=participant.member.code,
            email=participant.email,
        )
        if participant.focal_point_id is not None:
            person["focal_point_id"] = participant.focal_point_id
        person["activities"].append(
            {
                "id": activity.id,
                "title": activity.title,
                "type": activity.type,
                "start": activity.start,
                "end": activity.end,
                "thematic_areas": [area.code for area in activity.thematic_areas],
                "role": participant.role,
            }
        )
    return [
        {
            "full_name": people[key]["full_name"],
            "member": people[key]["member"],
            "email": people[key]["email"],
            "focal_point_id": people[key].get("focal_point_id"),
            "activities": people[key]["activities"],
        }
        for key in keys
        if people[key]["activities"]
    ]
