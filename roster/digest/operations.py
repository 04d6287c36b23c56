"""Building and sending the weekly digest; each recipient gets one per ISO week, whoever runs it.

Staff and admins get everything; an editor gets their own member's records (reviews due,
bounced contacts, vacant functions). Activities and expert replies are the office's business.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import render_template
from sqlalchemy import func, select

from roster.activities.models import BOOKED_STATUSES, Activity, Assignment
from roster.auth.models import User
from roster.auth.permissions import editable_member_ids, is_rso
from roster.database import utcnow
from roster.directory.models import FocalPoint, FocalPointHolder
from roster.extensions import db
from roster.freshness.operations import due_statement
from roster.mail.operations import already_queued, queue_mail

LISTED = 50


@dataclass
class Digest:
    reviews_due: list = field(default_factory=list)
    bounced: list = field(default_factory=list)
    vacancies: list = field(default_factory=list)
    short_activities: list = field(default_factory=list)
    replies: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.reviews_due, self.bounced, self.vacancies, self.short_activities, self.replies)
        )


def _scoped(statement, member_ids):
    return (
        statement if member_ids is None else statement.where(FocalPoint.member_id.in_(member_ids))
    )


def _held():
    return (
        select(FocalPointHolder.id)
        .where(
            FocalPointHolder.focal_point_id == FocalPoint.id, FocalPointHolder.ended_on.is_(None)
        )
        .exists()
    )


def build_digest(member_ids: list[int] | None, with_office: bool, today: date) -> Digest:
    """The digest over these members (None: all); `with_office` adds activities and replies."""
    digest = Digest()
    digest.reviews_due = list(db.session.scalars(due_statement(member_ids, today).limit(LISTED)))
    digest.bounced = list(
        db.session.scalars(
            _scoped(select(FocalPoint).where(FocalPoint.contact_failed_at.is_not(None)), member_ids)
            .order_by(FocalPoint.contact_failed_at)
            .limit(LISTED)
        )
    )
    digest.vacancies = list(
        db.session.scalars(
            _scoped(select(FocalPoint).where(~_held()), member_ids)
            .order_by(FocalPoint.id)
            .limit(LISTED)
        )
    )
    if with_office:
        booked = (
            select(func.count())
            .select_from(Assignment)
            .where(Assignment.activity_id == Activity.id, Assignment.status.in_(BOOKED_STATUSES))
            .scalar_subquery()
        )
        digest.short_activities = [
            (activity, confirmed)
            for activity, confirmed in db.session.execute(
                select(Activity, booked)
                .where(
                    Activity.status.in_(("planned", "confirmed")),
                    Activity.start >= today,
                    booked < Activity.experts_wanted,
                )
                .order_by(Activity.start)
                .limit(LISTED)
            )
        ]
        since = utcnow() - timedelta(days=7)
        digest.replies = list(
            db.session.scalars(
                select(Assignment)
                .where(Assignment.responded_at >= since)
                .order_by(Assignment.responded_at)
                .limit(LISTED)
            )
        )
    return digest


def week_of(today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def send_digest(today: date | None = None) -> int:
    """Mail this week's digest to each active staff member, admin and editor who has something
    to read and has not had this week's yet; returns how many were sent."""
    today = today or date.today()
    week = week_of(today)
    sent = 0
    users = db.session.scalars(
        select(User).where(User.is_enabled.is_(True), User.role.in_(("admin", "staff", "editor")))
    )
    for user in users.all():
        key = f"digest:{week}:{user.id}"
        member_ids = editable_member_ids(user)
        if member_ids == [] or already_queued(key):
            continue
        digest = build_digest(member_ids, is_rso(user), today)
        if digest.is_empty:
            continue
        body = render_template("digest/digest_mail.txt", digest=digest, user=user, week=week)
        queue_mail(user.email, f"RSO Roster: this week ({week})", body, dedupe_key=key)
        sent += 1
    return sent
