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
last while the drain deletes the outbox row that would have corrected it.
"""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

import meilisearch
from sqlalchemy import or_, select

from roster.database import utcnow
from roster.directory.models import Agency, FocalPoint
from roster.experts.models import Expert
from roster.extensions import db
from roster.search import engine
from roster.search.check import index_versions
from roster.search.outbox import INDEXED_MODELS
from roster.search.sync import Lease, send_documents, wait_all

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
    """Ids whose document may have changed at or after `since`."""
    if index_name == "experts":
        statement = select(Expert.id).where(Expert.updated_at >= since).order_by(Expert.id)
    else:
        statement = (
            select(FocalPoint.id)
            .join(Agency, FocalPoint.agency_id == Agency.id)
            .where(or_(FocalPoint.updated_at >= since, Agency.updated_at >= since))
            .order_by(FocalPoint.id)
        )
    return list(db.session.scalars(statement))


def _drop_leftovers(client: meilisearch.Client, live: str) -> None:
    # Rebuilds interrupted earlier (the process killed) leave their index behind.
    for index in client.get_indexes({"limit": 1000})["results"]:
        if index.uid.startswith(f"{live}_rebuild_"):
            client.delete_index(index.uid)


def _build(client: meilisearch.Client, uid: str, index_name: str, lease: Lease) -> int:
    from roster.search.documents import iter_all_documents

    engine.create_index(client, uid)
    engine.apply_settings(client, uid, index_name)
    tasks, count = [], 0
    for documents in iter_all_documents(index_name, batch_size=REPLAY_BATCH):
        tasks.append(client.index(uid).add_documents(documents, primary_key="id").task_uid)
        count += len(documents)
        if not lease.renew():
            raise ReindexBusy(f"lost the reindex lease of {index_name}")
    db.session.rollback()
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
    tasks = []
    for start in range(0, len(ids), REPLAY_BATCH):
        tasks += send_documents(client, uid, index_name, ids[start : start + REPLAY_BATCH])[0]
    wait_all(client, tasks, lease, BUILD_TIMEOUT)
    # The index first, then the database: a row created in between is in both, not "gone".
    indexed = index_versions(client, uid).keys()
    stored = set(db.session.scalars(select(INDEXED_MODELS[index_name].id)))
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
