"""The email domains that may sign up through the identity provider."""

from sqlalchemy import select

from roster.auth.models import Invitation
from roster.auth.oidc.models import SignInDomain
from roster.database import utcnow
from roster.extensions import db


def is_allowed_domain(domain: str) -> bool:
    return (
        db.session.scalar(select(SignInDomain.id).where(SignInDomain.domain == domain.lower()))
        is not None
    )


def allowed_domains() -> list[SignInDomain]:
    return list(db.session.scalars(select(SignInDomain).order_by(SignInDomain.domain)))


def pending_invitation(email: str) -> Invitation | None:
    """The newest unused, unexpired invitation of this (normalised) email."""
    return db.session.scalar(
        select(Invitation)
        .where(
            Invitation.email == email,
            Invitation.used_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
        .order_by(Invitation.created_at.desc())
        .limit(1)
    )
