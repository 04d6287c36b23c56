"""Keys, tasks, health and the local Meilisearch process."""

import meilisearch
import pytest
from meilisearch.errors import MeilisearchApiError

from roster.search import definition, engine
from roster.search.local import LocalMeilisearch, MeilisearchStartError


def key_record(key: str):
    return next(
        record for record in engine.master_client().get_keys({"limit": 1000}).results
        if record.key == key
    )  # fmt: skip


def test_keys_are_scoped_to_their_job_and_our_indexes(meili):
    keys = engine.ensure_keys()
    search_key, write_key = key_record(keys["search"]), key_record(keys["write"])
    assert search_key.actions == ["search"]
    assert search_key.indexes == [engine.index_uid(name) for name in definition.index_names()]
    assert "keys.create" not in write_key.actions and "search" not in write_key.actions
    assert write_key.indexes == [engine.index_uid(name) + "*" for name in definition.index_names()]

    searcher = meilisearch.Client(meili.url, keys["search"], timeout=5)
    assert searcher.index(engine.index_uid("experts")).search("")["hits"] == []
    with pytest.raises(MeilisearchApiError) as refused:
        searcher.index(engine.index_uid("experts")).add_documents([{"id": 1}])
    assert refused.value.status_code == 403

    writer = meilisearch.Client(meili.url, keys["write"], timeout=5)
    with pytest.raises(MeilisearchApiError) as refused:
        writer.create_index("someone_elses_index")
    assert refused.value.status_code == 403


def test_ensuring_keys_again_finds_the_same_keys(meili):
    first = engine.ensure_keys()
    engine.forget()  # as a fresh process would
    assert engine.ensure_keys() == first


def test_search_recovers_when_the_server_lost_its_keys(meili):
    master = engine.master_client()
    master.delete_key(key_record(engine.ensure_keys()["search"]).uid)
    with pytest.raises(engine.SearchUnavailable):
        engine.search("experts", "")
    assert engine.search("experts", "")["hits"] == []  # a new key was created


def test_waiting_for_a_failed_task_raises(meili):
    client = engine.write_client()
    index = client.index(engine.index_uid("experts"))
    task = index.add_documents([{"id": "not a valid id!", "version": 1}])
    with pytest.raises(engine.TaskFailed, match="invalid_document_id"):
        engine.wait_for_task(client, task.task_uid)
    succeeded = engine.wait_for_task(client, index.add_documents([{"id": 1}]).task_uid)
    assert succeeded.status == "succeeded"


def test_health_follows_meilisearch(app, meili, client):
    assert client.get("/healthz").json == {"database": "ok", "search": "ok", "semantic": "on"}
    app.config["MEILI_URL"] = "http://127.0.0.1:9"  # nothing listens there
    assert client.get("/healthz").json == {
        "database": "ok",
        "search": "degraded",
        "semantic": "on",
    }
    with pytest.raises(engine.SearchUnavailable):
        engine.search("experts", "anything")


def test_the_local_server_refuses_a_port_already_taken(meili, tmp_path):
    other = LocalMeilisearch(meili.binary, tmp_path, meili.port)
    with pytest.raises(MeilisearchStartError, match="already in use"):
        other.start()
    assert meili.is_running


def test_the_local_server_needs_its_binary(tmp_path):
    with pytest.raises(MeilisearchStartError, match="binary not found"):
        LocalMeilisearch(str(tmp_path / "missing"), tmp_path, 7700).start()
