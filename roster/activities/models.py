"""Activities the office runs, the experts staffed on them and the officials who took part."""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from roster.database import Model, TimestampMixin, UTCDateTime, VersionedMixin
from roster.directory.models import FocalPoint
from roster.experts.models import Expert
from roster.reference.models import Member, ThematicArea

ACTIVITY_TYPES = {
    "training": "Training",
    "workshop": "Workshop",
    "roundtable": "Roundtable",
    "research": "Research",
    "secondment": "Secondment",
    "other": "Other",
}
ACTIVITY_STATUSES = {
    "planned": "Planned",
    "confirmed": "Confirmed",
    "completed": "Completed",
    "cancelled": "Cancelled",
}
ASSIGNMENT_STATUSES = {
    "shortlisted": "Shortlisted",
    "invited": "Invited",
    "confirmed": "Confirmed",
    "completed": "Completed",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
}
# The only moves an assignment may make; completed, declined and withdrawn are final.
ASSIGNMENT_MOVES = {
    "shortlisted": ("invited", "declined", "withdrawn"),
    "invited": ("confirmed", "declined", "withdrawn"),
    "confirmed": ("completed", "withdrawn"),
    "completed": (),
    "declined": (),
    "withdrawn": (),
}
# An expert with an assignment in one of these states is engaged for the activity's dates.
BOOKED_STATUSES = ("confirmed", "completed")

activity_thematic_areas = Table(
    "activity_thematic_areas",
    Model.metadata,
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("thematic_area_id", ForeignKey("thematic_areas.id"), primary_key=True),
)


class Activity(VersionedMixin, TimestampMixin, Model):
    """A training, workshop, roundtable, research project, secondment... over `start`..`end`."""

    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint('"end" >= start', name="dates_in_order"),
        Index("ix_activities_dates", "start", "end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    city: Mapped[str] = mapped_column(String(120), default="")
    is_online: Mapped[bool] = mapped_column(Boolean, default=False)
    experts_wanted: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="planned")

    member: Mapped[Member | None] = relationship()
    thematic_areas: Mapped[list[ThematicArea]] = relationship(
        secondary=activity_thematic_areas, order_by=ThematicArea.position
    )
    languages: Mapped[list["ActivityLanguage"]] = relationship(
        cascade="all, delete-orphan", order_by="ActivityLanguage.code"
    )
    assignments: Mapped[list["Assignment"]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="Assignment.id"
    )
    participants: Mapped[list["Participant"]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="Participant.id"
    )

    def __repr__(self) -> str:
        return f"<Activity {self.id} {self.title!r}>"

    @property
    def type_label(self) -> str:
        return ACTIVITY_TYPES.get(self.type, self.type)

    @property
    def status_label(self) -> str:
        return ACTIVITY_STATUSES.get(self.status, self.status)


class ActivityLanguage(Model):
    """A language the activity needs, at `level` or above."""

    __tablename__ = "activity_languages"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    level: Mapped[str] = mapped_column(String(10))

    def __repr__(self) -> str:
        return f"<ActivityLanguage {self.code}:{self.level}>"


class Assignment(VersionedMixin, TimestampMixin, Model):
    """An expert considered for an activity, from shortlist to completion.

    `created_at` is when the expert was shortlisted; each later move stamps its own column.
    """

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("activity_id", "expert_id"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating_range"),
        Index("ix_assignments_expert_status", "expert_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="shortlisted")
    rating: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    invited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    declined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The expert's own answer through the mailed links: "accepted", "declined" or None.
    response: Mapped[str | None] = mapped_column(String(10))
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when the invitation is mailed; the reply links carry it, so older links die with it.
    reply_nonce: Mapped[str | None] = mapped_column(String(64), unique=True)

    activity: Mapped[Activity] = relationship(back_populates="assignments")
    # Deleting an expert deletes their assignments on every database (SQLite ignores ON DELETE).
    expert: Mapped[Expert] = relationship(
        backref=backref("assignments", cascade="all, delete-orphan")
    )

    def __repr__(self) -> str:
        return f"<Assignment {self.id} {self.status}>"

    @property
    def status_label(self) -> str:
        return ASSIGNMENT_STATUSES.get(self.status, self.status)

    @property
    def allowed_moves(self) -> tuple[str, ...]:
        return ASSIGNMENT_MOVES.get(self.status, ())


class Participant(TimestampMixin, Model):
    """Someone who took part in an activity: a focal point's holder at the time, or anyone named.

    The name, member and email are copied from the focal point when it is given, so the record
    keeps the person even after the function changes hands or is deleted. `person_key` groups
    one person's participations into the alumni network.
    """

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    focal_point_id: Mapped[int | None] = mapped_column(
        ForeignKey("focal_points.id", ondelete="SET NULL"), index=True
    )
    full_name: Mapped[str] = mapped_column(String(200))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    role: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    person_key: Mapped[str] = mapped_column(String(480), index=True)

    activity: Mapped[Activity] = relationship(back_populates="participants")
    member: Mapped[Member] = relationship()
    # Deleting a focal point keeps its participations, unlinked (the ORM nulls the key).
    focal_point: Mapped[FocalPoint | None] = relationship(backref=backref("participations"))

    def __repr__(self) -> str:
        return f"<Participant {self.id} {self.full_name!r}>"
