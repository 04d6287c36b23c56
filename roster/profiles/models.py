from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.database import Model, UTCDateTime, utcnow
from roster.experts.models import Expert


class ProfileRequest(Model):
    """A signed link mailed to an expert to update their own profile; usable once, until it
    expires."""

    __tablename__ = "profile_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"), index=True)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    sent_to: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # Deleting an expert deletes their links on every database (SQLite ignores ON DELETE).
    expert: Mapped[Expert] = relationship()

    def __repr__(self) -> str:
        return f"<ProfileRequest {self.id} expert={self.expert_id}>"
