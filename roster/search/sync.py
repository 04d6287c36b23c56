"""Drain the outbox into Meilisearch, in the sync worker (or a test, a command).

On PostgreSQL drainers run side by side (roster.search.claims). On SQLite, which has one writer
anyway, this is why an older version of a document never overwrites a newer one:

- One drainer at a time, across processes: a drain holds the `outbox` lease (a row of
  `search_leases`), renews it before each batch and before deleting what it pushed, and a killed
  drainer's lease simply expires.
- A drain never sends what an outbox row says. It claims rows, then reads the CURRENT committed
  records (`documents.load_documents`) and sends those. A change committed after that read
  committed its own outbox row too; only the claimed rows are deleted, so the later row stays
  and a later drain sends a state at least as new.
- Meilisearch applies an index's tasks in the order they were enqueued, and a drain waits for
  its tasks before it lets go of the lease, so a later drain's documents land after an earlier
  drain's.
- A drainer that finds its lease taken over after pushing (it stalled past the expiry while
  another drained) cannot tell whether its documents landed after newer ones, so it queues
  them again instead of deleting them.

drain() commits `db.session`: call it between transactions, never in the middle of one.
"""

import logging
import os
import socket
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

import meilisearch
from flask import current_app
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from roster import jobs
from roster.database import utcnow
from roster.extensions import db
from roster.search import definition, engine
from roster.search.models import SearchLease, SearchOutbox

log = logging.getLogger(__name__)

OUTBOX = SearchOutbox.__table__
LEASES = SearchLease.__table__
MAX_BACKOFF_SECONDS = 300
WORKER_TASK_TIMEOUT = 120
WAIT_SLICE = 2.0


class LeaseLost(Exception):
    """Another process took over the lease."""


class Lease:
    """A lease row: whoever holds it until `expires_at` runs alone (committed at once)."""

    def __init__(self, name: str, seconds: float | None = None):
        self.name = name
        self.seconds = seconds or current_app.config["SEARCH_LEASE_SECONDS"]
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def __repr__(self) -> str:
        return f"<Lease {self.name} {self.holder}>"

    def _until(self):
        return utcnow() + timedelta(seconds=self.seconds)

    def acquire(self) -> bool:
        """Take the lease if it is free or expired."""
        taken = db.session.execute(
            update(LEASES)
            .where(LEASES.c.name == self.name, LEASES.c.expires_at < utcnow())
            .values(holder=self.holder, expires_at=self._until())
        )
        if taken.rowcount == 1:
            db.session.commit()
            return True
        exists = db.session.scalar(select(LEASES.c.name).where(LEASES.c.name == self.name))
        if exists is not None:
            db.session.commit()
            return False
        try:
            db.session.execute(
                insert(LEASES).values(name=self.name, holder=self.holder, expires_at=self._until())
            )
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            return False
        return True

    def acquire_within(self, seconds: float) -> bool:
        """Take the lease, waiting up to `seconds` for its holder to let go."""
        deadline = time.monotonic() + seconds
        while not self.acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def renew(self) -> bool:
        """Extend the lease; False when someone else holds it now."""
        renewed = db.session.execute(
            update(LEASES)
            .where(LEASES.c.name == self.name, LEASES.c.holder == self.holder)
            .values(expires_at=self._until())
        )
        db.session.commit()
        return renewed.rowcount == 1

    def release(self) -> None:
        db.session.rollback()
        db.session.execute(
            update(LEASES)
            .where(LEASES.c.name == self.name, LEASES.c.holder == self.holder)
            .values(expires_at=utcnow())
        )
        db.session.commit()


@dataclass
class DrainStats:
    batches: int = 0
    claimed: int = 0
    upserted: int = 0
    deleted: int = 0
    failed: int = 0
    busy: bool = False
    error: str = ""


def backoff(attempts: int) -> float:
    """Seconds before retrying a row that failed `attempts` times: 1, 2, 4 ... 300."""
    return float(min(MAX_BACKOFF_SECONDS, 2 ** (attempts - 1)))


