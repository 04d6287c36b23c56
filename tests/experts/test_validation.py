"""Invalid experts are refused with every field's problem named, and windows are merged."""

import pytest
from sqlalchemy import func, select

from roster.experts.models import Expert
from roster.extensions import db
from tests.factories import ExpertFactory


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-email"),
        ("phone", "12"),
        ("phone", "call me"),
        ("languages", [{"code": "xx", "level": "fluent"}]),
        ("languages", [{"code": "th", "level": "expert"}]),
        ("languages", [{"code": "th", "level": "native"}, {"code": "th", "level": "basic"}]),
        ("languages", "th"),
        ("availability", [{"start": "2027-03-31", "end": "2027-01-10"}]),
        ("availability", [{"start": "2027-13-01", "end": "2027-12-31"}]),
        ("availability", [{"start": "2027-01-01"}]),
        ("thematic_areas", ["maritime", "basket-weaving"]),
        ("thematic_areas", "maritime"),
        ("full_name", ""),
        ("full_name", "   "),
        ("full_name", None),
        ("full_name", 42),
        ("full_name", "x" * 201),
        ("nationality", "XYZ"),
        ("nationality", "TH"),
    ],
)
def test_invalid_field_is_422_naming_the_field(client, staff_headers, payload, field, value):
    # A phone in international format, so that a bad nationality is the only problem.
    body = {**payload, "phone": "+66 81 234 5678", field: value}

    response = client.post("/api/v1/experts", json=body, headers=staff_headers)

    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    errors = response.get_json()["errors"]
    assert list(errors) == [field]
    assert all(isinstance(message, str) and message for message in errors[field])
    assert db.session.scalar(select(func.count()).select_from(Expert)) == 0


def test_missing_full_name_is_422(client, staff_headers, payload):
    del payload["full_name"]

    response = client.post("/api/v1/experts", json=payload, headers=staff_headers)

    assert response.status_code == 422
    assert response.get_json()["errors"]["full_name"] == ["This field is required."]


def test_every_error_is_reported_at_once(client, staff_headers):
    body = {
        "full_name": "",
        "email": "nope",
        "phone": "12",
        "languages": [{"code": "zz", "level": "native"}],
        "availability": [{"start": "2027-02-01", "end": "2027-01-01"}],
        "thematic_areas": ["unknown"],
        "nationality": "ABC",
    }

    response = client.post("/api/v1/experts", json=body, headers=staff_headers)

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {
        "full_name",
        "email",
        "phone",
        "languages",
        "availability",
        "thematic_areas",
        "nationality",
    }


def test_invalid_patch_changes_nothing(client, staff_headers):
    expert = ExpertFactory(email="old@example.org", organisation="Royal Thai Police")

    response = client.patch(
        f"/api/v1/experts/{expert.id}",
        json={"version": 1, "email": "broken", "organisation": "New"},
        headers=staff_headers,
    )

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["email"]
    db.session.expire_all()
    stored = db.session.get(Expert, expert.id)
    assert (stored.email, stored.organisation) == ("old@example.org", "Royal Thai Police")
    assert stored.version == 1


def test_patch_with_null_full_name_is_refused(client, staff_headers):
    expert = ExpertFactory()

    body = {"version": 1, "full_name": None}

    response = client.patch(f"/api/v1/experts/{expert.id}", json=body, headers=staff_headers)

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["full_name"]


@pytest.mark.parametrize(
    ("windows", "merged"),
    [
        (
            [("2027-01-01", "2027-01-31"), ("2027-01-15", "2027-02-15")],
            [("2027-01-01", "2027-02-15")],
        ),
        (
            [("2027-02-01", "2027-02-28"), ("2027-01-01", "2027-01-31")],
            [("2027-01-01", "2027-02-28")],
        ),
        (
            [("2027-01-01", "2027-01-31"), ("2027-02-02", "2027-02-28")],
            [("2027-01-01", "2027-01-31"), ("2027-02-02", "2027-02-28")],
        ),
        (
            [
                ("2027-01-01", "2027-12-31"),
                ("2027-03-01", "2027-03-02"),
                ("2027-05-05", "2027-05-05"),
            ],
            [("2027-01-01", "2027-12-31")],
        ),
    ],
    ids=["overlapping", "touching", "apart", "contained"],
)
def test_windows_are_merged_on_save(client, staff_headers, windows, merged):
    body = {
        "full_name": "Ana",
        "availability": [{"start": start, "end": end} for start, end in windows],
    }

    response = client.post("/api/v1/experts", json=body, headers=staff_headers)

    assert response.status_code == 201
    expected = [{"start": start, "end": end} for start, end in merged]
    assert response.get_json()["availability"] == expected
    db.session.expire_all()
    stored = db.session.get(Expert, response.get_json()["id"])
    assert [(w.start.isoformat(), w.end.isoformat()) for w in stored.availability] == merged


def test_national_phone_reads_in_the_country_of_the_nationality(client, staff_headers):
    body = {"full_name": "Siti", "nationality": "IDN", "phone": "0812 3456 7890"}

    response = client.post("/api/v1/experts", json=body, headers=staff_headers)

    assert response.status_code == 201
    assert response.get_json()["phone"] == "+6281234567890"


def test_patched_phone_uses_the_stored_nationality(client, staff_headers):
    expert = ExpertFactory(nationality="THA")

    response = client.patch(
        f"/api/v1/experts/{expert.id}",
        json={"version": 1, "phone": "02 123 4567"},
        headers=staff_headers,
    )

    assert response.status_code == 200
    assert response.get_json()["phone"] == "+6621234567"
