"""Rebuild an index from the database while search keeps answering from the current one.

A fresh index `<uid>_rebuild_<timestamp>` gets the settings and every row, streamed in keyset
pages; swap-indexes then exchanges it with the live index atomically and the old one is deleted.

Changes keep flowing into the live index while the rebuild runs, and those drained before the
swap end up in the old index, which is thrown away. So the rebuild replays them afterwards:
every record with `updated_at` at or after the start (less a margin, for transactions that were
open at the start) is sent again as it is now, and documents whose row is gone are deleted.
Operations stamp `updated_at` on every change of a record, its children included; a focal point
is also replayed when its agency changed.

The swap and the replay hold the outbox lease. A drain running alongside could read a record
after the replay read it and push before the replay does: the replay's older copy would land
last while the drain deletes the outbox row that would have corrected it. On PostgreSQL drains
take no lease (roster.search.claims), so the replay, like them, reads what it sent again once
it is applied and queues whatever changed meanwhile.
"""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

import meilisearch
from sqlalchemy import select

from roster.database import utcnow
from roster.extensions import db
from roster.search import definition, engine, textindex
from roster.search.check import index_versions
from roster.search.documents import iter_all_documents
from roster.search.sync import Lease, changed_after_sending, queue_again, send_documents, wait_all

log = logging.getLogger(__name__)

REPLAY_MARGIN = timedelta(seconds=60)
BUILD_TIMEOUT = 600
REPLAY_BATCH = 500
OUTBOX_WAIT = 60


class ReindexBusy(Exception):
    """Another reindex of the same index is running."""


class Leases:
    """Several leases renewed together."""

    def __init__(self, *leases: Lease):
        self.leases = leases

    def renew(self) -> bool:
        return all([lease.renew() for lease in self.leases])


@dataclass
class ReindexStats:
    index_name: str
    documents: int = 0
    replayed: int = 0
    removed: int = 0
    seconds: float = 0.0


def changed_since(index_name: str, since) -> list[int]:
    """Ids whose document may have changed at or after `since` (by `updated_at`, unless the
    definition says more)."""
    index = definition.get(index_name)
    if index.changed_since is not None:
        statement = index.changed_since(since)
    else:
        statement = select(index.model.id).where(index.model.updated_at >= since)
    return sorted(db.session.scalars(statement))


def _drop_leftovers(client: meilisearch.Client, live: str) -> None:
    # Rebuilds interrupted earlier (the process killed) leave their index behind.
    for index in client.get_indexes({"limit": 1000})["results"]:
        if index.uid.startswith(f"{live}_rebuild_"):
            client.delete_index(index.uid)


def _build(client: meilisearch.Client, uid: str, index_name: str, lease: Lease) -> int:
    engine.create_index(client, uid)
    engine.apply_settings(client, uid, index_name)
    enrich = definition.get(index_name).enrich
    tasks, count = [], 0
    for documents in iter_all_documents(index_name, batch_size=REPLAY_BATCH):
        if enrich:
            enrich(documents)
        tasks.append(client.index(uid).add_documents(documents, primary_key="id").task_uid)
        textindex.refresh(
            db.session.connection(),
            index_name,
            {document["id"]: document for document in documents},
        )
        db.session.commit()
        count += len(documents)
        if not lease.renew():
            raise ReindexBusy(f"lost the reindex lease of {index_name}")
    textindex.drop_orphans(db.session.connection(), index_name)
    db.session.commit()
    wait_all(client, tasks, lease, BUILD_TIMEOUT)
    return count


def _swap(client: meilisearch.Client, live: str, rebuild: str) -> None:
    engine.create_index(client, live)
    task = client.swap_indexes([{"indexes": [live, rebuild]}])
    # Meilisearch shows a swap task (it has no single index) only to keys valid on all indexes.
    engine.wait_for_task(engine.master_client(), task.task_uid, timeout=120)
    client.delete_index(rebuild)


def _replay(
    client: meilisearch.Client, uid: str, index_name: str, since, lease: Leases
) -> tuple[int, int]:
    ids = changed_since(index_name, since)
    db.session.rollback()
    tasks, pushed = [], []
    for start in range(0, len(ids), REPLAY_BATCH):
        chunk = ids[start : start + REPLAY_BATCH]
        sent, documents, _ = send_documents(client, uid, index_name, chunk)
        tasks += sent
        pushed.append((chunk, documents))
        textindex.refresh(db.session.connection(), index_name, {i: documents.get(i) for i in chunk})
        db.session.commit()
    wait_all(client, tasks, lease, BUILD_TIMEOUT)
    # Drainers on PostgreSQL run beside the replay: whatever changed after it was read goes
    # through the outbox again (see roster.search.claims).
    changed = [
        id_
        for chunk, documents in pushed
        for id_ in changed_after_sending(index_name, documents, chunk)
    ]
    if changed:
        queue_again(db.session, index_name, changed)
        db.session.commit()
    # The index first, then the database: a row created in between is in both, not "gone".
    indexed = index_versions(client, uid).keys()
    stored = set(db.session.scalars(select(definition.get(index_name).model.id)))
    db.session.rollback()
    gone = sorted(indexed - stored)
    if gone:
        wait_all(client, [engine.delete_documents(client.index(uid), gone)], lease, 120)
    return len(ids), len(gone)


def reindex(index_name: str) -> ReindexStats:
    """Rebuild one index from the database, swap it in, then replay what changed meanwhile."""
    started = time.monotonic()
    started_at = utcnow()
    stats = ReindexStats(index_name)
    lease = Lease(f"reindex:{index_name}")
    if not lease.acquire():
        raise ReindexBusy(f"a reindex of {index_name} is already running")
    try:
        client = engine.write_client()
        live = engine.index_uid(index_name)
        rebuild = f"{live}_rebuild_{started_at:%Y%m%d%H%M%S%f}"
        _drop_leftovers(client, live)
        stats.documents = _build(client, rebuild, index_name, lease)
        outbox = Lease("outbox")
        if not outbox.acquire_within(OUTBOX_WAIT):
            raise ReindexBusy("the outbox drain did not let go of its lease")
        try:
            _swap(client, live, rebuild)
            stats.replayed, stats.removed = _replay(
                client, live, index_name, started_at - REPLAY_MARGIN, Leases(lease, outbox)
            )
        finally:
            outbox.release()
    finally:
        lease.release()
    stats.seconds = time.monotonic() - started
    log.info("reindexed %s: %s", index_name, stats)
    return stats
