import csv
import io

import pytest
from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.extensions import db
from roster.reference.models import Member, ThematicArea
from tests.factories import member


def cell(member_code, area_code, focal_points, experts, confirmed_share):
    return {
        "member": member_code,
        "thematic_area": area_code,
        "focal_points": focal_points,
        "experts": experts,
        "confirmed_share": confirmed_share,
    }


# Counted by hand from the fixture: the ended holder never counts, the focal point confirmed 13
# months ago counts as held but not as confirmed (1 of 3 confirmed in IDN, trafficking).
ALL_CELLS = [
    cell("IDN", "people-smuggling", 1, 0, 1.0),
    cell("IDN", "trafficking-in-persons", 3, 2, 0.33),
    cell("IDN", "border-management", 0, 1, 0.0),
    cell("IOM", "trafficking-in-persons", 1, 0, 0.0),
    cell("PHL", "trafficking-in-persons", 0, 1, 0.0),
    cell("THA", "people-smuggling", 1, 1, 1.0),
]


@pytest.fixture
def headers(make_user, api_token):
    return api_token(make_user("viewer"))


def _codes(statement) -> list[str]:
    return list(db.session.scalars(statement))


def test_map_counts_equal_hand_count(client, headers, mapped):
    response = client.get("/api/v1/map", headers=headers)

    assert response.status_code == 200
    body = response.get_json()
    assert body["members"] == _codes(select(Member.code).order_by(Member.name))
    assert body["thematic_areas"] == _codes(
        select(ThematicArea.code).order_by(ThematicArea.position)
    )
    assert body["cells"] == ALL_CELLS


def test_sector_filter_counts_only_its_agencies_focal_points(client, headers, mapped):
    police = client.get("/api/v1/map?sector=law-enforcement", headers=headers).get_json()
    immigration = client.get("/api/v1/map?sector=immigration-border", headers=headers).get_json()

    assert police["cells"] == [
        cell("IDN", "people-smuggling", 1, 0, 1.0),
        cell("IDN", "trafficking-in-persons", 2, 2, 0.5),
        cell("IDN", "border-management", 0, 1, 0.0),
        cell("PHL", "trafficking-in-persons", 0, 1, 0.0),
        cell("THA", "people-smuggling", 1, 1, 1.0),
    ]
    assert immigration["cells"] == [
        cell("IDN", "trafficking-in-persons", 1, 2, 0.0),
        cell("IDN", "border-management", 0, 1, 0.0),
        cell("PHL", "trafficking-in-persons", 0, 1, 0.0),
        cell("THA", "people-smuggling", 0, 1, 0.0),
    ]
    assert police["members"] == immigration["members"]


def test_kind_filter_keeps_only_those_rows(client, headers, mapped):
    body = client.get("/api/v1/map?kind=organisation", headers=headers).get_json()

    organisations = select(Member.code).where(Member.kind == "organisation").order_by(Member.name)
    assert body["members"] == _codes(organisations)
    assert body["cells"] == [cell("IOM", "trafficking-in-persons", 1, 0, 0.0)]


def test_status_filter_keeps_only_those_rows(client, headers, mapped):
    member("THA").status = "observer"
    db.session.commit()

    observers = client.get("/api/v1/map?status=observer", headers=headers).get_json()
    members = client.get("/api/v1/map?status=member&kind=state", headers=headers).get_json()

    assert observers["members"] == ["THA"]
    assert observers["cells"] == [cell("THA", "people-smuggling", 1, 1, 1.0)]
    assert "THA" not in members["members"]
    assert [c["member"] for c in members["cells"]] == ["IDN", "IDN", "IDN", "PHL"]


def test_invalid_filters_are_a_problem(client, headers):
    response = client.get("/api/v1/map?kind=planet&sector=navy&format=xml", headers=headers)

    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert set(response.get_json()["errors"]) == {"kind", "sector"}
    bad_format = client.get("/api/v1/map?format=xml", headers=headers)
    assert bad_format.status_code == 422
    assert set(bad_format.get_json()["errors"]) == {"format"}


def test_csv_has_the_json_cells(client, headers, mapped):
    json_cells = client.get("/api/v1/map?sector=law-enforcement", headers=headers).get_json()
    response = client.get("/api/v1/map?sector=law-enforcement&format=csv", headers=headers)

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["member", "thematic_area", "focal_points", "experts", "confirmed_share"]
    parsed = [cell(row[0], row[1], int(row[2]), int(row[3]), float(row[4])) for row in rows[1:]]
    assert parsed == json_cells["cells"]


def test_csv_export_is_audited_json_read_is_not(client, make_user, api_token, mapped):
    user = make_user("editor", "IDN")
    headers = api_token(user)

    client.get("/api/v1/map?kind=state", headers=headers)
    csv = client.get("/api/v1/map?kind=state&sector=maritime&format=csv", headers=headers)

    entries = list(db.session.scalars(select(AuditEntry)))
    assert [(e.action, e.record_type, e.record_id) for e in entries] == [("export", "export", None)]
    assert entries[0].user_id == user.id
    assert entries[0].changes == {
        "what": "map",
        "filters": {"kind": "state", "sector": "maritime"},
        "count": len(csv.get_data(as_text=True).splitlines()) - 1,
    }


@pytest.mark.parametrize("role", ["viewer", "editor", "staff", "admin"])
def test_every_signed_in_role_reads_the_map(client, make_user, api_token, role):
    user = make_user(role, "IDN" if role == "editor" else None)

    assert client.get("/api/v1/map", headers=api_token(user)).status_code == 200


def test_map_api_needs_a_token(client, make_user, sign_in):
    assert client.get("/api/v1/map").status_code == 401
    signed_in = sign_in(make_user("staff"))
    assert signed_in.get("/api/v1/map").status_code == 401
    assert client.get("/api/v1/map?format=csv").status_code == 401
