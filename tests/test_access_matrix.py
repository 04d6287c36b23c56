"""Every page and API route, for every kind of user, answers with exactly the expected status."""

import pytest

from roster.extensions import db
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory, UserFactory, member

ROLES = ("anonymous", "viewer", "editor_a", "editor_b", "staff", "admin")


def statuses(anonymous, viewer, editor_a, editor_b, staff, admin):
    return dict(zip(ROLES, (anonymous, viewer, editor_a, editor_b, staff, admin), strict=True))


READ_PAGE = statuses(302, 200, 200, 200, 200, 200)
EDITOR_A_PAGE = statuses(302, 403, 200, 403, 200, 200)
RSO_PAGE = statuses(302, 403, 403, 403, 200, 200)
ADMIN_PAGE = statuses(302, 403, 403, 403, 403, 200)
READ_API = statuses(401, 200, 200, 200, 200, 200)

PAGES = [
    ("GET", "/members", None, READ_PAGE),
    ("GET", "/members/IDN", None, READ_PAGE),
    ("GET", "/members/IDN/agencies/new", None, EDITOR_A_PAGE),
    ("GET", "/agencies/{agency}/edit", None, EDITOR_A_PAGE),
    ("POST", "/agencies/{agency}/edit", "agency_form", statuses(302, 403, 302, 403, 302, 302)),
    ("GET", "/focal-points", None, READ_PAGE),
    ("GET", "/focal-points/new", None, statuses(302, 403, 200, 200, 200, 200)),
    ("GET", "/focal-points/{focal_point}", None, READ_PAGE),
    ("GET", "/focal-points/{focal_point}/edit", None, EDITOR_A_PAGE),
    ("GET", "/focal-points/{focal_point}/handover", None, EDITOR_A_PAGE),
    ("GET", "/focal-points/{focal_point}/delete", None, EDITOR_A_PAGE),
    ("POST", "/focal-points/{focal_point}/delete", {}, statuses(302, 403, 302, 403, 302, 302)),
    ("GET", "/focal-points/{focal_point}/history", None, READ_PAGE),
    ("GET", "/experts", None, READ_PAGE),
    ("GET", "/experts/new", None, RSO_PAGE),
    ("GET", "/experts/{expert}", None, READ_PAGE),
    ("GET", "/experts/{expert}/edit", None, RSO_PAGE),
    ("GET", "/experts/{expert}/delete", None, RSO_PAGE),
    ("POST", "/experts/{expert}/delete", {}, statuses(302, 403, 403, 403, 302, 302)),
    ("GET", "/audit/focal_point/{focal_point}", None, RSO_PAGE),
    ("GET", "/admin/users", None, ADMIN_PAGE),
    ("GET", "/admin/users/new", None, ADMIN_PAGE),
    ("GET", "/admin/users/{user}", None, ADMIN_PAGE),
    ("GET", "/admin/thematic-areas", None, ADMIN_PAGE),
    ("GET", "/admin/members/new", None, ADMIN_PAGE),
    ("GET", "/admin/mail", None, ADMIN_PAGE),
    ("GET", "/focal-points/due", None, statuses(302, 403, 200, 200, 200, 200)),
    ("GET", "/map", None, READ_PAGE),
    ("GET", "/map.csv", None, READ_PAGE),
    ("GET", "/map/IDN/trafficking-in-persons", None, READ_PAGE),
    ("GET", "/privacy", None, statuses(200, 200, 200, 200, 200, 200)),
    ("GET", "/experts/{expert}/erase", None, ADMIN_PAGE),
    ("GET", "/focal-points/{focal_point}/erase", None, ADMIN_PAGE),
]

