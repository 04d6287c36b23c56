"""Reading a user's two-factor state."""

from flask import current_app
from sqlalchemy import func, select

from roster.auth.two_factor.models import RecoveryCode, TwoFactorCredential
from roster.extensions import db


def credential_for(user) -> TwoFactorCredential | None:
    return db.session.get(TwoFactorCredential, user.id)


def has_two_factor(user) -> bool:
    return credential_for(user) is not None


def unused_recovery_codes(user) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )


def is_required_for(user) -> bool:
    """ROSTER_REQUIRE_2FA=1 makes two-factor sign-in compulsory for admins."""
    return bool(current_app.config["REQUIRE_2FA_FOR_ADMINS"]) and user.role == "admin"
