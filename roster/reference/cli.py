import click

from roster.extensions import db
from roster.reference.operations import load_reference


@click.command("load-reference")
def load_reference_command() -> None:
    """Load the Bali Process members and the thematic areas (missing rows only)."""
    members, areas = load_reference()
    db.session.commit()
    click.echo(f"Added {members} members and {areas} thematic areas.")
