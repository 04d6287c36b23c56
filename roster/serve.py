"""`flask roster serve`: the whole service in one command (the process supervisor).

Starts a local Meilisearch (unless MEILI_URL is set), makes sure its keys, indexes and settings
are in place, then runs the sync worker and gunicorn as child processes until SIGINT or SIGTERM;
then stops the children, and Meilisearch last.
"""

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy import func, select

from config import BASE_DIR
from roster.extensions import db
from roster.search import definition, engine, textindex
from roster.search.local import LocalMeilisearch, MeilisearchStartError
from roster.search.reindex import reindex

log = logging.getLogger(__name__)

STOP_TIMEOUT = 15
RESTART_DELAY = 5


def initial_sync() -> None:
    """Make sure the keys, indexes and settings exist; rebuild an index that is empty, or whose
    text index does not hold every row (rows loaded in bulk, a database just migrated)."""
    engine.prepare(force=True)
    client = engine.write_client()
    for index_name, index in definition.definitions().items():
        rows = db.session.scalar(select(func.count()).select_from(index.model))
        texts = textindex.count(index_name)
        db.session.rollback()
        documents = client.index(engine.index_uid(index_name)).get_stats().number_of_documents
        if rows and (not documents or texts != rows):
            log.info("%s: %d rows, %d indexed: reindexing", index_name, rows, documents)
            reindex(index_name)


def _child_environment(app: Flask, port: int) -> dict:
    return {
        **os.environ,
        "MEILI_URL": app.config["MEILI_URL"],
        "MEILI_MASTER_KEY": app.config["MEILI_MASTER_KEY"],
        "ROSTER_DATA_DIR": app.config["ROSTER_DATA_DIR"],
        "PORT": str(port),
    }


def _start(command: list[str], environment: dict) -> subprocess.Popen:
    # Their own process session: Ctrl-C reaches only us, and we stop them in order.
    return subprocess.Popen(command, cwd=BASE_DIR, env=environment, start_new_session=True)


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def serve(app: Flask, port: int) -> int:
    """Run everything until a signal arrives or the web server exits; return the exit status."""
    if os.environ.get("MEILI_URL") and not os.environ.get("MEILI_MASTER_KEY"):
        log.error("MEILI_URL is set without MEILI_MASTER_KEY: set both, or neither")
        return 2
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    local = None
    worker = web = None
    status = 0
    try:
        if not os.environ.get("MEILI_URL"):
            local = LocalMeilisearch(
                app.config["MEILI_BIN"],
                Path(app.config["ROSTER_DATA_DIR"]),
                app.config["MEILI_PORT"],
            )
            try:
                local.start()
            except MeilisearchStartError as error:
                log.error("could not start Meilisearch: %s", error)
                return 1
            app.config.update(MEILI_URL=local.url, MEILI_MASTER_KEY=local.master_key)
            log.info("Meilisearch listening on %s", local.url)
        try:
            initial_sync()
        except Exception:
            # Search falls back to the database; the worker keeps trying to reach Meilisearch.
            log.exception("could not prepare the search indexes")
        if stop.is_set():
            return status
        environment = _child_environment(app, port)
        worker_command = [sys.executable, "-m", "flask", "--app", "wsgi", "roster", "sync-worker"]
        web_command = [
            sys.executable, "-m", "gunicorn", "-w", "2", "--bind", f"127.0.0.1:{port}", "wsgi:app"
        ]  # fmt: skip
        worker = _start(worker_command, environment)
        worker_started = time.monotonic()
        web = _start(web_command, environment)
        log.info("RSO Roster on http://127.0.0.1:%d", port)
        while not stop.wait(0.5):
            if web.poll() is not None:
                status = web.returncode or 1
                log.error("the web server exited with status %s", web.returncode)
                break
            if worker.poll() is not None and time.monotonic() - worker_started > RESTART_DELAY:
                log.warning("the sync worker exited with status %s: restarting", worker.returncode)
                worker = _start(worker_command, environment)
                worker_started = time.monotonic()
    finally:
        _stop(web)
        _stop(worker)
        if local is not None:
            local.stop()
    return status


@click.command("serve")
@click.option("--port", type=int, default=lambda: int(os.environ.get("PORT", "5000")))
def serve_command(port: int) -> None:
    """Run the service: Meilisearch (unless MEILI_URL is set), the sync worker and gunicorn."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    raise SystemExit(serve(current_app._get_current_object(), port))
