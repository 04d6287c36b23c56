from datetime import date

from sqlalchemy import func, select

from roster.directory.models import FocalPoint, FocalPointHolder
from roster.extensions import db
from tests.factories import AgencyFactory, FocalPointFactory, member


def edit_form(focal_point, **changes):
    holder = focal_point.current_holder
    data = {
        "agency_id": str(focal_point.agency_id),
        "position": focal_point.position,
        "full_name": holder.full_name,
        "email": holder.email,
        "phone": holder.phone,
        "version": str(focal_point.version),
    }
    data.update(changes)
    return data


def test_member_page_lists_agencies_and_focal_points(make_user, sign_in):
    focal_point = FocalPointFactory(agency=AgencyFactory(member=member("THA"), name="DSI"))
    client = sign_in(make_user("viewer"))

    page = client.get("/members/THA")

    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "DSI" in html and focal_point.position in html and "Siti Rahayu" in html
    assert "Add an agency" not in html


def test_members_list_shows_counts(make_user, sign_in):
    FocalPointFactory()
    html = sign_in(make_user("viewer")).get("/members").get_data(as_text=True)
    assert "Indonesia" in html and "Thailand" in html and "UNODC" in html


def test_editor_changes_phone_through_form(make_user, sign_in):
    focal_point = FocalPointFactory()
    client = sign_in(make_user("editor", "IDN"))

    response = client.post(
        f"/focal-points/{focal_point.id}/edit", data=edit_form(focal_point, phone="021 5550177")
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).current_holder.phone == "+62215550177"


def test_editor_form_post_on_other_member_is_refused(make_user, sign_in):
    thai = FocalPointFactory(agency=AgencyFactory(member=member("THA")))
    client = sign_in(make_user("editor", "IDN"))

    response = client.post(
        f"/focal-points/{thai.id}/edit", data=edit_form(thai, phone="+6622051999")
    )
    create = client.post(
        "/focal-points/new",
        data={
            "member": "THA",
            "new_agency": "Royal Thai Police",
            "position": "NCP",
            "full_name": "Somchai Jaidee",
        },
    )

    assert (response.status_code, create.status_code) == (403, 403)
    db.session.expire_all()
    assert db.session.get(FocalPoint, thai.id).current_holder.phone == "+62215550100"
    assert db.session.scalar(select(func.count()).select_from(FocalPoint)) == 1


def test_invalid_fields_rerender_with_errors_beside_fields(make_user, sign_in):
    focal_point = FocalPointFactory()
    client = sign_in(make_user("staff"))

    response = client.post(
        f"/focal-points/{focal_point.id}/edit",
        data=edit_form(
            focal_point,
            email="nope@",
            phone="123",
            **{"languages-0-code": "xx", "languages-0-level": "native"},
        ),
    )

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="email-error"' in html and 'id="phone-error"' in html
    assert "Unknown language code" in html
    assert 'value="nope@"' in html
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).version == 1


def test_second_save_gets_conflict_with_current_values(make_user, sign_in):
    focal_point = FocalPointFactory()
    client = sign_in(make_user("staff"))
    url = f"/focal-points/{focal_point.id}/edit"

    loaded_by_both = edit_form(focal_point)

    first = client.post(url, data={**loaded_by_both, "position": "Saved first"})
    second = client.post(url, data={**loaded_by_both, "position": "Saved second"})

    assert first.status_code == 302
    assert second.status_code == 409
    html = second.get_data(as_text=True)
    assert "Someone else saved this record" in html
    assert 'value="Saved first"' in html
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).position == "Saved first"


def test_handover_page_keeps_previous_holder(make_user, sign_in):
    focal_point = FocalPointFactory(holder__started_on=date(2022, 1, 1))
    client = sign_in(make_user("editor", "IDN"))

    response = client.post(
        f"/focal-points/{focal_point.id}/handover",
        data={"full_name": "Budi Santoso", "holder_since": "2025-03-01", "version": "1"},
    )

    assert response.status_code == 302
    holders = db.session.scalars(
        select(FocalPointHolder).order_by(FocalPointHolder.started_on)
    ).all()
    assert [(h.full_name, h.started_on, h.ended_on) for h in holders] == [
        ("Siti Rahayu", date(2022, 1, 1), date(2025, 3, 1)),
        ("Budi Santoso", date(2025, 3, 1), None),
    ]
    history = client.get(f"/focal-points/{focal_point.id}/history").get_data(as_text=True)
    assert "Siti Rahayu" in history and "2025-03-01" in history


def test_staff_creates_focal_point_through_form(make_user, sign_in):
    client = sign_in(make_user("staff"))
    response = client.post(
        "/focal-points/new",
        data={
            "member": "THA",
            "new_agency": "Department of Special Investigation",
            "position": "National Contact Point, People Smuggling",
            "full_name": "Somchai Jaidee",
            "phone": "+66 2 831 9888",
            "thematic_areas": ["people-smuggling", "maritime"],
            "languages-0-code": "th",
            "languages-0-level": "native",
        },
    )
    assert response.status_code == 302
    focal_point = db.session.scalars(select(FocalPoint)).one()
    assert focal_point.member.code == "THA"
    assert [area.code for area in focal_point.thematic_areas] == ["people-smuggling", "maritime"]
    assert [(lang.code, lang.level) for lang in focal_point.languages] == [("th", "native")]


def test_csrf_token_required_when_enabled(app, make_user, sign_in):
    focal_point = FocalPointFactory()
    client = sign_in(make_user("staff"))
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = client.post(
            f"/focal-points/{focal_point.id}/edit", data=edit_form(focal_point, position="X")
        )
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).position != "X"
