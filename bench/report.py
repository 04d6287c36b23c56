"""The benchmark's targets and its table of figures."""

import argparse
import os
import platform
from datetime import datetime

from mix import CATEGORIES

TARGETS = {
    "load_total_s": 60.0,
    "api_p95_ms": 20.0,
    "p50_ratio": 1.5,
    "searches_per_s": 400.0,
    "lag_p95_s": 1.0,
    "fallback_p95_ms": 200.0,
}


def verdict(value, target, higher_is_better=False) -> str:
    if value is None:
        return "n/a"
    return "ok" if (value >= target if higher_is_better else value <= target) else "MISSED"


def table(results: dict) -> str:
    figures, details = results["figures"], results["details"]
    rows = [
        ("Bulk load into the database", figures.get("load_s"), "s", None),
        ("Indexed and searchable", figures.get("index_s"), "s", None),
        ("Load + index total", figures.get("load_total_s"), "s", ("<=", "load_total_s")),
        ("Outbox drain of the demo rows", figures.get("outbox_drain_s"), "s", None),
        ("API search p50", figures.get("api_p50_ms"), "ms", None),
        ("API search p95", figures.get("api_p95_ms"), "ms", ("<=", "api_p95_ms")),
        ("Direct Meilisearch p50", figures.get("direct_p50_ms"), "ms", None),
        ("Direct Meilisearch p95", figures.get("direct_p95_ms"), "ms", None),
        ("p50 API / direct", figures.get("p50_ratio"), "x", ("<=", "p50_ratio")),
        ("Throughput", figures.get("searches_per_s"), "/s", (">=", "searches_per_s")),
        ("Latency under load p50", figures.get("load_p50_ms"), "ms", None),
        ("Latency under load p95", figures.get("load_p95_ms"), "ms", None),
        ("Edit-to-searchable lag p50", figures.get("lag_p50_s"), "s", None),
        ("Edit-to-searchable lag p95", figures.get("lag_p95_s"), "s", ("<=", "lag_p95_s")),
        ("PATCH answer p50", figures.get("patch_p50_ms"), "ms", None),
        ("Database fallback p50", figures.get("fallback_p50_ms"), "ms", None),
        ("Database fallback p95", figures.get("fallback_p95_ms"), "ms", ("<=", "fallback_p95_ms")),
    ]
    lines = [f"{'Figure':<32} {'Measured':>12} {'Target':>10}  Verdict", "-" * 66]
    for label, value, unit, target in rows:
        shown = "-" if value is None else f"{value:g} {unit}"
        if target:
            sign, key = target
            goal = f"{sign} {TARGETS[key]:g} {unit}"
            result = verdict(value, TARGETS[key], sign == ">=")
        else:
            goal, result = "", ""
        lines.append(f"{label:<32} {shown:>12} {goal:>10}  {result}")
    latency = details.get("latency")
    fallback = details.get("fallback", {}).get("by_category", {})
    if latency:
        heading = f"{'p50 / p95 ms by query kind':<28} {'API':>15} {'direct':>15} {'fallback':>17}"
        lines += ["", heading]
        for category in CATEGORIES:
            cells = [
                latency["api_by_category"][category],
                latency["direct_by_category"][category],
                fallback.get(category, {"p50_ms": None, "p95_ms": None}),
            ]
            text = [f"{cell['p50_ms']} / {cell['p95_ms']}" for cell in cells]
            lines.append(f"{category:<28} {text[0]:>15} {text[1]:>15} {text[2]:>17}")
    load = details.get("throughput")
    if load:
        lines.append(
            f"\nLoad: {load['tool']}, {load['connections']} connections, {load['seconds']} s, "
            f"{load['requests']} requests, {load['errors']} errors; client and server share "
            f"the machine's {os.cpu_count()} cores."
        )
        cpu = ", ".join(f"{name} {ms} ms" for name, ms in load.get("cpu_ms_per_search", {}).items())
        lines.append(f"CPU per search under load: {cpu}.")
    return "\n".join(lines)


def describe(args: argparse.Namespace) -> dict:
    return {
        "started_at": datetime.now().isoformat(timespec="seconds"),
        "database": "postgresql" if args.database_url else "sqlite",
        "experts": args.experts,
        "focal_points": args.focal_points,
        "seed": args.seed,
        "index_with": args.index_with,
        "gunicorn": f"-w {args.workers} {args.gunicorn_args}".strip(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "queries": args.queries,
        "rounds": args.rounds,
    }
