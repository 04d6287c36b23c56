"""Test fixtures: one schema per session, every table emptied after each test.

Tables are emptied rather than rolled back so that tests may commit from several threads or
processes, as the service does. TEST_DATABASE_URL selects PostgreSQL; SQLite is the default.
"""

import os

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from roster import create_app
from roster.auth.models import User
from roster.extensions import db, limiter
from roster.reference.operations import load_reference
from tests import factories


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("roster-data")


class FreshContextClient(FlaskClient):
    """Runs every request in its own app context, as in production: its own `g` and its own
    database session, separate from the test's."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(data_dir):
    database_url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{data_dir / 'test.db'}"
    os.environ["ROSTER_DATA_DIR"] = str(data_dir)
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SECRET_KEY": "test-secret-key",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    app.test_client_class = FreshContextClient
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_database(app):
    with app.app_context():
        load_reference()
        db.session.commit()
        limiter.reset()
        yield
        db.session.rollback()
        db.session.remove()
        _empty_tables()


def _empty_tables() -> None:
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user():
    def make(role: str = "viewer", member_code: str | None = None, **kwargs) -> User:
        member = factories.member(member_code) if member_code else None
        return factories.UserFactory(role=role, member=member, **kwargs)

    return make


@pytest.fixture
def sign_in(client):
    """Sign the test client in as `user` without going through the password hash."""

    def sign(user: User):
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return client

    return sign


@pytest.fixture
def api_token(app):
    """A bearer token header for `user`."""
    from roster.auth.operations import issue_token

    def token_for(user: User) -> dict:
        token, _ = issue_token(user, app.config["API_TOKEN_LIFETIME"])
        db.session.commit()
        return {"Authorization": f"Bearer {token}"}

    return token_for
