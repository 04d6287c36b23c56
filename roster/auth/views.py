"""Sign-in pages and the admin pages for accounts."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from roster.auth import operations
from roster.auth.forms import LoginForm, PasswordForm, UserCreateForm, UserEditForm
from roster.auth.models import User
from roster.auth.permissions import can_manage_users
from roster.auth.throttle import login_throttled
from roster.errors import CONFLICT_MESSAGE, ValidationFailed, VersionConflict
from roster.extensions import db
from roster.forms import apply_errors, form_status
from roster.reference.models import Member
from roster.urls import is_local_path
from roster.validation import parse_id


@login_throttled
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = operations.authenticate(form.email.data, form.password.data)
        if user is not None:
            db.session.commit()
            login_user(user)
            target = form.next.data if is_local_path(form.next.data) else url_for("directory.home")
            return redirect(target)
        form.password.errors.append("Wrong email or password.")
    status = 401 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


def logout():
    logout_user()
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
def user_create():
    _require_admin()
    form = UserCreateForm()
    form.member.choices = _member_choices()
    if form.validate_on_submit():
        try:
            operations.create_user(
                current_user, form.email.data, form.password.data, form.role.data, form.member.data
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash("Account created.")
            return redirect(url_for("auth.user_list"))
    return render_template("auth/user_form.html", form=form, user=None), form_status(form)


@login_required
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    _require_admin()
    form = UserEditForm(
        obj=user, member=user.member.code if user.member else "", version=user.version
    )
    form.member.choices = _member_choices()
    password_form = PasswordForm(prefix="pw")
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
            return render_template(
                "auth/user_form.html", form=form, user=user, password_form=password_form
            ), 409
        else:
            db.session.commit()
            flash("Account saved.")
            return redirect(url_for("auth.user_list"))
    return render_template(
        "auth/user_form.html", form=form, user=user, password_form=password_form
    ), form_status(form)


@login_required
def user_password(user_id: int):
    user = db.get_or_404(User, user_id)
    _require_admin()
    form = PasswordForm(prefix="pw")
    if form.validate_on_submit():
        try:
            operations.set_password(current_user, user, form.password.data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash("Password changed.")
            return redirect(url_for("auth.user_list"))
    for message in form.password.errors:
        flash(f"Password not changed: {message}")
    return redirect(url_for("auth.user_edit", user_id=user.id))
