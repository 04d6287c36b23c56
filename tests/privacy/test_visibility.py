"""Who sees which contact detail, note and rating: every role on every surface."""

import pytest

from roster.activities.models import Assignment, Participant
from roster.extensions import db
from tests.factories import ActivityFactory, member
from tests.privacy.conftest import (
    EXPERT_EMAIL,
    EXPERT_PHONE,
    FORMER_EMAIL,
    FORMER_PHONE,
    FP_EMAIL,
    FP_PHONE,
    ROLES,
    SEES_EXPERT_STAFF_FIELDS,
    SEES_FOCAL_POINT_STAFF_FIELDS,
)


@pytest.mark.parametrize("role", ROLES)
def test_json_detail_and_list_leave_out_what_the_role_may_not_see(
    client, people, accounts, api_token, role
):
    headers = api_token(accounts[role])
    focal_point = client.get(f"/api/v1/focal-points/{people.focal_point.id}", headers=headers)
    expert = client.get(f"/api/v1/experts/{people.expert.id}", headers=headers)
    [listed_fp] = client.get("/api/v1/focal-points", headers=headers).get_json()["items"]
    [listed_expert] = client.get("/api/v1/experts", headers=headers).get_json()["items"]

    fp_sees = role in SEES_FOCAL_POINT_STAFF_FIELDS
    expert_sees = role in SEES_EXPERT_STAFF_FIELDS
    for body in (focal_point.get_json(), listed_fp):
        assert body["full_name"] == "Wayan Sutama"
        assert body["visibility"] == {"email": "staff", "phone": "staff"}
        assert ("email" in body, "phone" in body) == (fp_sees, fp_sees)
        assert (FP_EMAIL in str(body), FP_PHONE in str(body)) == (fp_sees, fp_sees)
    for body in (expert.get_json(), listed_expert):
        assert body["full_name"] == "Somchai Hidden"
        assert ("email" in body, "phone" in body) == (expert_sees, expert_sees)
        assert (EXPERT_EMAIL in str(body), EXPERT_PHONE in str(body)) == (expert_sees,) * 2


@pytest.mark.parametrize("role", ROLES)
def test_pages_leave_out_what_the_role_may_not_see(client, people, accounts, sign_in, role):
    sign_in(accounts[role])
    pages = {
        "focal point": client.get(f"/focal-points/{people.focal_point.id}"),
        "member": client.get("/members/IDN"),
        "focal point search": client.get("/focal-points?q=Wayan"),
        "expert": client.get(f"/experts/{people.expert.id}"),
        "expert search": client.get("/experts?q=Somchai"),
    }
    html = {name: response.get_data(as_text=True) for name, response in pages.items()}
    assert all(response.status_code == 200 for response in pages.values())
    assert "Wayan Sutama" in html["focal point"] and "Somchai Hidden" in html["expert"]

    fp_sees = role in SEES_FOCAL_POINT_STAFF_FIELDS
    for name in ("focal point", "member"):
        assert (FP_EMAIL in html[name], FP_PHONE in html[name]) == (fp_sees, fp_sees)
    assert FP_EMAIL not in html["focal point search"]
    expert_sees = role in SEES_EXPERT_STAFF_FIELDS
    assert (EXPERT_EMAIL in html["expert"], EXPERT_PHONE in html["expert"]) == (expert_sees,) * 2
    assert EXPERT_EMAIL not in html["expert search"]


def test_anonymous_callers_see_nothing(client, people):
    assert client.get(f"/api/v1/focal-points/{people.focal_point.id}").status_code == 401
    assert client.get("/api/v1/experts").status_code == 401
    page = client.get(f"/focal-points/{people.focal_point.id}")
    assert page.status_code == 302 and FP_EMAIL not in page.get_data(as_text=True)


@pytest.mark.parametrize("role", ROLES)
def test_former_holders_contact_details_are_for_the_office(
    client, people, accounts, api_token, sign_in, role
):
    url = f"/api/v1/focal-points/{people.focal_point.id}/history"
    items = client.get(url, headers=api_token(accounts[role])).get_json()["items"]
    former = next(item for item in items if item["full_name"] == "Made Former")
    html = sign_in(accounts[role]).get(f"/focal-points/{people.focal_point.id}/history")
    text = html.get_data(as_text=True)

    office = role in ("staff", "admin")
    assert ("email" in former, "phone" in former) == (office, office)
    assert (FORMER_EMAIL in text, FORMER_PHONE in text) == (office, office)
    assert "Made Former" in text


