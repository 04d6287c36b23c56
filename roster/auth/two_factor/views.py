"""Pages: turning two-factor on and off, and the second step of signing in."""

import time

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from roster.auth.models import User
from roster.auth.permissions import can_manage_users, can_use_two_factor, is_admin
from roster.auth.session import start_session
from roster.auth.two_factor import operations, queries
from roster.auth.two_factor.forms import CodeForm
from roster.errors import ValidationFailed
from roster.extensions import db, limiter
from roster.forms import apply_errors, form_status
from roster.urls import is_local_path

PENDING = "two_factor_pending"
SETUP_KEY = "two_factor_setup"
# The password step counts for five minutes; after that the whole sign-in starts again.
PENDING_SECONDS = 300
# What an admin may still reach while ROSTER_REQUIRE_2FA=1 holds them at enrolment.
OPEN_WHILE_ENROLLING = {"two_factor.setup", "auth.logout", "static"}


def continue_sign_in(user: User, next_url: str | None):
    """After the first factor: sign in, or ask for the second factor first."""
    target = next_url if is_local_path(next_url) else url_for("directory.home")
    if not queries.has_two_factor(user):
        start_session(user)
        return redirect(target)
    session[PENDING] = {
        "user_id": user.id,
        "version": user.version,
        "next": target,
        "since": int(time.time()),
    }
    return redirect(url_for("two_factor.challenge"))


def _pending_user() -> User | None:
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("since", 0) > PENDING_SECONDS:
        return None
    user = db.session.get(User, pending.get("user_id"))
    if user is None or user.version != pending.get("version") or not user.is_enabled:
        return None
    return user


def _pending_account() -> str:
    pending = session.get(PENDING)
    return f"two-factor:{pending.get('user_id') if isinstance(pending, dict) else ''}"


@limiter.limit(
    lambda: current_app.config["LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS"],
    key_func=_pending_account,
    methods=["POST"],
    deduct_when=lambda response: response.status_code != 302,
    scope="two-factor",
)
def challenge():
    user = _pending_user()
    if user is None:
        session.pop(PENDING, None)
        flash("Please sign in again.")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        if operations.verify(user, form.code.data):
            target = session.pop(PENDING)["next"]
            start_session(user)
            return redirect(target)
        db.session.rollback()
        form.code.errors.append(operations.WRONG_CODE)
    status = 401 if request.method == "POST" else 200
    return render_template("auth/two_factor/challenge.html", form=form), status


def _require_two_factor_user():
    if not can_use_two_factor(current_user):
        abort(403)


def _status_page(renew_form=None, off_form=None, status=200):
    return render_template(
        "auth/two_factor/status.html",
        credential=queries.credential_for(current_user),
        remaining=queries.unused_recovery_codes(current_user),
        required=queries.is_required_for(current_user),
        renew_form=renew_form or CodeForm(prefix="renew"),
        off_form=off_form or CodeForm(prefix="off"),
    ), status


@login_required
def setup():
    _require_two_factor_user()
    if queries.has_two_factor(current_user):
        return _status_page()
    secret = session.get(SETUP_KEY) or operations.new_secret()
    session[SETUP_KEY] = secret
    form = CodeForm()
    if form.validate_on_submit():
        try:
            codes = operations.enrol(current_user, secret, form.code.data)
            db.session.commit()
        except ValidationFailed as error:
            apply_errors(form, error)
        except IntegrityError:
            # The same enrolment sent twice at once: the other request turned it on.
            db.session.rollback()
            return redirect(url_for("two_factor.setup"))
        else:
            session.pop(SETUP_KEY)
            return render_template("auth/two_factor/recovery_codes.html", codes=codes, new=True)
    uri = operations.provisioning_uri(current_user, secret)
    return render_template(
        "auth/two_factor/setup.html",
        form=form,
        secret=secret,
        qr_code=Markup(operations.qr_code_svg(uri)),  # noqa: S704  (segno's own SVG markup)
        required=queries.is_required_for(current_user),
    ), form_status(form)


@login_required
def renew_recovery_codes():
    _require_two_factor_user()
    if not queries.has_two_factor(current_user):
        return redirect(url_for("two_factor.setup"))
    form = CodeForm(prefix="renew")
    if form.validate_on_submit():
        try:
            codes = operations.renew_recovery_codes(current_user, form.code.data)
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, error)
        else:
            db.session.commit()
            return render_template("auth/two_factor/recovery_codes.html", codes=codes, new=False)
    return _status_page(renew_form=form, status=422)


@login_required
def turn_off():
    _require_two_factor_user()
    if not queries.has_two_factor(current_user):
        return redirect(url_for("two_factor.setup"))
    form = CodeForm(prefix="off")
    if form.validate_on_submit():
        try:
            operations.turn_off(current_user, form.code.data)
        except ValidationFailed as error:
            db.session.rollback()
            apply_errors(form, error)
        else:
            db.session.commit()
            flash("Two-factor sign-in is off.")
            return redirect(url_for("two_factor.setup"))
    return _status_page(off_form=form, status=422)


@login_required
def reset(user_id: int):
    user = db.get_or_404(User, user_id)
    if not can_manage_users(current_user):
        abort(403)
    operations.reset(current_user, user)
    db.session.commit()
    flash(f"Two-factor sign-in removed for {user.email}: they can set it up again.")
    return redirect(url_for("auth.user_edit", user_id=user.id))


def hold_admins_at_enrolment():
    """With ROSTER_REQUIRE_2FA=1, an admin without a second factor can only enrol."""
    if not current_app.config["REQUIRE_2FA_FOR_ADMINS"] or request.path.startswith("/api/"):
        return None
    if request.endpoint is None or request.endpoint in OPEN_WHILE_ENROLLING:
        return None
    if is_admin(current_user) and not queries.has_two_factor(current_user):
        flash("Administrators must turn on two-factor sign-in before going on.")
        return redirect(url_for("two_factor.setup"))
    return None


def register(app) -> None:
    app.before_request(hold_admins_at_enrolment)
    app.jinja_env.globals["has_two_factor"] = queries.has_two_factor
