"""Checking and writing an import: every row validated first, then all written or none."""

from dataclasses import dataclass, field

from sqlalchemy import func, select

from roster.audit import operations as audit
from roster.auth.permissions import can_edit_member_records
from roster.directory import operations as directory
from roster.directory.models import FocalPoint, FocalPointHolder
from roster.duplicates.keys import name_key
from roster.errors import Conflict, ValidationFailed
from roster.experts import operations as experts
from roster.experts.models import Expert
from roster.extensions import db
from roster.imports import cells
from roster.imports.columns import match_columns, unknown_columns
from roster.imports.reading import Table
from roster.imports.rows import row_data
from roster.validation import thematic_areas_read_once

KINDS = ("experts", "focal_points")
BATCH = 500


@dataclass
class Row:
    number: int
    data: dict
    errors: list[tuple[str, str]] = field(default_factory=list)
    existing_id: int | None = None
    values: dict | None = None
    similar_ids: list[int] = field(default_factory=list)


@dataclass
class Checked:
    kind: str
    rows: list[Row]
    unknown_columns: list[str]
    created: int = 0
    updated: int = 0

    @property
    def valid(self) -> list[Row]:
        return [row for row in self.rows if not row.errors]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    def report(self) -> dict:
        """The answer of the API: counts, errors and duplicates by row."""
        return {
            "rows": len(self.rows),
            "valid": len(self.valid),
            "created": self.created,
            "updated": self.updated,
            "errors": [
                {"row": row.number, "field": name, "message": message}
                for row in self.rows
                for name, message in row.errors
            ],
            "duplicates": [
                *(
                    {"row": row.number, "existing_id": row.existing_id, "reason": "same email"}
                    for row in self.rows
                    if row.existing_id
                ),
                *(
                    {"row": row.number, "existing_id": other, "reason": "similar name"}
                    for row in self.rows
                    for other in row.similar_ids
                ),
            ],
            "unknown_columns": self.unknown_columns,
        }


def _chunks(values: list, size: int = BATCH):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _ids_by_email(kind: str, emails: list[str]) -> dict[str, int]:
    """{lower-case email: id} of existing records with these emails (case aside)."""
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(set(emails))):
        if kind == "experts":
            email = func.lower(Expert.email)
            statement = select(email, Expert.id).where(email.in_(chunk)).order_by(Expert.id)
        else:
            email = func.lower(FocalPointHolder.email)
            statement = (
                select(email, FocalPointHolder.focal_point_id)
                .where(email.in_(chunk), FocalPointHolder.ended_on.is_(None))
                .order_by(FocalPointHolder.focal_point_id)
            )
        for address, record_id in db.session.execute(statement):
            found.setdefault(address, record_id)
    return found


