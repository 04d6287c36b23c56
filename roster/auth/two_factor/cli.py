import click

from roster.auth.operations import find_user_by_email
from roster.auth.two_factor import operations, queries
from roster.extensions import db


@click.command("reset-two-factor")
@click.argument("email")
def reset_two_factor_command(email: str) -> None:
    """Remove an account's second factor (a lost phone, with no other admin to help)."""
    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account has the email {email}.")
    if not queries.has_two_factor(user):
        click.echo(f"{user.email} does not use two-factor sign-in.")
        return
    operations.reset(None, user)
    db.session.commit()
    click.echo(f"Two-factor sign-in removed for {user.email}: they can set it up again.")
