"""Pages people use on their own: their account, an invitation's link, a password reset."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from roster.auth import invitations, operations, resets
from roster.auth.forms import (
    ChangePasswordForm,
    ResetRequestForm,
    SetPasswordForm,
    SignOutEverywhereForm,
)
from roster.auth.links import LinkExpired, LinkInvalid
from roster.auth.session import current_session, end_session
from roster.auth.throttle import allow, client_address
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.forms import apply_errors, form_status


def _account_page(password_form: ChangePasswordForm, status: int = 200):
    return render_template(
        "auth/account.html",
        summary=operations.account_summary(current_user),
        password_form=password_form,
        everywhere_form=SignOutEverywhereForm(prefix="everywhere"),
    ), status


@login_required
def account():
    return _account_page(ChangePasswordForm(prefix="pw"))


@login_required
def change_password():
    form = ChangePasswordForm(prefix="pw")
    if form.validate_on_submit():
        try:
            operations.change_own_password(
                current_user,
                form.current_password.data,
                form.password.data,
                keep_session=current_session(),
            )
        except ValidationFailed as error:
            db.session.rollback()
            errors = dict(error.errors)
            if "new_password" in errors:
                errors["password"] = errors.pop("new_password")
            apply_errors(form, ValidationFailed(errors))
        else:
            db.session.commit()
            flash("Your password was changed; you were signed out everywhere else.")
            return redirect(url_for("auth.account"))
    return _account_page(form, form_status(form))


@login_required
def sign_out_everywhere():
    if SignOutEverywhereForm(prefix="everywhere").validate_on_submit():
        operations.revoke_access(current_user)
        db.session.commit()
        end_session()
        flash("You are signed out on every device, and your API tokens no longer work.")
    return redirect(url_for("auth.login"))


def _link_problem(reason: str):
    status = 410 if reason == "expired" else 404
    return render_template("auth/link_problem.html", reason=reason), status


def _password_through_link(token: str, open_link, use_link, heading, done):
    """A page reached through a mailed link where someone chooses a password.

    `open_link(token)` loads the link's row (LinkExpired, LinkInvalid), `use_link(row,
    password)` spends it, `heading(row)` titles the page and `done()` answers once it worked.
    """
    try:
        row = open_link(token)
    except LinkExpired:
        return _link_problem("expired")
    except LinkInvalid:
        return _link_problem("invalid")
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            use_link(row, form.password.data)
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, error)
        except LinkExpired:
            db.session.rollback()
            return _link_problem("expired")
        else:
            db.session.commit()
            return done()
    page = render_template("auth/set_password.html", form=form, heading=heading(row))
    return page, form_status(form)


def _signed_out_to_login(message: str):
    if current_user.is_authenticated:
        end_session()
    flash(message)
    return redirect(url_for("auth.login"))


def accept_invitation(token: str):
    return _password_through_link(
        token,
        invitations.open_invitation,
        invitations.accept_invitation,
        lambda invitation: f"Welcome, {invitation.email}: choose your password",
        lambda: _signed_out_to_login(
            "Your account is ready: sign in with your email and new password."
        ),
    )


RESET_ANSWER = (
    "If an active account has this email, a link to choose a new password is on its way. "
    "It works once, for {minutes} minutes."
)


def request_password_reset():
    form = ResetRequestForm()
    if form.validate_on_submit():
        limit = current_app.config["RESET_LIMITS_PER_ADDRESS"]
        if not allow(limit, "reset-address", client_address()):
            form.form_errors.append("Too many requests from your address: try again later.")
            return render_template("auth/reset_request.html", form=form), 429
        resets.request_reset(form.email.data)
        db.session.commit()
        flash(RESET_ANSWER.format(minutes=current_app.config["PASSWORD_RESET_MINUTES"]))
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form), form_status(form)


def reset_password(token: str):
    return _password_through_link(
        token,
        resets.open_reset,
        resets.complete_reset,
        lambda reset: "Choose a new password",
        lambda: _signed_out_to_login(
            "Your password was changed and every session ended: sign in again."
        ),
    )
