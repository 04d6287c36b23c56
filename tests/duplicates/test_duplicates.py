import threading
from datetime import date

from sqlalchemy import func, select

from roster.activities.models import Assignment
from roster.audit.models import AuditEntry
from roster.duplicates.keys import folded_name
from roster.experts.models import Expert
from roster.extensions import db
from roster.search import sync
from tests.factories import ActivityFactory, AssignmentFactory, ExpertFactory


def test_names_fold_across_scripts_and_diacritics():
    assert folded_name("Nguyễn Thị Hồng") == "nguyen thi hong"
    assert folded_name("สมชาย").isascii() and folded_name("สมชาย")
    assert folded_name("王小明") == "wangxiaoming"


def test_candidates_by_email_phone_and_name(client, staff_headers):
    a = ExpertFactory(full_name="Maria Santos", email="maria@example.org")
    b = ExpertFactory(full_name="M. Santos-Cruz", email="MARIA@example.org")
    c = ExpertFactory(full_name="Joseph Okafor", phone="+6621234567", email="j1@example.org")
    d = ExpertFactory(full_name="Somebody Else", phone="+6621234567", email="j2@example.org")
    e = ExpertFactory(full_name="Nguyễn Thị Hồng", email="h1@example.org")
    f = ExpertFactory(full_name="Nguyen Thi Hong", email="h2@example.org")
    g = ExpertFactory(full_name="Hong Nguyen Thi", email="h3@example.org")
    ExpertFactory(full_name="Completely Different", email="x@example.org")
    answer = client.get("/api/v1/experts/duplicates?per_page=100", headers=staff_headers)
    assert answer.status_code == 200
    pairs = {tuple(item["expert_ids"]): item["reason"] for item in answer.json["items"]}
    assert pairs[(a.id, b.id)] == "same email"
    assert pairs[(c.id, d.id)] == "same phone"
    assert pairs[(e.id, f.id)] == "similar name"
    assert pairs[(f.id, g.id)] == "similar name"
    assert len(pairs) == 5


def test_only_the_office_sees_duplicates(client, make_user, api_token):
    headers = api_token(make_user("viewer"))
    assert client.get("/api/v1/experts/duplicates", headers=headers).status_code == 403


def _pair():
    keep = ExpertFactory(
        full_name="Maria Santos",
        email="maria@example.org",
        phone="",
        thematic_areas=["maritime"],
        languages=[("en", "working")],
        availability=[(date(2027, 1, 1), date(2027, 1, 31))],
    )
    merged = ExpertFactory(
        full_name="Maria Santos",
        email="maria.santos@example.org",
        phone="+6621234567",
        thematic_areas=["children"],
        languages=[("en", "fluent"), ("tl", "native")],
        availability=[(date(2027, 2, 1), date(2027, 2, 28))],
    )
    activity = ActivityFactory(title="Workshop", start=date(2027, 3, 8), end=date(2027, 3, 12))
    assignment = AssignmentFactory(activity=activity, expert=merged, status="shortlisted")
    return keep, merged, assignment


def test_merge_moves_everything_and_the_merged_one_is_gone(client, staff_headers, meili):
    keep, merged, assignment = _pair()
    sync.drain()
    body = {"into": keep.id, "version": merged.version}
    answer = client.post(f"/api/v1/experts/{merged.id}/merge", json=body, headers=staff_headers)
    assert answer.status_code == 200, answer.json
    survivor = answer.json
    assert survivor["id"] == keep.id and survivor["phone"] == "+6621234567"
    assert survivor["email"] == "maria@example.org"
    assert set(survivor["thematic_areas"]) == {"maritime", "children"}
    assert survivor["languages"] == [
        {"code": "tl", "level": "native"},
        {"code": "en", "level": "fluent"},
    ]
    assert survivor["availability"] == [{"start": "2027-01-01", "end": "2027-02-28"}]
    assert db.session.get(Assignment, assignment.id).expert_id == keep.id
    assert client.get(f"/api/v1/experts/{merged.id}", headers=staff_headers).status_code == 404
    actions = {(e.record_id, e.action) for e in db.session.scalars(select(AuditEntry))}
    assert (merged.id, "merge") in actions and (keep.id, "update") in actions
    sync.drain()
    from roster.search import engine

    ids = [
        hit["id"]
        for hit in engine.search("experts", "Maria", {"attributesToRetrieve": ["id"]})["hits"]
    ]
    assert ids == [keep.id]


def test_merge_checks_version_and_target(client, staff_headers):
    keep, merged, _ = _pair()
    path = f"/api/v1/experts/{merged.id}/merge"
    stale = {"into": keep.id, "version": merged.version + 5}
    assert client.post(path, json=stale, headers=staff_headers).status_code == 409
    assert (
        client.post(
            path, json={"into": merged.id, "version": merged.version}, headers=staff_headers
        ).status_code
        == 422
    )
    assert (
        client.post(
            path, json={"into": 999999, "version": merged.version}, headers=staff_headers
        ).status_code
        == 422
    )
    assert (
        client.post(path, json={"version": merged.version}, headers=staff_headers).status_code
        == 422
    )


def test_merged_page_redirects_to_the_survivor(client, staff, staff_headers, sign_in):
    keep, merged, _ = _pair()
    keep_id, merged_id = keep.id, merged.id
    body = {"into": keep_id, "version": merged.version}
    client.post(f"/api/v1/experts/{merged_id}/merge", json=body, headers=staff_headers)
    answer = sign_in(staff).get(f"/experts/{merged_id}")
    assert answer.status_code == 302 and answer.headers["Location"].endswith(f"/experts/{keep_id}")


def test_merge_page_shows_which_value_survives(client, staff, sign_in):
    keep, merged, _ = _pair()
    page = sign_in(staff).get(f"/experts/{merged.id}/merge?into={keep.id}")
    assert page.status_code == 200
    assert b"+6621234567" in page.data and b"(from " in page.data
    answer = client.post(
        f"/experts/{merged.id}/merge", data={"into": keep.id, "version": merged.version}
    )
    assert answer.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Expert)) == 1


def _at_once(app, path: str, body: dict, headers_list) -> list[int]:
    """POST the same body from several threads released together; their status codes."""
    barrier = threading.Barrier(len(headers_list))
    outcomes = []

    def run(headers):
        barrier.wait(timeout=30)
        outcomes.append(app.test_client().post(path, json=body, headers=headers).status_code)

    threads = [threading.Thread(target=run, args=(headers,)) for headers in headers_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_staff_merging_the_same_pair_at_once(app, client, staff_headers, make_user, api_token):
    other_headers = api_token(make_user("staff"))
    for _ in range(3):
        keep, merged, assignment = _pair()
        keep_id, merged_id, assignment_id = keep.id, merged.id, assignment.id
        # SQLite reuses the ids of deleted rows: count only this test's entries.
        first_entry = db.session.scalar(select(func.coalesce(func.max(AuditEntry.id), 0)))
        body = {"into": keep_id, "version": merged.version}
        path = f"/api/v1/experts/{merged_id}/merge"
        outcomes = _at_once(app, path, body, (staff_headers, other_headers))
        assert sorted(outcomes) in ([200, 404], [200, 409]), outcomes
        db.session.expire_all()
        assert db.session.get(Expert, merged_id) is None
        assert db.session.get(Assignment, assignment_id).expert_id == keep_id
        merges = db.session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.action == "merge",
                AuditEntry.record_id == merged_id,
                AuditEntry.id > first_entry,
            )
        )
        assert merges == 1
        db.session.delete(db.session.get(Expert, keep_id))
        db.session.commit()
