"""The benchmark's targets, its table of figures and the table of how they grow with size."""

import argparse
import os
import platform
from datetime import datetime

from mix import CATEGORIES

# (label, figure, unit, target): target is (sign, value) or None.
ROWS = [
    ("Bulk load into the database", "load_s", "s", None),
    ("Indexed and searchable (reindex)", "index_s", "s", None),
    ("Load + index", "load_total_s", "s", ("<=", 45.0)),
    ("Outbox drain of the loaded rows", "outbox_drain_s", "s", None),
    ("API search p50", "api_p50_ms", "ms", None),
    ("API search p95", "api_p95_ms", "ms", ("<=", 15.0)),
    ("Direct Meilisearch p50", "direct_p50_ms", "ms", None),
    ("Direct Meilisearch p95", "direct_p95_ms", "ms", None),
    ("p50 API / direct", "p50_ratio", "x", ("<=", 1.5)),
    ("API throughput", "searches_per_s", "/s", (">=", 400.0)),
    ("Meilisearch's own throughput", "meili_searches_per_s", "/s", None),
    ("Throughput API / Meilisearch", "throughput_ratio", "x", (">=", 0.6)),
    ("API latency under load p50", "load_p50_ms", "ms", None),
    ("API latency under load p95", "load_p95_ms", "ms", None),
    ("gunicorn worker RSS after load", "worker_rss_mb", "MB", ("<=", 200.0)),
    ("PATCH answer p50", "patch_p50_ms", "ms", ("<=", 30.0)),
    ("PATCH answer p95", "patch_p95_ms", "ms", None),
    ("Edit-to-searchable p50", "lag_p50_s", "s", None),
    ("Edit-to-searchable p95", "lag_p95_s", "s", ("<=", 1.0)),
    ("Database fallback p50", "fallback_p50_ms", "ms", None),
    ("Database fallback p95", "fallback_p95_ms", "ms", ("<=", 100.0)),
    ("Fallback p95, text with typos", "fallback_typos_p95_ms", "ms", ("<=", 100.0)),
]


def verdict(value, target) -> str:
    if value is None or target is None:
        return ""
    sign, goal = target
    return "ok" if (value >= goal if sign == ">=" else value <= goal) else "MISSED"


def _shown(value, unit: str) -> str:
    return "-" if value is None else f"{value:g} {unit}"


def _goal(target, unit: str) -> str:
    return f"{target[0]} {target[1]:g} {unit}" if target else ""


def table(results: dict) -> str:
    """Every figure of one run against its target, then the latency by kind of query."""
    figures, details = results["figures"], results["details"]
    lines = [f"{'Figure':<34} {'Measured':>12} {'Target':>11}  Verdict", "-" * 68]
    for label, key, unit, target in ROWS:
        value = figures.get(key)
        lines.append(
            f"{label:<34} {_shown(value, unit):>12} {_goal(target, unit):>11}  "
            f"{verdict(value, target)}"
        )
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
        api, meili = load["api"], load.get("meilisearch")
        lines.append(
            f"\nLoad: {api['tool']}, {api['connections']} connections, {api['seconds']} s: "
            f"{api['requests']} API searches ({api['errors']} errors)"
            + (
                f", then {meili['requests']} Meilisearch requests ({meili['errors']} errors, "
                f"{load['meili_requests_per_search']} a search) with the same mix"
                if meili
                else ""
            )
            + f"; client and servers share the machine's {os.cpu_count()} cores."
        )
        cpu = ", ".join(f"{name} {ms} ms" for name, ms in load.get("cpu_ms_per_search", {}).items())
        lines.append(f"CPU per API search under load: {cpu}.")
    return "\n".join(lines)


def curve(runs: list[dict]) -> str:
    """One row per figure, one column per size: how cost grows (Markdown, for the README)."""
    sizes = [f"{run['run']['experts'] // 1000}k" for run in runs]
    lines = [
        "| Figure | Target | " + " | ".join(sizes) + " |",
        "| --- | --- | " + " | ".join("---" for _ in runs) + " |",
    ]
    for label, key, unit, target in ROWS:
        cells = []
        for run in runs:
            value = run["figures"].get(key)
            cell = _shown(value, unit)
            cells.append(f"**{cell}**" if verdict(value, target) == "MISSED" else cell)
        lines.append(f"| {label} | {_goal(target, unit)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def describe(args: argparse.Namespace) -> dict:
    return {
        "started_at": datetime.now().isoformat(timespec="seconds"),
        "database": "postgresql" if args.database_url else "sqlite",
        "experts": args.experts,
        "focal_points": args.focal_points,
        "seed": args.seed,
        "gunicorn": f"-w {args.workers} {args.gunicorn_args}".strip(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "queries": args.queries,
        "rounds": args.rounds,
    }
