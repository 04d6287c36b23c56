"""Confirmation requests, answers through the link, proposed corrections and reminders."""

import secrets
from datetime import date, timedelta

from flask import current_app, render_template, url_for
from sqlalchemy import func, or_, select, update
from werkzeug.exceptions import TooManyRequests

from roster.audit import operations as audit
from roster.auth.throttle import allow
from roster.database import utcnow
from roster.directory import operations as directory
from roster.directory.models import FocalPoint, FocalPointLanguage, focal_point_thematic_areas
from roster.errors import Conflict, ValidationFailed
from roster.extensions import db
from roster.freshness.models import ConfirmationRequest, CorrectionProposal
from roster.freshness.tokens import LinkExpired, LinkInvalid, make_token, read_token
from roster.links import LinkActor
from roster.mail.links import placeholder
from roster.mail.operations import already_queued, queue_mail
from roster.reference.models import Member, ThematicArea

CORRECTABLE_FIELDS = ("full_name", "name_local", "email", "phone", "position", "shared_mailbox")


def due_statement(member_ids: list[int] | None, today: date | None = None):
    """Focal points due for review soon or overdue, most overdue first."""
    today = today or date.today()
    horizon = today + timedelta(days=current_app.config["REVIEW_DUE_SOON_DAYS"])
    statement = select(FocalPoint).where(
        or_(FocalPoint.review_due.is_(None), FocalPoint.review_due <= horizon)
    )
    if member_ids is not None:
        statement = statement.where(FocalPoint.member_id.in_(member_ids))
    return statement.order_by(FocalPoint.review_due, FocalPoint.id)


def due_facets(member_ids: list[int] | None) -> dict[str, dict[str, int]]:
    """Facet counts (member, thematic_areas, languages) over the records due for review."""
    due_ids = due_statement(member_ids).with_only_columns(FocalPoint.id).order_by(None)
    counts = {}
    for name, statement in (
        (
            "member",
            select(Member.code, func.count())
            .join(FocalPoint, FocalPoint.member_id == Member.id)
            .where(FocalPoint.id.in_(due_ids))
            .group_by(Member.code),
        ),
        (
            "thematic_areas",
            select(ThematicArea.code, func.count())
            .join(
                focal_point_thematic_areas,
                focal_point_thematic_areas.c.thematic_area_id == ThematicArea.id,
            )
            .where(focal_point_thematic_areas.c.focal_point_id.in_(due_ids))
            .group_by(ThematicArea.code),
        ),
        (
            "languages",
            select(FocalPointLanguage.code, func.count())
            .where(FocalPointLanguage.focal_point_id.in_(due_ids))
            .group_by(FocalPointLanguage.code),
        ),
    ):
        counts[name] = dict(db.session.execute(statement).all())
    return counts


def recipient(focal_point: FocalPoint) -> str:
    holder = focal_point.current_holder
    return (holder.email if holder else "") or focal_point.shared_mailbox


def check_link_limits(user, focal_point: FocalPoint) -> None:
    """TooManyRequests once a record, or a user, asked for too many links lately."""
    config = current_app.config
    allowed = allow(
        config["LINK_LIMITS_PER_RECORD"], "confirmation-record", focal_point.id
    ) and allow(config["LINK_LIMITS_PER_USER"], "confirmation-user", user.id)
    if not allowed:
        raise TooManyRequests(
            "Too many confirmation links were sent for this record or by you lately: "
            "try again later."
        )


def request_confirmation(
    focal_point: FocalPoint, dedupe_key: str | None = None
) -> ConfirmationRequest:
    """Mail the holder a single-use link to confirm or correct the record; older links die."""
    sent_to = recipient(focal_point)
    holder = focal_point.current_holder
    if holder is None:
        raise ValidationFailed(
            {"full_name": ["Nobody holds this function: there is no one to ask."]}
        )
    if not sent_to:
        raise ValidationFailed(
            {"email": ["This focal point has no email address to send the link to."]}
        )
    now = utcnow()
    db.session.execute(
        update(ConfirmationRequest)
        .where(
            ConfirmationRequest.focal_point_id == focal_point.id,
            ConfirmationRequest.used_at.is_(None),
        )
        .values(used_at=now, outcome="superseded"),
        execution_options={"synchronize_session": False},
    )
    days = current_app.config["CONFIRMATION_LINK_DAYS"]
    confirmation = ConfirmationRequest(
        focal_point=focal_point,
        holder_id=holder.id,
        nonce=secrets.token_urlsafe(24),
        sent_to=sent_to,
        expires_at=now + timedelta(days=days),
    )
    db.session.add(confirmation)
    db.session.flush()
    link = confirmation_url(make_token(confirmation.id, confirmation.nonce))
    body = render_template(
        "freshness/confirmation_mail.txt",
        focal_point=focal_point,
        link=placeholder("link"),
        days=days,
    )
    subject = f"Please confirm your entry: {focal_point.position}"
    queue_mail(sent_to, subject, body, dedupe_key, links={"link": link})
    return confirmation


def confirmation_url(token: str) -> str:
    path = url_for("freshness.confirm", token=token)
    return current_app.config["SERVER_URL"].rstrip("/") + path


