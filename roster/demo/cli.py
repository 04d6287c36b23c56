"""`flask roster demo-data` and `flask roster ensure-demo-admin`."""

import secrets
import time

import click
from flask import current_app
from sqlalchemy import func, select

from roster.auth import operations as accounts
from roster.auth.models import User
from roster.demo.generate import generate, has_people
from roster.demo.planted import add_planted
from roster.extensions import db
from roster.reference.models import Member

DEMO_ADMIN_EMAIL = "admin@example.org"


@click.command("demo-data")
@click.option("--experts", default=500, show_default=True, type=click.IntRange(min=0))
@click.option("--focal-points", default=300, show_default=True, type=click.IntRange(min=0))
@click.option(
    "--seed", default=2002, show_default=True, help="The same seed gives the same people."
)
@click.option("--force", is_flag=True, help="Add to a database that already holds people.")
@click.option("--if-empty", is_flag=True, help="Succeed without adding when people exist.")
@click.option(
    "--planted/--no-planted",
    default=True,
    show_default=True,
    help="Also add the experts of the relevance judgement list.",
)
def demo_data_command(
    experts: int, focal_points: int, seed: int, force: bool, if_empty: bool, planted: bool
):
    """Fill an empty database with synthetic experts and focal points."""
    if not db.session.scalar(select(func.count()).select_from(Member)):
        raise click.ClickException("No members yet: run `flask --app wsgi roster load-reference`.")
    if has_people() and not force:
        if if_empty:
            click.echo("The database already holds people: no demo data added.")
            return
        raise click.ClickException("The database already holds people; add --force to add more.")
    started = time.perf_counter()
    counts = generate(experts, focal_points, seed, current_app.config["REVIEW_PERIOD_DAYS"])
    judged = add_planted() if planted else {}
    db.session.commit()
    click.echo(
        f"Added {counts.experts} experts ({counts.availability_windows} availability windows), "
        f"{counts.focal_points} focal points ({counts.holders} holders) and "
        f"{counts.agencies} agencies in {time.perf_counter() - started:.1f}s."
    )
    if judged:
        click.echo(f"Added the {len(judged)} experts of the relevance judgement list.")


@click.command("ensure-demo-admin")
@click.option("--email", default=DEMO_ADMIN_EMAIL, show_default=True)
def ensure_demo_admin_command(email: str) -> None:
    """Create an admin with a generated password if there is no admin; shows the password once."""
    if db.session.scalar(select(User.id).where(User.role == "admin").limit(1)) is not None:
        click.echo("An administrator account exists: none created.")
        return
    password = secrets.token_urlsafe(12)
    accounts.create_user(None, email, password, "admin")
    db.session.commit()
    rule = "-" * 64
    click.echo(
        f"{rule}\nDemo administrator created. Sign in at /login with\n"
        f"  email:    {email}\n  password: {password}\n"
        f"The password is shown only this once: note it now.\n{rule}"
    )
