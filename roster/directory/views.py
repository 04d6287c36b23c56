"""Directory pages: members, agencies, focal points and their history."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from roster.auth.permissions import (
    can_create_focal_points,
    can_edit_focal_point,
    can_edit_member_records,
    can_read_directory,
    editable_member_ids,
    is_rso,
)
from roster.directory import operations, queries
from roster.directory.forms import AgencyForm, FocalPointForm, HandoverForm
from roster.directory.models import Agency, FocalPoint
from roster.errors import CONFLICT_MESSAGE, ValidationFailed, VersionConflict
from roster.extensions import db
from roster.forms import (
    apply_errors,
    form_status,
    language_rows_data,
    languages_initial,
    prepare_language_rows,
)
from roster.freshness import buckets
from roster.privacy.reads import record_read, record_search
from roster.reference.models import ThematicArea
from roster.reference.queries import thematic_area_name
from roster.search_pages import run_search
from roster.validation import parse_id


def home():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    return redirect(url_for("directory.member_list"))


@login_required
def member_list():
    if not can_read_directory(current_user):
        abort(403)
    return render_template("directory/members.html", rows=queries.members_with_counts())


def _load_member(code: str):
    member = queries.member_by_code(code)
    if member is None:
        abort(404)
    return member


@login_required
def member_detail(code: str):
    member = _load_member(code)
    if not can_read_directory(current_user):
        abort(403)
    return render_template(
        "directory/member.html",
        member=member,
        agencies=queries.member_agencies(member),
        can_edit=can_edit_member_records(current_user, member.id),
    )


# Agencies ---------------------------------------------------------------------------------------


@login_required
def agency_create(code: str):
    member = _load_member(code)
    if not can_edit_member_records(current_user, member.id):
        abort(403)
    form = AgencyForm()
    if form.validate_on_submit():
        try:
            operations.create_agency(current_user, member, form.data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash("Agency added.")
            return redirect(url_for("directory.member_detail", code=member.code))
    return render_template(
        "directory/agency_form.html", form=form, member=member, agency=None
    ), form_status(form)


def _load_agency(agency_id: int) -> Agency:
    return db.get_or_404(Agency, agency_id)


@login_required
def agency_edit(agency_id: int):
    agency = _load_agency(agency_id)
    if not can_edit_member_records(current_user, agency.member_id):
        abort(403)
    form = AgencyForm(obj=agency)
    status = 200
    if form.validate_on_submit():
        try:
            operations.update_agency(current_user, agency, form.data, _posted_version(form))
        except ValidationFailed as error:
            apply_errors(form, error)
        except VersionConflict:
            db.session.rollback()
            form = AgencyForm(formdata=None, obj=db.session.get(Agency, agency_id))
            form.form_errors.append(CONFLICT_MESSAGE)
            status = 409
        else:
            db.session.commit()
            flash("Agency saved.")
            return redirect(url_for("directory.member_detail", code=agency.member.code))
    return render_template(
        "directory/agency_form.html", form=form, member=agency.member, agency=agency
    ), status if status != 200 else form_status(form)


@login_required
def agency_delete(agency_id: int):
    agency = _load_agency(agency_id)
    if not can_edit_member_records(current_user, agency.member_id):
        abort(403)
    code = agency.member.code
    try:
        operations.delete_agency(current_user, agency)
    except ValidationFailed as error:
        flash(" ".join(error.errors["agency"]))
        return redirect(url_for("directory.agency_edit", agency_id=agency.id))
    db.session.commit()
    flash("Agency deleted.")
    return redirect(url_for("directory.member_detail", code=code))


def _posted_version(form) -> int:
    return parse_id(form.version.data) or -1


# Focal points -----------------------------------------------------------------------------------


@login_required
def focal_point_list():
    if not can_read_directory(current_user):
        abort(403)
    page = run_search(
        "focal_points",
        queries.focal_point_records_in_order,
        request.args,
        viewer_is_staff=is_rso(current_user),
    )
    record_search(current_user, "focal_point", request.args, len(page.records), page.total)
    template = (
        "directory/_search_live.html"
        if request.args.get("fragment") == "live"
        else "directory/focal_points.html"
    )
    context = {
        "page": page,
        "member_name": queries.member_name,
        "thematic_area_name": thematic_area_name,
        "freshness_name": buckets.BUCKETS.get,
    }
    return render_template(template, **context), 422 if page.errors else 200


def _load_focal_point(focal_point_id: int) -> FocalPoint:
    return db.get_or_404(FocalPoint, focal_point_id)


@login_required
def focal_point_detail(focal_point_id: int):
    focal_point = _load_focal_point(focal_point_id)
    if not can_read_directory(current_user):
        abort(403)
    record_read(current_user, "focal_point", focal_point.id)
    return render_template(
        "directory/focal_point.html",
        focal_point=focal_point,
        can_edit=can_edit_focal_point(current_user, focal_point),
    )


def _prepare_focal_point_form(form: FocalPointForm) -> None:
    members = queries.editable_members(editable_member_ids(current_user))
    form.member.choices = [(member.code, member.name) for member in members]
    form.agency_id.choices = [("", "—")] + [
        (str(agency.id), f"{agency.member.name}: {agency.name}")
        for agency in queries.agencies_of(members)
    ]
    form.thematic_areas.choices = [
        (area.code, area.name)
        for area in db.session.scalars(db.select(ThematicArea).order_by(ThematicArea.position))
    ]
    prepare_language_rows(form.languages)


def _focal_point_data(form: FocalPointForm) -> dict:
    data = {
        field: form[field].data
        for field in (
            "position",
            "shared_mailbox",
            "full_name",
            "name_local",
            "email",
            "phone",
            "holder_since",
            "thematic_areas",
        )
    }
    data["languages"] = language_rows_data(form.languages)
    data["visibility"] = form.visibility_data()
    if form.new_agency.data:
        data["agency"] = form.new_agency.data
    else:
        data["agency_id"] = form.agency_id.data
    return data


@login_required
def focal_point_create():
    if not can_create_focal_points(current_user):
        abort(403)
    form = FocalPointForm(member=request.args.get("member"))
    _prepare_focal_point_form(form)
    if form.validate_on_submit():
        member = operations.find_member(form.member.data)
        if member is None or not can_edit_member_records(current_user, member.id):
            abort(403)
        try:
            focal_point = operations.create_focal_point(
                current_user, member, _focal_point_data(form)
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash("Focal point added.")
            return redirect(url_for("directory.focal_point_detail", focal_point_id=focal_point.id))
    return render_template(
        "directory/focal_point_form.html", form=form, focal_point=None
    ), form_status(form)


def _edit_form(focal_point: FocalPoint, formdata=None) -> FocalPointForm:
    holder = focal_point.current_holder
    initial = {
        "member": focal_point.member.code,
        "agency_id": str(focal_point.agency_id),
        "position": focal_point.position,
        "shared_mailbox": focal_point.shared_mailbox,
        "full_name": holder.full_name if holder else "",
        "name_local": holder.name_local if holder else "",
        "email": holder.email if holder else "",
        "phone": holder.phone if holder else "",
        "email_visibility": focal_point.email_visibility,
        "phone_visibility": focal_point.phone_visibility,
        "thematic_areas": [area.code for area in focal_point.thematic_areas],
        "languages": languages_initial(focal_point.languages),
        "version": focal_point.version,
    }
    if formdata is None:
        return FocalPointForm(formdata=None, data=initial)
    return FocalPointForm(data=initial)


@login_required
def focal_point_edit(focal_point_id: int):
    focal_point = _load_focal_point(focal_point_id)
    if not can_edit_focal_point(current_user, focal_point):
        abort(403)
    form = _edit_form(focal_point, formdata=request.form)
    _prepare_focal_point_form(form)
    status = 200
    if form.validate_on_submit():
        data = _focal_point_data(form)
        data.pop("holder_since")
        try:
            operations.update_focal_point(
                current_user, focal_point, data, _posted_version(form), handover=False
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        except VersionConflict:
            db.session.rollback()
            form = _edit_form(db.session.get(FocalPoint, focal_point_id))
            _prepare_focal_point_form(form)
            form.form_errors.append(CONFLICT_MESSAGE)
            status = 409
        else:
            db.session.commit()
            flash("Focal point saved.")
            return redirect(url_for("directory.focal_point_detail", focal_point_id=focal_point.id))
    return render_template(
        "directory/focal_point_form.html", form=form, focal_point=focal_point
    ), status if status != 200 else form_status(form)


@login_required
def focal_point_handover(focal_point_id: int):
    focal_point = _load_focal_point(focal_point_id)
    if not can_edit_focal_point(current_user, focal_point):
        abort(403)
    form = HandoverForm(version=focal_point.version)
    status = 200
    if form.validate_on_submit():
        try:
            operations.hand_over(current_user, focal_point, form.data, _posted_version(form))
        except ValidationFailed as error:
            apply_errors(form, error)
        except VersionConflict:
            db.session.rollback()
            form = HandoverForm(formdata=None, version=focal_point.version)
            form.form_errors.append(CONFLICT_MESSAGE)
            status = 409
        else:
            db.session.commit()
            flash("The new holder is recorded; the previous one stays in the history.")
            return redirect(url_for("directory.focal_point_detail", focal_point_id=focal_point.id))
    return render_template(
        "directory/handover_form.html", form=form, focal_point=focal_point
    ), status if status != 200 else form_status(form)


@login_required
def focal_point_delete(focal_point_id: int):
    focal_point = _load_focal_point(focal_point_id)
    if not can_edit_focal_point(current_user, focal_point):
        abort(403)
    if request.method == "GET":
        return render_template("directory/focal_point_delete.html", focal_point=focal_point)
    code = focal_point.member.code
    operations.delete_focal_point(current_user, focal_point)
    db.session.commit()
    flash("Focal point deleted.")
    return redirect(url_for("directory.member_detail", code=code))


@login_required
def focal_point_history(focal_point_id: int):
    focal_point = _load_focal_point(focal_point_id)
    if not can_read_directory(current_user):
        abort(403)
    record_read(current_user, "focal_point", focal_point.id)
    return render_template("directory/focal_point_history.html", focal_point=focal_point)
