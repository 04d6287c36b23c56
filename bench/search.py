"""Search benchmark: bulk load and indexing, API and direct search latency, throughput of the
API and of Meilisearch alone, worker memory, edit-to-searchable lag and the database fallback,
each against its target.

    .venv/bin/python bench/search.py [--experts 100000] [--focal-points 20000]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench]
        [--sizes 10000,100000,300000]

Everything runs in a temporary ROSTER_DATA_DIR with a Meilisearch of its own on a free port,
the sync worker and gunicorn as `roster serve` starts them; all of it is stopped and the folder
removed at the end (a PostgreSQL database is emptied again). The service is driven only through
its HTTP API and its commands, and Meilisearch through its own API. Results also go to
bench/results/ as JSON.
"""

import argparse
import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from capture import Recorder  # noqa: E402
from loading import Meili, load, reindex, wait_outbox_drained  # noqa: E402
from mix import build_mix  # noqa: E402
from phases import api_search, fallback, lag, latency, throughput  # noqa: E402
from report import curve, describe, table  # noqa: E402
from support import (  # noqa: E402
    Children,
    Loopback,
    start_meilisearch,
    wait_for_health,
)

RESULTS = ROOT / "bench" / "results"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--experts", type=int, default=100_000)
    add("--focal-points", type=int, help="default: a fifth of --experts")
    add("--sizes", help="expert counts, e.g. 10000,100000,300000: one run each, then a table "
        "of how each figure grows")  # fmt: skip
    add("--seed", type=int, default=2002, help="demo data and query mix seed")
    add("--database-url", help="an EMPTY PostgreSQL database (default: SQLite in the temp dir)")
    add("--workers", type=int, default=2, help="gunicorn workers (`roster serve` runs 2)")
    add("--gunicorn-args", default="", help="more gunicorn options, e.g. '--threads 4'")
    add("--queries", type=int, default=48, help="size of the query mix")
    add("--warmup", type=int, default=3, help="warm-up passes over the mix")
    add("--rounds", type=int, default=10, help="measured passes over the mix")
    add("--load-seconds", type=int, default=15, help="per load test: the API, then Meilisearch")
    add("--connections", type=int, default=8)
    add("--wrk-threads", type=int, default=1)
    add("--max-requests", type=int, default=50_000, help="cap of the Python load generator")
    add("--no-install", action="store_true", help="never apt-get install wrk")
    add("--python-load", action="store_true", help="use the Python load generator, not wrk")
    add("--edits", type=int, default=50)
    add("--fallback-rounds", type=int, default=2)
    add("--fallback-seconds", type=int, default=150, help="time limit of the fallback phase")
    add("--keep", action="store_true", help="keep the temporary folder")
    add("--output", type=Path, help="where to write the JSON results")
    args = parser.parse_args(argv)
    if args.focal_points is None:
        args.focal_points = args.experts // 5
    return args


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path):
        self.args = args
        self.work = work
        self.children = Children(work)
        self.app = None
        self.results: dict = {"figures": {}, "details": {}}
        self.port = free_port()
        self.meili_port = free_port()
        self.master_key = secrets.token_urlsafe(24)
        self.meili = Meili(self.meili_port, self.master_key)
        self.meili_process = None
        self.web = None
        self.database_filled = False

    # Setup ------------------------------------------------------------------------------------

    def environment(self) -> None:
        data = self.work / "data"
        data.mkdir()
        for name in ("DATABASE_URL", "MEILI_URL", "MEILI_MASTER_KEY", "MEILI_INDEX_PREFIX"):
            os.environ.pop(name, None)
        os.environ["ROSTER_DATA_DIR"] = str(data)
        os.environ["PORT"] = str(self.port)
        if self.args.database_url:
            os.environ["DATABASE_URL"] = self.args.database_url
        binary = os.environ.get("MEILI_BIN") or str(ROOT / "vendor/meilisearch/meilisearch")
        self.meili_process = start_meilisearch(
            self.children, binary, data / "meilisearch", self.meili_port, self.master_key
        )
        os.environ["MEILI_URL"] = self.meili.url
        os.environ["MEILI_MASTER_KEY"] = self.master_key

    def prepare_database(self) -> tuple[str, str]:
        from flask_migrate import upgrade

        from roster import create_app
        from roster.auth.operations import create_user
        from roster.demo.generate import has_people
        from roster.extensions import db
        from roster.reference.operations import load_reference

        self.app = create_app()
        with self.app.app_context():
            upgrade()
            load_reference()
            db.session.commit()
            if has_people():
                raise SystemExit("The database already holds people: give an empty one.")
            self.database_filled = True
            email, password = "bench@example.org", secrets.token_urlsafe(18)
            create_user(None, email, password, "staff")
            db.session.commit()
        return email, password

    def empty_database(self) -> None:
        """Leave a PostgreSQL database as empty as it was given."""
        if not (self.args.database_url and self.database_filled):
            return
        from sqlalchemy import MetaData

        from roster.extensions import db

        with self.app.app_context():
            db.session.remove()
            tables = MetaData()
            tables.reflect(db.engine)
            tables.drop_all(db.engine)
            db.engine.dispose()

    # 1. Load and index ------------------------------------------------------------------------

    def load_and_index(self) -> None:
        load(self.app, self.args, self.results)
        reindex(self.app, self.meili, self.results)
        worker = [sys.executable, "-m", "flask", "--app", "wsgi", "roster", "sync-worker"]
        self.children.start("sync-worker", worker, dict(os.environ))
        wait_outbox_drained(self.app, self.results)

    # 2. Latency -------------------------------------------------------------------------------

    def start_web(self, name: str, workers: int, environment: dict) -> subprocess.Popen:
        web = [sys.executable, "-m", "gunicorn", "-w", str(workers)]
        web += shlex.split(self.args.gunicorn_args)
        web += ["--bind", f"127.0.0.1:{environment['PORT']}", "wsgi:app"]
        process = self.children.start(name, web, environment)
        try:
            wait_for_health(f"http://127.0.0.1:{environment['PORT']}", 60, process)
        except RuntimeError:
            print(self.children.log_tail(name), file=sys.stderr)
            raise
        return process

    def token(self, port: int, email: str, password: str) -> str:
        response = requests.post(
            f"http://127.0.0.1:{port}/api/v1/tokens", auth=(email, password), timeout=10
        )
        response.raise_for_status()
        return response.json()["token"]

    def capture(self, mix, email: str, password: str) -> tuple[str, list[list]]:
        """A token, and the Meilisearch requests the service sends for each search of the mix,
        recorded by a proxy in front of Meilisearch while a gunicorn of its own answers."""
        port = free_port()
        with Recorder(self.meili_port) as recorder:
            environment = {**os.environ, "PORT": str(port), "MEILI_URL": recorder.url}
            process = self.start_web("gunicorn-capture", 1, environment)
            token = self.token(port, email, password)
            api = Loopback(port, {"Authorization": f"Bearer {token}"})
            direct, problems = [], []
            recorder.take()
            for query in mix:
                _, problem = api_search(api, query.path)
                problems += [problem] if problem else []
                direct.append(recorder.take())
            api.close()
            self.children.stop(process)
        if problems or not all(direct):
            raise RuntimeError("searches failed:\n" + "\n".join(problems[:10] or ["no request"]))
        return token, direct

    def stop(self) -> None:
        self.children.stop_all()
        self.empty_database()


