import os

import click

from roster.auth import operations
from roster.errors import ValidationFailed
from roster.extensions import db


@click.command("create-user")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(["admin", "staff", "editor", "viewer"]))
@click.option("--member", "member_code", help="Member code, required for editors.")
def create_user_command(email: str, role: str, member_code: str | None) -> None:
    """Create an account; the password comes from ROSTER_PASSWORD or a prompt."""
    password = os.environ.get("ROSTER_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    try:
        user = operations.create_user(None, email, password, role, member_code)
    except ValidationFailed as error:
        db.session.rollback()
        for field, messages in error.errors.items():
            click.echo(f"{field}: {' '.join(messages)}", err=True)
        raise SystemExit(2) from None
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role}).")
