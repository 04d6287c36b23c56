from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.auth.models import User
from roster.database import Model, UTCDateTime, utcnow

AUDIENCES = {"focal_points": "Focal points", "experts": "Experts"}
MAILING_STATUSES = ("queued", "sending", "done")
# queued (waiting or to be retried), sent, failed (retries spent), skipped (deleted, no address)
RECIPIENT_STATUSES = ("queued", "sent", "failed", "skipped")


class Mailing(Model):
    __tablename__ = "mailings"

    id: Mapped[int] = mapped_column(primary_key=True)
    audience_kind: Mapped[str] = mapped_column(String(20))
    # The search parameters that chose the recipients, as sent.
    audience: Mapped[dict] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="queued", index=True)
    recipient_count: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    created_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Mailing {self.id} {self.status}>"


class MailingRecipient(Model):
    """One record the mailing goes to; its address is read when the message is sent."""

    __tablename__ = "mailing_recipients"
    __table_args__ = (Index("ix_mailing_recipients_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mailing_id: Mapped[int] = mapped_column(
        ForeignKey("mailings.id", ondelete="CASCADE"), index=True
    )
    # No foreign key: a record deleted since the mailing was queued is skipped, not lost.
    record_id: Mapped[int] = mapped_column(Integer)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A worker holds the recipients it is sending until the lease ends.
    lease: Mapped[str | None] = mapped_column(String(32))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<MailingRecipient {self.id} {self.status}>"