def results_path(database_url: str | None, experts: int) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return RESULTS / f"search-{'postgresql' if database_url else 'sqlite'}-{experts}-{stamp}.json"


def run(args: argparse.Namespace) -> dict:
    """One whole run at one size; the results."""
    work = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    bench = Bench(args, work)
    bench.results["run"] = describe(args)
    started = time.monotonic()
    mix = []
    try:
        bench.environment()
        email, password = bench.prepare_database()
        bench.load_and_index()
        with bench.app.app_context():
            mix = build_mix(args.seed, args.queries)
        token, direct = bench.capture(mix, email, password)
        bench.web = bench.start_web("gunicorn", args.workers, dict(os.environ))
        print(f"service up on 127.0.0.1:{bench.port}; {len(mix)} queries", flush=True)
        phases = (
            ("latency", lambda: latency(bench, mix, token, direct)),
            ("throughput", lambda: throughput(bench, mix, token, direct)),
            ("lag", lambda: lag(bench, token)),
            ("fallback", lambda: fallback(bench, mix, token)),
        )
        for name, phase in phases:
            # Other work on the machine skews every figure: note how busy it was.
            bench.results["details"].setdefault("load_average_before", {})[name] = os.getloadavg()
            phase()
            print(f"{name} measured", flush=True)
    finally:
        bench.stop()
        bench.results["run"]["seconds"] = round(time.monotonic() - started, 1)
        bench.results["mix"] = [query.path for query in mix]
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
        output = args.output or results_path(args.database_url, args.experts)
        output.write_text(json.dumps(bench.results, indent=2) + "\n")
        print()
        print(table(bench.results))
        print(f"\nWhole run {bench.results['run']['seconds']} s; results in {output}")
    return bench.results


def without(argv: list[str], names: tuple[str, ...]) -> list[str]:
    """`argv` less the options `names` and their values."""
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in names:
            skip = True
        elif not arg.startswith(tuple(f"{name}=" for name in names)):
            kept.append(arg)
    return kept


def run_sizes(args: argparse.Namespace, argv: list[str]) -> int:
    """Each size in a process of its own, then one table of every figure by size."""
    sizes = [int(size) for size in args.sizes.split(",")]
    passed = without(argv, ("--sizes", "--experts", "--output"))
    runs = []
    for size in sizes:
        output = results_path(args.database_url, size)
        command = [sys.executable, __file__, *passed, "--experts", str(size)]
        command += ["--output", str(output)]
        print(f"\n==== {size} experts ====", flush=True)
        finished = subprocess.run(command, check=False)
        text = output.read_text() if output.exists() else ""
        if finished.returncode or not text:
            print(f"the run with {size} experts failed", file=sys.stderr)
            return finished.returncode or 1
        runs.append(json.loads(text))
    database = runs[0]["run"]["database"]
    print(f"\nHow each figure grows ({database}):\n")
    print(curve(runs))
    return 0


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)

    def stop_on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop_on_signal)
    if args.sizes:
        return run_sizes(args, argv)
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
