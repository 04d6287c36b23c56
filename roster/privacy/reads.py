"""Read audit and read throttling: who looked at which person, and how many a token may read.

Every read of one expert or focal point (page or API) leaves a `read` entry; a search page or a
collection read leaves one `search` entry with its query and how many records it returned; an
export one `export` entry with the number of records. The entries go in with one INSERT through
the request's connection and one commit, so a read costs well under a millisecond more.
"""

import time

from flask import current_app, g
from limits import parse
from sqlalchemy import text

from roster.api.problems import problem
from roster.audit.models import AuditEntry
from roster.database import utcnow
from roster.extensions import db, limiter


class ReadLimitExceeded(Exception):
    """The token read more records in the window than API_READ_LIMIT allows."""

    def __init__(self, retry_after: int):
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


# One statement compiled once: values() per call would compile a new one every time.
INSERT_ENTRY = AuditEntry.__table__.insert()


def _insert(user, action: str, record_type: str, record_id: int | None, changes: dict) -> None:
    db.session.execute(
        INSERT_ENTRY,
        {
            "at": utcnow(),
            "user_id": getattr(user, "id", None),
            "actor": (getattr(user, "email", "") or "")[:254],
            "action": action,
            "record_type": record_type,
            "record_id": record_id,
            "changes": changes,
            "redacted_at": None,
        },
    )


def _commit_read() -> None:
    # A read's entry is all the transaction holds: on PostgreSQL it need not wait for the
    # write-ahead log to reach the disk (a crash may lose the last fraction of a second of
    # read entries, never corrupt anything). That wait is most of a commit's cost.
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SET LOCAL synchronous_commit = off"))
    db.session.commit()


def record_read(user, record_type: str, record_id: int) -> None:
    """Audit that `user` read one record, and commit (reads have nothing else to commit)."""
    _insert(user, "read", record_type, record_id, {})
    _commit_read()


def record_search(user, record_type: str, args, count: int, total: int) -> None:
    """Audit one search page or collection read: its query string, the records returned and
    the number of matches; then commit."""
    query = {name: args.getlist(name) for name in args if name != "fragment"}
    _insert(user, "search", record_type, None, {"query": query, "count": count, "total": total})
    _commit_read()


def record_export(user, record_type: str, count: int, details: dict | None = None) -> None:
    """Audit an export of `count` records (added to the current transaction)."""
    _insert(user, "export", record_type, None, {"count": count, **(details or {})})


def throttle_api_reads(count: int) -> None:
    """Count `count` records against the request's token; ReadLimitExceeded beyond the limit.

    Counted in records, not requests: paging 100 at a time exhausts the budget as quickly as
    reading one by one.
    """
    token = g.get("api_token")
    if token is None or count <= 0:
        return
    item = parse(current_app.config["API_READ_LIMIT"])
    strategy = limiter.limiter
    if not strategy.hit(item, "api-reads", str(token.id), cost=count):
        reset_at = strategy.get_window_stats(item, "api-reads", str(token.id)).reset_time
        raise ReadLimitExceeded(max(1, int(reset_at - time.time()) + 1))


def read_limit_answer(error: ReadLimitExceeded):
    """The 429 problem answer for a token over its read budget."""
    response = problem(
        429,
        "Too many records read",
        f"This token may read {current_app.config['API_READ_LIMIT']} records; "
        f"try again in {error.retry_after} s.",
    )
    response.headers["Retry-After"] = str(error.retry_after)
    return response


def api_read(user, record_type: str, record_id: int) -> None:
    """An API read of one record: counted against the token, then audited."""
    throttle_api_reads(1)
    record_read(user, record_type, record_id)


def api_collection_read(user, record_type: str, args, count: int, total: int) -> None:
    """An API collection read: its records counted against the token, then audited."""
    throttle_api_reads(count)
    record_search(user, record_type, args, count, total)
