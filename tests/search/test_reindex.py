"""Reindex (build, swap, replay) and search-check against a real Meilisearch."""

import random
import threading
import time

from sqlalchemy import select, update

from roster.experts.models import Expert
from roster.extensions import db
from roster.search import definition, engine
from roster.search.check import compare
from roster.search.reindex import reindex
from roster.search.sync import drain
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory


def index_uids() -> set[str]:
    prefix = engine.connection().prefix
    results = engine.master_client().get_indexes({"limit": 1000})["results"]
    return {index.uid for index in results if index.uid.startswith(prefix)}


def test_reindex_fills_a_fresh_index_and_swaps_it_in(app, meili):
    db.session.add_all(Expert(full_name=f"Roster Expert {n}") for n in range(120))
    agency = AgencyFactory()
    for _ in range(3):
        FocalPointFactory(agency=agency)
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["roster", "reindex"])
    assert result.exit_code == 0, result.output
    assert "experts: 120 documents indexed" in result.output
    assert "focal_points: 3 documents indexed" in result.output
    assert index_uids() == {engine.index_uid(name) for name in definition.index_names()}
    for index_name in definition.index_names():
        assert not compare(index_name).has_drift
    # The swapped-in index carries the settings: filters work.
    answer = engine.search("focal_points", "", {"filter": "member = IDN", "limit": 0})
    assert answer["estimatedTotalHits"] == 3


def test_reindex_without_a_live_index_creates_it(meili):
    ExpertFactory()
    engine.master_client().delete_index(engine.index_uid("experts"))
    stats = reindex("experts")
    assert stats.documents == 1
    assert not compare("experts").has_drift


def writer(app, stop: threading.Event, written: list, seed: int) -> None:
    """Create, change and delete experts, each change committed then drained like a request."""
    rng = random.Random(seed)
    with app.app_context():
        while not stop.is_set():
            ids = db.session.scalars(select(Expert.id)).all()
            action = rng.random()
            if action < 0.4 or not ids:
                expert = Expert(full_name=f"Written During Reindex {len(written)}")
                db.session.add(expert)
            elif action < 0.8:
                expert = db.session.get(Expert, rng.choice(ids))
                expert.position = f"Position {rng.randrange(10**6)}"
            else:
                db.session.delete(db.session.get(Expert, rng.choice(ids)))
            db.session.commit()
            written.append(time.monotonic())
            drain(time_budget=2)
        db.session.remove()


def test_reindex_while_another_thread_writes_loses_nothing(app, meili):
    db.session.add_all(Expert(full_name=f"Existing Expert {n}") for n in range(300))
    db.session.commit()
    drain()

    stop, written = threading.Event(), []
    thread = threading.Thread(target=writer, args=(app, stop, written, 7))
    thread.start()
    try:
        time.sleep(0.3)
        started = time.monotonic()
        stats = reindex("experts")
        finished = time.monotonic()
        time.sleep(0.3)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert stats.documents >= 300
    assert any(started < moment < finished for moment in written)  # the writes overlapped
    drain()

    result = app.test_cli_runner().invoke(args=["roster", "search-check"])
    assert result.exit_code == 0, result.output
    created = db.session.scalars(
        select(Expert.id).where(Expert.full_name.startswith("Written During Reindex"))
    ).all()
    hits = engine.search("experts", "Written During Reindex", {"limit": 1000})["hits"]
    assert {hit["id"] for hit in hits} >= set(created)


def test_search_check_reports_drift_and_exits_non_zero(app, meili):
    experts = [ExpertFactory() for _ in range(3)]
    FocalPointFactory()
    drain()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["roster", "search-check"])
    assert result.exit_code == 0, result.output
    assert (
        "experts: 3 in the database, 3 in the index; 0 missing, 0 extra, 0 stale" in result.output
    )

    # Changes that bypass the ORM (and so the outbox) drift the index away from the database.
    db.session.execute(
        update(Expert).where(Expert.id == experts[0].id).values(version=Expert.version + 1)
    )
    db.session.commit()
    client = engine.write_client()
    index = client.index(engine.index_uid("experts"))
    engine.wait_for_task(client, engine.delete_documents(index, [experts[1].id]))

    result = runner.invoke(args=["roster", "search-check"])
    assert result.exit_code == 1
    assert f"missing: {experts[1].id}" in result.output
    assert f"stale: {experts[0].id}" in result.output
    assert "focal_points: 1 in the database, 1 in the index; 0 missing" in result.output
