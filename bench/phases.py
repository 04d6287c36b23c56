"""The measuring phases of the search benchmark, each on a running `Bench` (search.py)."""

import json
import random
import resource
import sys
import time

from mix import CATEGORIES
from support import (
    Loopback,
    children_rss_mb,
    find_wrk,
    group_cpu_seconds,
    run_python_load,
    run_wrk,
    summary_ms,
)

# Seconds an edit may take to become searchable before it counts as late (at this value).
LAG_LIMIT = 30


def api_search(api: Loopback, path: str) -> tuple[bytes, str | None]:
    """The answer of one API search and the problem with it, if any."""
    status, data = api.request("GET", path)
    answer = json.loads(data) if status == 200 else {}
    if status != 200 or answer.get("_meta", {}).get("engine") != "meilisearch":
        return data, f"{path}: {status} {data[:200]!r}"
    if "facets" not in answer:
        return data, f"{path}: no facets"
    return data, None


# 2. Latency ---------------------------------------------------------------------------------


def latency(bench, mix, token: str, direct: list[list]) -> None:
    api = Loopback(bench.port, {"Authorization": f"Bearer {token}"})
    meili = Loopback(bench.meili_port, {})
    app_times = {category: [] for category in CATEGORIES}
    direct_times = {category: [] for category in CATEGORIES}
    problems = []
    for round_number in range(bench.args.warmup + bench.args.rounds):
        measured = round_number >= bench.args.warmup
        for query, sent in zip(mix, direct, strict=True):
            started = time.perf_counter()
            _, problem = api_search(api, query.path)
            elapsed = time.perf_counter() - started
            problems += [problem] if problem else []
            started = time.perf_counter()
            for method, path, headers, body in sent:
                status, data = meili.request(method, path, body, headers)
                if status != 200:
                    problems.append(f"direct {path} {body}: {status} {data[:200]!r}")
            straight = time.perf_counter() - started
            if measured:
                app_times[query.category].append(elapsed)
                direct_times[query.category].append(straight)
    api.close()
    meili.close()
    if problems:
        raise RuntimeError("searches failed:\n" + "\n".join(problems[:10]))
    everything = [value for values in app_times.values() for value in values]
    straight = [value for values in direct_times.values() for value in values]
    app_summary, direct_summary = summary_ms(everything), summary_ms(straight)
    figures = bench.results["figures"]
    figures["api_p50_ms"] = app_summary["p50_ms"]
    figures["api_p95_ms"] = app_summary["p95_ms"]
    figures["direct_p50_ms"] = direct_summary["p50_ms"]
    figures["direct_p95_ms"] = direct_summary["p95_ms"]
    figures["p50_ratio"] = round(app_summary["p50_ms"] / direct_summary["p50_ms"], 2)
    bench.results["details"]["latency"] = {
        "api": app_summary,
        "direct": direct_summary,
        "api_by_category": {key: summary_ms(value) for key, value in app_times.items()},
        "direct_by_category": {key: summary_ms(value) for key, value in direct_times.items()},
    }


# 3. Throughput: the API, then Meilisearch alone with the same mix ------------------------