def send_documents(
    client: meilisearch.Client, uid: str, index_name: str, ids
) -> tuple[list[int], dict[int, dict], list[int]]:
    """Enqueue the current state of `ids` into index `uid`: upsert those found, delete the rest.

    Returns the task uids, the documents sent ({id: document}) and the ids deleted.
    """
    from roster.search.documents import load_documents

    ids = set(ids)
    documents = load_documents(index_name, ids)
    # End the read transaction: nothing below needs it, and SQLite writers would wait on it.
    db.session.rollback()
    enrich = definition.get(index_name).enrich
    if enrich and documents:
        enrich(list(documents.values()))
    index = client.index(uid)
    tasks = []
    if documents:
        tasks.append(index.add_documents(list(documents.values()), primary_key="id").task_uid)
    missing = sorted(ids - set(documents))
    if missing:
        tasks.append(engine.delete_documents(index, missing))
    return tasks, documents, missing


def changed_after_sending(index_name: str, sent: dict[int, dict], ids) -> list[int]:
    """Ids whose current document differs from what was sent (None: sent as deleted)."""
    from roster.search.documents import load_documents

    current = load_documents(index_name, ids)
    db.session.rollback()
    enrich = definition.get(index_name).enrich
    if enrich and current:
        enrich(list(current.values()))
    return sorted(id_ for id_ in ids if current.get(id_) != sent.get(id_))


def wait_all(client: meilisearch.Client, task_uids, lease: Lease, timeout: float) -> None:
    """Wait for every task to succeed, renewing the lease meanwhile."""
    deadline = time.monotonic() + timeout
    for task_uid in task_uids:
        while True:
            remaining = deadline - time.monotonic()
            try:
                engine.wait_for_task(client, task_uid, timeout=max(min(WAIT_SLICE, remaining), 0))
                break
            except meilisearch.errors.MeilisearchTimeoutError:
                if remaining <= WAIT_SLICE:
                    raise
                if not lease.renew():
                    raise LeaseLost() from None


def _has_due_rows() -> bool:
    # A read, so that an idle worker polling the outbox writes nothing.
    due = db.session.scalar(
        select(OUTBOX.c.id).where(OUTBOX.c.next_attempt_at <= utcnow()).limit(1)
    )
    db.session.commit()
    return due is not None


def _claim(batch_size: int) -> list:
    rows = db.session.execute(
        select(OUTBOX.c.id, OUTBOX.c.index_name, OUTBOX.c.document_id, OUTBOX.c.attempts)
        .where(OUTBOX.c.next_attempt_at <= utcnow())
        .order_by(OUTBOX.c.id)
        .limit(batch_size)
    ).all()
    db.session.commit()
    return rows


def _push(client: meilisearch.Client, rows, lease: Lease, timeout: float) -> tuple[int, int]:
    by_index: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        by_index[row.index_name].add(row.document_id)
    tasks, upserted, deleted = [], 0, 0
    for index_name, ids in sorted(by_index.items()):
        if index_name not in definition.definitions():
            log.warning("outbox rows for unknown index %r dropped", index_name)
            continue
        sent, documents, missing = send_documents(
            client, engine.index_uid(index_name), index_name, ids
        )
        tasks += sent
        upserted += len(documents)
        deleted += len(missing)
    wait_all(client, tasks, lease, timeout)
    return upserted, deleted


def _delete(rows) -> None:
    db.session.execute(delete(OUTBOX).where(OUTBOX.c.id.in_([row.id for row in rows])))
    db.session.commit()


def _requeue(rows) -> None:
    documents = sorted({(row.index_name, row.document_id) for row in rows})
    db.session.execute(
        insert(OUTBOX), [{"index_name": name, "document_id": id_} for name, id_ in documents]
    )
    _delete(rows)


def queue_again(executor, index_name: str, ids) -> None:
    """New outbox rows for these documents (through a session or a connection)."""
    executor.execute(
        insert(OUTBOX), [{"index_name": index_name, "document_id": id_} for id_ in sorted(ids)]
    )


