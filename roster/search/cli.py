"""Search commands: sync-worker, reindex, search-check."""

import logging
import os
import signal
import threading

import click
from flask import current_app

from roster.search import definition, engine


def _require_meilisearch() -> None:
    if not engine.is_configured():
        click.echo(
            "Meilisearch is not configured: set MEILI_URL and MEILI_MASTER_KEY, "
            "or start the service with `flask roster serve`.",
            err=True,
        )
        raise SystemExit(2)


def _log_to_stderr() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")


@click.command("sync-worker")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 10_000))
def sync_worker_command(batch_size: int) -> None:
    """Push outbox changes to Meilisearch until SIGTERM or SIGINT."""
    from roster.search.sync import run_worker

    _require_meilisearch()
    _log_to_stderr()
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    logging.getLogger(__name__).info("sync worker started (pid %d)", os.getpid())
    run_worker(stop, batch_size=batch_size, idle=current_app.config["SEARCH_POLL_SECONDS"])


@click.command("reindex")
@click.option("--index", "index_names", multiple=True, help="An index name (repeatable).")
def reindex_command(index_names: tuple[str, ...]) -> None:
    """Rebuild the search indexes (all, or those given) and their text index from the database."""
    from roster.search.reindex import ReindexBusy, reindex

    known = definition.index_names()
    unknown = sorted(set(index_names) - set(known))
    if unknown:
        raise click.BadParameter(
            f"unknown {', '.join(unknown)}; use {', '.join(known)}", param_hint="--index"
        )
    _require_meilisearch()
    for index_name in index_names or known:
        try:
            stats = reindex(index_name)
        except ReindexBusy as error:
            click.echo(str(error), err=True)
            raise SystemExit(1) from None
        click.echo(
            f"{index_name}: {stats.documents} documents indexed, {stats.replayed} replayed, "
            f"{stats.removed} removed, in {stats.seconds:.1f} s."
        )


@click.command("search-check")
@click.option("--show", default=20, show_default=True, help="Ids listed per kind of drift.")
def search_check_command(show: int) -> None:
    """Compare the indexes with the database; exit 1 on any drift."""
    from roster.search.check import check_all

    _require_meilisearch()
    drifted = False
    for drift in check_all():
        click.echo(
            f"{drift.index_name}: {drift.in_database} in the database, {drift.in_index} in the "
            f"index; {len(drift.missing)} missing, {len(drift.extra)} extra, "
            f"{len(drift.stale)} stale"
        )
        for label, ids in (
            ("missing", drift.missing),
            ("extra", drift.extra),
            ("stale", drift.stale),
        ):
            if ids:
                click.echo(f"  {label}: {', '.join(map(str, ids[:show]))}")
        drifted = drifted or drift.has_drift
    if drifted:
        raise SystemExit(1)