def _experts_by_name_key(keys: set[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    if not keys:
        return found
    for expert_id, name in db.session.execute(select(Expert.id, Expert.full_name)):
        key = name_key(name)
        if key in keys:
            found.setdefault(key, []).append(expert_id)
    return found


def _validate_expert(row: Row, existing: dict[int, Expert]) -> None:
    try:
        row.values = experts.clean_expert_data(row.data, existing.get(row.existing_id))
    except ValidationFailed as error:
        row.errors += [
            (name, message) for name, messages in error.errors.items() for message in messages
        ]


def _validate_focal_point(actor, row: Row, references, existing: dict[int, FocalPoint]) -> None:
    code = row.data.get("member")
    focal_point = existing.get(row.existing_id)
    member = focal_point.member if focal_point else None
    if code:
        member = references.members[code.casefold()]
    if member is None:
        if "member" not in dict(row.errors):
            row.errors.append(("member", "A member is required."))
        return
    if not can_edit_member_records(actor, member.id):
        row.errors.append(("member", "You may import only your own member's focal points."))
        return
    if focal_point and focal_point.member_id != member.id:
        row.errors.append(
            ("member", f"This email belongs to a focal point of {focal_point.member.code}.")
        )
        return
    try:
        if focal_point:
            directory.clean_focal_point_fields(focal_point, row.data)
        else:
            directory.clean_new_focal_point(member, row.data)
            if not row.data.get("agency"):
                row.errors.append(("agency", "An agency is required."))
    except ValidationFailed as error:
        row.errors += [
            (name, message) for name, messages in error.errors.items() for message in messages
        ]


def check(actor, kind: str, table: Table, mapping: dict[int, str] | None = None) -> Checked:
    """Read and validate every row; nothing is written."""
    with thematic_areas_read_once():
        return _check(actor, kind, table, mapping)


def _check(actor, kind: str, table: Table, mapping: dict[int, str] | None) -> Checked:
    mapping = match_columns(kind, table.headers) if mapping is None else mapping
    references = cells.References()
    rows = []
    for number, cells_of_row in table.rows:
        data, errors = row_data(kind, mapping, cells_of_row, references)
        rows.append(Row(number=number, data=data, errors=errors))
    emails = [row.data["email"].lower() for row in rows if row.data.get("email")]
    known = _ids_by_email(kind, emails)
    first_row: dict[str, int] = {}
    for row in rows:
        email = (row.data.get("email") or "").lower()
        if not email:
            continue
        if email in first_row:
            row.errors.append(("email", f"The same email as row {first_row[email]}."))
        else:
            first_row[email] = row.number
            row.existing_id = known.get(email)
    model = Expert if kind == "experts" else FocalPoint
    existing = {}
    for chunk in _chunks([row.existing_id for row in rows if row.existing_id]):
        existing.update(
            {
                record.id: record
                for record in db.session.scalars(select(model).where(model.id.in_(chunk)))
            }
        )
    for row in rows:
        if kind == "experts":
            _validate_expert(row, existing)
        else:
            _validate_focal_point(actor, row, references, existing)
    if kind == "experts":
        new = [row for row in rows if not row.existing_id and row.data.get("full_name")]
        similar = _experts_by_name_key({name_key(row.data["full_name"]) for row in new})
        for row in new:
            row.similar_ids = similar.get(name_key(row.data["full_name"]), [])
    checked = Checked(kind=kind, rows=rows, unknown_columns=unknown_columns(table.headers, mapping))
    checked.created = sum(1 for row in checked.valid if not row.existing_id)
    checked.updated = sum(1 for row in checked.valid if row.existing_id)
    return checked


def _write_row(actor, kind: str, row: Row) -> None:
    if kind == "experts":
        expert = db.session.get(Expert, row.existing_id)
        experts.update_expert(actor, expert, row.data, expert.version)
        return
    if row.existing_id:
        focal_point = db.session.get(FocalPoint, row.existing_id)
        directory.update_focal_point(actor, focal_point, row.data, focal_point.version)
    else:
        member = directory.find_member(row.data["member"])
        directory.create_focal_point(actor, member, row.data)


def write(actor, checked: Checked, filename: str, valid_only: bool = False) -> None:
    """Write the valid rows (all rows must be valid unless `valid_only`), then audit the
    import as one entry; each record's own entry is written by its operation."""
    if checked.has_errors and not valid_only:
        raise ValueError("an import with errors writes nothing")
    with thematic_areas_read_once():
        created, updated = _write_rows(actor, checked, valid_only)
    checked.created, checked.updated = created, updated
    audit.record(
        actor,
        "import",
        checked.kind,
        None,
        {"file": filename, "rows": len(checked.rows), "created": created, "updated": updated},
    )


def _write_rows(actor, checked: Checked, valid_only: bool) -> tuple[int, int]:
    created = updated = 0
    new_experts = []
    for row in checked.valid:
        if checked.kind == "experts" and not row.existing_id:
            new_experts.append(row)
            continue
        try:
            with db.session.begin_nested():
                _write_row(actor, checked.kind, row)
        except (ValidationFailed, Conflict) as error:
            details = getattr(error, "errors", None) or {"row": [str(error)]}
            row.errors += [
                (name, message) for name, messages in details.items() for message in messages
            ]
            if not valid_only:
                break
            continue
        if row.existing_id:
            updated += 1
        else:
            created += 1
    # Rows were validated in check(): new experts go in a few large flushes.
    for start in range(0, len(new_experts), BATCH):
        experts.create_experts(actor, [row.values for row in new_experts[start : start + BATCH]])
        created += len(new_experts[start : start + BATCH])
    return created, updated
