"""Profile links: mailed to an expert, opened without an account, spent by the first save."""

import secrets
from datetime import timedelta

from flask import current_app, render_template, url_for
from sqlalchemy import select, update

from roster.audit import operations as audit
from roster.database import utcnow
from roster.errors import ValidationFailed
from roster.experts import operations as experts
from roster.experts.models import Expert
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
from roster.mail.operations import already_queued, queue_mail
from roster.profiles import cv
from roster.profiles.models import ProfileRequest

SALT = "expert-profile"
# What the expert may change themselves; name, email and nationality stay with the office.
SELF_SERVICE_FIELDS = (
    "bio",
    "organisation",
    "position",
    "phone",
    "languages",
    "thematic_areas",
    "availability",
)


def request_profile_update(expert: Expert, dedupe_key: str | None = None) -> ProfileRequest:
    """Mail the expert a link to update their own profile (ValidationFailed without email)."""
    if not expert.email:
        raise ValidationFailed({"email": ["This expert has no email address to send the link to."]})
    days = current_app.config["PROFILE_LINK_DAYS"]
    profile_request = ProfileRequest(
        expert=expert,
        nonce=secrets.token_urlsafe(24),
        sent_to=expert.email,
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(profile_request)
    db.session.flush()
    token = make_link_token(SALT, profile_request.id, profile_request.nonce)
    link = server_url(url_for("profiles.update_profile", token=token))
    body = render_template(
        "profiles/request_mail.txt", expert=expert, link=placeholder("link"), days=days
    )
    subject = "Please update your RSO roster profile"
    queue_mail(expert.email, subject, body, dedupe_key, links={"link": link})
    return profile_request


def open_link(token: str) -> ProfileRequest:
    """The request behind a link that is genuine, unexpired and unused."""
    payload = read_link_token(SALT, token, current_app.config["PROFILE_LINK_DAYS"])
    profile_request = db.session.get(ProfileRequest, payload["request"])
    if profile_request is None or not secrets.compare_digest(
        profile_request.nonce, payload["nonce"]
    ):
        raise LinkInvalid
    if profile_request.used_at is not None or profile_request.expires_at <= utcnow():
        raise LinkExpired
    return profile_request


def _spend(profile_request: ProfileRequest) -> None:
    spent = db.session.execute(
        update(ProfileRequest)
        .where(ProfileRequest.id == profile_request.id, ProfileRequest.used_at.is_(None))
        .values(used_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    if spent.rowcount != 1:
        raise LinkExpired


def save_profile(
    profile_request: ProfileRequest, data: dict, consent_purpose: str, cv_content: bytes | None
) -> Expert:
    """Apply the expert's own changes at once, audited as theirs, and spend the link.

    `consent_purpose` is what they agreed to ("" withdraws consent); `cv_content` an uploaded
    CV or None. Invalid input raises ValidationFailed before anything is stored.
    """
    cv_kind = cv_text = None
    if cv_content is not None:
        try:
            cv_kind, cv_text = cv.read_cv(cv_content)
        except cv.CvRefused as error:
            raise ValidationFailed({"cv": [str(error)]}) from None
    expert = profile_request.expert
    changes = {field: data[field] for field in SELF_SERVICE_FIELDS if field in data}
    changes["consent_purpose"] = consent_purpose
    actor = LinkActor(f"expert via link: {profile_request.sent_to}")
    _spend(profile_request)
    expert.confirmed_at = utcnow()
    experts.update_expert(actor, expert, changes, expert.version, consent_source="expert")
    if cv_content is not None:
        _replace_cv(actor, expert, cv_kind, cv_content, cv_text)
    return expert


def _replace_cv(actor, expert: Expert, kind: str, content: bytes, text: str) -> None:
    previous = expert.cv_filename or None
    old_path = expert.cv_path
    expert.cv_path = cv.store_cv(expert.id, kind, content)
    expert.cv_filename = f"cv-expert-{expert.id}.{kind}"
    expert.cv_text = text
    expert.cv_uploaded_at = utcnow()
    db.session.flush()
    cv.remove_cv(old_path)
    audit.record_update(actor, "expert", expert.id, {"cv": previous}, {"cv": expert.cv_filename})


def send_profile_reminders() -> int:
    """Mail a profile link to experts whose profile has not changed for the reminder period,
    once per period (the period starts again when the profile changes)."""
    cutoff = utcnow() - timedelta(days=current_app.config["PROFILE_REMINDER_DAYS"])
    statement = (
        select(Expert).where(Expert.updated_at < cutoff, Expert.email != "").order_by(Expert.id)
    )
    sent = 0
    for expert in db.session.scalars(statement):
        key = f"profile-reminder:{expert.id}:{expert.updated_at.date().isoformat()}"
        if already_queued(key):
            continue
        request_profile_update(expert, dedupe_key=key)
        sent += 1
    return sent
