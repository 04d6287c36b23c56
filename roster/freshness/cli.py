import click
from flask import current_app

from roster.extensions import db
from roster.freshness.operations import send_reminders
from roster.mail.operations import deliver_unsent


@click.command("send-reminders")
def send_reminders_command() -> None:
    """Mail a confirmation link to every overdue focal point (once per review period)."""
    with current_app.test_request_context(base_url=current_app.config["SERVER_URL"]):
        sent = send_reminders()
        db.session.commit()
        deliver_unsent()
    click.echo(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
