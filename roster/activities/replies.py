"""Mails to an expert about an assignment, and the expert's reply through the mailed links.

Inviting an expert mails the activity (dates, place, themes, an .ics) with two signed links,
accept and decline. Each link carries the assignment, the invitation's nonce and the answer;
the first reply spends the invitation, atomically, so two clicks record one answer. Staff still
confirm; the confirmation mails the final details with the .ics again.
"""

import secrets

from flask import current_app, render_template, url_for
from sqlalchemy import update

from roster.activities import calendar
from roster.activities.models import Assignment
from roster.activities.periods import format_period
from roster.audit import operations as audit
from roster.database import utcnow
from roster.extensions import db
from roster.links import (
    LinkActor,
    LinkExpired,
    LinkInvalid,
    make_link_token,
    read_link_token,
    server_url,
)
from roster.mail.links import placeholder
from roster.mail.operations import attachment, queue_mail

SALT = "assignment-reply"
ANSWERS = {"accept": "accepted", "decline": "declined"}


def _ics(assignment: Assignment) -> dict:
    activity = assignment.activity
    content = calendar.activity_calendar(activity).decode()
    return attachment(calendar.filename(activity), calendar.CONTENT_TYPE, content)


def reply_url(assignment: Assignment, answer: str) -> str:
    token = make_link_token(SALT, assignment.id, assignment.reply_nonce, answer=answer)
    return server_url(url_for("activities.reply", token=token))


def mail_invitation(assignment: Assignment) -> None:
    """Mail the invited expert the activity with accept and decline links (nothing without an
    email address: staff then reach them another way)."""
    assignment.reply_nonce = secrets.token_urlsafe(24)
    expert = assignment.expert
    if not expert.email:
        return
    body = render_template(
        "activities/invitation_mail.txt",
        assignment=assignment,
        activity=assignment.activity,
        place=calendar.place(assignment.activity),
        period=format_period(assignment.activity.start, assignment.activity.end),
        accept=placeholder("accept"),
        decline=placeholder("decline"),
        days=current_app.config["INVITATION_LINK_DAYS"],
    )
    subject = f"Invitation: {assignment.activity.title}"
    links = {answer: reply_url(assignment, answer) for answer in ANSWERS}
    queue_mail(expert.email, subject, body, links=links, attachments=[_ics(assignment)])


def mail_confirmation(assignment: Assignment) -> None:
    """Mail the confirmed expert the final details with the .ics."""
    expert = assignment.expert
    if not expert.email:
        return
    body = render_template(
        "activities/confirmation_mail.txt",
        assignment=assignment,
        activity=assignment.activity,
        place=calendar.place(assignment.activity),
        period=format_period(assignment.activity.start, assignment.activity.end),
    )
    subject = f"Confirmed: {assignment.activity.title}"
    queue_mail(expert.email, subject, body, attachments=[_ics(assignment)])


def open_reply(token: str) -> tuple[Assignment, str]:
    """The assignment and answer ("accept"/"decline") of a link that can still be used."""
    payload = read_link_token(SALT, token, current_app.config["INVITATION_LINK_DAYS"])
    answer = payload.get("answer")
    assignment = db.session.get(Assignment, payload["request"])
    if answer not in ANSWERS or assignment is None or not assignment.reply_nonce:
        raise LinkInvalid
    if not secrets.compare_digest(assignment.reply_nonce, payload["nonce"]):
        raise LinkInvalid
    if assignment.status != "invited" or assignment.response is not None:
        raise LinkExpired
    return assignment, answer


def record_reply(assignment: Assignment, answer: str) -> None:
    """Record the expert's answer; LinkExpired when it was answered or withdrawn meanwhile.

    One conditional UPDATE spends the invitation: of two replies at once, one finds the row
    still open and the other finds nothing left to change.
    """
    response = ANSWERS[answer]
    now = utcnow()
    values = {"response": response, "responded_at": now, "updated_at": now}
    if response == "declined":
        values |= {"status": "declined", "declined_at": now}
    table = Assignment.__table__
    answered = db.session.execute(
        update(table)
        .where(
            table.c.id == assignment.id,
            table.c.status == "invited",
            table.c.response.is_(None),
            table.c.reply_nonce == assignment.reply_nonce,
        )
        .values(version=table.c.version + 1, **values)
    )
    if answered.rowcount != 1:
        raise LinkExpired
    before = {"status": "invited", "response": None}
    after = {"status": values.get("status", "invited"), "response": response}
    actor = LinkActor(f"expert via link: {assignment.expert.email}")
    audit.record_update(actor, "assignment", assignment.id, before, after)
    db.session.expire(assignment)
