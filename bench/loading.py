"""Phase 1 of the search benchmark: load the demo data, index it, drain the outbox."""

import time


def load_and_index(app, args, results: dict) -> None:
    """Phase 1: bulk load, then index until searchable, then drain what the load queued."""
    from roster.demo.generate import generate
    from roster.extensions import db
    from roster.search import engine
    from roster.serve import initial_sync

    figures = results["figures"]
    with app.app_context():
        started = time.perf_counter()
        counts = generate(
            args.experts,
            args.focal_points,
            args.seed,
            app.config["REVIEW_PERIOD_DAYS"],
        )
        db.session.commit()
        figures["load_s"] = round(time.perf_counter() - started, 2)
        results["details"]["demo_counts"] = vars(counts)
        print(f"bulk load: {figures['load_s']} s ({vars(counts)})", flush=True)

        started = time.perf_counter()
        if args.index_with == "reindex":
            initial_sync()
        else:
            engine.prepare(force=True)
            drain_outbox(args.sync_batch)
        wait_searchable()
        figures["index_s"] = round(time.perf_counter() - started, 2)
        figures["load_total_s"] = round(figures["load_s"] + figures["index_s"], 2)
        print(f"indexed and searchable ({args.index_with}): {figures['index_s']} s")

        # What the demo data queued: `roster serve`'s worker would push it all again.
        started = time.perf_counter()
        drained = drain_outbox(args.sync_batch)
        figures["outbox_drain_s"] = round(time.perf_counter() - started, 2)
        print(f"outbox drain: {drained} rows in {figures['outbox_drain_s']} s", flush=True)


def drain_outbox(batch_size: int) -> int:
    """Drain the outbox through the sync code until nothing is left; the rows drained."""
    from roster.search.sync import drain

    claimed = 0
    while True:
        stats = drain(batch_size=batch_size)
        if stats.error:
            raise RuntimeError(f"drain failed: {stats.error}")
        claimed += stats.claimed
        if not stats.claimed:
            return claimed


def wait_searchable(timeout: float = 300) -> None:
    """Every row is in its index and a search counts them all."""
    from sqlalchemy import func, select

    from roster.extensions import db
    from roster.search import definition, engine

    client = engine.master_client()
    deadline = time.monotonic() + timeout
    for index_name, index in definition.definitions().items():
        model = index.model
        rows = db.session.scalar(select(func.count()).select_from(model))
        db.session.rollback()
        index = client.index(engine.index_uid(index_name))
        while True:
            found = index.search("", {"hitsPerPage": 1, "page": 1})["totalHits"]
            if found == rows:
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{index_name}: {found} of {rows} searchable")
            time.sleep(0.05)
