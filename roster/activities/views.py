"""Activity pages: list, detail with staffing and participants, forms, and the alumni network."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm.exc import StaleDataError

from roster.activities import operations, queries, ranking
from roster.activities.forms import (
    AddExpertForm,
    AssessmentForm,
    DeleteForm,
    MoveForm,
    ParticipantForm,
    activity_form,
    member_choices,
)
from roster.activities.models import (
    ACTIVITY_STATUSES,
    ASSIGNMENT_STATUSES,
    Activity,
    Assignment,
    Participant,
)
from roster.activities.periods import format_period
from roster.api.pagination import page_number
from roster.auth.permissions import can_manage_activities, can_read_directory
from roster.errors import CONFLICT_MESSAGE, Conflict, ValidationFailed, VersionConflict
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.reference.languages import strongest_first
from roster.reference.models import ThematicArea

PER_PAGE = 25
CANDIDATES_SHOWN = 20
CHANGED_MESSAGE = (
    "Someone else changed this assignment since the page was loaded: it now shows the current "
    "status. Try again if the move still applies."
)


def template_helpers() -> dict:
    return {
        "format_period": format_period,
        "activity_statuses": ACTIVITY_STATUSES,
        "assignment_statuses": ASSIGNMENT_STATUSES,
        "strongest_first": strongest_first,
    }


def _load_activity(activity_id: int) -> Activity:
    activity = queries.get_activity(activity_id)
    if activity is None:
        abort(404)
    return activity


@login_required
def activity_list():
    if not can_read_directory(current_user):
        abort(403)
    status = request.args.get("status", "")
    statement = queries.activities_statement(status if status in ACTIVITY_STATUSES else None)
    pagination = db.paginate(statement, page=page_number(), per_page=PER_PAGE, error_out=False)
    return render_template("activities/activities.html", pagination=pagination, status=status)


def _detail_page(activity: Activity, errors: list[str] | None = None, status: int = 200):
    manage = can_manage_activities(current_user)
    search = request.args.get("q", "").strip() if manage else ""
    candidates = ranking.candidates_for(activity) if manage else []
    page = render_template(
        "activities/activity.html",
        activity=activity,
        groups=queries.assignments_by_status(activity),
        participants=queries.participants_of(activity),
        candidates=candidates[:CANDIDATES_SHOWN],
        candidate_total=len(candidates),
        search=search,
        found=queries.experts_named(search) if search else [],
        assigned={assignment.expert_id for assignment in activity.assignments},
        errors=errors or [],
    )
    return page, status


@login_required
def activity_detail(activity_id: int):
    activity = _load_activity(activity_id)
    if not can_read_directory(current_user):
        abort(403)
    return _detail_page(activity)


@login_required
def activity_create():
    if not can_manage_activities(current_user):
        abort(403)
    form = activity_form()
    if form.validate_on_submit():
        try:
            activity = operations.create_activity(current_user, form.to_data())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash(f"“{activity.title}” planned.")
            return redirect(url_for("activities.activity_detail", activity_id=activity.id))
    page = render_template("activities/activity_form.html", form=form, activity=None)
    return page, form_status(form)


@login_required
def activity_edit(activity_id: int):
    activity = _load_activity(activity_id)
    if not can_manage_activities(current_user):
        abort(403)
    form = activity_form(activity)
    status = 200
    if form.validate_on_submit():
        try:
            operations.update_activity(
                current_user, activity, form.to_data(), form.submitted_version()
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        except Conflict as error:
            db.session.rollback()
            form.form_errors.append(error.detail)
            status = 409
        except (VersionConflict, StaleDataError):
            db.session.rollback()
            activity = _load_activity(activity_id)
            form = activity_form(activity, from_database=True)
            form.form_errors.append(CONFLICT_MESSAGE)
            status = 409
        else:
            db.session.commit()
            flash("Activity saved.")
            return redirect(url_for("activities.activity_detail", activity_id=activity.id))
    page = render_template("activities/activity_form.html", form=form, activity=activity)
    return page, status if status != 200 else form_status(form)


@login_required
def activity_delete(activity_id: int):
    activity = _load_activity(activity_id)
    if not can_manage_activities(current_user):
        abort(403)
    form = DeleteForm()
    if form.validate_on_submit():
        title = activity.title
        operations.delete_activity(current_user, activity)
        db.session.commit()
        flash(f"“{title}” deleted.")
        return redirect(url_for("activities.activity_list"))
    return render_template("activities/activity_delete.html", activity=activity, form=form)


# Staffing ---------------------------------------------------------------------------------------


def _messages(error: ValidationFailed) -> list[str]:
    return [message for messages in error.errors.values() for message in messages]


@login_required
def assignment_add(activity_id: int):
    activity = _load_activity(activity_id)
    if not can_manage_activities(current_user):
        abort(403)
    form = AddExpertForm()
    if not form.validate_on_submit():
        return _detail_page(activity, ["The form expired: please try again."], 400)
    try:
        assignment = operations.add_assignment(current_user, activity, form.data)
    except ValidationFailed as error:
        db.session.rollback()
        return _detail_page(_load_activity(activity_id), _messages(error), 422)
    db.session.commit()
    flash(f"{assignment.expert.full_name} added to the shortlist.")
    return redirect(url_for("activities.activity_detail", activity_id=activity_id))


def _load_assignment(assignment_id: int) -> Assignment:
    return db.get_or_404(Assignment, assignment_id)


@login_required
def assignment_move(assignment_id: int):
    assignment = _load_assignment(assignment_id)
    if not can_manage_activities(current_user):
        abort(403)
    activity_id = assignment.activity_id
    form = MoveForm()
    if not form.validate_on_submit():
        return _detail_page(_load_activity(activity_id), ["The form expired: try again."], 400)
    data = {"status": form.status.data}
    try:
        operations.update_assignment(current_user, assignment, data, form.submitted_version())
    except ValidationFailed as error:
        db.session.rollback()
        return _detail_page(_load_activity(activity_id), _messages(error), 422)
    except Conflict as error:
        db.session.rollback()
        return _detail_page(_load_activity(activity_id), [error.detail], 409)
    except (VersionConflict, StaleDataError):
        db.session.rollback()
        return _detail_page(_load_activity(activity_id), [CHANGED_MESSAGE], 409)
    db.session.commit()
    flash(f"{assignment.expert.full_name}: {assignment.status_label.lower()}.")
    return redirect(url_for("activities.activity_detail", activity_id=activity_id))


def _assessment_form(assignment: Assignment, formdata=None) -> AssessmentForm:
    """The assessment form: as submitted, else (formdata=None) as stored."""
    initial = {
        "rating": str(assignment.rating or ""),
        "note": assignment.note,
        "version": assignment.version,
    }
    if formdata is None:
        return AssessmentForm(formdata=None, data=initial)
    return AssessmentForm(data=initial)


@login_required
def assignment_assess(assignment_id: int):
    assignment = _load_assignment(assignment_id)
    if not can_manage_activities(current_user):
        abort(403)
    completed = assignment.status == "completed"
    form = _assessment_form(assignment, formdata=request.form)
    status = 200
    if form.validate_on_submit():
        try:
            operations.update_assignment(
                current_user, assignment, form.to_data(completed), form.submitted_version()
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        except (VersionConflict, StaleDataError):
            db.session.rollback()
            assignment = _load_assignment(assignment_id)
            form = _assessment_form(assignment)
            form.form_errors.append(CONFLICT_MESSAGE)
            status = 409
        else:
            db.session.commit()
            flash("Assessment saved.")
            return redirect(
                url_for("activities.activity_detail", activity_id=assignment.activity_id)
            )
    page = render_template(
        "activities/assessment_form.html", form=form, assignment=assignment, completed=completed
    )
    return page, status if status != 200 else form_status(form)


# Participants and alumni ------------------------------------------------------------------------


@login_required
def participant_add(activity_id: int):
    activity = _load_activity(activity_id)
    if not can_manage_activities(current_user):
        abort(403)
    form = ParticipantForm()
    form.focal_point_id.choices = [("", "— someone else —")] + [
        (
            str(focal_point.id),
            f"{focal_point.member.name}: {focal_point.current_holder.full_name}, "
            f"{focal_point.position}",
        )
        for focal_point in queries.focal_points_for_choice()
        if focal_point.current_holder is not None
    ]
    if form.validate_on_submit():
        try:
            participant = operations.add_participant(current_user, activity, form.to_data())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash(f"{participant.full_name} recorded as a participant.")
            return redirect(url_for("activities.activity_detail", activity_id=activity_id))
    page = render_template("activities/participant_form.html", form=form, activity=activity)
    return page, form_status(form)


@login_required
def participant_delete(participant_id: int):
    participant = db.get_or_404(Participant, participant_id)
    if not can_manage_activities(current_user):
        abort(403)
    activity_id = participant.activity_id
    if DeleteForm().validate_on_submit():
        name = participant.full_name
        operations.delete_participant(current_user, participant)
        db.session.commit()
        flash(f"{name} removed from the participants.")
    return redirect(url_for("activities.activity_detail", activity_id=activity_id))


@login_required
def alumni():
    if not can_read_directory(current_user):
        abort(403)
    errors: list[str] = []
    try:
        member, thematic_area = queries.alumni_filters(request.args)
    except ValidationFailed as error:
        errors = _messages(error)
        member = thematic_area = None
    pagination = db.paginate(
        queries.alumni_statement(member, thematic_area),
        page=page_number(),
        per_page=PER_PAGE,
        error_out=False,
    )
    areas = list(db.session.scalars(db.select(ThematicArea).order_by(ThematicArea.position)))
    return render_template(
        "activities/alumni.html",
        pagination=pagination,
        people=queries.alumni(list(pagination.items), member, thematic_area),
        members=member_choices("All members"),
        areas=areas,
        area_names={area.code: area.name for area in areas},
        member=member,
        thematic_area=thematic_area,
        errors=errors,
    ), (422 if errors else 200)
