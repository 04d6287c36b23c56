"""Every background job of the service and how often the worker runs it."""

from flask import Flask

from roster import jobs
from roster.auth.session import purge_ended_sessions
from roster.digest.cli import send_digest_job
from roster.freshness.bounces import read_bounce_mailbox
from roster.mail.operations import deliver_unsent
from roster.mailings.operations import send_mailings
from roster.privacy.retention import purge_job
from roster.profiles.cli import send_profile_reminders_job

DAY = 86400


def register_jobs(app: Flask) -> None:
    jobs.register(app, "deliver-mail", 5, deliver_unsent)
    jobs.register(app, "purge-ended-sessions", 3600, purge_ended_sessions)
    jobs.register(app, "purge", DAY, purge_job)
    jobs.register(app, "send-mailings", 2, send_mailings)
    jobs.register(app, "read-bounce-mailbox", 300, read_bounce_mailbox)
    # Idempotent per week: the first run of each week sends, later ones find it sent.
    jobs.register(app, "send-digest", 3600, send_digest_job)
    jobs.register(app, "send-profile-reminders", DAY, send_profile_reminders_job)
