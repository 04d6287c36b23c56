"""Admin pages for the taxonomy and the membership."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from roster.auth.permissions import can_manage_reference_data
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.reference import operations
from roster.reference.forms import MemberForm, ThematicAreaForm
from roster.reference.models import ThematicArea


@login_required
def thematic_areas():
    if not can_manage_reference_data(current_user):
        abort(403)
    form = ThematicAreaForm()
    if form.validate_on_submit():
        try:
            operations.add_thematic_area(current_user, form.code.data, form.name.data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash("Thematic area added.")
            return redirect(url_for("reference.thematic_areas"))
    areas = db.session.scalars(select(ThematicArea).order_by(ThematicArea.position)).all()
    return render_template("admin/thematic_areas.html", areas=areas, form=form), form_status(form)


@login_required
def member_create():
    if not can_manage_reference_data(current_user):
        abort(403)
    form = MemberForm()
    if form.validate_on_submit():
        try:
            member = operations.add_member(
                current_user, form.code.data, form.name.data, form.kind.data, form.status.data
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash(f"{member.name} added.")
            return redirect(url_for("directory.member_list"))
    return render_template("admin/member_form.html", form=form), form_status(form)
