"""What the read audit adds to a request: one audit INSERT and the commit of a read.

Runs on its own (a temporary SQLite file, or an empty database given by --database-url):
first a baseline of what every read request does anyway (a query, then the end of its
transaction), then the same with a `read` entry and with a `search` entry written and committed.
The difference is the audit's cost per request, in wall-clock and CPU time.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from werkzeug.datastructures import MultiDict

ROUNDS = 2000
TARGET_MS = 1.0


def _per_request(call, rounds: int) -> tuple[float, float]:
    for _ in range(rounds // 10):
        call()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        call()
    return (
        (time.perf_counter() - wall) / rounds * 1000,
        (time.process_time() - cpu) / rounds * 1000,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="an empty database (default: temporary SQLite)")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    options = parser.parse_args()
    os.environ["ROSTER_DATA_DIR"] = tempfile.mkdtemp(prefix="roster-bench-")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from roster import create_app
    from roster.extensions import db
    from roster.privacy.reads import record_read, record_search

    overrides = {"SQLALCHEMY_DATABASE_URI": options.database_url} if options.database_url else {}
    app = create_app(overrides)
    args = MultiDict([("q", "trafficking in persons"), ("language", "th"), ("page", "2")])
    with app.app_context():
        db.create_all()
        try:

            def baseline():
                db.session.execute(text("SELECT 1"))
                db.session.rollback()

            def read():
                db.session.execute(text("SELECT 1"))
                record_read(None, "expert", 17)

            def search():
                db.session.execute(text("SELECT 1"))
                record_search(None, "expert", args, 20, 345)

            base_wall, base_cpu = _per_request(baseline, options.rounds)
            print(f"{db.engine.dialect.name}, {options.rounds} requests each")
            failed = False
            for name, call in (("read", read), ("search", search)):
                wall, cpu = _per_request(call, options.rounds)
                added_wall, added_cpu = wall - base_wall, cpu - base_cpu
                failed |= added_cpu > TARGET_MS
                print(
                    f"  {name:6} entry adds {added_wall:.3f} ms wall, {added_cpu:.3f} ms CPU "
                    f"per request (target: under {TARGET_MS} ms)"
                )
        finally:
            db.session.remove()
            db.drop_all()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
