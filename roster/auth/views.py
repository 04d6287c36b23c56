"""Sign-in pages, the admin pages for accounts, and inviting people."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from roster.auth import invitations, operations
from roster.auth.forms import InvitationForm, LoginForm, UserEditForm
from roster.auth.models import ROLES, User
from roster.auth.permissions import can_invite, can_manage_users
from roster.auth.session import end_session
from roster.auth.throttle import login_throttled
from roster.auth.two_factor.views import continue_sign_in
from roster.errors import CONFLICT_MESSAGE, Conflict, ValidationFailed, VersionConflict
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.reference.models import Member
from roster.validation import parse_id


@login_throttled
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = operations.authenticate(form.email.data, form.password.data)
        if user is not None:
            db.session.commit()
            return continue_sign_in(user, form.next.data)
        form.password.errors.append("Wrong email or password.")
    status = 401 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


def logout():
    end_session()
    flash("You are signed out.")
    return redirect(url_for("auth.login"))


def _member_choices():
    members = db.session.scalars(select(Member).order_by(Member.name)).all()
    return [("", "—")] + [(member.code, member.name) for member in members]


def _require_admin():
    if not can_manage_users(current_user):
        abort(403)


@login_required
def user_list():
    _require_admin()
    users = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template("auth/users.html", users=users)


@login_required
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    _require_admin()
    form = UserEditForm(
        obj=user, member=user.member.code if user.member else "", version=user.version
    )
    form.member.choices = _member_choices()
    if form.validate_on_submit():
        try:
            operations.update_user(
                current_user,
                user,
                form.role.data,
                form.member.data,
                form.is_enabled.data,
                parse_id(form.version.data) or -1,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        except VersionConflict:
            db.session.rollback()
            db.session.refresh(user)
            form = UserEditForm(
                formdata=None,
                obj=user,
                member=user.member.code if user.member else "",
                version=user.version,
            )
            form.member.choices = _member_choices()
            form.form_errors.append(CONFLICT_MESSAGE)
            return render_template("auth/user_form.html", form=form, user=user), 409
        else:
            db.session.commit()
            flash("Account saved.")
            return redirect(url_for("auth.user_list"))
    return render_template("auth/user_form.html", form=form, user=user), form_status(form)


@login_required
def invite():
    roles = [role for role in ROLES if can_invite(current_user, role)]
    if not roles:
        abort(403)
    form = InvitationForm()
    form.role.choices = [(role, role.title()) for role in roles]
    form.member.choices = _member_choices()
    status = 200
    if form.validate_on_submit():
        if form.role.data not in roles:
            abort(403)
        try:
            invitation = invitations.invite(
                current_user, form.email.data, form.role.data, form.member.data or None
            )
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, error)
        except Conflict as error:
            db.session.rollback()
            form.email.errors = [error.detail]
            status = 409
        else:
            db.session.commit()
            flash(f"An invitation was sent to {invitation.email}.")
            return redirect(url_for("auth.invite"))
    return render_template("auth/invite.html", form=form), max(status, form_status(form))
