"""Downloads: every match of a search as CSV or XLSX, focal points as vCards, a member's pack.

Fields come from the serializers, so each caller gets only what they may see; every download
is audited with the number of records it holds."""

from datetime import date

from flask import Flask, Response, abort, current_app, request

from roster.api.auth import api_user, require
from roster.audit.operations import record
from roster.auth.permissions import can_export
from roster.directory import queries as directory_queries
from roster.directory.models import FocalPoint
from roster.directory.serializers import focal_point_to_api
from roster.errors import ValidationFailed
from roster.experts import queries as expert_queries
from roster.experts.serializers import expert_to_api
from roster.exports import tables
from roster.exports.cells import expert_cells, focal_point_cells
from roster.exports.matches import batches, matching_ids
from roster.exports.pack import member_pack
from roster.exports.vcards import vcard
from roster.extensions import db
from roster.search.queries import parse

EXPERT_COLUMNS = [
    "id",
    "full_name",
    "name_local",
    "email",
    "phone",
    "nationality",
    "organisation",
    "position",
    "bio",
    "thematic_areas",
    "languages",
    "availability",
    "updated_at",
]
FOCAL_POINT_COLUMNS = [
    "id",
    "full_name",
    "name_local",
    "member",
    "agency",
    "position",
    "email",
    "phone",
    "shared_mailbox",
    "thematic_areas",
    "languages",
    "verified_at",
    "review_due",
]
FORMATS = {
    "experts": ("json", "csv", "xlsx"),
    "focal_points": ("json", "csv", "xlsx", "vcf"),
}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "vcf": "text/vcard; charset=utf-8",
}


def requested_format(kind: str) -> str:
    """The `format` asked for (json by default); 422 for one this list does not answer."""
    value = (request.args.get("format") or "json").strip().lower()
    if value not in FORMATS[kind]:
        raise ValidationFailed({"format": [f"Choose one of: {', '.join(FORMATS[kind])}."]})
    return value


def _experts(user, ids: list[int]):
    for chunk in batches(ids):
        for expert in expert_queries.expert_records_in_order(chunk):
            yield expert_to_api(expert, user)


def _focal_points(user, ids: list[int]):
    for chunk in batches(ids):
        for focal_point in directory_queries.focal_point_records_in_order(chunk):
            yield focal_point_to_api(focal_point, user)


def _audit(user, kind: str, answer_format: str, count: int) -> None:
    record(
        user,
        "export",
        kind,
        None,
        {"format": answer_format, "records": count, "search": request.args.to_dict(flat=False)},
    )
    db.session.commit()


def _in_app_context(app: Flask, body):
    # The file is written while the response is sent, after the request's context is gone:
    # each piece is read in an application context (and database session) of its own, pushed
    # and popped around it, never held across a yield where the server's contexts interleave.
    pieces = iter(body)
    while True:
        with app.app_context():
            piece = next(pieces, None)
        if piece is None:
            return
        yield piece


def _download(body, answer_format: str, name: str) -> Response:
    filename = f"{name}-{date.today().isoformat()}.{answer_format}"
    return Response(
        _in_app_context(current_app._get_current_object(), body),
        content_type=MEDIA_TYPES[answer_format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def experts_file(user, answer_format: str) -> Response:
    """Every expert matching the query string's search, as a file."""
    ids = matching_ids("experts", parse("experts", request.args))
    _audit(user, "expert", answer_format, len(ids))
    rows = (expert_cells(expert) for expert in _experts(user, ids))
    if answer_format == "csv":
        body = (chunk.encode() for chunk in tables.csv_chunks(EXPERT_COLUMNS, rows))
    else:
        body = tables.xlsx_chunks(EXPERT_COLUMNS, rows, "Experts")
    return _download(body, answer_format, "experts")


def focal_points_file(user, answer_format: str) -> Response:
    """Every focal point matching the query string's search, as a file or vCards."""
    ids = matching_ids("focal_points", parse("focal_points", request.args))
    _audit(user, "focal_point", answer_format, len(ids))
    focal_points = _focal_points(user, ids)
    if answer_format == "vcf":
        body = (
            vcard(fp, directory_queries.member_name(fp["member"])).encode() for fp in focal_points
        )
    elif answer_format == "csv":
        rows = (focal_point_cells(fp) for fp in focal_points)
        body = (chunk.encode() for chunk in tables.csv_chunks(FOCAL_POINT_COLUMNS, rows))
    else:
        rows = (focal_point_cells(fp) for fp in focal_points)
        body = tables.xlsx_chunks(FOCAL_POINT_COLUMNS, rows, "Focal points")
    return _download(body, answer_format, "focal-points")


def pack_pdf(user, code: str) -> Response:
    """The member's printable pack; audited as an export of its focal points."""
    member = directory_queries.member_by_code(code)
    if member is None:
        abort(404, description=f"There is no member {code}.")
    require(can_export(user))
    records = directory_queries.focal_point_records(FocalPoint.member_id == member.id)
    by_agency: dict[str, list[dict]] = {}
    for focal_point in sorted(records, key=lambda fp: (fp.agency.name, fp.position, fp.id)):
        by_agency.setdefault(focal_point.agency.name, []).append(
            focal_point_to_api(focal_point, user)
        )
    pdf = member_pack(member.name, member.code, list(by_agency.items()))
    record(
        user,
        "export",
        "focal_point",
        None,
        {"format": "pdf", "member": member.code, "records": len(records)},
    )
    db.session.commit()
    return Response(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{member.code}-pack.pdf"'},
    )


def member_pack_api(code: str):
    return pack_pdf(api_user(), code)
