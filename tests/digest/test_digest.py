"""The weekly digest: what it lists for staff and for an editor, and once per week."""

from datetime import date, timedelta

from sqlalchemy import select

from roster.database import utcnow
from roster.digest.operations import send_digest
from roster.extensions import db
from roster.mail.models import MailMessage
from tests.factories import (
    ActivityFactory,
    AgencyFactory,
    AssignmentFactory,
    ExpertFactory,
    FocalPointFactory,
    member,
)


def mails() -> dict[str, MailMessage]:
    db.session.expire_all()
    return {message.to: message for message in db.session.scalars(select(MailMessage))}


def test_digest_lists_what_needs_attention_once_a_week(app, make_user):
    staff = make_user("staff")
    indonesia = make_user("editor", "IDN")
    make_user("editor", "THA")  # nothing of Thailand's needs attention
    make_user("viewer")
    FocalPointFactory(position="Overdue Contact", review_due=date.today() - timedelta(days=3))
    bounced = FocalPointFactory(position="Bounced Contact")
    bounced.contact_failed_at = utcnow()
    db.session.commit()
    FocalPointFactory(position="Vacant Function", holder=False)
    ActivityFactory(
        title="Short Workshop",
        start=date.today() + timedelta(days=20),
        end=date.today() + timedelta(days=22),
        experts_wanted=2,
    )
    AssignmentFactory(
        activity=ActivityFactory(title="Answered"),
        expert=ExpertFactory(full_name="Malee"),
        status="invited",
        response="accepted",
        responded_at=utcnow(),
    )
    FocalPointFactory(agency=AgencyFactory(member=member("THA")), position="Fine Thai Contact")

    runner = app.test_cli_runner()
    first = runner.invoke(args=["roster", "send-digest"])
    second = runner.invoke(args=["roster", "send-digest"])

    assert "Sent 2 digests." in first.output
    assert "Sent 0 digests." in second.output
    sent = mails()
    assert set(sent) == {staff.email, indonesia.email}
    office = sent[staff.email].body
    for text in (
        "Overdue Contact",
        "Bounced Contact",
        "Vacant Function",
        "Short Workshop",
        "Malee accepted",
    ):
        assert text in office
    editor = sent[indonesia.email].body
    assert "Overdue Contact" in editor and "Vacant Function" in editor
    assert "Short Workshop" not in editor and "Fine Thai Contact" not in editor


def test_next_week_brings_a_new_digest(app, make_user):
    make_user("staff")
    FocalPointFactory(holder=False)
    with app.test_request_context():
        assert send_digest(date(2027, 1, 4)) == 1
        assert send_digest(date(2027, 1, 10)) == 0  # same ISO week
        assert send_digest(date(2027, 1, 11)) == 1
