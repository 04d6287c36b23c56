from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.auth.models import User
from roster.database import Model, UTCDateTime, utcnow
from roster.directory.models import FocalPoint

PROPOSAL_STATUSES = ("pending", "accepted", "rejected")


class ConfirmationRequest(Model):
    """A signed link sent to a focal point's holder; usable once, until it expires."""

    __tablename__ = "confirmation_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    focal_point_id: Mapped[int] = mapped_column(
        ForeignKey("focal_points.id", ondelete="CASCADE"), index=True
    )
    # The link speaks for the person it was sent to: it dies when the function changes hands.
    holder_id: Mapped[int] = mapped_column(
        ForeignKey("focal_point_holders.id", ondelete="CASCADE"), index=True
    )
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    sent_to: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(20), default="")

    focal_point: Mapped[FocalPoint] = relationship()

    def __repr__(self) -> str:
        return f"<ConfirmationRequest {self.id} focal_point={self.focal_point_id}>"


class NominationRequest(Model):
    """A signed link mailed to a vacant function's shared mailbox, to name the new holder."""

    __tablename__ = "nomination_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    focal_point_id: Mapped[int] = mapped_column(
        ForeignKey("focal_points.id", ondelete="CASCADE"), index=True
    )
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    sent_to: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    focal_point: Mapped[FocalPoint] = relationship()

    def __repr__(self) -> str:
        return f"<NominationRequest {self.id} focal_point={self.focal_point_id}>"


class CorrectionProposal(Model):
    """Changes a holder proposed through their link; nothing changes until someone accepts."""

    __tablename__ = "correction_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    focal_point_id: Mapped[int] = mapped_column(
        ForeignKey("focal_points.id", ondelete="CASCADE"), index=True
    )
    changes: Mapped[dict] = mapped_column(JSON)
    # The values the holder saw, to refuse applying corrections over later edits.
    based_on: Mapped[dict] = mapped_column(JSON)
    proposed_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    # "correction" from the holder's confirmation link, "nomination" of a vacant function's
    # new holder through the shared mailbox's link.
    kind: Mapped[str] = mapped_column(String(12), default="correction", server_default="correction")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    focal_point: Mapped[FocalPoint] = relationship()
    decided_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<CorrectionProposal {self.id} {self.status}>"
