"""Vacant functions: the shared mailbox names the new holder; an editor or staff accepts."""

from sqlalchemy import select

from roster.directory.models import FocalPoint
from roster.extensions import db
from roster.freshness.models import CorrectionProposal
from tests.factories import FocalPointFactory
from tests.links import days_later, last_mail, tampered
from tests.mail_links import assert_stored_sealed, link_paths

NOMINEE = {"full_name": "Budi Santoso", "email": "budi@example.go.id", "phone": "+62215550199"}


def stored(focal_point_id: int) -> FocalPoint:
    db.session.expire_all()
    return db.session.get(FocalPoint, focal_point_id)


def send_link(client, headers, focal_point) -> str:
    url = f"/api/v1/focal-points/{focal_point.id}/nomination-requests"
    response = client.post(url, headers=headers)
    assert response.status_code == 202
    assert response.get_json() == {"sent_to": "ncp@example.go.id"}
    (path,) = link_paths(last_mail("ncp@example.go.id"), "/nominate/")
    return path


def test_nomination_waits_for_the_editor(client, staff_headers, make_user, sign_in):
    focal_point = FocalPointFactory(holder=False, shared_mailbox="ncp@example.go.id")
    path = send_link(client, staff_headers, focal_point)

    assert client.get(path).status_code == 200
    assert client.post(path, data=NOMINEE).status_code == 200
    assert stored(focal_point.id).current_holder is None
    proposal = db.session.scalars(select(CorrectionProposal)).one()
    assert (proposal.kind, proposal.status) == ("nomination", "pending")
    assert client.post(path, data=NOMINEE).status_code == 410

    editor = sign_in(make_user("editor", "IDN"))
    assert "Nomination of a new holder" in editor.get("/focal-points/due").text
    editor.post(f"/proposals/{proposal.id}/accept")
    holder = stored(focal_point.id).current_holder
    assert (holder.full_name, holder.email) == ("Budi Santoso", "budi@example.go.id")
    assert stored(focal_point.id).vacant_since is None


def test_nomination_links_tampered_or_expired_change_nothing(client, staff_headers, monkeypatch):
    focal_point = FocalPointFactory(holder=False, shared_mailbox="ncp@example.go.id")
    path = send_link(client, staff_headers, focal_point)

    assert client.post(tampered(path), data=NOMINEE).status_code == 404
    days_later(monkeypatch, 31)
    assert client.post(path, data=NOMINEE).status_code == 410
    assert db.session.scalar(select(CorrectionProposal.id)) is None


def test_only_vacant_functions_with_a_mailbox_get_a_link(
    client, staff_headers, make_user, api_token
):
    held = FocalPointFactory(shared_mailbox="ncp@example.go.id")
    no_mailbox = FocalPointFactory(holder=False)
    for focal_point in (held, no_mailbox):
        url = f"/api/v1/focal-points/{focal_point.id}/nomination-requests"
        assert client.post(url, headers=staff_headers).status_code == 422
    vacant = FocalPointFactory(holder=False, shared_mailbox="ncp@example.go.id")
    url = f"/api/v1/focal-points/{vacant.id}/nomination-requests"
    assert client.post(url, headers=api_token(make_user("editor", "THA"))).status_code == 403


def test_stored_nomination_mail_holds_no_usable_link(client, staff_headers):
    focal_point = FocalPointFactory(holder=False, shared_mailbox="ncp@example.go.id")
    path = send_link(client, staff_headers, focal_point)

    assert_stored_sealed([path.removeprefix("/nominate/")], ["link"])
    assert client.get(path).status_code == 200
