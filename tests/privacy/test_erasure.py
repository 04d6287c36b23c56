"""Erasure leaves no trace of the person in any table or in the index; purge keeps to dates."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from roster.activities.models import Participant
from roster.audit.models import AuditEntry
from roster.directory.models import FocalPoint, FocalPointHolder
from roster.experts.models import Expert
from roster.extensions import db
from roster.mail.operations import queue_mail
from roster.privacy.retention import purge
from roster.search import engine, sync
from tests.factories import ActivityFactory, FocalPointFactory, member
from tests.privacy.conftest import EXPERT_EMAIL, EXPERT_PHONE, FORMER_EMAIL, FP_EMAIL, FP_PHONE


def _everything_stored() -> str:
    """Every row of every table, as text."""
    rows = []
    for table in db.metadata.sorted_tables:
        rows += [repr(tuple(row)) for row in db.session.execute(select(table))]
    return "\n".join(rows)


def _index_text(index_name: str) -> str:
    index = engine.master_client().index(engine.index_uid(index_name))
    return repr([dict(document) for document in index.get_documents({"limit": 1000}).results])


def test_erasing_an_expert_leaves_no_trace(meili, client, people, accounts, api_token):
    staff, admin = api_token(accounts["staff"]), api_token(accounts["admin"])
    expert_id = people.expert.id
    expert_url = f"/api/v1/experts/{expert_id}"
    client.patch(
        expert_url, json={"version": 1, "bio": "Met Somchai Hidden in 2020"}, headers=staff
    )
    client.get(expert_url, headers=api_token(accounts["viewer"]))
    client.get("/api/v1/experts?q=Somchai+Hidden", headers=staff)
    queue_mail(EXPERT_EMAIL, "Invitation", "Dear Somchai Hidden, ...")
    db.session.commit()
    sync.drain()
    assert "Somchai Hidden" in _index_text("experts")

    version = client.get(expert_url, headers=admin).get_json()["version"]
    assert (
        client.post(f"{expert_url}/erase", json={"version": version}, headers=staff).status_code
        == 403
    )
    assert (
        client.post(f"{expert_url}/erase", json={"version": 99}, headers=admin).status_code == 409
    )
    answer = client.post(f"{expert_url}/erase", json={"version": version}, headers=admin)
    sync.drain()

    assert answer.status_code == 204
    assert client.get(expert_url, headers=admin).status_code == 404
    stored = _everything_stored()
    for trace in ("Somchai Hidden", EXPERT_EMAIL, EXPERT_PHONE):
        assert trace not in stored
        assert trace not in _index_text("experts")
    [erase] = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).all()
    assert (erase.record_type, erase.record_id, erase.changes) == ("expert", expert_id, {})


def test_erasing_a_focal_point_keeps_the_function_vacant(
    meili, client, people, accounts, api_token
):
    activity = ActivityFactory()
    db.session.add(
        Participant(
            activity_id=activity.id,
            focal_point_id=people.focal_point.id,
            full_name="Wayan Sutama",
            member_id=member("IDN").id,
            email=FP_EMAIL,
            person_key=f"email:{FP_EMAIL}",
        )
    )
    queue_mail(FP_EMAIL, "Please confirm your entry", "Dear Wayan Sutama, ...")
    db.session.commit()
    sync.drain()
    url = f"/api/v1/focal-points/{people.focal_point.id}"
    admin = api_token(accounts["admin"])

    answer = client.post(
        f"{url}/erase", json={"version": people.focal_point.version}, headers=admin
    )
    sync.drain()

    assert answer.status_code == 204
    body = client.get(url, headers=admin).get_json()
    assert body["full_name"] is None and body["position"] == people.focal_point.position
    stored = _everything_stored()
    for trace in ("Wayan Sutama", "Made Former", FP_EMAIL, FP_PHONE, FORMER_EMAIL):
        assert trace not in stored
        assert trace not in _index_text("focal_points")
    assert db.session.get(FocalPoint, people.focal_point.id) is not None


def test_erase_page_asks_for_confirmation(client, people, accounts, sign_in):
    expert_id, version = people.expert.id, people.expert.version
    url = f"/experts/{expert_id}/erase"
    sign_in(accounts["staff"])
    assert client.get(url).status_code == 403
    sign_in(accounts["admin"])
    assert "Type ERASE" in client.get(url).get_data(as_text=True)
    refused = client.post(url, data={"confirm": "yes", "version": str(version)})
    assert refused.status_code == 422
    done = client.post(url, data={"confirm": "ERASE", "version": str(version)})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Expert, expert_id) is None


def test_purge_erases_former_holders_after_the_retention_period(app, people):
    handed_over = date(2024, 1, 1)
    assert purge(handed_over + timedelta(days=729)).holders == 0
    db.session.commit()
    stats = purge(handed_over + timedelta(days=730))
    db.session.commit()

    assert stats.holders == 1
    former = db.session.scalar(
        select(FocalPointHolder).where(FocalPointHolder.full_name == "Made Former")
    )
    current = people.focal_point.current_holder
    assert (former.email, former.phone) == ("", "")
    assert (current.email, current.phone) == (FP_EMAIL, FP_PHONE)
    assert purge(handed_over + timedelta(days=731)).holders == 0


def test_purge_clears_old_audit_values_but_keeps_the_entries(app, client, staff_headers):
    focal_point = FocalPointFactory()
    client.patch(
        f"/api/v1/focal-points/{focal_point.id}",
        json={"version": 1, "phone": "+62215550199"},
        headers=staff_headers,
    )
    [entry] = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).all()
    entry.at = datetime.now(UTC) - timedelta(days=2556)
    db.session.commit()

    stats = purge()
    db.session.commit()

    db.session.refresh(entry)
    assert stats.audit_entries == 1
    assert entry.changes == {"fields": ["phone"]} and entry.redacted_at is not None
    assert purge().audit_entries == 0


def test_the_worker_runs_the_purge_daily(app):
    from roster.jobs import schedule

    job = schedule(app)["purge"]
    assert job.every_seconds == 24 * 3600
