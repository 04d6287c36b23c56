"""Roster pages: list, detail, and the forms that create, change and delete experts."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from roster.errors import CONFLICT_MESSAGE
from roster.experts.models import Expert
from roster.extensions import db
from tests.factories import ExpertFactory


def field_errors(html: str, field_id: str) -> list[str]:
    """The messages shown beside one field (its `<id>-error` list)."""
    pattern = rf'<ul class="errors" id="{re.escape(field_id)}-error">(.*?)</ul>'
    found = re.search(pattern, html, re.S)
    return re.findall(r"<li>(.*?)</li>", found.group(1), re.S) if found else []


def stored(expert_id: int) -> Expert:
    db.session.expire_all()
    return db.session.get(Expert, expert_id)


def form_data(**overrides) -> dict:
    data = {
        "full_name": "Nguyen Thi Lan",
        "name_local": "Nguyễn Thị Lan",
        "email": "lan@example.org",
        "phone": "+84 24 3825 1234",
        "nationality": "VNM",
        "organisation": "Ministry of Public Security",
        "position": "Lieutenant Colonel",
        "bio": "Victim identification.",
        "thematic_areas": ["victim-protection", "children"],
        "languages-0-code": "vi",
        "languages-0-level": "native",
        "languages-1-code": "en",
        "languages-1-level": "working",
        "languages-2-code": "",
        "languages-2-level": "",
        "availability-0-start": "2027-02-01",
        "availability-0-end": "2027-02-28",
        "availability-1-start": "",
        "availability-1-end": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def staff_client(sign_in, staff):
    return sign_in(staff)


def test_list_shows_the_roster(sign_in, make_user):
    ExpertFactory(
        full_name="Somchai Prasert",
        nationality="THA",
        organisation="Royal Thai Police",
        thematic_areas=["maritime"],
        languages=[("th", "native")],
    )
    client = sign_in(make_user("viewer"))

    response = client.get("/experts")

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in ("Somchai Prasert", "Thailand", "Royal Thai Police", "Irregular movement by sea"):
        assert text in html
    assert "Thai (native)" in html
    assert "New expert" not in html


def test_list_is_paged(staff_client):
    for number in range(27):
        ExpertFactory(full_name=f"Expert {number:02d}")

    first = staff_client.get("/experts").get_data(as_text=True)
    second = staff_client.get("/experts?page=2").get_data(as_text=True)

    assert "Expert 00" in first and "Expert 25" not in first
    assert "Expert 25" in second and "Expert 00" not in second
    assert "Page 1 of 2" in first
    assert "New expert" in first


def test_list_needs_sign_in(client):
    response = client.get("/experts")

    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_detail_shows_every_field_to_a_viewer(sign_in, make_user):
    expert = ExpertFactory(
        full_name="Ana Lima",
        phone="+66812345678",
        email_visibility="all",
        phone_visibility="all",
        languages=[("pt", "native"), ("en", "fluent")],
        availability=[(date(2027, 1, 10), date(2027, 3, 31))],
        thematic_areas=["children"],
    )
    client = sign_in(make_user("viewer"))

    html = client.get(f"/experts/{expert.id}").get_data(as_text=True)

    for text in (
        "Ana Lima",
        "+66812345678",
        expert.email,
        "Portuguese: native",
        "English: fluent",
        "2027-01-10 to 2027-03-31",
        "Children and unaccompanied minors",
        "Investigates trafficking networks.",
    ):
        assert text in html
    assert "Change history" not in html
    assert f"/experts/{expert.id}/edit" not in html
    assert f"/experts/{expert.id}/delete" not in html


def test_detail_offers_actions_and_history_to_staff(staff_client):
    expert = ExpertFactory()

    html = staff_client.get(f"/experts/{expert.id}").get_data(as_text=True)

    assert f"/audit/expert/{expert.id}" in html
    assert f"/experts/{expert.id}/edit" in html
    assert f"/experts/{expert.id}/delete" in html


def test_unknown_expert_page_is_404(staff_client):
    assert staff_client.get("/experts/999").status_code == 404
    assert staff_client.get("/experts/999/edit").status_code == 404


def test_new_form_has_blank_rows(staff_client):
    html = staff_client.get("/experts/new").get_data(as_text=True)

    assert 'name="languages-2-code"' in html and 'name="languages-3-code"' not in html
    assert 'name="availability-1-start"' in html and 'name="availability-2-start"' not in html
    assert 'type="checkbox" value="maritime"' in html
    assert '<label for="languages-0-code">Language</label>' in html


def test_create_from_the_form(staff_client):
    response = staff_client.post("/experts/new", data=form_data())

    assert response.status_code == 302
    expert = db.session.scalar(select(Expert))
    assert response.headers["Location"] == f"/experts/{expert.id}"
    assert (expert.full_name, expert.phone, expert.nationality) == (
        "Nguyen Thi Lan",
        "+842438251234",
        "VNM",
    )
    assert sorted((row.code, row.level) for row in expert.languages) == [
        ("en", "working"),
        ("vi", "native"),
    ]
    assert [(w.start, w.end) for w in expert.availability] == [
        (date(2027, 2, 1), date(2027, 2, 28))
    ]
    assert [area.code for area in expert.thematic_areas] == ["victim-protection", "children"]


def test_invalid_create_shows_errors_beside_fields_and_keeps_values(staff_client):
    data = form_data(
        **{
            "email": "not-an-email",
            "phone": "12",
            "languages-1-level": "",
            "availability-0-start": "2027-03-01",
            "availability-0-end": "2027-02-01",
        }
    )

    response = staff_client.post("/experts/new", data=data)

    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert field_errors(html, "email") and field_errors(html, "phone")
    assert field_errors(html, "languages") == [
        "Level of &#39;en&#39; must be one of: basic, working, fluent, native."
    ]
    assert "ends before it starts" in field_errors(html, "availability")[0]
    assert field_errors(html, "full_name") == []
    assert 'value="not-an-email"' in html
    assert 'value="Nguyen Thi Lan"' in html
    assert '<option selected value="vi">' in html
    assert 'name="availability-0-start" type="date" value="2027-03-01"' in html
    assert 'checked id="thematic_areas-' in html
    assert db.session.scalar(select(func.count()).select_from(Expert)) == 0


def test_missing_name_is_shown_beside_the_field(staff_client):
    response = staff_client.post("/experts/new", data=form_data(full_name=" "))

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert field_errors(html, "full_name") == ["This field is required."]


def test_edit_form_shows_current_values_and_blank_rows(staff_client):
    expert = ExpertFactory(
        languages=[("th", "native")], availability=[(date(2027, 1, 1), date(2027, 1, 31))]
    )

    html = staff_client.get(f"/experts/{expert.id}/edit").get_data(as_text=True)

    assert '<option selected value="th">' in html
    assert 'name="languages-3-code"' in html and 'name="languages-4-code"' not in html
    assert 'name="availability-0-start" type="date" value="2027-01-01"' in html
    assert 'name="availability-2-start"' in html
    assert re.search(r'name="version" type="hidden" value="1"', html)


def test_edit_saves_and_removes_emptied_rows(staff_client):
    expert = ExpertFactory(languages=[("th", "native")])
    data = form_data(version="1", **{"languages-0-code": "", "languages-0-level": ""})

    response = staff_client.post(f"/experts/{expert.id}/edit", data=data)

    assert response.status_code == 302
    saved = stored(expert.id)
    assert saved.version == 2
    assert saved.full_name == "Nguyen Thi Lan"
    assert [(row.code, row.level) for row in saved.languages] == [("en", "working")]


def test_invalid_edit_is_422_and_keeps_values(staff_client):
    expert = ExpertFactory()
    data = form_data(version="1", email="broken@", organisation="Changed")

    response = staff_client.post(f"/experts/{expert.id}/edit", data=data)

    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert field_errors(html, "email")
    assert 'value="Changed"' in html
    assert stored(expert.id).organisation == "Royal Thai Police"


def test_stale_edit_shows_the_current_values_with_409(staff_client):
    expert = ExpertFactory(organisation="Royal Thai Police")
    first = staff_client.post(
        f"/experts/{expert.id}/edit", data=form_data(version="1", organisation="First writer")
    )

    second = staff_client.post(
        f"/experts/{expert.id}/edit", data=form_data(version="1", organisation="Second writer")
    )

    assert first.status_code == 302
    html = second.get_data(as_text=True)
    assert second.status_code == 409
    assert CONFLICT_MESSAGE in html
    assert 'value="First writer"' in html and "Second writer" not in html
    assert re.search(r'name="version" type="hidden" value="2"', html)
    assert 'name="languages-4-code"' in html  # the stored two rows and three blank ones
    saved = stored(expert.id)
    assert (saved.organisation, saved.version) == ("First writer", 2)


def test_delete_asks_then_deletes(staff_client):
    expert = ExpertFactory(full_name="Ana Lima")

    confirmation = staff_client.get(f"/experts/{expert.id}/delete")
    response = staff_client.post(f"/experts/{expert.id}/delete")

    assert confirmation.status_code == 200
    assert "Delete Ana Lima?" in confirmation.get_data(as_text=True)
    assert response.status_code == 302
    assert response.headers["Location"] == "/experts"
    assert db.session.scalar(select(func.count()).select_from(Expert)) == 0


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_readers_get_403_on_every_form(sign_in, make_user, role):
    expert = ExpertFactory(organisation="Royal Thai Police")
    client = sign_in(make_user(role, "THA" if role == "editor" else None))

    answers = [
        client.get("/experts/new").status_code,
        client.post("/experts/new", data=form_data()).status_code,
        client.get(f"/experts/{expert.id}/edit").status_code,
        client.post(f"/experts/{expert.id}/edit", data=form_data(version="1")).status_code,
        client.get(f"/experts/{expert.id}/delete").status_code,
        client.post(f"/experts/{expert.id}/delete").status_code,
    ]

    assert answers == [403] * 6
    assert db.session.scalar(select(func.count()).select_from(Expert)) == 1
    assert stored(expert.id).organisation == "Royal Thai Police"


def test_forms_carry_and_need_the_csrf_token(app, staff_client, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    expert = ExpertFactory()

    form_page = staff_client.get(f"/experts/{expert.id}/delete").get_data(as_text=True)
    response = staff_client.post(f"/experts/{expert.id}/delete")

    assert 'name="csrf_token"' in form_page
    assert response.status_code == 400
    assert stored(expert.id) is not None
