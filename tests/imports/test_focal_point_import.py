from sqlalchemy import func, select

from roster.directory.models import FocalPoint, FocalPointHolder
from roster.extensions import db
from tests import factories
from tests.imports.files import csv_bytes, upload

PATH = "/api/v1/imports/focal-points"
HEADERS = ["Member", "Agency", "Function", "Full name", "Email", "Phone", "Languages"]


def _rows(*members: str) -> bytes:
    rows = [HEADERS] + [
        [
            member,
            "Ministry of Foreign Affairs",
            f"Contact point {n}",
            f"Official {n}",
            f"official{n}@example.go.th",
            "+66 2 123 4567",
            "th (native)",
        ]
        for n, member in enumerate(members)
    ]
    return csv_bytes(rows)


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(FocalPoint))


def test_editor_imports_own_member_focal_points(client, make_user, api_token):
    headers = api_token(make_user("editor", "THA"))
    answer = upload(client, PATH, headers, "fps.csv", _rows("Thailand", "THA"))
    assert answer.status_code == 201, answer.json
    assert answer.json["created"] == 2
    assert _count() == 2


def test_editor_import_with_another_members_row_writes_nothing(client, make_user, api_token):
    headers = api_token(make_user("editor", "THA"))
    answer = upload(client, PATH, headers, "fps.csv", _rows("THA", "Indonesia", "THA"))
    assert answer.status_code == 422
    assert [(e["row"], e["field"]) for e in answer.json["report"]["errors"]] == [(2, "member")]
    assert _count() == 0


def test_reimport_updates_the_holder_found_by_email(client, staff_headers):
    focal_point = factories.FocalPointFactory(
        agency=factories.AgencyFactory(member=factories.member("THA")),
        holder__email="Official0@example.go.th",
    )
    answer = upload(client, PATH, staff_headers, "fps.csv", _rows("THA"))
    assert answer.status_code == 201, answer.json
    assert (answer.json["created"], answer.json["updated"]) == (0, 1)
    assert answer.json["duplicates"] == [
        {"row": 1, "existing_id": focal_point.id, "reason": "same email"}
    ]
    holder = db.session.scalar(select(FocalPointHolder))
    assert holder.full_name == "Official 0" and holder.phone == "+6621234567"
    assert _count() == 1


def test_unknown_member_is_reported(client, staff_headers):
    answer = upload(client, PATH, staff_headers, "fps.csv", _rows("Narnia"), dry_run="true")
    assert answer.status_code == 200
    assert answer.json["errors"][0]["field"] == "member"
