"""Drainers side by side on PostgreSQL: each claims its own outbox rows (FOR UPDATE SKIP LOCKED),
so two sync workers share the work; none waits for a lease.

Why an older version of a document still never overwrites a newer one: a drainer sends the
current documents, waits until Meilisearch has applied them, then reads them again, and queues
again any that changed meanwhile. Take a change committed at time C to a document one drainer
sent: if C came before that drainer read again, it queues the document again and whoever sends
it later reads at least that change and enqueues it after; if C came later, the change's own
outbox row is claimed by a drainer that reads it after C, so after the first drainer's tasks
were enqueued, and Meilisearch applies an index's tasks in order. The claimed rows are deleted
in the transaction that locked them, so a drainer that dies leaves them to the others.
"""

from collections import defaultdict

import meilisearch
from sqlalchemy import delete, select

from roster.database import utcnow
from roster.extensions import db
from roster.search import definition, engine
from roster.search.models import SearchOutbox
from roster.search.sync import (
    WORKER_TASK_TIMEOUT,
    DrainStats,
    changed_after_sending,
    postpone,
    queue_again,
    send_documents,
    wait_all,
)

OUTBOX = SearchOutbox.__table__


class Unleased:
    """No lease to renew: the row locks hold the claim."""

    def __repr__(self) -> str:
        return "<Unleased>"

    def renew(self) -> bool:
        return True


def _claim(connection, batch_size: int) -> list:
    return connection.execute(
        select(OUTBOX.c.id, OUTBOX.c.index_name, OUTBOX.c.document_id, OUTBOX.c.attempts)
        .where(OUTBOX.c.next_attempt_at <= utcnow())
        .order_by(OUTBOX.c.id)
        .limit(batch_size)
        .with_for_update(skip_locked=True)
    ).all()


def _push_and_check(client, rows, timeout: float, stats: DrainStats) -> dict[str, list[int]]:
    """Send the documents of `rows`; {index: ids that changed since they were read}."""
    by_index: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if row.index_name in definition.definitions():
            by_index[row.index_name].add(row.document_id)
    sent, tasks = {}, []
    for index_name, ids in sorted(by_index.items()):
        task_uids, documents, missing = send_documents(
            client, engine.index_uid(index_name), index_name, ids
        )
        tasks += task_uids
        sent[index_name] = documents
        stats.upserted += len(documents)
        stats.deleted += len(missing)
    wait_all(client, tasks, Unleased(), timeout)
    return {
        index_name: changed_after_sending(index_name, sent[index_name], ids)
        for index_name, ids in by_index.items()
    }


def drain_side_by_side(batch_size: int = 500, time_budget: float | None = None) -> DrainStats:
    """Push due outbox rows until none is left that no other drainer holds."""
    stats = DrainStats()
    client = engine.write_client()
    try:
        engine.prepare()
    except (meilisearch.errors.MeilisearchError, engine.SearchUnavailable) as error:
        stats.error = str(error)
        return stats
    while True:
        with db.engine.connect() as connection, connection.begin():
            rows = _claim(connection, batch_size)
            if not rows:
                break
            stats.batches += 1
            stats.claimed += len(rows)
            try:
                changed = _push_and_check(client, rows, time_budget or WORKER_TASK_TIMEOUT, stats)
            except (meilisearch.errors.MeilisearchError, engine.SearchUnavailable) as error:
                stats.error = str(error)
                if isinstance(error, meilisearch.errors.MeilisearchApiError):
                    engine.forget()
                postpone(connection, rows, error)
                stats.failed += len(rows)
                break
            for index_name, ids in changed.items():
                if ids:
                    queue_again(connection, index_name, ids)
            connection.execute(delete(OUTBOX).where(OUTBOX.c.id.in_([row.id for row in rows])))
        if len(rows) < batch_size:
            break
    return stats
