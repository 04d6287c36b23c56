"""Draining the outbox into a real Meilisearch."""

import os
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from roster.database import utcnow
from roster.experts.models import Expert
from roster.extensions import db
from roster.search import engine
from roster.search.check import compare, index_versions
from roster.search.models import SearchOutbox
from roster.search.sync import Lease, drain, run_worker
from tests.factories import ExpertFactory, FocalPointFactory

# On PostgreSQL drainers claim rows side by side and take no lease (roster.search.claims).
sqlite_only = pytest.mark.skipif(
    os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="one drainer at a time is SQLite's way",
)


def indexed(index_name: str = "experts") -> dict[int, int]:
    return index_versions(engine.write_client(), engine.index_uid(index_name))


def outbox_size() -> int:
    return db.session.scalar(select(func.count()).select_from(SearchOutbox))


def search_names(q: str) -> list[str]:
    return [hit["name"] for hit in engine.search("experts", q, {})["hits"]]


@pytest.mark.usefixtures("meili")
def test_drain_makes_changes_searchable_with_the_current_version():
    expert = ExpertFactory(full_name="Kanya Srisuk")
    focal_point = FocalPointFactory()
    stats = drain()
    assert (stats.upserted, stats.deleted, stats.failed) == (2, 0, 0)
    assert outbox_size() == 0
    assert search_names("Kanya") == ["Kanya Srisuk"]
    assert indexed("focal_points") == {focal_point.id: focal_point.version}

    expert.full_name = "Kanya Wongsawat"
    db.session.commit()
    expert.position = "Commander"
    db.session.commit()
    assert drain().upserted == 1  # two rows, one document
    assert search_names("Wongsawat") == ["Kanya Wongsawat"]
    assert indexed() == {expert.id: expert.version}


@pytest.mark.usefixtures("meili")
def test_drain_deletes_documents_whose_row_is_gone():
    kept, removed = ExpertFactory(), ExpertFactory()
    drain()
    db.session.delete(removed)
    db.session.commit()
    stats = drain()
    assert stats.deleted == 1
    assert indexed() == {kept.id: kept.version}
    assert not compare("experts").has_drift


@pytest.mark.usefixtures("meili")
def test_rows_waiting_for_a_retry_stay_until_due():
    expert = ExpertFactory()
    db.session.execute(
        update(SearchOutbox).values(attempts=3, next_attempt_at=utcnow() + timedelta(minutes=1))
    )
    db.session.commit()
    assert drain().claimed == 0
    assert outbox_size() == 1
    assert indexed() == {}

    db.session.execute(update(SearchOutbox).values(next_attempt_at=utcnow()))
    db.session.commit()
    assert drain().claimed == 1
    assert indexed() == {expert.id: expert.version}


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="drainers run side by side on PostgreSQL",
)
@pytest.mark.usefixtures("meili")
def test_drainers_side_by_side_skip_the_rows_another_holds():
    held, free = ExpertFactory(), ExpertFactory()
    with db.engine.connect() as other, other.begin():
        other.execute(
            select(SearchOutbox.id).where(SearchOutbox.document_id == held.id).with_for_update()
        )
        assert drain().claimed == 1
        assert indexed() == {free.id: free.version}
    assert drain().claimed == 1
    assert indexed() == {held.id: held.version, free.id: free.version}


@sqlite_only
@pytest.mark.usefixtures("meili")
def test_only_one_drainer_at_a_time():
    expert = ExpertFactory()
    other = Lease("outbox")
    assert other.acquire()
    assert not Lease("outbox").acquire()

    stats = drain()
    assert stats.busy and stats.claimed == 0
    assert outbox_size() == 1

    other.release()
    assert drain().upserted == 1
    assert indexed() == {expert.id: expert.version}


@sqlite_only
@pytest.mark.usefixtures("meili")
def test_a_lease_left_by_a_killed_drainer_expires():
    ExpertFactory()
    killed = Lease("outbox", seconds=0.3)
    assert killed.acquire()
    assert drain().busy
    time.sleep(0.4)
    assert drain().upserted == 1
    assert not killed.renew()  # taken over: the old holder may no longer delete rows


@pytest.mark.usefixtures("meili")
def test_a_write_answers_at_once_and_the_worker_makes_it_searchable(
    app, make_user, api_token, client
):
    headers = api_token(make_user("staff"))
    answer = client.post(
        "/api/v1/experts",
        json={"full_name": "Nguyen Thi Lan", "nationality": "VNM", "email": "lan@example.org"},
        headers=headers,
    )
    assert answer.status_code == 201, answer.json
    expert_id = answer.json["id"]
    # The request only queued the change; what the author lands on reads the database.
    assert outbox_size() == 1 and indexed() == {}
    assert client.get(f"/api/v1/experts/{expert_id}", headers=headers).json["full_name"] == (
        "Nguyen Thi Lan"
    )
    db.session.rollback()

    stop = threading.Event()

    def work():
        with app.app_context():
            run_worker(stop, idle=0.05)

    worker = threading.Thread(target=work)
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while indexed() != {expert_id: answer.json["version"]} and time.monotonic() < deadline:
            db.session.rollback()
            time.sleep(0.02)
    finally:
        stop.set()
        worker.join(timeout=30)
    assert indexed() == {expert_id: answer.json["version"]}
    assert outbox_size() == 0


def test_without_meilisearch_writes_work_and_rows_wait(make_user, api_token, client):
    assert not engine.is_configured()
    assert engine.search_health() == "degraded"
    headers = api_token(make_user("staff"))
    answer = client.post(
        "/api/v1/experts", json={"full_name": "Aung Kyaw", "nationality": "MMR"}, headers=headers
    )
    assert answer.status_code == 201
    health = client.get("/healthz").json
    assert health == {"database": "ok", "search": "degraded", "semantic": "on"}
    assert drain().error
    assert db.session.scalar(select(SearchOutbox.document_id)) == answer.json["id"]
    assert db.session.get(Expert, answer.json["id"]) is not None
