"""Mailings over SMTP against a local aiosmtpd server that refuses some deliveries."""

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from roster.extensions import db
from roster.mailings.models import MailingRecipient
from roster.mailings.operations import send_mailings
from roster.search.local import free_port
from tests.factories import AgencyFactory, FocalPointFactory, member


class FlakyServer:
    """Accepts messages, except that it answers 451 to the first `refusals` deliveries for an
    address listed in `flaky`, and 550 always for one listed in `broken`."""

    def __init__(self, flaky: dict[str, int], broken: set[str]):
        self.flaky = dict(flaky)
        self.broken = broken
        self.received: list[tuple[str, str]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.broken:
            return "550 No such mailbox"
        if self.flaky.get(address, 0) > 0:
            self.flaky[address] -= 1
            return "451 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            self.received.append((address, envelope.content.decode("utf-8", "replace")))
        return "250 Message accepted"


@pytest.fixture
def smtp(app, monkeypatch):
    def start(**kwargs):
        handler = FlakyServer(**kwargs)
        controller = Controller(handler, hostname="127.0.0.1", port=free_port())
        controller.start()
        servers.append(controller)
        monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
        monkeypatch.setitem(app.config, "MAIL_PORT", controller.port)
        monkeypatch.setitem(app.config, "MAILING_RETRY_SECONDS", 0)
        return handler

    servers = []
    yield start
    for controller in servers:
        controller.stop()


def test_smtp_failures_are_retried_then_given_up(app, client, staff_headers, smtp):
    agency = AgencyFactory(member=member("THA"))
    for name in ("ok", "flaky", "broken"):
        FocalPointFactory(
            agency=agency, holder__full_name=name, holder__email=f"{name}@example.go.th"
        )
    server = smtp(flaky={"flaky@example.go.th": 2}, broken={"broken@example.go.th"})
    body = {
        "audience": {"focal_points": {"member": "THA"}},
        "subject": "Hi {full_name}",
        "body": "Text",
    }
    mailing_id = client.post("/api/v1/mailings", json=body, headers=staff_headers).get_json()["id"]

    with app.test_request_context():
        for _ in range(5):
            send_mailings()

    answer = client.get(f"/api/v1/mailings/{mailing_id}", headers=staff_headers).get_json()
    assert (answer["sent"], answer["failed"], answer["status"]) == (2, 1, "done")
    assert sorted(address for address, _ in server.received) == [
        "flaky@example.go.th",
        "ok@example.go.th",
    ]
    assert any("Subject: Hi flaky" in content for _, content in server.received)
    db.session.expire_all()
    by_name = {item.full_name: item for item in db.session.scalars(select(MailingRecipient))}
    assert (by_name["flaky"].status, by_name["flaky"].attempts) == ("sent", 3)
    assert (by_name["broken"].status, by_name["broken"].attempts) == ("failed", 3)
    assert "550" in by_name["broken"].error


def test_invitation_goes_out_over_smtp_with_its_calendar(app, client, staff_headers, smtp):
    from roster.mail.operations import deliver_unsent
    from tests.factories import ActivityFactory, AssignmentFactory, ExpertFactory

    server = smtp(flaky={}, broken=set())
    assignment = AssignmentFactory(
        activity=ActivityFactory(title="Sea patrols"), expert=ExpertFactory(email="m@example.org")
    )
    response = client.patch(
        f"/api/v1/assignments/{assignment.id}",
        json={"version": assignment.version, "status": "invited"},
        headers=staff_headers,
    )
    assert response.status_code == 200

    assert deliver_unsent() == 1
    ((address, content),) = server.received
    assert address == "m@example.org"
    assert "Content-Type: text/calendar" in content
    assert 'filename="activity-' in content
