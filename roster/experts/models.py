"""Experts on the roster, their languages and availability windows."""

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.database import Model, TimestampMixin, UTCDateTime, VersionedMixin, visibility_column
from roster.reference.models import ThematicArea

expert_thematic_areas = Table(
    "expert_thematic_areas",
    Model.metadata,
    Column("expert_id", ForeignKey("experts.id", ondelete="CASCADE"), primary_key=True),
    Column("thematic_area_id", ForeignKey("thematic_areas.id"), primary_key=True),
)


class Expert(VersionedMixin, TimestampMixin, Model):
    __tablename__ = "experts"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200), index=True)
    name_local: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    nationality: Mapped[str] = mapped_column(String(3), default="", index=True)
    organisation: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    # When the expert last confirmed their own profile (through the self-service link).
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Who may see the contact details: "all" signed-in users or "staff" (see roster.privacy).
    email_visibility: Mapped[str] = visibility_column("staff")
    phone_visibility: Mapped[str] = visibility_column("staff")
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_purpose: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # "expert" (through the self-service link) or "staff" (recorded on the expert's behalf).
    consent_source: Mapped[str] = mapped_column(String(10), default="", server_default="")
    cv_filename: Mapped[str] = mapped_column(String(200), default="", server_default="")
    cv_path: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # Extracted from the uploaded CV: searchable by RSO staff only.
    cv_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    cv_uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    thematic_areas: Mapped[list[ThematicArea]] = relationship(
        secondary=expert_thematic_areas, order_by=ThematicArea.position
    )
    languages: Mapped[list["ExpertLanguage"]] = relationship(
        cascade="all, delete-orphan", order_by="ExpertLanguage.code"
    )
    availability: Mapped[list["AvailabilityWindow"]] = relationship(
        cascade="all, delete-orphan", order_by="AvailabilityWindow.start"
    )

    def __repr__(self) -> str:
        return f"<Expert {self.id} {self.full_name!r}>"


class ExpertLanguage(Model):
    __tablename__ = "expert_languages"

    expert_id: Mapped[int] = mapped_column(
        ForeignKey("experts.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    level: Mapped[str] = mapped_column(String(10))

    def __repr__(self) -> str:
        return f"<ExpertLanguage {self.code}:{self.level}>"


class AvailabilityWindow(Model):
    """A period during which the expert can be engaged (inclusive on both ends)."""

    __tablename__ = "availability_windows"

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"), index=True)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)

    def __repr__(self) -> str:
        return f"<AvailabilityWindow {self.start}..{self.end}>"
