"""The self-service page an expert reaches through their link, and the staff side of it."""

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from roster.auth.permissions import can_manage_experts, can_read_cv
from roster.errors import ValidationFailed
from roster.experts.models import Expert
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.links import LinkExpired, LinkInvalid
from roster.profiles import cv, operations
from roster.profiles.forms import profile_form

# Room for the other fields of the form beside the largest CV.
FORM_OVERHEAD = 256 * 1024


def _problem(reason: str):
    status = 410 if reason == "expired" else 404
    return render_template("freshness/link_problem.html", reason=reason, for_expert=True), status


def _too_large(profile_request):
    form = profile_form(profile_request.expert, submitted=False)
    form.cv.errors = ["The upload is too large: upload a smaller CV."]
    page = render_template("profiles/form.html", form=form, expert=profile_request.expert)
    return page, 413


def update_profile(token: str):
    try:
        profile_request = operations.open_link(token)
    except LinkExpired:
        return _problem("expired")
    except LinkInvalid:
        return _problem("invalid")
    expert = profile_request.expert
    request.max_content_length = current_app.config["CV_MAX_BYTES"] + FORM_OVERHEAD
    try:
        request.form  # noqa: B018  (parse now, within this page's own size limit)
    except RequestEntityTooLarge:
        return _too_large(profile_request)
    form = profile_form(expert, submitted=request.method == "POST")
    if form.validate_on_submit():
        try:
            operations.save_profile(
                profile_request, form.to_data(), form.consent_purpose(), form.cv_content()
            )
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, error)
        except LinkExpired:
            db.session.rollback()
            return _problem("expired")
        else:
            db.session.commit()
            return render_template("profiles/thanks.html")
    return render_template("profiles/form.html", form=form, expert=expert), form_status(form)


@login_required
def request_update(expert_id: int):
    expert = db.get_or_404(Expert, expert_id)
    if not can_manage_experts(current_user):
        abort(403)
    try:
        profile_request = operations.request_profile_update(expert)
    except ValidationFailed as error:
        flash(" ".join(error.errors["email"]))
    else:
        db.session.commit()
        flash(f"A link to update the profile was sent to {profile_request.sent_to}.")
    return redirect(url_for("experts.expert_detail", expert_id=expert.id))


@login_required
def download_cv(expert_id: int):
    expert = db.get_or_404(Expert, expert_id)
    if not can_read_cv(current_user):
        abort(403)
    if not expert.cv_path or not cv.cv_file(expert.cv_path).exists():
        abort(404)
    return send_file(
        cv.cv_file(expert.cv_path),
        as_attachment=True,
        download_name=expert.cv_filename,
        mimetype=cv.KINDS[expert.cv_path.rsplit(".", 1)[1]],
    )
