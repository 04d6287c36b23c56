"""Vacant functions: a link to the agency's shared mailbox to name the new holder.

The person who opens it names the new holder; like a holder's corrections, that waits for the
member's editor or RSO staff to accept it (the accepted nomination is a handover).
"""

import secrets
from datetime import timedelta

from flask import current_app, render_template, url_for
from sqlalchemy import update

from roster.database import utcnow
from roster.directory import operations as directory
from roster.directory.models import FocalPoint
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.freshness.models import CorrectionProposal, NominationRequest
from roster.links import LinkExpired, LinkInvalid, make_link_token, read_link_token, server_url
from roster.mail.links import placeholder
from roster.mail.operations import queue_mail

SALT = "focal-point-nomination"
NOMINEE_FIELDS = ("full_name", "name_local", "email", "phone")


def request_nomination(focal_point: FocalPoint) -> NominationRequest:
    """Mail the shared mailbox of a vacant function a link to name its new holder."""
    if focal_point.current_holder is not None:
        raise ValidationFailed({"full_name": ["This function has a holder: nothing to nominate."]})
    if not focal_point.shared_mailbox:
        raise ValidationFailed(
            {"shared_mailbox": ["This function has no shared mailbox to send the link to."]}
        )
    days = current_app.config["NOMINATION_LINK_DAYS"]
    nomination = NominationRequest(
        focal_point=focal_point,
        nonce=secrets.token_urlsafe(24),
        sent_to=focal_point.shared_mailbox,
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(nomination)
    db.session.flush()
    token = make_link_token(SALT, nomination.id, nomination.nonce)
    link = server_url(url_for("freshness.nominate", token=token))
    body = render_template(
        "freshness/nomination_mail.txt",
        focal_point=focal_point,
        link=placeholder("link"),
        days=days,
    )
    subject = f"Who now holds this function? {focal_point.position}"
    queue_mail(nomination.sent_to, subject, body, links={"link": link})
    return nomination


def open_nomination(token: str) -> NominationRequest:
    payload = read_link_token(SALT, token, current_app.config["NOMINATION_LINK_DAYS"])
    nomination = db.session.get(NominationRequest, payload["request"])
    if nomination is None or not secrets.compare_digest(nomination.nonce, payload["nonce"]):
        raise LinkInvalid
    if nomination.used_at is not None or nomination.expires_at <= utcnow():
        raise LinkExpired
    if nomination.focal_point.current_holder is not None:
        raise LinkExpired
    return nomination


def nominate(nomination: NominationRequest, data: dict) -> CorrectionProposal:
    """Keep the named holder for review; the record itself does not change."""
    focal_point = nomination.focal_point
    submitted = {field: data.get(field) or "" for field in NOMINEE_FIELDS}
    cleaned = directory.clean_focal_point_fields(focal_point, submitted)
    if not cleaned.get("full_name"):
        raise ValidationFailed({"full_name": ["Name the new holder."]})
    spent = db.session.execute(
        update(NominationRequest)
        .where(NominationRequest.id == nomination.id, NominationRequest.used_at.is_(None))
        .values(used_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    if spent.rowcount != 1:
        raise LinkExpired
    changes = {field: value for field, value in cleaned.items() if value}
    proposal = CorrectionProposal(
        focal_point=focal_point,
        kind="nomination",
        changes=changes,
        based_on={field: "" for field in changes},
        proposed_by=nomination.sent_to,
    )
    db.session.add(proposal)
    db.session.flush()
    return proposal
