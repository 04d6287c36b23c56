"""Accounts and tokens: creating, authenticating, issuing and revoking."""

import hashlib
import secrets
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from roster.audit import operations as audit
from roster.auth.models import ROLES, ApiToken, User
from roster.auth.passwords import hash_password, password_problems, verify_password
from roster.auth.session import revoke_sessions
from roster.database import utcnow
from roster.errors import ValidationFailed, VersionConflict
from roster.extensions import db
from roster.reference.models import Member


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def user_snapshot(user: User) -> dict:
    return {
        "email": user.email,
        "role": user.role,
        "member": user.member.code if user.member else None,
        "is_enabled": user.is_enabled,
    }


def account_summary(user: User) -> dict:
    """What a user sees of their own account (`GET /api/v1/me`)."""
    return {
        "email": user.email,
        "role": user.role,
        "member": user.member.code if user.member else None,
    }


def check_account(email: str, role: str, member_code: str | None, user_id: int | None = None):
    """The normalised email and the member of a new or changed account; ValidationFailed."""
    errors: dict[str, list[str]] = {}
    member = None
    try:
        email = validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        errors["email"] = [str(error)]
    else:
        existing = find_user_by_email(email)
        if existing is not None and existing.id != user_id:
            errors["email"] = ["An account with this email already exists."]
    if role not in ROLES:
        errors["role"] = [f"Choose one of: {', '.join(ROLES)}."]
    if role == "editor":
        member = db.session.scalar(select(Member).where(Member.code == (member_code or "")))
        if member is None:
            errors["member"] = ["An editor needs the member whose records they keep."]
    if errors:
        raise ValidationFailed(errors)
    return email, member


def create_user(
    actor, email: str, password: str, role: str, member_code: str | None = None
) -> User:
    """Create an account; editors are bound to one member."""
    email, member = check_account(email, role, member_code)
    problems = password_problems(password or "")
    if problems:
        raise ValidationFailed({"password": problems})
    user = User(
        email=email,
        password_hash=hash_password(password),
        role=role,
        member=member,
        is_enabled=True,
    )
    db.session.add(user)
    db.session.flush()
    audit.record_create(actor, "user", user.id, user_snapshot(user))
    return user


def update_user(
    actor, user: User, role: str, member_code: str | None, is_enabled: bool, version: int
) -> User:
    """Change an account's role, member or state; a change of any ends its sessions."""
    if version != user.version:
        raise VersionConflict(user)
    before = user_snapshot(user)
    _, member = check_account(user.email, role, member_code, user_id=user.id)
    user.role = role
    user.member = member
    user.is_enabled = is_enabled
    user.updated_at = utcnow()
    db.session.flush()
    after = user_snapshot(user)
    if after != before:
        revoke_access(user)
    audit.record_update(actor, "user", user.id, before, after)
    return user


def revoke_access(user: User, keep_session=None, keep_token: ApiToken | None = None) -> None:
    """End every session and API token of `user`, but the ones named to keep."""
    revoke_sessions(user, keep=keep_session)
    statement = update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    if keep_token is not None:
        statement = statement.where(ApiToken.id != keep_token.id)
    db.session.execute(
        statement.values(revoked_at=utcnow()), execution_options={"synchronize_session": False}
    )


def set_password(
    actor, user: User, password: str, keep_session=None, keep_token: ApiToken | None = None
) -> None:
    """A new password; every other session and token of the user ends."""
    problems = password_problems(password or "")
    if problems:
        raise ValidationFailed({"password": problems})
    user.password_hash = hash_password(password)
    user.updated_at = utcnow()
    revoke_access(user, keep_session=keep_session, keep_token=keep_token)
    db.session.flush()
    audit.record(actor, "update", "user", user.id, {"password": {"old": "***", "new": "***"}})


def change_own_password(
    user: User, current_password: str, new_password: str, keep_session=None, keep_token=None
) -> None:
    """The user's own change: the current password must be right (else 422 on that field)."""
    if not verify_password(user.password_hash, current_password or ""):
        raise ValidationFailed({"current_password": ["This is not your current password."]})
    try:
        set_password(user, user, new_password, keep_session=keep_session, keep_token=keep_token)
    except ValidationFailed as error:
        raise ValidationFailed({"new_password": error.errors["password"]}) from None


def authenticate(email: str, password: str) -> User | None:
    """The active account with this email and password, or None (same path for every failure)."""
    user = find_user_by_email(email)
    valid = verify_password(user.password_hash if user else None, password or "")
    if not valid or user is None or not user.is_enabled:
        return None
    # A plain UPDATE: the sign-in time must not bump the version, which ends other sessions.
    db.session.execute(
        update(User).where(User.id == user.id).values(last_login_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    return user


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(user: User, lifetime: timedelta) -> tuple[str, ApiToken]:
    """A new bearer token; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    record = ApiToken(
        user=user, token_hash=_token_digest(token), created_at=now, expires_at=now + lifetime
    )
    db.session.add(record)
    db.session.flush()
    return token, record


def user_for_token(token: str, now: datetime | None = None) -> tuple[User, ApiToken] | None:
    # The user in the same query: every API request asks.
    record = db.session.scalar(
        select(ApiToken)
        .options(joinedload(ApiToken.user))
        .where(ApiToken.token_hash == _token_digest(token))
    )
    now = now or utcnow()
    if record is None or record.revoked_at is not None or record.expires_at <= now:
        return None
    if not record.user.is_enabled:
        return None
    return record.user, record


def revoke_token(record: ApiToken) -> None:
    record.revoked_at = utcnow()
    db.session.flush()
