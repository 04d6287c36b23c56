"""The stakeholder map through the API, as JSON or CSV."""

from flask import request

from roster.api.auth import api_user, require
from roster.auth.permissions import can_read_directory
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.mapping import export, queries

FORMATS = ("json", "csv")


def _format() -> str:
    value = request.args.get("format") or "json"
    if value not in FORMATS:
        raise ValidationFailed({"format": [f"Choose one of: {', '.join(FORMATS)}."]})
    return value


def coverage_map():
    user = api_user()
    require(can_read_directory(user))
    filters = queries.clean_filters(request.args)
    answer_format = _format()
    coverage = queries.coverage(filters)
    if answer_format == "json":
        return export.map_to_api(coverage)
    export.record_export(user, coverage, filters)
    db.session.commit()
    return export.csv_response(coverage)
