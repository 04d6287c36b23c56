"""Meilisearch going away, and a sync worker killed mid-batch: nothing written is lost."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from config import BASE_DIR
from roster.database import utcnow
from roster.experts.models import Expert
from roster.extensions import db
from roster.search import definition, engine
from roster.search.check import compare
from roster.search.models import SearchLease, SearchOutbox
from roster.search.sync import drain
from tests.factories import ExpertFactory


def outbox_size() -> int:
    size = db.session.scalar(select(func.count()).select_from(SearchOutbox))
    db.session.rollback()
    return size


def drain_until_empty(timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while outbox_size() and time.monotonic() < deadline:
        if not drain().claimed:
            time.sleep(0.2)  # rows waiting out their backoff
    assert outbox_size() == 0


def assert_index_matches_database() -> None:
    for index_name in definition.index_names():
        drift = compare(index_name)
        assert not drift.has_drift, drift


def test_changes_made_while_meilisearch_is_down_arrive_once_it_is_back(meili):
    kept, changed, removed = ExpertFactory(), ExpertFactory(), ExpertFactory()
    drain()
    meili.stop()
    try:
        changed.full_name = "Renamed During The Outage"
        db.session.delete(removed)
        added = ExpertFactory(full_name="Added During The Outage")
        stats = drain()
        assert stats.failed == 3 and stats.error
        rows = db.session.scalars(select(SearchOutbox)).all()
        assert {row.document_id for row in rows} == {changed.id, removed.id, added.id}
        assert all(row.attempts == 1 and row.last_error for row in rows)
        assert all(row.next_attempt_at > utcnow() for row in rows)
        db.session.rollback()
    finally:
        meili.start()
    drain_until_empty()
    assert_index_matches_database()
    hits = engine.search("experts", "Outage", {})["hits"]
    assert sorted(hit["id"] for hit in hits) == sorted([changed.id, added.id])
    assert kept.id in {hit["id"] for hit in engine.search("experts", "", {"limit": 10})["hits"]}


def start_worker(app, meili, batch_size: int) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "ROSTER_DATA_DIR": app.config["ROSTER_DATA_DIR"],
        "SECRET_KEY": "test-secret-key",
        "MEILI_URL": meili.url,
        "MEILI_MASTER_KEY": meili.master_key,
        "MEILI_INDEX_PREFIX": app.config["MEILI_INDEX_PREFIX"],
        "SEARCH_LEASE_SECONDS": "1",
    }
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "roster", "sync-worker"]
    return subprocess.Popen(
        [*command, "--batch-size", str(batch_size)],
        cwd=Path(BASE_DIR),
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout: float, step: float = 0.01) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def test_a_worker_killed_mid_batch_loses_nothing(app, meili):
    db.session.add_all(Expert(full_name=f"Batch Expert {n}", nationality="THA") for n in range(240))
    db.session.commit()
    total = outbox_size()
    assert total == 240

    worker = start_worker(app, meili, batch_size=20)
    try:
        assert wait_for(lambda: 0 < outbox_size() < total, timeout=60)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    finally:
        if worker.poll() is None:
            worker.kill()
    left = outbox_size()
    assert 0 < left < total
    if db.engine.dialect.name == "sqlite":
        lease = db.session.get(SearchLease, "outbox")
        assert lease is not None and lease.expires_at > utcnow()  # killed holding the lease
        db.session.rollback()

    # Changes while no worker runs, then a fresh worker (it must wait out the dead one's lease).
    first = db.session.scalar(select(Expert).order_by(Expert.id))
    first.position = "Changed while the worker was dead"
    db.session.delete(db.session.scalar(select(Expert).order_by(Expert.id.desc())))
    db.session.commit()

    worker = start_worker(app, meili, batch_size=20)
    try:
        assert wait_for(lambda: outbox_size() == 0, timeout=180, step=0.1)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=60) == 0
    finally:
        if worker.poll() is None:
            worker.kill()

    assert_index_matches_database()
    documents = engine.search("experts", "", {"limit": 1000, "attributesToRetrieve": ["id"]})
    ids = [hit["id"] for hit in documents["hits"]]
    assert len(ids) == len(set(ids)) == 239
