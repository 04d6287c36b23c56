"""Single-line fields refuse line breaks and control characters; paragraphs keep line breaks."""

import pytest

from tests.factories import ExpertFactory, FocalPointFactory

BAD = ["Head\nof unit", "Head\rof unit", "Head\tof unit", "Head\x1bof", "Head\u2028of", "A\x85B"]


@pytest.mark.parametrize("value", BAD)
def test_api_refuses_control_characters_in_single_line_fields(client, staff_headers, value):
    focal_point = FocalPointFactory()
    expert = ExpertFactory()
    cases = [
        ("PATCH", f"/api/v1/focal-points/{focal_point.id}", {"version": 1, "position": value}),
        ("PATCH", f"/api/v1/focal-points/{focal_point.id}", {"version": 1, "full_name": value}),
        (
            "POST",
            "/api/v1/focal-points",
            {"member": "IDN", "agency": value, "position": "NCP", "full_name": "Dewi"},
        ),
        ("PATCH", f"/api/v1/experts/{expert.id}", {"version": 1, "organisation": value}),
        ("POST", "/api/v1/experts", {"full_name": value}),
        (
            "POST",
            "/api/v1/activities",
            {"title": value, "type": "other", "start": "2027-05-02", "end": "2027-05-02"},
        ),
    ]
    for method, url, body in cases:
        response = client.open(url, method=method, json=body, headers=staff_headers)
        assert response.status_code == 422, (url, body)
        assert response.mimetype == "application/problem+json"
        field = next(name for name in body if body[name] == value)
        assert "one line" in " ".join(response.get_json()["errors"][field])


def test_paragraph_fields_keep_line_breaks(client, staff_headers):
    response = client.post(
        "/api/v1/experts",
        json={"full_name": "Ana Lima", "bio": "Line one.\nLine two.\r\n\tIndented."},
        headers=staff_headers,
    )
    assert response.status_code == 201
    assert response.get_json()["bio"] == "Line one.\nLine two.\r\n\tIndented."


def test_names_in_scripts_with_joiners_are_fine(client, staff_headers):
    name = "ශ්‍රී ලංකා"  # Sinhala with a zero-width joiner
    response = client.post("/api/v1/experts", json={"full_name": name}, headers=staff_headers)
    assert response.status_code == 201


def test_forms_show_the_field_error(make_user, sign_in):
    client = sign_in(make_user("admin"))
    response = client.post("/admin/thematic-areas", data={"code": "x-y", "name": "Two\nlines"})
    assert response.status_code == 422
    assert 'id="name-error"' in response.get_data(as_text=True)
