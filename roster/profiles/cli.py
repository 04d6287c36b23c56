import click
from flask import current_app

from roster.extensions import db
from roster.profiles.operations import send_profile_reminders


def send_profile_reminders_job() -> int:
    """Mail profile links to experts whose profile is a year old (once per period)."""
    with current_app.test_request_context(base_url=current_app.config["SERVER_URL"]):
        sent = send_profile_reminders()
        db.session.commit()
    return sent


@click.command("send-profile-reminders")
def send_profile_reminders_command() -> None:
    """Mail a profile link to every expert whose profile has not changed for a year."""
    sent = send_profile_reminders_job()
    click.echo(f"Sent {sent} profile reminder{'s' if sent != 1 else ''}.")
