"""Activities, their staffing and participants, and the alumni network through the API."""

from flask import Response, abort, request, url_for

from roster.activities import calendar, operations, queries, ranking
from roster.activities.index import activities_in_order
from roster.activities.models import Activity, Assignment, Participant
from roster.activities.serializers import (
    activity_to_api,
    alumnus_to_api,
    assignment_to_api,
    candidate_to_api,
    participant_to_api,
)
from roster.api.auth import api_user, body_version, json_body, require
from roster.api.pagination import collection, page_args, paginate_query
from roster.auth.permissions import can_manage_activities, can_read_directory
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.search import queries as search


def _load_activity(activity_id: int) -> Activity:
    activity = queries.get_activity(activity_id)
    if activity is None:
        abort(404, description=f"There is no activity {activity_id}.")
    return activity


def _load(model, record_id: int, name: str):
    record = db.session.get(model, record_id)
    if record is None:
        abort(404, description=f"There is no {name} {record_id}.")
    return record


# Activities -------------------------------------------------------------------------------------


def activity_list():
    require(can_read_directory(api_user()))
    page, per_page = page_args()
    wanted = search.parse("activities", request.args)
    result = search.search("activities", wanted, page, per_page, highlight=False)
    return collection(
        [activity_to_api(activity) for activity in activities_in_order(result.ids)],
        page,
        per_page,
        result.total,
        meta={"engine": result.engine},
        facets=result.facets,
    )


def activity_create():
    user = api_user()
    require(can_manage_activities(user))
    activity = operations.create_activity(user, json_body())
    db.session.commit()
    location = url_for("activities_api.activity_detail", activity_id=activity.id)
    return activity_to_api(activity), 201, {"Location": location}


def activity_detail(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_read_directory(user))
    answer_format = request.args.get("format", "json")
    if answer_format == "ics":
        disposition = f'attachment; filename="{calendar.filename(activity)}"'
        return Response(
            calendar.activity_calendar(activity),
            content_type=f"{calendar.CONTENT_TYPE}; charset=utf-8",
            headers={"Content-Disposition": disposition},
        )
    if answer_format != "json":
        raise ValidationFailed({"format": ["Use json or ics."]})
    return activity_to_api(activity)


def activity_update(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_manage_activities(user))
    body = json_body()
    operations.update_activity(user, activity, body, body_version(body))
    db.session.commit()
    return activity_to_api(activity)


def activity_delete(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_manage_activities(user))
    operations.delete_activity(user, activity)
    db.session.commit()
    return "", 204


def candidate_list(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_manage_activities(user))
    page, per_page = page_args()
    candidates = ranking.candidates_for(activity)
    chunk = candidates[(page - 1) * per_page : page * per_page]
    return collection([candidate_to_api(item) for item in chunk], page, per_page, len(candidates))


# Assignments ------------------------------------------------------------------------------------


def assignment_list(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_read_directory(user))
    page, per_page = page_args(default_per_page=100)
    assignments = queries.assignments_of(activity)
    chunk = assignments[(page - 1) * per_page : page * per_page]
    items = [assignment_to_api(item, user) for item in chunk]
    return collection(items, page, per_page, len(assignments))


def assignment_create(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_manage_activities(user))
    assignment = operations.add_assignment(user, activity, json_body())
    db.session.commit()
    location = url_for("activities_api.assignment_detail", assignment_id=assignment.id)
    return assignment_to_api(assignment, user), 201, {"Location": location}


def assignment_detail(assignment_id: int):
    user = api_user()
    assignment = _load(Assignment, assignment_id, "assignment")
    require(can_read_directory(user))
    return assignment_to_api(assignment, user)


def assignment_update(assignment_id: int):
    user = api_user()
    assignment = _load(Assignment, assignment_id, "assignment")
    require(can_manage_activities(user))
    body = json_body()
    operations.update_assignment(user, assignment, body, body_version(body))
    db.session.commit()
    return assignment_to_api(assignment, user)


# Participants and alumni ------------------------------------------------------------------------


def participant_list(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_read_directory(user))
    page, per_page = page_args(default_per_page=100)
    participants = queries.participants_of(activity)
    chunk = participants[(page - 1) * per_page : page * per_page]
    return collection(
        [participant_to_api(item, user) for item in chunk], page, per_page, len(participants)
    )


def participant_create(activity_id: int):
    user = api_user()
    activity = _load_activity(activity_id)
    require(can_manage_activities(user))
    participant = operations.add_participant(user, activity, json_body())
    db.session.commit()
    location = url_for(
        "activities_api.participant_list", activity_id=activity.id, _anchor=str(participant.id)
    )
    return participant_to_api(participant, user), 201, {"Location": location}


def participant_delete(participant_id: int):
    user = api_user()
    participant = _load(Participant, participant_id, "participant")
    require(can_manage_activities(user))
    operations.delete_participant(user, participant)
    db.session.commit()
    return "", 204


def alumni_list():
    require(can_read_directory(api_user()))
    page, per_page = page_args()
    member, thematic_area = queries.alumni_filters(request.args)
    keys, total = paginate_query(queries.alumni_statement(member, thematic_area), page, per_page)
    people = queries.alumni(keys, member, thematic_area)
    return collection([alumnus_to_api(person) for person in people], page, per_page, total)
