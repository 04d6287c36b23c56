import click
from flask import current_app

from roster.digest.operations import send_digest
from roster.extensions import db


def send_digest_job() -> int:
    """This week's digest to everyone who has not had it (a no-op once sent)."""
    with current_app.test_request_context(base_url=current_app.config["SERVER_URL"]):
        sent = send_digest()
        db.session.commit()
    return sent


@click.command("send-digest")
def send_digest_command() -> None:
    """Mail this week's digest to staff and editors (once per week each)."""
    sent = send_digest_job()
    click.echo(f"Sent {sent} digest{'s' if sent != 1 else ''}.")
