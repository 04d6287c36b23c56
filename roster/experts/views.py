"""Roster pages: list, detail, create, edit, delete."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm.exc import StaleDataError

from roster.auth.permissions import can_manage_experts, can_read_directory, is_rso
from roster.duplicates.merge import merged_into
from roster.errors import CONFLICT_MESSAGE, ValidationFailed, VersionConflict
from roster.experts import operations, queries
from roster.experts.forms import DeleteForm, expert_form
from roster.experts.models import Expert
from roster.experts.serializers import ordered_languages, ordered_windows
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.privacy.reads import record_read, record_search
from roster.reference.countries import country_names
from roster.reference.languages import language_name
from roster.reference.queries import thematic_area_name
from roster.search_pages import run_search


def country_name(code: str) -> str:
    """The country's English name, or the code itself when unknown."""
    return country_names().get(code, code)


def template_helpers() -> dict:
    """Names for codes, and the display order of languages and windows, in roster templates."""
    return {
        "country_name": country_name,
        "language_name": language_name,
        "ordered_languages": ordered_languages,
        "ordered_windows": ordered_windows,
        "thematic_area_name": thematic_area_name,
    }


def _load(expert_id: int) -> Expert:
    expert = queries.get_expert(expert_id)
    if expert is None:
        survivor = merged_into(expert_id)
        if survivor is not None:
            abort(redirect(url_for("experts.expert_detail", expert_id=survivor)))
        abort(404)
    return expert


@login_required
def expert_list():
    if not can_read_directory(current_user):
        abort(403)
    page = run_search(
        "experts",
        queries.expert_records_in_order,
        request.args,
        viewer_is_staff=is_rso(current_user),
    )
    record_search(current_user, "expert", request.args, len(page.records), page.total)
    template = (
        "experts/_search_live.html"
        if request.args.get("fragment") == "live"
        else "experts/experts.html"
    )
    return render_template(template, page=page), 422 if page.errors else 200


@login_required
def expert_detail(expert_id: int):
    expert = _load(expert_id)
    if not can_read_directory(current_user):
        abort(403)
    record_read(current_user, "expert", expert.id)
    return render_template("experts/expert.html", expert=expert)


@login_required
def expert_create():
    if not can_manage_experts(current_user):
        abort(403)
    form = expert_form()
    if form.validate_on_submit():
        try:
            expert = operations.create_expert(current_user, form.to_data())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash(f"{expert.full_name} added to the roster.")
            return redirect(url_for("experts.expert_detail", expert_id=expert.id))
    return render_template("experts/expert_form.html", form=form, expert=None), form_status(form)


@login_required
def expert_edit(expert_id: int):
    expert = _load(expert_id)
    if not can_manage_experts(current_user):
        abort(403)
    form = expert_form(expert)
    if form.validate_on_submit():
        try:
            operations.update_expert(current_user, expert, form.to_data(), form.submitted_version())
        except ValidationFailed as error:
            apply_errors(form, error)
        except (VersionConflict, StaleDataError):
            db.session.rollback()
            form = expert_form(_load(expert_id), from_database=True)
            form.form_errors.append(CONFLICT_MESSAGE)
            return render_template("experts/expert_form.html", form=form, expert=expert), 409
        else:
            db.session.commit()
            flash("Expert saved.")
            return redirect(url_for("experts.expert_detail", expert_id=expert.id))
    return render_template("experts/expert_form.html", form=form, expert=expert), form_status(form)


@login_required
def expert_delete(expert_id: int):
    expert = _load(expert_id)
    if not can_manage_experts(current_user):
        abort(403)
    form = DeleteForm()
    if form.validate_on_submit():
        name = expert.full_name
        operations.delete_expert(current_user, expert)
        db.session.commit()
        flash(f"{name} removed from the roster.")
        return redirect(url_for("experts.expert_list"))
    return render_template("experts/expert_delete.html", expert=expert, form=form)