def throughput(bench, mix, token: str, direct: list[list]) -> None:
    options = {
        "seconds": bench.args.load_seconds,
        "connections": bench.args.connections,
        "threads": bench.args.wrk_threads,
        "max_requests": bench.args.max_requests,
    }
    auth = {"Authorization": f"Bearer {token}"}
    wrk = None if bench.args.python_load else find_wrk(not bench.args.no_install)
    groups = {"gunicorn": bench.web.pid, "meilisearch": bench.meili_process.pid}
    before = {name: group_cpu_seconds(group) for name, group in groups.items()}
    client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    client_cpu = time.process_time()
    if wrk:
        searches = [("GET", query.path, auth, None) for query in mix]
        api = run_wrk(wrk, bench.port, searches, options, bench.work / "api.lua")
    else:
        api = run_python_load(bench.port, [query.path for query in mix], auth, options)
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
    load = {
        "api": api,
        "cpu_ms_per_search": {
            name: round(seconds * 1000 / max(api["requests"], 1), 2)
            for name, seconds in spent.items()
        },
        "worker_rss_mb": children_rss_mb(bench.web.pid),
    }
    figures = bench.results["figures"]
    figures["searches_per_s"] = api["requests_per_s"]
    figures["load_p50_ms"] = api["p50_ms"]
    figures["load_p95_ms"] = api["p95_ms"]
    figures["worker_rss_mb"] = max(load["worker_rss_mb"], default=None)
    if wrk:
        flat = [request for sent in direct for request in sent]
        meili = run_wrk(wrk, bench.meili_port, flat, options, bench.work / "meili.lua")
        per_search = round(len(flat) / len(mix), 2)
        load.update(meilisearch=meili, meili_requests_per_search=per_search)
        figures["meili_searches_per_s"] = round(meili["requests_per_s"] / per_search, 1)
        figures["throughput_ratio"] = round(
            api["requests_per_s"] / figures["meili_searches_per_s"], 2
        )
    bench.results["details"]["throughput"] = load
    if api["errors"] or load.get("meilisearch", {}).get("errors"):
        print("warning: failed requests under load", file=sys.stderr)


# 4. Edit-to-searchable lag ----------------------------------------------------------------


def lag(bench, token: str) -> None:
    from sqlalchemy import func, select

    from roster.experts.models import Expert
    from roster.extensions import db

    with bench.app.app_context():
        low, high = db.session.execute(select(func.min(Expert.id), func.max(Expert.id))).one()
    rng = random.Random(bench.args.seed)
    api = Loopback(bench.port, {"Authorization": f"Bearer {token}"})
    meili = Loopback(bench.meili_port, {"Authorization": f"Bearer {bench.master_key}"})
    lags, answers, visible_at_answer, late = [], [], 0, 0
    for number in range(bench.args.edits):
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
        path = f"/indexes/experts/documents/{expert_id}?fields=version"
        first = True
        while True:
            status, data = meili.request("GET", path)
            if status == 200 and json.loads(data)["version"] >= version:
                visible_at_answer += first
                break
            first = False
            if time.perf_counter() - started > LAG_LIMIT:
                late += 1
                break
            time.sleep(0.002)
        lags.append(time.perf_counter() - started)
        answers.append(answered - started)
    api.close()
    meili.close()
    lag, patch = summary_ms(lags), summary_ms(answers)
    figures = bench.results["figures"]
    figures["lag_p50_s"] = round(lag["p50_ms"] / 1000, 3)
    figures["lag_p95_s"] = round(lag["p95_ms"] / 1000, 3)
    figures["patch_p50_ms"] = patch["p50_ms"]
    figures["patch_p95_ms"] = patch["p95_ms"]
    bench.results["details"]["lag"] = {
        "lag": lag,
        "patch_answer": patch,
        "visible_when_patch_answered": visible_at_answer,
        f"not_visible_within_{LAG_LIMIT}_s": late,
    }


# 5. Database fallback ---------------------------------------------------------------------


def fallback(bench, mix, token: str) -> None:
    bench.children.stop(bench.meili_process)
    api = Loopback(bench.port, {"Authorization": f"Bearer {token}"}, timeout=120)
    # The first search of each worker finds Meilisearch gone and already answers from the
    # database; these warm the database side.
    for query in mix[:4]:
        api.request("GET", query.path)
    times = {category: [] for category in CATEGORIES}
    problems, limit = [], time.monotonic() + bench.args.fallback_seconds
    for _ in range(bench.args.fallback_rounds):
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
    figures = bench.results["figures"]
    figures["fallback_p50_ms"] = summary["p50_ms"]
    figures["fallback_p95_ms"] = summary["p95_ms"]
    figures["fallback_typos_p95_ms"] = summary_ms(times[CATEGORIES[0]])["p95_ms"]
    bench.results["details"]["fallback"] = {
        "all": summary,
        "by_category": {key: summary_ms(value) for key, value in times.items()},
        "failures": problems[:10],
        "failed": len(problems),
    }
