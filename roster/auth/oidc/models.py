"""Email domains whose people may sign up through the identity provider."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from roster.database import Model, UTCDateTime, utcnow


class SignInDomain(Model):
    __tablename__ = "sign_in_domains"

    id: Mapped[int] = mapped_column(primary_key=True)
    domain: Mapped[str] = mapped_column(String(253), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<SignInDomain {self.domain}>"
