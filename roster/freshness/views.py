"""Review pages for editors and staff, and the pages a holder reaches through their link."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.exceptions import TooManyRequests

from roster.api.pagination import page_number
from roster.auth.permissions import can_review_focal_points, editable_member_ids
from roster.directory.models import FocalPoint
from roster.errors import Conflict, ValidationFailed
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.freshness import nominations, operations
from roster.freshness.forms import ConfirmForm, CorrectionForm, NominationForm
from roster.freshness.models import CorrectionProposal
from roster.freshness.tokens import LinkExpired, LinkInvalid


@login_required
def due_list():
    member_ids = editable_member_ids(current_user)
    if member_ids == []:
        abort(403)
    pagination = db.paginate(
        operations.due_statement(member_ids), page=page_number(), per_page=50, error_out=False
    )
    return render_template(
        "freshness/due.html",
        pagination=pagination,
        proposals=operations.pending_proposals(member_ids),
    )


@login_required
def request_confirmation(focal_point_id: int):
    focal_point = db.get_or_404(FocalPoint, focal_point_id)
    if not can_review_focal_points(current_user, focal_point.member_id):
        abort(403)
    try:
        operations.check_link_limits(current_user, focal_point)
        confirmation = operations.request_confirmation(focal_point)
    except ValidationFailed as error:
        db.session.rollback()
        flash(" ".join(message for messages in error.errors.values() for message in messages))
    except TooManyRequests as error:
        flash(error.description)
    else:
        db.session.commit()
        flash(f"A confirmation link was sent to {confirmation.sent_to}.")
    return redirect(url_for("directory.focal_point_detail", focal_point_id=focal_point.id))


def _load_proposal(proposal_id: int) -> CorrectionProposal:
    proposal = db.get_or_404(CorrectionProposal, proposal_id)
    if not can_review_focal_points(current_user, proposal.focal_point.member_id):
        abort(403)
    return proposal


@login_required
def decide_proposal(proposal_id: int, decision: str):
    proposal = _load_proposal(proposal_id)
    ConfirmForm().validate_on_submit()
    try:
        if decision == "accept":
            operations.accept_proposal(current_user, proposal)
        else:
            operations.reject_proposal(current_user, proposal)
    except ValidationFailed as error:
        db.session.rollback()
        flash(" ".join(message for messages in error.errors.values() for message in messages))
    except Conflict as error:
        db.session.rollback()
        flash(error.detail)
    else:
        db.session.commit()
        flash("Correction accepted." if decision == "accept" else "Correction rejected.")
    return redirect(url_for("freshness.due_list"))


# Pages reached through the link, without an account --------------------------------------------


def _open(token: str):
    try:
        return operations.open_link(token), None
    except LinkExpired:
        return None, (
            render_template("freshness/link_problem.html", reason="expired"),
            410,
        )
    except LinkInvalid:
        return None, (render_template("freshness/link_problem.html", reason="invalid"), 404)


def confirm(token: str):
    confirmation, problem = _open(token)
    if problem:
        return problem
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            operations.confirm_still_correct(confirmation)
        except LinkExpired:
            db.session.rollback()
            return render_template("freshness/link_problem.html", reason="expired"), 410
        db.session.commit()
        return render_template("freshness/thanks.html", outcome="confirmed")
    return render_template(
        "freshness/confirm.html", focal_point=confirmation.focal_point, token=token, form=form
    )


def correct(token: str):
    confirmation, problem = _open(token)
    if problem:
        return problem
    focal_point = confirmation.focal_point
    holder = focal_point.current_holder
    form = CorrectionForm(
        obj=holder,
        position=focal_point.position,
        shared_mailbox=focal_point.shared_mailbox,
    )
    if form.validate_on_submit():
        try:
            operations.propose_correction(confirmation, form.data)
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, error)
        except LinkExpired:
            db.session.rollback()
            return render_template("freshness/link_problem.html", reason="expired"), 410
        else:
            db.session.commit()
            return render_template("freshness/thanks.html", outcome="proposed")
    return render_template(
        "freshness/correct.html", focal_point=focal_point, form=form, token=token
    ), form_status(form)


@login_required
def request_nomination(focal_point_id: int):
    focal_point = db.get_or_404(FocalPoint, focal_point_id)
    if not can_review_focal_points(current_user, focal_point.member_id):
        abort(403)
    try:
        nomination = nominations.request_nomination(focal_point)
    except ValidationFailed as error:
        flash(" ".join(message for messages in error.errors.values() for message in messages))
    else:
        db.session.commit()
        flash(f"A link to name the new holder was sent to {nomination.sent_to}.")
    return redirect(url_for("directory.focal_point_detail", focal_point_id=focal_point.id))


def nominate(token: str):
    try:
        nomination = nominations.open_nomination(token)
    except LinkExpired:
        return render_template("freshness/link_problem.html", reason="expired"), 410
    except LinkInvalid:
        return render_template("freshness/link_problem.html", reason="invalid"), 404
    form = NominationForm()
    if form.validate_on_submit():
        try:
            nominations.nominate(nomination, form.data)
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, error)
        except LinkExpired:
            db.session.rollback()
            return render_template("freshness/link_problem.html", reason="expired"), 410
        else:
            db.session.commit()
            return render_template("freshness/thanks.html", outcome="nominated")
    page = render_template("freshness/nominate.html", focal_point=nomination.focal_point, form=form)
    return page, form_status(form)
