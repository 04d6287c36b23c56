"""How fresh a focal point record is, as a search filter and facet.

Freshness changes with the calendar, not with the record, so it is never stored in the index:
each bucket is a condition on `verified_at`, evaluated at the time of the search, both in
Meilisearch and in the database fallback.
"""

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_

from roster.database import utcnow
from roster.directory.models import FocalPoint
from roster.search.documents import timestamp

BUCKETS = {
    "confirmed": "Confirmed in the last 12 months",
    "stale": "Confirmed longer ago",
    "never": "Never confirmed",
}


def _cutoff(now: datetime | None) -> datetime:
    return (now or utcnow()) - timedelta(days=current_app.config["REVIEW_PERIOD_DAYS"])


def meili_clause(bucket: str, now: datetime | None = None) -> str:
    """The Meilisearch condition of a bucket (only numbers from the clock go into it)."""
    cutoff = int(timestamp(_cutoff(now)))
    if bucket == "confirmed":
        return f"verified_at >= {cutoff}"
    if bucket == "stale":
        return f"verified_at < {cutoff}"
    return "verified_at IS NULL"


def bucket_of(verified_at: datetime | None, now: datetime | None = None) -> str:
    """The bucket a record with this `verified_at` falls in."""
    if verified_at is None:
        return "never"
    return "confirmed" if verified_at >= _cutoff(now) else "stale"


def sql_condition(bucket: str, now: datetime | None = None):
    """The same condition on the focal_points table."""
    cutoff = _cutoff(now)
    if bucket == "confirmed":
        return FocalPoint.verified_at >= cutoff
    if bucket == "stale":
        return and_(FocalPoint.verified_at.is_not(None), FocalPoint.verified_at < cutoff)
    return FocalPoint.verified_at.is_(None)
