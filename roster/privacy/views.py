"""Privacy pages: the notice, and erasing a person with a confirmation step."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from roster.auth.permissions import can_erase_personal_data
from roster.directory.models import FocalPoint
from roster.errors import CONFLICT_MESSAGE, VersionConflict
from roster.experts.models import Expert
from roster.extensions import db
from roster.forms import form_status
from roster.privacy import erasure
from roster.privacy.forms import EraseForm
from roster.privacy.policy import may_see
from roster.validation import parse_id


def template_may_see(kind: str, record, field: str) -> bool:
    """`may_see` for the signed-in user, as templates ask it."""
    return may_see(current_user, kind, record, field)


def notice():
    return render_template(
        "privacy/notice.html",
        holder_retention_days=current_app.config["HOLDER_RETENTION_DAYS"],
        audit_retention_days=current_app.config["AUDIT_RETENTION_DAYS"],
    )


def _erase_page(record, kind: str, name: str, erase, done_url: str):
    if not can_erase_personal_data(current_user):
        abort(403)
    form = EraseForm(version=record.version)
    status = 200
    if form.validate_on_submit():
        try:
            erase(current_user, record, parse_id(form.version.data) or -1)
        except VersionConflict:
            db.session.rollback()
            form.form_errors.append(CONFLICT_MESSAGE)
            status = 409
        else:
            db.session.commit()
            flash("The personal data is erased; the audit trail keeps only the fact.")
            return redirect(done_url)
    context = {"form": form, "record": record, "kind": kind, "name": name}
    return render_template("privacy/erase.html", **context), (
        status if status != 200 else form_status(form)
    )


@login_required
def erase_expert(expert_id: int):
    expert = db.get_or_404(Expert, expert_id)
    return _erase_page(
        expert, "expert", expert.full_name, erasure.erase_expert, url_for("experts.expert_list")
    )


@login_required
def erase_focal_point(focal_point_id: int):
    focal_point = db.get_or_404(FocalPoint, focal_point_id)
    done = url_for("directory.focal_point_detail", focal_point_id=focal_point.id)
    return _erase_page(
        focal_point, "focal_point", focal_point.position, erasure.erase_focal_point, done
    )
