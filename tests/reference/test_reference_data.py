from sqlalchemy import func, select

from roster.extensions import db
from roster.reference.models import Member, ThematicArea


def test_reference_data_complete(app):
    kinds = dict(db.session.execute(select(Member.kind, func.count()).group_by(Member.kind)).all())
    assert kinds == {"state": 42, "territory": 3, "organisation": 4}
    assert db.session.scalar(select(func.count()).select_from(ThematicArea)) == 18


def test_members_api_lists_all_49_with_contract_fields(client, make_user, api_token):
    headers = api_token(make_user("viewer"))
    body = client.get("/api/v1/members?per_page=100", headers=headers).get_json()

    assert body["_meta"]["total"] == 49
    by_code = {item["code"]: item for item in body["items"]}
    assert by_code["THA"] == {
        "code": "THA",
        "name": "Thailand",
        "kind": "state",
        "status": "member",
    }
    assert by_code["HKG"]["kind"] == "territory"
    assert by_code["UNODC"]["kind"] == "organisation"
    assert by_code["PRK"]["name"] == "DPR Korea"
    assert {"IOM", "UNHCR", "UNODC", "ILO", "TUR", "NCL", "MAC"} <= set(by_code)


def test_thematic_areas_api(client, make_user, api_token):
    headers = api_token(make_user("viewer"))
    items = client.get("/api/v1/thematic-areas", headers=headers).get_json()["items"]
    assert items[0] == {"code": "people-smuggling", "name": "People smuggling"}
    assert len(items) == 18


def test_load_reference_is_idempotent(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["roster", "load-reference"])
    assert result.exit_code == 0
    assert "Added 0 members and 0 thematic areas" in result.output


def test_admin_adds_observer_and_thematic_area(make_user, sign_in):
    client = sign_in(make_user("admin"))

    observer = client.post(
        "/admin/members/new",
        data={"code": "CAN", "name": "Canada", "kind": "state", "status": "observer"},
    )
    area = client.post("/admin/thematic-areas", data={"code": "cyber-crime", "name": "Cybercrime"})
    duplicate = client.post("/admin/thematic-areas", data={"code": "cyber-crime", "name": "Again"})

    assert (observer.status_code, area.status_code, duplicate.status_code) == (302, 302, 422)
    assert "This code is taken." in duplicate.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(select(Member).where(Member.code == "CAN")).status == "observer"
