"""Phase 1 of the search benchmark: load the demo data, index it, drain the outbox.

Indexing goes through the service's commands (`roster reindex`, `roster sync-worker`) and is
watched from outside, through Meilisearch's API and the database, so the figures hold for
whichever search code the service runs.
"""

import time

import requests
from sqlalchemy import func, inspect, select, text

OUTBOX_TABLE = "search_outbox"


def load(app, args, results: dict) -> None:
    """Bulk load of the demo data, as `roster demo-data` does it."""
    from roster.demo.generate import generate
    from roster.extensions import db

    with app.app_context():
        started = time.perf_counter()
        counts = generate(
            args.experts, args.focal_points, args.seed, app.config["REVIEW_PERIOD_DAYS"]
        )
        db.session.commit()
        results["figures"]["load_s"] = round(time.perf_counter() - started, 2)
        results["details"]["demo_counts"] = vars(counts)
    print(f"bulk load: {results['figures']['load_s']} s ({vars(counts)})", flush=True)


def reindex(app, meili: "Meili", results: dict) -> None:
    """`roster reindex` (the command, run in this process so that the app's start-up is not
    counted) until every row is searchable."""
    started = time.perf_counter()
    with app.app_context():
        finished = app.test_cli_runner().invoke(args=["roster", "reindex"])
    if finished.exit_code:
        raise RuntimeError(f"roster reindex failed:\n{finished.output}") from finished.exception
    wait_searchable(app, meili)
    results["details"]["reindex_output"] = finished.output.strip().splitlines()
    figures = results["figures"]
    figures["index_s"] = round(time.perf_counter() - started, 2)
    figures["load_total_s"] = round(figures["load_s"] + figures["index_s"], 2)
    print(f"indexed and searchable: {figures['index_s']} s", flush=True)


def wait_outbox_drained(app, results: dict, timeout: float = 600) -> None:
    """Time until the running sync worker has emptied the outbox the load filled."""
    from roster.extensions import db

    started = time.perf_counter()
    with app.app_context():
        if not inspect(db.engine).has_table(OUTBOX_TABLE):
            return
        queued = db.session.scalar(text(f"SELECT count(*) FROM {OUTBOX_TABLE}"))  # noqa: S608
        while True:
            left = db.session.scalar(text(f"SELECT count(*) FROM {OUTBOX_TABLE}"))  # noqa: S608
            db.session.rollback()
            if not left:
                break
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{left} outbox rows left after {timeout:.0f} s")
            time.sleep(0.2)
    seconds = round(time.perf_counter() - started, 2)
    results["figures"]["outbox_drain_s"] = seconds
    results["details"]["outbox_rows_drained"] = queued
    print(f"outbox drain: {queued} rows in {seconds} s", flush=True)


class Meili:
    """Meilisearch's HTTP API with the master key, as the benchmark sees it from outside."""

    def __init__(self, port: int, master_key: str):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {master_key}"

    def total_hits(self, uid: str) -> int | None:
        response = self.session.post(
            f"{self.url}/indexes/{uid}/search", json={"q": "", "hitsPerPage": 1}, timeout=10
        )
        return response.json()["totalHits"] if response.ok else None


def wait_searchable(app, meili: Meili, timeout: float = 300) -> None:
    """Every row of each indexed table counts in a search of its index."""
    from roster.directory.models import FocalPoint
    from roster.experts.models import Expert
    from roster.extensions import db

    models = {"experts": Expert, "focal_points": FocalPoint}
    deadline = time.monotonic() + timeout
    with app.app_context():
        for uid, model in models.items():
            rows = db.session.scalar(select(func.count()).select_from(model))
            db.session.rollback()
            while (found := meili.total_hits(uid)) != rows:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{uid}: {found} of {rows} searchable")
                time.sleep(0.05)
