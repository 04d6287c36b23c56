"""Imports through the API: one multipart request checks, and unless told otherwise writes."""

from flask import request

from roster.api.auth import api_user, require
from roster.api.problems import problem
from roster.auth.permissions import can_import
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.imports import operations
from roster.imports.reading import MAX_BYTES, UnreadableFile, read_table

TRUE = ("1", "true", "yes", "on")


def _flag(name: str) -> bool:
    value = request.form.get(name, request.args.get(name, ""))
    return value.strip().lower() in TRUE


def _table():
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise ValidationFailed({"file": ["Send the spreadsheet as the multipart field `file`."]})
    try:
        data = upload.read(MAX_BYTES + 1)
    finally:
        upload.close()
    try:
        return upload.filename, read_table(upload.filename, data)
    except UnreadableFile as error:
        raise ValidationFailed({"file": [str(error)]}) from None


def _import(kind: str):
    user = api_user()
    require(can_import(user, kind))
    filename, table = _table()
    checked = operations.check(user, kind, table)
    if _flag("dry_run"):
        return checked.report(), 200
    valid_only = _flag("valid_only")
    if checked.has_errors and not valid_only:
        return problem(
            422,
            "Invalid rows",
            "Some rows are invalid: nothing was imported.",
            report=checked.report(),
        )
    operations.write(user, checked, filename, valid_only=valid_only)
    if checked.has_errors and not valid_only:
        db.session.rollback()
        return problem(
            422,
            "Invalid rows",
            "Some rows are invalid: nothing was imported.",
            report=checked.report(),
        )
    db.session.commit()
    return checked.report(), 201


def import_experts():
    return _import("experts")


def import_focal_points():
    return _import("focal_points")
