"""Sign-in through the identity provider, and the admin page of domains that may sign up."""

import requests
from authlib.common.errors import AuthlibBaseError
from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from joserfc.errors import JoseError

from roster.auth.forms import LoginForm
from roster.auth.oidc import operations, queries
from roster.auth.oidc.client import identity_provider
from roster.auth.oidc.forms import SignInDomainForm
from roster.auth.oidc.models import SignInDomain
from roster.auth.permissions import can_manage_sign_in_domains
from roster.auth.two_factor.views import continue_sign_in
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.forms import apply_errors, form_status

NEXT = "oidc_next"
FAILED = "The sign-in through your identity provider did not complete. Please start again."
UNREACHABLE = "Your identity provider does not answer. Please try again later."
# Errors of the provider's answers: a bad or replayed state, an error sent back, a bad ID token.
PROVIDER_ERRORS = (AuthlibBaseError, JoseError, KeyError, ValueError)


def _refused(message: str, status: int):
    form = LoginForm()
    form.form_errors.append(message)
    return render_template("auth/login.html", form=form), status


def _provider():
    provider = identity_provider()
    if provider is None:
        abort(404)
    return provider


def start():
    provider = _provider()
    session[NEXT] = request.args.get("next", "")
    try:
        return provider.authorize_redirect(url_for("oidc.callback", _external=True))
    except requests.RequestException:
        return _refused(UNREACHABLE, 502)


def callback():
    provider = _provider()
    try:
        token = provider.authorize_access_token()
        claims = provider.userinfo(token=token)
        vouched = token["userinfo"]
    except requests.RequestException:
        return _refused(UNREACHABLE, 502)
    except PROVIDER_ERRORS:
        return _refused(FAILED, 400)
    # OpenID Connect Core 5.3.2: userinfo for another subject than the ID token is a forgery.
    if claims.get("sub") != vouched.get("sub"):
        return _refused(FAILED, 400)
    try:
        user = operations.account_for({**vouched, **claims})
    except operations.SignInRefused as refusal:
        db.session.rollback()
        return _refused(str(refusal), 403)
    db.session.commit()
    return continue_sign_in(user, session.pop(NEXT, ""))


def _require_admin():
    if not can_manage_sign_in_domains(current_user):
        abort(403)


@login_required
def domain_list():
    _require_admin()
    form = SignInDomainForm()
    if form.validate_on_submit():
        try:
            operations.add_domain(current_user, form.domain.data)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            db.session.commit()
            flash(f"People of {form.domain.data.strip().lower()} may now sign up as viewers.")
            return redirect(url_for("oidc.domain_list"))
    return render_template(
        "auth/sign_in_domains.html",
        form=form,
        domains=queries.allowed_domains(),
        configured=identity_provider() is not None,
    ), form_status(form)


@login_required
def domain_delete(domain_id: int):
    record = db.get_or_404(SignInDomain, domain_id)
    _require_admin()
    operations.remove_domain(current_user, record)
    db.session.commit()
    flash(f"People of {record.domain} can no longer sign up.")
    return redirect(url_for("oidc.domain_list"))