def postpone(executor, rows, error: Exception) -> None:
    """Give `rows` another attempt later (through `executor`: a session or a connection)."""
    now = utcnow()
    message = f"{type(error).__name__}: {error}"[:2000]
    executor.execute(
        update(OUTBOX)
        .where(OUTBOX.c.id == bindparam("row_id"))
        .values(
            attempts=bindparam("row_attempts"),
            next_attempt_at=bindparam("row_next"),
            last_error=message,
        ),
        [
            {
                "row_id": row.id,
                "row_attempts": row.attempts + 1,
                "row_next": now + timedelta(seconds=backoff(row.attempts + 1)),
            }
            for row in rows
        ],
    )


def drain(batch_size: int = 500, time_budget: float | None = None) -> DrainStats:
    """Push due outbox rows to Meilisearch until none is left (or `time_budget` runs out)."""
    stats = DrainStats()
    if not engine.is_configured():
        stats.error = "Meilisearch is not configured"
        return stats
    if not _has_due_rows():
        return stats
    if db.engine.dialect.name == "postgresql":
        from roster.search.claims import drain_side_by_side

        return drain_side_by_side(batch_size, time_budget)
    deadline = time.monotonic() + time_budget if time_budget else None
    lease = Lease("outbox")
    # With a budget, wait for a running drain: it may be pushing the very rows we want out.
    if not lease.acquire_within(time_budget or 0):
        stats.busy = True
        return stats
    try:
        client = engine.write_client()
        engine.prepare()
        while deadline is None or time.monotonic() < deadline:
            rows = _claim(batch_size)
            if not rows or not lease.renew():
                break
            stats.batches += 1
            stats.claimed += len(rows)
            timeout = deadline - time.monotonic() if deadline else WORKER_TASK_TIMEOUT
            try:
                upserted, deleted = _push(client, rows, lease, max(timeout, 0.1))
            except LeaseLost:
                _requeue(rows)
                break
            except (meilisearch.errors.MeilisearchError, engine.SearchUnavailable) as error:
                stats.error = str(error)
                if deadline is not None and isinstance(
                    error, meilisearch.errors.MeilisearchTimeoutError
                ):
                    # Out of budget, not a failure: the rows stay due for the worker.
                    break
                if isinstance(error, meilisearch.errors.MeilisearchApiError):
                    engine.forget()
                db.session.rollback()
                postpone(db.session, rows, error)
                db.session.commit()
                stats.failed += len(rows)
                break
            if not lease.renew():
                _requeue(rows)
                break
            _delete(rows)
            stats.upserted += upserted
            stats.deleted += deleted
            if len(rows) < batch_size:
                break
    except (meilisearch.errors.MeilisearchError, engine.SearchUnavailable) as error:
        stats.error = str(error)
    finally:
        lease.release()
    return stats


def run_worker(
    stop: threading.Event, batch_size: int = 500, idle: float = 0.5, max_pause: float = 5.0
) -> None:
    """Drain until `stop` is set: at once while there is work, every `idle` s otherwise,
    backing off up to `max_pause` s while Meilisearch is failing; run the background jobs that
    are due between drains."""
    pause = 0.0
    while not stop.is_set():
        jobs.run_due(current_app._get_current_object())
        try:
            stats = drain(batch_size)
        except Exception as error:
            log.exception("drain failed")
            stats = DrainStats(error=str(error))
        finally:
            db.session.remove()
        if stats.error:
            pause = min(max_pause, max(idle, pause * 2))
            log.warning("search sync: %s (next try in %.1f s)", stats.error, pause)
        else:
            # Rows written while this drain ran are due now; otherwise poll every `idle` s.
            pause = 0.0 if stats.claimed else idle
        if stats.claimed:
            log.info(
                "search sync: %d upserted, %d deleted, %d failed",
                stats.upserted,
                stats.deleted,
                stats.failed,
            )
        if pause:
            stop.wait(pause)
