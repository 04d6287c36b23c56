"""Privacy commands: purge, backup, restore."""

from datetime import date
from pathlib import Path

import click

from roster.extensions import db
from roster.privacy import backup as copies
from roster.privacy.retention import purge


@click.command("purge")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Purge as if it were this day (a retention drill).",
)
def purge_command(today) -> None:
    """Erase what is past its retention period (the worker does this daily)."""
    stats = purge(today.date() if today else date.today())
    db.session.commit()
    click.echo(
        f"{stats.holders} former holders' contact details erased, "
        f"{stats.audit_entries} audit entries cleared of their values."
    )


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Write a consistent copy of the database to PATH while the service runs."""
    copies.backup(path)
    click.echo(f"Backup written to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that already holds records.")
def restore_command(path: Path, force: bool) -> None:
    """Bring back the copy at PATH, then rebuild the search indexes from it."""
    from roster.search import definition, engine
    from roster.search.reindex import reindex

    try:
        copies.restore(path, force=force)
    except copies.RestoreRefused as error:
        click.echo(f"Refused: {error}.", err=True)
        raise SystemExit(1) from None
    click.echo(f"Database restored from {path}.")
    if engine.search_health() != "ok":
        click.echo("Meilisearch is not running: `roster serve` rebuilds the indexes at start.")
        return
    engine.forget()
    engine.prepare(force=True)
    for index_name in definition.index_names():
        stats = reindex(index_name)
        click.echo(f"{index_name}: {stats.documents} documents indexed.")
