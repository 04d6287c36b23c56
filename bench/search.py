"""Search benchmark: bulk load and indexing, API and direct search latency, throughput,
edit-to-searchable lag and the database fallback, each against its target.

    .venv/bin/python bench/search.py [--experts 100000] [--focal-points 20000]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench]

Everything runs in a temporary ROSTER_DATA_DIR with a Meilisearch of its own on a free port,
the sync worker and gunicorn started as `roster serve` starts them; all of it is stopped and the
folder removed at the end. Results also go to bench/results/ as JSON.
"""

import argparse
import json
import os
import random
import resource
import secrets
import shlex
import shutil
import signal
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from loading import load_and_index  # noqa: E402
from mix import CATEGORIES, build_mix  # noqa: E402
from report import describe, table  # noqa: E402
from support import (  # noqa: E402
    Children,
    Loopback,
    find_wrk,
    group_cpu_seconds,
    run_python_load,
    run_wrk,
    summary_ms,
    wait_for_health,
)

RESULTS = ROOT / "bench" / "results"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--experts", type=int, default=100_000)
    add("--focal-points", type=int, default=20_000)
    add("--seed", type=int, default=2002, help="demo data and query mix seed")
    add("--database-url", help="an EMPTY PostgreSQL database (default: SQLite in the temp dir)")
    add("--index-with", choices=("reindex", "drain"), default="reindex",
        help="reindex: as `roster serve` starts on an empty index, then the outbox is drained; "
             "drain: only the outbox drain")  # fmt: skip
    add("--sync-batch", type=int, default=500, help="outbox rows per drain batch (the worker's)")
    add("--workers", type=int, default=2, help="gunicorn workers (`roster serve` runs 2)")
    add("--gunicorn-args", default="", help="more gunicorn options, e.g. '--threads 4'")
    add("--queries", type=int, default=48, help="size of the query mix")
    add("--warmup", type=int, default=3, help="warm-up passes over the mix")
    add("--rounds", type=int, default=10, help="measured passes over the mix")
    add("--load-seconds", type=int, default=15)
    add("--connections", type=int, default=8)
    add("--wrk-threads", type=int, default=1)
    add("--max-requests", type=int, default=50_000, help="cap of the Python load generator")
    add("--no-install", action="store_true", help="never apt-get install wrk")
    add("--python-load", action="store_true", help="use the Python load generator, not wrk")
    add("--edits", type=int, default=50)
    add("--fallback-rounds", type=int, default=2)
    add("--fallback-seconds", type=int, default=150, help="time limit of the fallback phase")
    add("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def free_port() -> int:
    from roster.search.local import free_port as pick

    return pick()


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path):
        self.args = args
        self.work = work
        self.children = Children(work)
        self.meili = None
        self.app = None
        self.results: dict = {"figures": {}, "details": {}}
        self.port = free_port()

    # Setup ------------------------------------------------------------------------------------

    def environment(self) -> None:
        from roster.search.local import LocalMeilisearch

        data = self.work / "data"
        data.mkdir()
        for name in ("DATABASE_URL", "MEILI_URL", "MEILI_MASTER_KEY", "MEILI_INDEX_PREFIX"):
            os.environ.pop(name, None)
        os.environ["ROSTER_DATA_DIR"] = str(data)
        os.environ["PORT"] = str(self.port)
        if self.args.database_url:
            os.environ["DATABASE_URL"] = self.args.database_url
        binary = os.environ.get("MEILI_BIN") or str(ROOT / "vendor/meilisearch/meilisearch")
        self.meili = LocalMeilisearch(binary, data, free_port()).start()
        os.environ["MEILI_URL"] = self.meili.url
        os.environ["MEILI_MASTER_KEY"] = self.meili.master_key

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
            email, password = "bench@example.org", secrets.token_urlsafe(18)
            create_user(None, email, password, "staff")
            db.session.commit()
        return email, password

    # 1. Load and index ------------------------------------------------------------------------

    def load_and_index(self) -> None:
        load_and_index(self.app, self.args, self.results)

    # 2. Latency -------------------------------------------------------------------------------

    def start_service(self) -> None:
        environment = dict(os.environ)
        flask = [sys.executable, "-m", "flask", "--app", "wsgi", "roster", "sync-worker"]
        self.children.start("sync-worker", flask, environment)
        web = [sys.executable, "-m", "gunicorn", "-w", str(self.args.workers)]
        web += shlex.split(self.args.gunicorn_args)
        web += ["--bind", f"127.0.0.1:{self.port}", "wsgi:app"]
        self.web = self.children.start("gunicorn", web, environment)
        try:
            wait_for_health(f"http://127.0.0.1:{self.port}", 60, self.web)
        except RuntimeError:
            print(self.children.log_tail("gunicorn"), file=sys.stderr)
            raise

    def token(self, email: str, password: str) -> str:
        response = requests.post(
            f"http://127.0.0.1:{self.port}/api/v1/tokens", auth=(email, password), timeout=10
        )
        response.raise_for_status()
        return response.json()["token"]

    def latency(self, mix, token: str) -> None:
        from roster.search import engine

        with self.app.app_context():
            direct_requests = [query.meilisearch_request() for query in mix]
            search_key = engine.ensure_keys()["search"]
        api = Loopback(self.port, {"Authorization": f"Bearer {token}"})
        meili = Loopback(self.meili.port, {"Authorization": f"Bearer {search_key}"})
        app_times = {category: [] for category in CATEGORIES}
        direct_times = {category: [] for category in CATEGORIES}
        problems = []
        for round_number in range(self.args.warmup + self.args.rounds):
            measured = round_number >= self.args.warmup
            for query, (uid, body) in zip(mix, direct_requests, strict=True):
                started = time.perf_counter()
                status, data = api.request("GET", query.path)
                elapsed = time.perf_counter() - started
                answer = json.loads(data) if status == 200 else {}
                if status != 200 or answer["_meta"].get("engine") != "meilisearch":
                    problems.append(f"{query.path}: {status} {data[:200]!r}")
                elif "facets" not in answer:
                    problems.append(f"{query.path}: no facets")
                started = time.perf_counter()
                status, data = meili.request("POST", f"/indexes/{uid}/search", body)
                direct = time.perf_counter() - started
                if status != 200:
                    problems.append(f"direct {uid} {body}: {status} {data[:200]!r}")
                if measured:
                    app_times[query.category].append(elapsed)
                    direct_times[query.category].append(direct)
        api.close()
        meili.close()
        if problems:
            raise RuntimeError("searches failed:\n" + "\n".join(problems[:10]))
        everything = [value for values in app_times.values() for value in values]
        straight = [value for values in direct_times.values() for value in values]
        app_summary, direct_summary = summary_ms(everything), summary_ms(straight)
        figures = self.results["figures"]
        figures["api_p50_ms"] = app_summary["p50_ms"]
        figures["api_p95_ms"] = app_summary["p95_ms"]
        figures["direct_p50_ms"] = direct_summary["p50_ms"]
        figures["direct_p95_ms"] = direct_summary["p95_ms"]
        figures["p50_ratio"] = round(app_summary["p50_ms"] / direct_summary["p50_ms"], 2)
        self.results["details"]["latency"] = {
            "api": app_summary,
            "direct": direct_summary,
            "api_by_category": {key: summary_ms(value) for key, value in app_times.items()},
            "direct_by_category": {key: summary_ms(value) for key, value in direct_times.items()},
        }

    # 3. Throughput ----------------------------------------------------------------------------

    def throughput(self, mix, token: str) -> None:
        options = {
            "seconds": self.args.load_seconds,
            "connections": self.args.connections,
            "threads": self.args.wrk_threads,
            "max_requests": self.args.max_requests,
        }
        paths = [query.path for query in mix]
        wrk = None if self.args.python_load else find_wrk(not self.args.no_install)
        groups = {"gunicorn": self.web.pid, "meilisearch": self.meili.process.pid}
        before = {name: group_cpu_seconds(group) for name, group in groups.items()}
        client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        client_cpu = time.process_time()
        if wrk:
            load = run_wrk(wrk, self.port, paths, token, options, self.work)
        else:
            load = run_python_load(self.port, paths, token, options)
        # Where the two cores went: CPU ms per search in each process, client included.
        client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = {name: group_cpu_seconds(group) - before[name] for name, group in groups.items()}
        spent["load generator"] = (
            client_after.ru_utime
            + client_after.ru_stime
            - client_before.ru_utime
            - client_before.ru_stime
            + time.process_time()
            - client_cpu
        )
        load["cpu_ms_per_search"] = {
            name: round(seconds * 1000 / max(load["requests"], 1), 2)
            for name, seconds in spent.items()
        }
        self.results["details"]["throughput"] = load
        self.results["figures"]["searches_per_s"] = load["searches_per_s"]
        self.results["figures"]["load_p50_ms"] = load["p50_ms"]
        self.results["figures"]["load_p95_ms"] = load["p95_ms"]
        if load["errors"]:
            print(f"warning: {load['errors']} failed requests under load", file=sys.stderr)

    # 4. Edit-to-searchable lag ----------------------------------------------------------------

    def lag(self, token: str) -> None:
        from sqlalchemy import func, select

        from roster.experts.models import Expert
        from roster.extensions import db
        from roster.search import engine

        with self.app.app_context():
            low, high = db.session.execute(select(func.min(Expert.id), func.max(Expert.id))).one()
            uid = engine.index_uid("experts")
        rng = random.Random(self.args.seed)
        api = Loopback(self.port, {"Authorization": f"Bearer {token}"})
        meili = Loopback(self.meili.port, {"Authorization": f"Bearer {self.meili.master_key}"})
        lags, answers, visible_at_answer = [], [], 0
        for number in range(self.args.edits):
            expert_id = rng.randint(low, high)
            status, data = api.request("GET", f"/api/v1/experts/{expert_id}")
            if status != 200:
                raise RuntimeError(f"GET expert {expert_id}: {status} {data[:200]!r}")
            body = {"version": json.loads(data)["version"], "position": f"Benchmark edit {number}"}
            started = time.perf_counter()
            status, data = api.request("PATCH", f"/api/v1/experts/{expert_id}", body)
            answered = time.perf_counter()
            if status != 200:
                raise RuntimeError(f"PATCH expert {expert_id}: {status} {data[:200]!r}")
            version = json.loads(data)["version"]
            path = f"/indexes/{uid}/documents/{expert_id}?fields=version"
            first = True
            while True:
                status, data = meili.request("GET", path)
                if status == 200 and json.loads(data)["version"] >= version:
                    visible_at_answer += first
                    break
                first = False
                if time.perf_counter() - started > 10:
                    raise RuntimeError(f"expert {expert_id} v{version} not indexed within 10 s")
                time.sleep(0.002)
            lags.append(time.perf_counter() - started)
            answers.append(answered - started)
        api.close()
        meili.close()
        lag, patch = summary_ms(lags), summary_ms(answers)
        figures = self.results["figures"]
        figures["lag_p50_s"] = round(lag["p50_ms"] / 1000, 3)
        figures["lag_p95_s"] = round(lag["p95_ms"] / 1000, 3)
        figures["patch_p50_ms"] = patch["p50_ms"]
        figures["patch_p95_ms"] = patch["p95_ms"]
        self.results["details"]["lag"] = {
            "lag": lag,
            "patch_answer": patch,
            "visible_when_patch_answered": visible_at_answer,
        }

    # 5. Database fallback ---------------------------------------------------------------------

    def fallback(self, mix, token: str) -> None:
        self.meili.stop()
        api = Loopback(self.port, {"Authorization": f"Bearer {token}"}, timeout=120)
        # The first search of each worker finds Meilisearch gone and already answers from the
        # database; these warm the database side.
        for query in mix[:4]:
            api.request("GET", query.path)
        times = {category: [] for category in CATEGORIES}
        problems, limit = [], time.monotonic() + self.args.fallback_seconds
        for _ in range(self.args.fallback_rounds):
            for query in mix:
                if time.monotonic() > limit:
                    break
                started = time.perf_counter()
                status, data = api.request("GET", query.path)
                elapsed = time.perf_counter() - started
                engine = json.loads(data)["_meta"]["engine"] if status == 200 else None
                if engine != "database":
                    problems.append(f"{query.path}: {status} {engine} {data[:120]!r}")
                    continue
                times[query.category].append(elapsed)
        api.close()
        everything = [value for values in times.values() for value in values]
        summary = summary_ms(everything)
        self.results["figures"]["fallback_p50_ms"] = summary["p50_ms"]
        self.results["figures"]["fallback_p95_ms"] = summary["p95_ms"]
        self.results["details"]["fallback"] = {
            "all": summary,
            "by_category": {key: summary_ms(value) for key, value in times.items()},
            "failures": problems[:10],
            "failed": len(problems),
        }

    def stop(self) -> None:
        self.children.stop_all()
        if self.meili is not None:
            self.meili.stop()


def main(argv=None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    bench = Bench(args, work)
    bench.results["run"] = describe(args)
    started = time.monotonic()

    def stop_on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop_on_signal)
    mix = []
    try:
        bench.environment()
        email, password = bench.prepare_database()
        bench.load_and_index()
        with bench.app.app_context():
            mix = build_mix(args.seed, args.queries)
        bench.start_service()
        token = bench.token(email, password)
        print(f"service up on 127.0.0.1:{bench.port}; {len(mix)} queries", flush=True)
        phases = (
            ("latency", lambda: bench.latency(mix, token)),
            ("throughput", lambda: bench.throughput(mix, token)),
            ("lag", lambda: bench.lag(token)),
            ("fallback", lambda: bench.fallback(mix, token)),
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
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        output = RESULTS / f"search-{bench.results['run']['database']}-{stamp}.json"
        output.write_text(json.dumps(bench.results, indent=2) + "\n")
        print()
        print(table(bench.results))
        print(f"\nWhole run {bench.results['run']['seconds']} s; results in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