def test_visible_to_all_when_the_record_says_so(client, people, accounts, api_token):
    staff_headers = api_token(accounts["staff"])
    for url in (
        f"/api/v1/focal-points/{people.focal_point.id}",
        f"/api/v1/experts/{people.expert.id}",
    ):
        version = client.get(url, headers=staff_headers).get_json()["version"]
        answer = client.patch(
            url,
            json={"version": version, "visibility": {"email": "all", "phone": "all"}},
            headers=staff_headers,
        )
        assert answer.status_code == 200
        assert answer.get_json()["visibility"] == {"email": "all", "phone": "all"}

    viewer = api_token(accounts["viewer"])
    focal_point = client.get(f"/api/v1/focal-points/{people.focal_point.id}", headers=viewer)
    expert = client.get(f"/api/v1/experts/{people.expert.id}", headers=viewer)
    assert (focal_point.get_json()["email"], focal_point.get_json()["phone"]) == (
        FP_EMAIL,
        FP_PHONE,
    )
    assert (expert.get_json()["email"], expert.get_json()["phone"]) == (EXPERT_EMAIL, EXPERT_PHONE)


def test_defaults_follow_the_contract(client, staff_headers):
    created = client.post(
        "/api/v1/focal-points",
        json={"member": "IDN", "agency": "POLRI", "position": "NCP", "full_name": "A B"},
        headers=staff_headers,
    ).get_json()
    expert = client.post(
        "/api/v1/experts", json={"full_name": "C D"}, headers=staff_headers
    ).get_json()
    assert created["visibility"] == {"email": "all", "phone": "staff"}
    assert expert["visibility"] == {"email": "staff", "phone": "staff"}


def test_editors_set_their_members_visibility_only(client, people, accounts, api_token):
    url = f"/api/v1/focal-points/{people.focal_point.id}"
    body = {"version": people.focal_point.version, "visibility": {"phone": "all"}}
    assert client.patch(url, json=body, headers=api_token(accounts["editor_b"])).status_code == 403
    answer = client.patch(url, json=body, headers=api_token(accounts["editor_a"]))
    assert answer.get_json()["visibility"] == {"email": "staff", "phone": "all"}
    expert_url = f"/api/v1/experts/{people.expert.id}"
    body = {"version": people.expert.version, "visibility": {"email": "all"}}
    assert (
        client.patch(expert_url, json=body, headers=api_token(accounts["editor_a"])).status_code
        == 403
    )


@pytest.mark.parametrize(
    "visibility", [{"email": "everyone"}, {"fax": "all"}, "all", {}, {"phone": None}]
)
def test_bad_visibility_is_a_field_error(client, people, staff_headers, visibility):
    url = f"/api/v1/experts/{people.expert.id}"
    answer = client.patch(
        url,
        json={"version": people.expert.version, "visibility": visibility},
        headers=staff_headers,
    )
    assert answer.status_code == 422
    assert "visibility" in answer.get_json()["errors"]


def test_edit_form_sets_visibility(client, people, accounts, sign_in):
    sign_in(accounts["editor_a"])
    page = client.get(f"/focal-points/{people.focal_point.id}/edit").get_data(as_text=True)
    assert 'name="phone_visibility"' in page
    form = {
        "member": "IDN",
        "agency_id": str(people.focal_point.agency_id),
        "position": people.focal_point.position,
        "full_name": "Wayan Sutama",
        "email": FP_EMAIL,
        "phone": FP_PHONE,
        "email_visibility": "all",
        "phone_visibility": "staff",
        "version": str(people.focal_point.version),
    }
    answer = client.post(f"/focal-points/{people.focal_point.id}/edit", data=form)
    assert answer.status_code == 302
    db.session.expire_all()
    assert people.focal_point.email_visibility == "all"


@pytest.mark.parametrize("role", ROLES)
def test_notes_and_ratings_are_for_the_office(client, people, accounts, api_token, role):
    activity = ActivityFactory()
    assignment = Assignment(
        activity_id=activity.id,
        expert_id=people.expert.id,
        status="completed",
        rating=4,
        note="Sharp",
    )
    participant = Participant(
        activity_id=activity.id,
        full_name="Guest Person",
        member_id=member("THA").id,
        person_key="name:THA:guest person",
        notes="Needs a visa",
    )
    db.session.add_all([assignment, participant])
    db.session.commit()
    headers = api_token(accounts[role])

    detail = client.get(f"/api/v1/assignments/{assignment.id}", headers=headers).get_json()
    [listed] = client.get(
        f"/api/v1/activities/{activity.id}/participants", headers=headers
    ).get_json()["items"]

    office = role in ("staff", "admin")
    assert ("rating" in detail, "note" in detail) == (office, office)
    assert ("notes" in listed) == office
