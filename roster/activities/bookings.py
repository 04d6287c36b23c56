"""An expert is never confirmed for two activities whose dates overlap, even under concurrency.

Every write that could create an overlap (confirming an assignment, moving an activity's dates,
bringing a cancelled activity back) first locks the activity's row, then the experts' rows in id
order, and only then reads the experts' other bookings. Two such writes touching the same expert
therefore run one after the other, and the second sees what the first committed:

- PostgreSQL: SELECT ... FOR NO KEY UPDATE holds the rows until the transaction ends, and under
  READ COMMITTED every later statement sees the rows committed meanwhile. NO KEY leaves foreign
  key checks (shortlisting the expert elsewhere) unblocked.
- SQLite has no row locks: a no-op UPDATE takes the database's write lock, which every other
  writer waits for (busy timeout) until this transaction ends. The reads come after it.

Locks are always taken activity first, then experts by id, so two writers never wait on each
other in a cycle.
"""

from datetime import date

from sqlalchemy import select, update

from roster.activities.models import BOOKED_STATUSES, Activity, Assignment
from roster.activities.periods import format_period
from roster.errors import Conflict, ValidationFailed
from roster.experts.models import Expert
from roster.extensions import db


def lock_rows(model, ids) -> None:
    """Hold the rows of `model` with these ids until the transaction ends."""
    ids = sorted(set(ids))
    if not ids:
        return
    table = model.__table__
    if db.session.get_bind().dialect.name == "postgresql":
        statement = (
            select(table.c.id)
            .where(table.c.id.in_(ids))
            .order_by(table.c.id)
            .with_for_update(key_share=True)
        )
        db.session.execute(statement).all()
    else:
        # The id, and every column with an onupdate default (updated_at), is set to itself:
        # taking the lock changes nothing.
        unchanged = {column.name: column for column in table.columns if column.onupdate}
        statement = update(table).where(table.c.id.in_(ids)).values(id=table.c.id, **unchanged)
        db.session.execute(statement)


def _booking_conditions(expert_id, start: date, end: date, activity_id) -> list:
    """The expert is booked on another live activity overlapping start..end.

    `expert_id` and `activity_id` may be values or columns (for a correlated prefilter).
    """
    return [
        Assignment.expert_id == expert_id,
        Assignment.status.in_(BOOKED_STATUSES),
        Activity.id != activity_id,
        Activity.status != "cancelled",
        Activity.start <= end,
        Activity.end >= start,
    ]


def booked_elsewhere(expert_id, start: date, end: date, activity_id=None):
    """SQL EXISTS: the expert is confirmed on another activity overlapping start..end."""
    return (
        select(Assignment.id)
        .join(Activity, Activity.id == Assignment.activity_id)
        .where(*_booking_conditions(expert_id, start, end, activity_id))
        .exists()
    )


def first_clash(expert_id: int, start: date, end: date, activity_id: int):
    """(id, title, start, end) of the earliest other booking overlapping start..end, or None."""
    statement = (
        select(Activity.id, Activity.title, Activity.start, Activity.end)
        .join(Assignment, Assignment.activity_id == Activity.id)
        .where(*_booking_conditions(expert_id, start, end, activity_id))
        .order_by(Activity.start, Activity.id)
        .limit(1)
    )
    return db.session.execute(statement).first()


def _clash_detail(name: str, clash, start: date, end: date) -> str:
    return (
        f"{name} is already confirmed for “{clash.title}” (activity {clash.id}, "
        f"{format_period(clash.start, clash.end)}), which overlaps {format_period(start, end)}."
    )


def _expert_name(expert_id: int) -> str:
    return db.session.scalar(select(Expert.full_name).where(Expert.id == expert_id)) or "The expert"


def confirm(assignment: Assignment) -> None:
    """Check, under lock, that the assignment's expert is free for its activity's dates.

    Raises Conflict naming the other activity; the caller then changes the status and the lock
    lasts until its commit.
    """
    lock_rows(Activity, [assignment.activity_id])
    lock_rows(Expert, [assignment.expert_id])
    current = db.session.execute(
        select(Activity.start, Activity.end, Activity.status).where(
            Activity.id == assignment.activity_id
        )
    ).one()
    if current.status == "cancelled":
        raise ValidationFailed({"status": ["The activity is cancelled: nobody can be confirmed."]})
    clash = first_clash(assignment.expert_id, current.start, current.end, assignment.activity_id)
    if clash is not None:
        raise Conflict(
            _clash_detail(_expert_name(assignment.expert_id), clash, current.start, current.end)
        )


def check_new_dates(activity: Activity) -> None:
    """Before `activity` takes its new dates (or comes back from cancellation), check that its
    booked experts are free then. The caller locked the activity's row before changing it."""
    expert_ids = db.session.scalars(
        select(Assignment.expert_id).where(
            Assignment.activity_id == activity.id, Assignment.status.in_(BOOKED_STATUSES)
        )
    ).all()
    lock_rows(Expert, expert_ids)
    for expert_id in sorted(expert_ids):
        clash = first_clash(expert_id, activity.start, activity.end, activity.id)
        if clash is not None:
            raise Conflict(
                _clash_detail(_expert_name(expert_id), clash, activity.start, activity.end)
            )
