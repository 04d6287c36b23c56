"""Who a provider's sign-in is, and the email domains that may sign up."""

import secrets

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import update

from roster.audit import operations as audit
from roster.auth.invitations import accept_invitation
from roster.auth.links import LinkExpired
from roster.auth.models import User
from roster.auth.oidc.models import SignInDomain
from roster.auth.oidc.queries import is_allowed_domain, pending_invitation
from roster.auth.operations import create_user, find_user_by_email, normalise_email
from roster.database import utcnow
from roster.errors import ValidationFailed
from roster.extensions import db

NO_ACCOUNT = (
    "There is no RSO Roster account for this email address. Ask an administrator to invite you."
)
UNVERIFIED = "Your identity provider has not verified this email address."
SIGN_UP_ROLE = "viewer"


class SignInRefused(Exception):
    """The provider vouched for someone who may not come in."""


def _is_verified(claims: dict) -> bool:
    # Some providers send the flag as the string "true".
    return claims.get("email_verified") in (True, "true")


def account_for(claims: dict) -> User:
    """The account of a verified email: existing, invited, or a new viewer of an allowed domain."""
    email = claims.get("email")
    email = normalise_email(email) if isinstance(email, str) else ""
    if not email:
        raise SignInRefused(NO_ACCOUNT)
    if not _is_verified(claims):
        raise SignInRefused(UNVERIFIED)
    user = find_user_by_email(email)
    invitation = None if user is not None else pending_invitation(email)
    if invitation is not None:
        try:
            user = accept_invitation(invitation, secrets.token_urlsafe(32))
        except (LinkExpired, ValidationFailed):
            raise SignInRefused(NO_ACCOUNT) from None
    if user is None and is_allowed_domain(email.rpartition("@")[2]):
        # Nobody knows this password: the account signs in through the provider (or a reset).
        try:
            user = create_user(None, email, secrets.token_urlsafe(32), SIGN_UP_ROLE)
        except ValidationFailed:
            raise SignInRefused(NO_ACCOUNT) from None
    if user is None or not user.is_enabled:
        raise SignInRefused(NO_ACCOUNT)
    db.session.execute(
        update(User).where(User.id == user.id).values(last_login_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    return user


def add_domain(actor, domain: str) -> SignInDomain:
    """Let people of this email domain sign up, as viewers, through the identity provider."""
    domain = (domain or "").strip().lower().removeprefix("@")
    try:
        domain = validate_email(f"someone@{domain}", check_deliverability=False).domain.lower()
    except EmailNotValidError:
        raise ValidationFailed({"domain": ["Enter an email domain such as rso.example."]}) from None
    if is_allowed_domain(domain):
        raise ValidationFailed({"domain": ["This domain is already on the list."]})
    record = SignInDomain(domain=domain)
    db.session.add(record)
    db.session.flush()
    audit.record_create(actor, "sign_in_domain", record.id, {"domain": domain})
    return record


def remove_domain(actor, record: SignInDomain) -> None:
    audit.record_delete(actor, "sign_in_domain", record.id, {"domain": record.domain})
    db.session.delete(record)
    db.session.flush()
