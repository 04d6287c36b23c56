"""Backup while running, restore into an empty database, indexes rebuilt from it."""

from uuid import uuid4

import meilisearch
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from roster import create_app
from roster.extensions import db
from roster.search import engine

# The restore's own reindex takes leases: bookkeeping, not data.
BOOKKEEPING = {"search_leases"}


def _counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
        if table.name not in BOOKKEEPING
    }


@pytest.fixture
def empty_database(app, tmp_path):
    """The URL of a new, empty database on the same backend as the tests'."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite":
        yield str(url.set(database=str(tmp_path / "restored.db")))
        return
    name = f"{url.database}_restore_{uuid4().hex[:8]}"
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    server.dispose()


def test_backup_then_restore_gives_the_same_rows_and_a_searchable_index(
    app, meili, people, empty_database, tmp_path
):
    expert_id = people.expert.id
    copy = tmp_path / "roster.backup"
    assert app.test_cli_runner().invoke(args=["roster", "backup", str(copy)]).exit_code == 0
    refused = app.test_cli_runner().invoke(args=["roster", "restore", str(copy)])
    assert refused.exit_code == 1 and "--force" in refused.output
    before = _counts()

    prefix = f"t{uuid4().hex[:12]}_"
    target = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": empty_database,
            "SECRET_KEY": "test-secret-key",
            "MEILI_URL": app.config["MEILI_URL"],
            "MEILI_MASTER_KEY": app.config["MEILI_MASTER_KEY"],
            "MEILI_INDEX_PREFIX": prefix,
        }
    )
    try:
        # Commands run in the app context already pushed: the target's, not the tests'.
        with target.app_context():
            result = target.test_cli_runner().invoke(args=["roster", "restore", str(copy)])
            assert result.exit_code == 0, result.output
            assert "experts: 1 documents indexed" in result.output
            assert _counts() == before
            hits = engine.search("experts", "Somchai", {})["hits"]
            assert [hit["id"] for hit in hits] == [expert_id]
            db.session.remove()
            db.engine.dispose()
    finally:
        client = meilisearch.Client(meili.url, meili.master_key, timeout=5)
        for index in client.get_indexes({"limit": 1000})["results"]:
            if index.uid.startswith(prefix):
                client.delete_index(index.uid)