def open_link(token: str) -> ConfirmationRequest:
    """The request behind a link that is valid, unexpired and unused."""
    request_id, nonce = read_token(token)
    confirmation = db.session.get(ConfirmationRequest, request_id)
    if confirmation is None or not secrets.compare_digest(confirmation.nonce, nonce):
        raise LinkInvalid
    if confirmation.used_at is not None or confirmation.expires_at <= utcnow():
        raise LinkExpired
    holder = confirmation.focal_point.current_holder
    if holder is None or holder.id != confirmation.holder_id:
        raise LinkExpired
    return confirmation


def confirm_still_correct(confirmation: ConfirmationRequest) -> None:
    focal_point = confirmation.focal_point
    before = directory.focal_point_snapshot(focal_point)
    _use(confirmation, "confirmed")
    directory.mark_verified(focal_point)
    db.session.flush()
    audit.record_update(
        LinkActor(f"holder via link: {confirmation.sent_to}"),
        "focal_point",
        focal_point.id,
        before,
        directory.focal_point_snapshot(focal_point),
    )


def propose_correction(confirmation: ConfirmationRequest, data: dict) -> CorrectionProposal:
    """Keep the holder's corrections for review; the record itself does not change."""
    focal_point = confirmation.focal_point
    current = directory.focal_point_snapshot(focal_point)
    submitted = {field: data.get(field) or "" for field in CORRECTABLE_FIELDS}
    cleaned = directory.clean_focal_point_fields(focal_point, submitted)
    changes = {field: value for field, value in cleaned.items() if value != (current[field] or "")}
    if not changes:
        raise ValidationFailed({"full_name": ["Nothing was changed: use “Still correct”."]})
    _use(confirmation, "correction proposed")
    proposal = CorrectionProposal(
        focal_point=focal_point,
        changes=changes,
        based_on={field: current[field] or "" for field in changes},
        proposed_by=confirmation.sent_to,
    )
    db.session.add(proposal)
    db.session.flush()
    return proposal


def _use(confirmation: ConfirmationRequest, outcome: str) -> None:
    """Spend the link; LinkExpired when another answer spent it first (even at the same moment)."""
    spent = db.session.execute(
        update(ConfirmationRequest)
        .where(ConfirmationRequest.id == confirmation.id, ConfirmationRequest.used_at.is_(None))
        .values(used_at=utcnow(), outcome=outcome),
        execution_options={"synchronize_session": False},
    )
    if spent.rowcount != 1:
        raise LinkExpired


def accept_proposal(actor, proposal: CorrectionProposal) -> None:
    """Apply the proposed corrections (as a correction, not a handover) and confirm the record.

    Refused when a proposed field was edited since the holder proposed: the reviewer would
    otherwise overwrite that edit without seeing it.
    """
    focal_point = proposal.focal_point
    current = directory.focal_point_snapshot(focal_point)
    changed = sorted(
        field for field, value in proposal.based_on.items() if (current[field] or "") != value
    )
    if changed:
        raise Conflict(
            f"{', '.join(changed)} changed since the holder proposed this correction: "
            "check the record and apply what is still right by editing it, then reject this."
        )
    directory.update_focal_point(
        actor, focal_point, dict(proposal.changes), focal_point.version, handover=False
    )
    before = directory.focal_point_snapshot(focal_point)
    directory.mark_verified(focal_point)
    db.session.flush()
    audit.record_update(
        actor, "focal_point", focal_point.id, before, directory.focal_point_snapshot(focal_point)
    )
    _decide(actor, proposal, "accepted")


def reject_proposal(actor, proposal: CorrectionProposal) -> None:
    _decide(actor, proposal, "rejected")


def _decide(actor, proposal: CorrectionProposal, status: str) -> None:
    if proposal.status != "pending":
        raise ValidationFailed({"status": [f"This proposal was already {proposal.status}."]})
    proposal.status = status
    proposal.decided_at = utcnow()
    proposal.decided_by_id = actor.id
    db.session.flush()


def pending_proposals(member_ids: list[int] | None) -> list[CorrectionProposal]:
    statement = select(CorrectionProposal).where(CorrectionProposal.status == "pending")
    if member_ids is not None:
        statement = statement.join(CorrectionProposal.focal_point).where(
            FocalPoint.member_id.in_(member_ids)
        )
    return list(db.session.scalars(statement.order_by(CorrectionProposal.created_at)))


def send_reminders(today: date | None = None) -> int:
    """Send each overdue record one confirmation request per review period."""
    today = today or date.today()
    statement = select(FocalPoint).where(
        or_(FocalPoint.review_due.is_(None), FocalPoint.review_due <= today)
    )
    sent = 0
    for focal_point in db.session.scalars(statement.order_by(FocalPoint.id)):
        key = f"reminder:{focal_point.id}:{focal_point.review_due or 'unset'}"
        vacant = focal_point.current_holder is None
        if vacant or not recipient(focal_point) or already_queued(key):
            continue
        request_confirmation(focal_point, dedupe_key=key)
        sent += 1
    return sent
