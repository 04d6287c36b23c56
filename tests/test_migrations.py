"""The migrations build exactly the schema the models describe, and unwind cleanly.

Runs against a database of its own (a temporary SQLite file, or a fresh PostgreSQL database
beside TEST_DATABASE_URL) so the schema the other tests use is left alone.
"""

import os
import uuid
from contextlib import contextmanager

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from roster import create_app
from roster.extensions import db
from roster.search.models import include_in_schema


@contextmanager
def scratch_database(tmp_path):
    """The URL of an empty database that is removed afterwards."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base or not base.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    name = f"roster_migrations_{uuid.uuid4().hex[:12]}"
    server = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture
def migration_app(tmp_path):
    with scratch_database(tmp_path) as url:
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()


def schema_differences() -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_in_schema}
        )
        return compare_metadata(context, db.metadata)


def table_names() -> set[str]:
    with db.engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def test_migrations_match_models_and_downgrade_cleanly(migration_app):
    flask_migrate.upgrade()
    assert table_names() >= {table.name for table in db.metadata.sorted_tables}
    assert schema_differences() == []

    flask_migrate.downgrade(revision="base")
    assert table_names() <= {"alembic_version"}

    flask_migrate.upgrade()
    assert schema_differences() == []
