"""The email domains that may sign up through the identity provider."""

from sqlalchemy import select

from roster.auth.oidc.models import SignInDomain
from roster.extensions import db


def is_allowed_domain(domain: str) -> bool:
    return (
        db.session.scalar(select(SignInDomain.id).where(SignInDomain.domain == domain.lower()))
        is not None
    )


def allowed_domains() -> list[SignInDomain]:
    return list(db.session.scalars(select(SignInDomain).order_by(SignInDomain.domain)))
