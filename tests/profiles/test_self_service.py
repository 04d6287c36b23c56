"""Expert self-service through the mailed link: profile, consent, CV, reminders, the index."""

import io
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.database import utcnow
from roster.experts.models import Expert
from roster.extensions import db
from roster.mail.models import MailMessage
from roster.profiles.models import ProfileRequest
from tests.factories import ExpertFactory
from tests.links import days_later, last_mail, tampered
from tests.mail_links import assert_stored_sealed, link_paths
from tests.profiles.documents import docx_with_text, pdf_with_text


def stored(expert_id: int) -> Expert:
    db.session.expire_all()
    return db.session.get(Expert, expert_id)


def send_link(client, headers, expert) -> str:
    response = client.post(f"/api/v1/experts/{expert.id}/profile-requests", headers=headers)
    assert response.status_code == 202
    assert response.get_json() == {"sent_to": expert.email}
    (path,) = link_paths(last_mail(expert.email), "/profile/")
    return path


def form(**overrides) -> dict:
    data = {
        "position": "Senior Inspector",
        "organisation": "Royal Thai Police",
        "phone": "+66 2 555 0100",
        "bio": "Maritime investigations and victim identification.",
        "thematic_areas": ["maritime"],
        "languages-0-code": "th",
        "languages-0-level": "native",
        "languages-1-code": "en",
        "languages-1-level": "fluent",
        "availability-0-start": "2027-05-01",
        "availability-0-end": "2027-06-30",
        "consent": "y",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def cv_folder(app) -> Path:
    return Path(app.config["ROSTER_DATA_DIR"]) / "cvs"


def cv_files(app) -> set[str]:
    folder = cv_folder(app)
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


def test_profile_request_needs_staff_and_an_address(client, make_user, api_token, staff_headers):
    expert = ExpertFactory()
    url = f"/api/v1/experts/{expert.id}/profile-requests"
    assert client.post(url).status_code == 401
    assert client.post(url, headers=api_token(make_user("viewer"))).status_code == 403
    assert client.post(url, headers=api_token(make_user("editor", "THA"))).status_code == 403
    assert (
        client.post("/api/v1/experts/999999/profile-requests", headers=staff_headers).status_code
        == 404
    )
    silent = ExpertFactory(email="")
    response = client.post(f"/api/v1/experts/{silent.id}/profile-requests", headers=staff_headers)
    assert response.status_code == 422
    assert "email" in response.get_json()["errors"]


def test_expert_updates_their_profile_at_once(client, staff_headers, sign_in, staff):
    expert = ExpertFactory(full_name="Malee Srisuk", email="malee@example.org")
    path = send_link(client, staff_headers, expert)

    page = client.get(path)
    assert page.status_code == 200 and "Your roster profile" in page.text
    assert client.post(path, data=form()).status_code == 200

    saved = stored(expert.id)
    assert saved.position == "Senior Inspector"
    assert saved.phone == "+6625550100"
    assert [(item.code, item.level) for item in saved.languages] == [
        ("en", "fluent"),
        ("th", "native"),
    ]
    assert [(w.start.isoformat(), w.end.isoformat()) for w in saved.availability] == [
        ("2027-05-01", "2027-06-30")
    ]
    assert saved.full_name == "Malee Srisuk"  # not the expert's to change
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.record_type == "expert").order_by(AuditEntry.id.desc())
    ).first()
    assert entry.actor == "expert via link: malee@example.org"
    assert "position" in entry.changes and "consent" in entry.changes

    body = client.get(f"/api/v1/experts/{expert.id}", headers=staff_headers).get_json()
    assert body["consent_at"] and body["consent_source"] == "expert"
    assert body["consent_purpose"]
    detail = sign_in(staff).get(f"/experts/{expert.id}")
    assert "Updated by the expert on" in detail.text

    # The link is spent.
    assert client.get(path).status_code == 410
    assert client.post(path, data=form(position="Changed again")).status_code == 410
    assert stored(expert.id).position == "Senior Inspector"


def test_tampered_and_expired_links_change_nothing(client, staff_headers, monkeypatch):
    expert = ExpertFactory(position="Inspector")
    path = send_link(client, staff_headers, expert)

    assert client.get(tampered(path)).status_code == 404
    assert client.post(tampered(path), data=form()).status_code == 404
    days_later(monkeypatch, 15)
    assert client.get(path).status_code == 410
    assert client.post(path, data=form()).status_code == 410
    saved = stored(expert.id)
    assert (saved.position, saved.consent_at, saved.confirmed_at) == ("Inspector", None, None)


def test_invalid_input_keeps_the_link(client, staff_headers):
    expert = ExpertFactory(position="Inspector")
    path = send_link(client, staff_headers, expert)

    response = client.post(path, data=form(**{"availability-0-end": "2027-04-01"}))
    assert response.status_code == 422
    assert stored(expert.id).position == "Inspector"
    assert client.post(path, data=form()).status_code == 200


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text, not a CV", "PDF or a Word document"),
        (b"%PDF-1.4 garbage that no reader can parse", "cannot be read"),
        (b"PK\x03\x04 not really a zip", "not a Word document"),
    ],
)
def test_cv_of_the_wrong_kind_is_refused(app, client, staff_headers, content, message):
    expert = ExpertFactory(position="Inspector")
    path = send_link(client, staff_headers, expert)
    before = cv_files(app)

    upload = {"cv": (io.BytesIO(content), "cv.pdf")}
    response = client.post(path, data=form(**upload), content_type="multipart/form-data")

    assert response.status_code == 422
    assert message in response.text
    assert cv_files(app) == before
    saved = stored(expert.id)
    assert (saved.position, saved.cv_path, saved.cv_text) == ("Inspector", "", "")
    assert db.session.scalars(select(ProfileRequest)).one().used_at is None


