"""Turning two-factor sign-in on and off, and checking a second factor exactly once."""

import hashlib
import hmac
import secrets
import time

import pyotp
import segno
from sqlalchemy import delete, update

from roster.audit import operations as audit
from roster.auth.two_factor.models import RecoveryCode, TwoFactorCredential
from roster.auth.two_factor.queries import credential_for, is_required_for
from roster.database import utcnow
from roster.errors import ValidationFailed
from roster.extensions import db

ISSUER = "RSO Roster"
RECOVERY_CODE_COUNT = 10
# Twelve characters from 31 unambiguous ones: about 59 bits, so a plain SHA-256 suffices.
_RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
WRONG_CODE = "This code is wrong or has already been used."


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user, secret: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_code_svg(uri: str) -> str:
    """The URI as an inline SVG QR code: drawn on the server, nothing loaded from elsewhere."""
    return segno.make(uri, error="m").svg_inline(scale=5, title="QR code for your authenticator")


def _normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


def _digest(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def _matching_step(secret: str, code: str, now: float | None) -> int | None:
    """The time step (current, or one either side for clock drift) whose code this is."""
    code = _normalise(code)
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = int((time.time() if now is None else now) // totp.interval)
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _replace_recovery_codes(user) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_digest(code)) for code in codes)
    db.session.flush()
    return codes


def enrol(user, secret: str, code: str, now: float | None = None) -> list[str]:
    """Turn two-factor on once the app shows the right code; the recovery codes, shown once."""
    if credential_for(user) is not None:
        raise ValidationFailed({"code": ["Two-factor sign-in is already on for this account."]})
    step = _matching_step(secret, code, now)
    if step is None:
        raise ValidationFailed({"code": [WRONG_CODE]})
    db.session.add(
        TwoFactorCredential(
            user_id=user.id, secret=secret, last_used_step=step, created_at=utcnow()
        )
    )
    codes = _replace_recovery_codes(user)
    audit.record(user, "update", "user", user.id, {"two_factor": {"old": False, "new": True}})
    return codes


def verify(user, code: str, now: float | None = None) -> bool:
    """Accept a current TOTP code or an unused recovery code, each only once."""
    credential = credential_for(user)
    if credential is None:
        return False
    step = _matching_step(credential.secret, code, now)
    if step is not None:
        # Conditional updates: of two requests carrying the same code, only one succeeds.
        spent = db.session.execute(
            update(TwoFactorCredential)
            .where(
                TwoFactorCredential.user_id == user.id,
                TwoFactorCredential.last_used_step < step,
            )
            .values(last_used_step=step),
            execution_options={"synchronize_session": False},
        )
        return spent.rowcount == 1
    spent = db.session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _digest(code),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    return spent.rowcount == 1


def renew_recovery_codes(user, code: str) -> list[str]:
    """New recovery codes in place of the old ones, on a valid second factor."""
    if not verify(user, code):
        raise ValidationFailed({"code": [WRONG_CODE]})
    codes = _replace_recovery_codes(user)
    audit.record(user, "update", "user", user.id, {"recovery_codes": {"old": "***", "new": "***"}})
    return codes


def _remove(actor, user) -> None:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.execute(delete(TwoFactorCredential).where(TwoFactorCredential.user_id == user.id))
    db.session.flush()
    audit.record(actor, "update", "user", user.id, {"two_factor": {"old": True, "new": False}})


def turn_off(user, code: str) -> None:
    """The user turns two-factor off, proving the second factor once more."""
    if is_required_for(user):
        raise ValidationFailed({"code": ["Administrators must keep two-factor sign-in on."]})
    if not verify(user, code):
        raise ValidationFailed({"code": [WRONG_CODE]})
    _remove(user, user)


def reset(actor, user) -> None:
    """An administrator removes a user's second factor (a lost phone); the user enrols anew."""
    _remove(actor, user)


def token_refusal(user, code: str | None) -> tuple[int, str] | None:
    """Why Basic credentials alone may not get this user an API token, or None if they may."""
    if credential_for(user) is None:
        if is_required_for(user):
            return 403, "Administrators must turn on two-factor sign-in before using the API."
        return None
    if not code:
        return 401, "This account uses two-factor sign-in: send the current code in X-TOTP."
    if not verify(user, code):
        return 401, WRONG_CODE
    return None
