import click
from flask import current_app

from roster.audit.operations import NamedActor
from roster.extensions import db
from roster.freshness import bounces
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


@click.command("record-bounce")
@click.argument("email")
def record_bounce_command(email: str) -> None:
    """Flag the focal points reached at EMAIL as failed contacts, due for review at once."""
    try:
        address = bounces.clean_bounce_address(email)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    flagged = bounces.record_bounce(NamedActor("command line"), address)
    db.session.commit()
    click.echo(f"Flagged {len(flagged)} focal point{'s' if len(flagged) != 1 else ''}.")