def test_oversize_cv_is_refused(app, client, staff_headers, monkeypatch):
    assert app.config["CV_MAX_BYTES"] == 5 * 1024 * 1024
    # A smaller limit keeps the upload in memory; the checks are the same.
    monkeypatch.setitem(app.config, "CV_MAX_BYTES", 64 * 1024)
    expert = ExpertFactory()
    path = send_link(client, staff_headers, expert)

    over = pdf_with_text("x") + b"0" * (64 * 1024)
    upload = {"cv": (io.BytesIO(over), "cv.pdf")}
    response = client.post(path, data=form(**upload), content_type="multipart/form-data")
    assert response.status_code == 422
    assert "larger than" in response.text

    far_over = {"cv": (io.BytesIO(b"0" * (400 * 1024)), "cv.pdf")}
    response = client.post(path, data=form(**far_over), content_type="multipart/form-data")
    assert response.status_code == 413
    assert "too large" in response.text

    assert stored(expert.id).cv_path == ""
    assert cv_files(app) == set()
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (pdf_with_text("Maritime boundary law"), "pdf"),
        (docx_with_text("Maritime boundary law"), "docx"),
    ],
)
def test_cv_is_stored_privately_with_its_text(
    app, client, staff_headers, sign_in, staff, make_user, content, kind
):
    expert = ExpertFactory()
    path = send_link(client, staff_headers, expert)

    upload = {"cv": (io.BytesIO(content), "whatever.bin")}
    assert (
        client.post(path, data=form(**upload), content_type="multipart/form-data").status_code
        == 200
    )

    saved = stored(expert.id)
    assert saved.cv_path.endswith(f".{kind}")
    assert "Maritime boundary law" in saved.cv_text
    file = cv_folder(app) / saved.cv_path
    assert stat.S_IMODE(os.stat(file).st_mode) == 0o600
    download = sign_in(staff).get(f"/experts/{expert.id}/cv")
    assert download.data == content
    download.close()
    viewer = make_user("viewer")
    assert sign_in(viewer).get(f"/experts/{expert.id}/cv").status_code == 403
    api = client.get(f"/api/v1/experts/{expert.id}", headers=staff_headers).get_json()
    assert "cv_text" not in api and api["has_cv"] is True


def test_staff_record_consent_on_the_experts_behalf(client, staff_headers):
    expert = ExpertFactory()
    response = client.patch(
        f"/api/v1/experts/{expert.id}",
        json={"version": expert.version, "consent_purpose": "Agreed by phone on 1 Dec"},
        headers=staff_headers,
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["consent_source"] == "staff" and body["consent_at"]
    assert body["consent_purpose"] == "Agreed by phone on 1 Dec"


def test_candidates_without_consent_are_marked(client, staff_headers):
    from datetime import date

    from tests.factories import ActivityFactory

    activity = ActivityFactory()
    window = [(date(2027, 3, 1), date(2027, 3, 31))]
    ExpertFactory(availability=window, consent_at=utcnow(), consent_purpose="roster")
    ExpertFactory(availability=window)

    items = client.get(
        f"/api/v1/activities/{activity.id}/candidates", headers=staff_headers
    ).get_json()["items"]
    assert sorted(item["has_consent"] for item in items) == [False, True]


def test_profile_reminders_once_per_period(app, client):
    stale = ExpertFactory(email="stale@example.org")
    ExpertFactory(email="fresh@example.org")
    stale.updated_at = utcnow() - timedelta(days=400)
    db.session.commit()

    runner = app.test_cli_runner()
    first = runner.invoke(args=["roster", "send-profile-reminders"])
    second = runner.invoke(args=["roster", "send-profile-reminders"])

    assert "Sent 1 profile reminder." in first.output
    assert "Sent 0 profile reminders." in second.output
    messages = db.session.scalars(select(MailMessage)).all()
    assert [message.to for message in messages] == ["stale@example.org"]
    assert link_paths(messages[0], "/profile/")


def test_self_service_reaches_the_index(client, staff_headers, meili):
    from roster.search import sync

    expert = ExpertFactory(bio="Border management.")
    path = send_link(client, staff_headers, expert)
    assert (
        client.post(path, data=form(bio="Specialist in hawala remittance tracing.")).status_code
        == 200
    )
    sync.drain()

    found = client.get("/api/v1/experts?q=hawala", headers=staff_headers).get_json()
    assert [item["id"] for item in found["items"]] == [expert.id]
    assert found["_meta"]["engine"] == "meilisearch"


def test_stored_profile_mail_holds_no_usable_link(client, staff_headers):
    expert = ExpertFactory(email="malee@example.org")
    path = send_link(client, staff_headers, expert)

    assert_stored_sealed([path.removeprefix("/profile/")], ["link"])
    assert client.get(path).status_code == 200
