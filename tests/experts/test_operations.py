"""Writes of experts: audit entries with their diffs, and saves that race each other."""

from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm.exc import StaleDataError

from roster.audit.models import AuditEntry
from roster.errors import ValidationFailed, VersionConflict
from roster.experts import operations
from roster.experts.models import Expert
from roster.extensions import db
from tests.factories import ExpertFactory


def audit_entries(expert_id: int) -> list[AuditEntry]:
    statement = (
        select(AuditEntry)
        .where(AuditEntry.record_type == "expert", AuditEntry.record_id == expert_id)
        .order_by(AuditEntry.id)
    )
    return list(db.session.scalars(statement))


def test_create_is_audited_with_every_field(client, staff, staff_headers, payload):
    response = client.post("/api/v1/experts", json=payload, headers=staff_headers)

    [entry] = audit_entries(response.get_json()["id"])
    assert (entry.action, entry.actor, entry.user_id) == ("create", staff.email, staff.id)
    assert entry.changes == {
        "full_name": {"old": None, "new": "Somchai Prasert"},
        "name_local": {"old": None, "new": "สมชาย ประเสริฐ"},
        "email": {"old": None, "new": "Somchai.P@example.org"},
        "phone": {"old": None, "new": "+66812345678"},
        "nationality": {"old": None, "new": "THA"},
        "organisation": {"old": None, "new": "Royal Thai Police"},
        "position": {"old": None, "new": "Police Colonel"},
        "bio": {"old": None, "new": payload["bio"]},
        "thematic_areas": {"old": None, "new": ["trafficking-in-persons", "criminal-justice"]},
        "languages": {"old": None, "new": ["th:native", "en:fluent"]},
        "availability": {"old": None, "new": ["2027-01-10..2027-03-31"]},
        "email_visibility": {"old": None, "new": "staff"},
        "phone_visibility": {"old": None, "new": "staff"},
    }


def test_update_is_audited_with_only_what_changed(client, staff_headers):
    expert = ExpertFactory(
        organisation="Royal Thai Police",
        languages=[("th", "native"), ("en", "working")],
        availability=[(date(2027, 1, 10), date(2027, 3, 31))],
        thematic_areas=["maritime"],
    )

    response = client.patch(
        f"/api/v1/experts/{expert.id}",
        json={
            "version": 1,
            "organisation": "UNODC",
            "languages": [{"code": "th", "level": "native"}, {"code": "en", "level": "fluent"}],
            "availability": [{"start": "2027-01-10", "end": "2027-03-31"}],
            "thematic_areas": ["maritime", "children"],
        },
        headers=staff_headers,
    )

    assert response.status_code == 200
    [entry] = audit_entries(expert.id)
    assert entry.action == "update"
    assert entry.changes == {
        "organisation": {"old": "Royal Thai Police", "new": "UNODC"},
        "languages": {"old": ["th:native", "en:working"], "new": ["th:native", "en:fluent"]},
        "thematic_areas": {"old": ["maritime"], "new": ["maritime", "children"]},
    }


def test_update_that_changes_nothing_leaves_no_entry(staff):
    expert = ExpertFactory(organisation="UNODC")

    operations.update_expert(staff, expert, {"organisation": "UNODC"}, 1)
    db.session.commit()

    assert audit_entries(expert.id) == []
    assert expert.version == 2


def test_delete_is_audited_with_the_last_values(client, staff_headers):
    expert = ExpertFactory(
        full_name="Ana Lima",
        languages=[("pt", "native")],
        availability=[(date(2027, 6, 1), date(2027, 6, 30))],
    )
    expert_id = expert.id

    client.delete(f"/api/v1/experts/{expert_id}", headers=staff_headers)

    [entry] = audit_entries(expert_id)
    assert entry.action == "delete"
    # Who the expert was stays out of the trail of a deletion.
    assert not {"full_name", "email", "phone"} & set(entry.changes)
    assert "Ana Lima" not in str(entry.changes)
    assert entry.changes["languages"] == {"old": ["pt:native"], "new": None}
    assert entry.changes["availability"] == {"old": ["2027-06-01..2027-06-30"], "new": None}
    assert entry.changes["thematic_areas"] == {"old": [], "new": None}


def test_invalid_or_stale_writes_leave_no_entry(client, staff_headers):
    expert = ExpertFactory()

    client.post("/api/v1/experts", json={"full_name": ""}, headers=staff_headers)
    client.patch(f"/api/v1/experts/{expert.id}", json={"version": 9}, headers=staff_headers)

    assert db.session.scalars(select(AuditEntry)).all() == []


def test_forbidden_writes_leave_no_entry(client, make_user, api_token):
    expert = ExpertFactory()
    headers = api_token(make_user("viewer"))

    client.post("/api/v1/experts", json={"full_name": "Ana"}, headers=headers)
    client.patch(f"/api/v1/experts/{expert.id}", json={"version": 1}, headers=headers)
    client.delete(f"/api/v1/experts/{expert.id}", headers=headers)

    assert db.session.scalars(select(AuditEntry)).all() == []


def test_stale_version_is_refused_before_validation(staff):
    expert = ExpertFactory()

    with pytest.raises(VersionConflict):
        operations.update_expert(staff, expert, {"email": "broken"}, 7)


def test_create_reports_all_errors(staff):
    with pytest.raises(ValidationFailed) as raised:
        operations.create_expert(staff, {"email": "x", "languages": [{"code": "en"}]})

    assert set(raised.value.errors) == {"full_name", "email", "languages"}


def test_concurrent_save_is_caught_at_flush(staff):
    expert = ExpertFactory(organisation="Royal Thai Police")
    assert expert.version == 1
    # Another process saves the same expert between our read and our write.
    with db.engine.begin() as connection:
        connection.execute(
            update(Expert.__table__)
            .where(Expert.__table__.c.id == expert.id)
            .values(organisation="Other office", version=2)
        )

    with pytest.raises(StaleDataError):
        operations.update_expert(staff, expert, {"organisation": "Mine"}, 1)

    db.session.rollback()
    stored = db.session.get(Expert, expert.id)
    assert (stored.organisation, stored.version) == ("Other office", 2)
    assert audit_entries(expert.id) == []


def test_language_level_change_keeps_the_row(staff):
    expert = ExpertFactory(languages=[("th", "working")])

    operations.update_expert(
        staff, expert, {"languages": [{"code": "TH", "level": "Native"}]}, expert.version
    )
    db.session.commit()
    db.session.expire_all()

    stored = db.session.get(Expert, expert.id)
    assert [(row.code, row.level) for row in stored.languages] == [("th", "native")]
