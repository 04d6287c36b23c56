"""Agencies, focal point functions and the people who hold them."""

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.database import Model, TimestampMixin, UTCDateTime, VersionedMixin, visibility_column
from roster.reference.models import Member, ThematicArea

AGENCY_SECTORS = {
    "law-enforcement": "Law enforcement",
    "immigration-border": "Immigration and border",
    "foreign-affairs": "Foreign affairs",
    "justice-prosecution": "Justice and prosecution",
    "social-welfare": "Social welfare and victim services",
    "labour": "Labour",
    "maritime": "Maritime",
    "other": "Other",
}

focal_point_thematic_areas = Table(
    "focal_point_thematic_areas",
    Model.metadata,
    Column("focal_point_id", ForeignKey("focal_points.id", ondelete="CASCADE"), primary_key=True),
    Column("thematic_area_id", ForeignKey("thematic_areas.id"), primary_key=True),
)


class Agency(VersionedMixin, TimestampMixin, Model):
    __tablename__ = "agencies"
    __table_args__ = (UniqueConstraint("member_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    acronym: Mapped[str] = mapped_column(String(30), default="")
    sector: Mapped[str] = mapped_column(String(30), default="other")

    member: Mapped[Member] = relationship()
    focal_points: Mapped[list["FocalPoint"]] = relationship(
        back_populates="agency", order_by="FocalPoint.position"
    )

    def __repr__(self) -> str:
        return f"<Agency {self.id} {self.acronym or self.name}>"

    @property
    def sector_label(self) -> str:
        return AGENCY_SECTORS.get(self.sector, self.sector)


class FocalPoint(VersionedMixin, TimestampMixin, Model):
    """A function within an agency, e.g. "National Contact Point, Trafficking in Persons"."""

    __tablename__ = "focal_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    position: Mapped[str] = mapped_column(String(200))
    shared_mailbox: Mapped[str] = mapped_column(String(254), default="")
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_due: Mapped[date | None] = mapped_column(Date)
    # Who may see the holder's contact details: "all" signed-in users or "staff" (the office
    # and the member's editors; see roster.privacy).
    email_visibility: Mapped[str] = visibility_column("all")
    phone_visibility: Mapped[str] = visibility_column("staff")
    # Mail to the holder bounced: the record is due for review until it is fixed or confirmed.
    contact_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    member: Mapped[Member] = relationship()
    agency: Mapped[Agency] = relationship(back_populates="focal_points")
    thematic_areas: Mapped[list[ThematicArea]] = relationship(
        secondary=focal_point_thematic_areas, order_by=ThematicArea.position
    )
    languages: Mapped[list["FocalPointLanguage"]] = relationship(
        cascade="all, delete-orphan", order_by="FocalPointLanguage.code"
    )
    holders: Mapped[list["FocalPointHolder"]] = relationship(
        back_populates="focal_point",
        cascade="all, delete-orphan",
        order_by="(FocalPointHolder.started_on.desc(), FocalPointHolder.id.desc())",
    )

    def __repr__(self) -> str:
        return f"<FocalPoint {self.id} {self.position!r}>"

    @property
    def current_holder(self) -> "FocalPointHolder | None":
        return next((holder for holder in self.holders if holder.ended_on is None), None)

    @property
    def vacant_since(self) -> date | None:
        """The day the last holder left (or the function was created); None while held."""
        if self.current_holder is not None:
            return None
        ended = [holder.ended_on for holder in self.holders if holder.ended_on is not None]
        return max(ended) if ended else self.created_at.date()

    @property
    def previous_holders(self) -> list["FocalPointHolder"]:
        return [holder for holder in self.holders if holder.ended_on is not None]


class FocalPointHolder(Model):
    """A person holding a focal point function from `started_on` until `ended_on`."""

    __tablename__ = "focal_point_holders"

    id: Mapped[int] = mapped_column(primary_key=True)
    focal_point_id: Mapped[int] = mapped_column(
        ForeignKey("focal_points.id", ondelete="CASCADE"), index=True
    )
    full_name: Mapped[str] = mapped_column(String(200))
    name_local: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    focal_point: Mapped[FocalPoint] = relationship(back_populates="holders")

    def __repr__(self) -> str:
        return f"<FocalPointHolder {self.id} {self.full_name!r}>"


class FocalPointLanguage(Model):
    __tablename__ = "focal_point_languages"

    focal_point_id: Mapped[int] = mapped_column(
        ForeignKey("focal_points.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    level: Mapped[str] = mapped_column(String(10))

    def __repr__(self) -> str:
        return f"<FocalPointLanguage {self.code}:{self.level}>"
