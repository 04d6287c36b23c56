"""Tables of the search sync: the outbox of changed documents and the drainers' lease."""

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roster.database import Model, UTCDateTime, utcnow


class SearchOutbox(Model):
    """One document to push to Meilisearch, written in the transaction that changed it."""

    __tablename__ = "search_outbox"
    __table_args__ = (Index("ix_search_outbox_due", "next_attempt_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    index_name: Mapped[str] = mapped_column(String(40))
    document_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<SearchOutbox {self.id} {self.index_name}:{self.document_id}>"


class SearchLease(Model):
    """A named lease held by one process at a time until `expires_at` (e.g. the drainer's)."""

    __tablename__ = "search_leases"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120), default="")
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"<SearchLease {self.name} {self.holder} until {self.expires_at}>"
