"""SMTP delivery in the worker: a bad message keeps its error, the others still go out, and the
delivered copy keeps no link."""

import pytest
from sqlalchemy import select

from roster.extensions import db
from roster.mail.links import placeholder
from roster.mail.models import MailMessage
from roster.mail.operations import deliver_unsent, queue_mail
from tests.mail.smtp_sink import SMTPSink


@pytest.fixture
def smtp(app):
    with SMTPSink() as sink:
        saved = (app.config["MAIL_SERVER"], app.config["MAIL_PORT"])
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=sink.port)
        yield sink
        app.config["MAIL_SERVER"], app.config["MAIL_PORT"] = saved


def test_a_bad_message_does_not_stop_the_others(smtp):
    link = "http://roster.example/confirm/the-secret-token"
    first = queue_mail("first@example.org", "Hello", f"Open {placeholder()}", links={"link": link})
    # Written past validation, as an old row could be: a header with a line break.
    broken = queue_mail("broken@example.org", "Bad\nSubject", "Body")
    refused = queue_mail("refused@example.org", "Hello", "Body")
    last = queue_mail("last@example.org", "Hello", "Body")
    db.session.commit()

    delivered = deliver_unsent()
    again = deliver_unsent()

    assert (delivered, again) == (2, 0)
    assert [message["To"] for message in smtp.received] == ["first@example.org", "last@example.org"]
    assert link in smtp.received[0].get_content()
    db.session.expire_all()
    rows = {row.id: row for row in db.session.scalars(select(MailMessage))}
    assert rows[first.id].sent_at and rows[last.id].sent_at
    assert rows[broken.id].sent_at is None and rows[broken.id].failed_at is not None
    assert "ValueError" in rows[broken.id].error
    assert rows[refused.id].failed_at is not None and "550" in rows[refused.id].error
    # Delivered: the stored copy no longer holds the link, even encrypted.
    assert rows[first.id].sealed_links == ""
    assert "the-secret-token" not in rows[first.id].outbox_body


def test_server_trouble_leaves_messages_for_the_next_turn(app):
    saved = (app.config["MAIL_SERVER"], app.config["MAIL_PORT"])
    with SMTPSink() as sink:
        closed_port = sink.port
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=closed_port)
    try:
        message = queue_mail("someone@example.org", "Hello", "Body")
        db.session.commit()
        assert deliver_unsent() == 0
    finally:
        app.config["MAIL_SERVER"], app.config["MAIL_PORT"] = saved
    db.session.expire_all()
    stored = db.session.get(MailMessage, message.id)
    assert stored.failed_at is None and stored.sent_at is None and stored.error


def test_outbox_of_an_smtp_setup_hides_links(client, make_user, api_token, smtp):
    queue_mail(
        "x@example.org", "Hi", f"Open {placeholder()}", links={"link": "http://h/secret-path"}
    )
    db.session.commit()

    item = client.get("/api/v1/mail", headers=api_token(make_user("admin"))).get_json()["items"][0]

    assert "secret-path" not in item["body"]
    assert "[link sent to the recipient only]" in item["body"]