API = [
    ("GET", "/api/v1/members", None, READ_API),
    ("GET", "/api/v1/thematic-areas", None, READ_API),
    ("GET", "/api/v1/agencies", None, READ_API),
    ("GET", "/api/v1/focal-points", None, READ_API),
    ("GET", "/api/v1/focal-points/{focal_point}", None, READ_API),
    ("GET", "/api/v1/focal-points/{focal_point}/history", None, READ_API),
    ("POST", "/api/v1/focal-points", "focal_point_json", statuses(401, 403, 201, 403, 201, 201)),
    (
        "PATCH",
        "/api/v1/focal-points/{focal_point}",
        {"version": 1, "position": "Changed"},
        statuses(401, 403, 200, 403, 200, 200),
    ),
    ("DELETE", "/api/v1/focal-points/{focal_point}", None, statuses(401, 403, 204, 403, 204, 204)),
    ("GET", "/api/v1/experts", None, READ_API),
    ("GET", "/api/v1/experts/{expert}", None, READ_API),
    ("POST", "/api/v1/experts", {"full_name": "Ana Lima"}, statuses(401, 403, 403, 403, 201, 201)),
    (
        "PATCH",
        "/api/v1/experts/{expert}",
        {"version": 1, "bio": "Changed"},
        statuses(401, 403, 403, 403, 200, 200),
    ),
    ("DELETE", "/api/v1/experts/{expert}", None, statuses(401, 403, 403, 403, 204, 204)),
    (
        "GET",
        "/api/v1/audit?record_type=focal_point&record_id={focal_point}",
        None,
        statuses(401, 403, 403, 403, 200, 200),
    ),
    ("DELETE", "/api/v1/tokens/current", None, statuses(401, 204, 204, 204, 204, 204)),
    ("GET", "/api/v1/map", None, READ_API),
    ("GET", "/api/v1/mail", None, statuses(401, 403, 403, 403, 403, 200)),
    (
        "GET",
        "/api/v1/focal-points?review=due",
        None,
        statuses(401, 403, 200, 200, 200, 200),
    ),
    (
        "POST",
        "/api/v1/focal-points/{focal_point}/confirmation-requests",
        None,
        statuses(401, 403, 202, 403, 202, 202),
    ),
    (
        "POST",
        "/api/v1/experts/{expert}/erase",
        {"version": 1},
        statuses(401, 403, 403, 403, 403, 204),
    ),
    (
        "POST",
        "/api/v1/focal-points/{focal_point}/erase",
        {"version": 1},
        statuses(401, 403, 403, 403, 403, 204),
    ),
]


@pytest.fixture
def records():
    agency = AgencyFactory(member=member("IDN"))
    return {
        "agency": agency,
        "focal_point": FocalPointFactory(agency=agency),
        "expert": ExpertFactory(),
        "user": UserFactory(role="viewer"),
    }


def payload(name, records):
    agency = records["agency"]
    if name == "agency_form":
        return {"name": "Renamed agency", "sector": "labour", "version": str(agency.version)}
    if name == "focal_point_json":
        return {"member": "IDN", "agency": agency.name, "position": "NCP", "full_name": "Dewi"}
    return name


def user_for(role, make_user):
    if role == "anonymous":
        return None
    if role.startswith("editor"):
        return make_user("editor", "IDN" if role == "editor_a" else "THA")
    return make_user(role)


def expand(path, records):
    return path.format(**{name: record.id for name, record in records.items()})


def cases(routes):
    return [pytest.param(*route, id=f"{route[0]} {route[1]}") for route in routes]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "expected"), cases(PAGES))
def test_page_access(client, make_user, sign_in, records, role, method, path, body, expected):
    user = user_for(role, make_user)
    if user is not None:
        sign_in(user)
    url = expand(path, records)
    data = payload(body, records)
    db.session.expire_all()

    response = client.open(url, method=method, data=data)

    assert response.status_code == expected[role], url
    if role == "anonymous" and expected[role] == 302:
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "expected"), cases(API))
def test_api_access(client, make_user, api_token, records, role, method, path, body, expected):
    user = user_for(role, make_user)
    headers = api_token(user) if user is not None else {}
    url = expand(path, records)
    data = payload(body, records)

    response = client.open(url, method=method, json=data, headers=headers)

    assert response.status_code == expected[role], url
    if response.status_code >= 400:
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == response.status_code
