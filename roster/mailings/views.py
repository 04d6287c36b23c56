"""Mailing pages: compose with a preview, then follow the sending."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from roster.auth.permissions import can_send_mailings
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.mailings import operations
from roster.mailings.forms import MailingForm
from roster.mailings.models import Mailing, MailingRecipient

NEWEST_FIRST = select(Mailing).order_by(Mailing.created_at.desc(), Mailing.id.desc())


def _check_access() -> None:
    if not can_send_mailings(current_user):
        abort(403)


@login_required
def mailing_list():
    _check_access()
    pagination = db.paginate(NEWEST_FIRST, per_page=25, error_out=False)
    return render_template("mailings/mailings.html", pagination=pagination)


@login_required
def mailing_create():
    _check_access()
    form = MailingForm()
    preview = None
    if form.validate_on_submit():
        try:
            if request.form.get("action") == "send":
                mailing = operations.create_mailing(current_user, form.to_data())
                db.session.commit()
                flash(f"The mailing to {mailing.recipient_count} recipients is being sent.")
                return redirect(url_for("mailings.mailing_detail", mailing_id=mailing.id))
            preview = operations.preview(form.to_data())
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, _on_fields(error))
    page = render_template("mailings/compose.html", form=form, preview=preview)
    return page, form_status(form)


def _on_fields(error: ValidationFailed) -> ValidationFailed:
    """Audience errors ("audience.member") shown beside the filter they concern."""
    return ValidationFailed(
        {name.removeprefix("audience."): messages for name, messages in error.errors.items()}
    )


@login_required
def mailing_detail(mailing_id: int):
    mailing = db.get_or_404(Mailing, mailing_id)
    _check_access()
    recipients = db.paginate(
        select(MailingRecipient)
        .where(MailingRecipient.mailing_id == mailing.id)
        .order_by(MailingRecipient.id),
        per_page=100,
        error_out=False,
    )
    return render_template(
        "mailings/mailing.html",
        mailing=mailing,
        counts=operations.counts(mailing),
        recipients=recipients,
    )
