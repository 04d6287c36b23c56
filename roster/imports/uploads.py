"""Uploads kept between the steps of the import pages, under ROSTER_DATA_DIR/imports."""

import secrets
from pathlib import Path

from flask import current_app, session

from roster.imports.reading import Table, read_table

SESSION_KEY = "import_upload"


def _folder() -> Path:
    folder = Path(current_app.config["ROSTER_DATA_DIR"]) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep(kind: str, filename: str, data: bytes) -> None:
    """Store the upload and remember it in the session; an earlier one is dropped."""
    forget()
    token = secrets.token_hex(16)
    (_folder() / token).write_bytes(data)
    session[SESSION_KEY] = {"kind": kind, "token": token, "filename": filename, "mapping": None}


def current(kind: str) -> dict | None:
    upload = session.get(SESSION_KEY)
    if not upload or upload.get("kind") != kind or not (_folder() / upload["token"]).exists():
        return None
    return upload


def table(upload: dict) -> Table:
    return read_table(upload["filename"], (_folder() / upload["token"]).read_bytes())


def set_mapping(mapping: dict[int, str]) -> None:
    upload = dict(session[SESSION_KEY])
    upload["mapping"] = {str(position): field for position, field in mapping.items()}
    session[SESSION_KEY] = upload


def mapping_of(upload: dict) -> dict[int, str] | None:
    if upload.get("mapping") is None:
        return None
    return {int(position): field for position, field in upload["mapping"].items()}


def forget() -> None:
    upload = session.pop(SESSION_KEY, None)
    if upload:
        (_folder() / upload["token"]).unlink(missing_ok=True)
