from datetime import datetime

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roster.database import Model, UTCDateTime, utcnow
from roster.mail import links


class MailMessage(Model):
    __tablename__ = "mail_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    to: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    # Links appear as placeholders; the links themselves are in `sealed_links`, encrypted.
    body: Mapped[str] = mapped_column(Text)
    sealed_links: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Reminders carry a key per record and review period, so that each is sent only once.
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    transport: Mapped[str] = mapped_column(String(10), default="local")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when the message itself cannot be sent (it is not retried); `error` says why.
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str] = mapped_column(Text, default="")
    # [{"filename", "content_type", "content"}]: text attachments such as an .ics invitation.
    attachments: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")

    def __repr__(self) -> str:
        return f"<MailMessage {self.id} to={self.to!r}>"

    @property
    def outbox_body(self) -> str:
        """The body as the outbox shows it: with its links only where the outbox is the
        mailbox (no SMTP server), since an SMTP setup delivers them to the recipient alone."""
        if self.transport == "local":
            return links.reveal(self.body, self.sealed_links)
        return links.hide(self.body)

    def to_api(self) -> dict:
        return {
            "id": self.id,
            "to": self.to,
            "subject": self.subject,
            "body": self.outbox_body,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "error": self.error or None,
            "attachments": [
                {"filename": item["filename"], "content_type": item["content_type"]}
                for item in self.attachments or []
            ],
        }
