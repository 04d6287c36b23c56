"""Consistent copies of the database while the service runs, and bringing one back.

SQLite uses its online backup API (readers and writers carry on during the copy); PostgreSQL
uses pg_dump's custom format and pg_restore. After a restore the search indexes are rebuilt
from the restored rows.
"""

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from roster.auth.models import User
from roster.directory.models import FocalPoint
from roster.experts.models import Expert
from roster.extensions import db


class RestoreRefused(Exception):
    """The target database already holds records and --force was not given."""


def _url():
    return db.engine.url


def _libpq_url() -> str:
    """The database URL as pg_dump and pg_restore read it (no SQLAlchemy driver name)."""
    return _url().set(drivername="postgresql").render_as_string(hide_password=False)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is not installed (PostgreSQL client tools are needed)")
    return path


def is_sqlite() -> bool:
    return _url().get_backend_name() == "sqlite"


def _copy_sqlite(source_path, target_path) -> None:
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()


def backup(path: Path) -> None:
    """Write a consistent copy of the whole database to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_sqlite():
        _copy_sqlite(_url().database, path)
        return
    subprocess.run(
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(path), _libpq_url()],
        check=True,
    )


def holds_records() -> bool:
    """Whether the database has accounts or people (reference data alone counts as empty)."""
    db.session.rollback()
    try:
        return any(
            db.session.scalar(select(func.count()).select_from(model))
            for model in (User, Expert, FocalPoint)
        )
    except DBAPIError:
        # No schema yet: an empty database.
        db.session.rollback()
        return False
    finally:
        db.session.remove()


def restore(path: Path, force: bool = False) -> None:
    """Replace the database with the copy at `path`; RestoreRefused unless empty or `force`."""
    if not path.is_file():
        raise FileNotFoundError(f"no backup at {path}")
    if holds_records() and not force:
        raise RestoreRefused("the database already holds records: give --force to replace them")
    db.engine.dispose()
    if is_sqlite():
        _copy_sqlite(path, _url().database)
    else:
        subprocess.run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                _libpq_url(),
                str(path),
            ],
            check=True,
        )
    db.engine.dispose()
