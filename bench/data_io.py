"""Benchmark of data in and out, each figure against its target:

1. a 10,000-row XLSX of experts read, validated and previewed (target <= 20 s), then imported
   (target <= 30 s);
2. a CSV export of 100,000 experts streamed through the API, with the process's resident memory
   sampled every 20 ms: its growth over the export (target <= 50 MB);
3. the duplicate scan over those 100,000 experts (target <= 60 s).

It runs in process on a temporary ROSTER_DATA_DIR (SQLite unless --database-url names an empty
database) and without Meilisearch, so exports read every match from the database fallback.
"""

import argparse
import io
import json
import os
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"preview_s": 20, "import_s": 30, "export_growth_mb": 50, "duplicate_scan_s": 60}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class PeakMemory:
    """Samples the resident set size in a thread while the block runs."""

    def __enter__(self):
        self.start = rss_mb()
        self.peak = self.start
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()

    @property
    def growth(self) -> float:
        return round(self.peak - self.start, 1)


def expert_rows(count: int) -> list[list]:
    headers = [
        "Full name",
        "E-mail",
        "Mobile",
        "Nationality",
        "Organisation",
        "Title",
        "Expertise",
        "Thematic areas",
        "Languages",
        "Availability",
    ]
    countries = ["Thailand", "IDN", "Viet Nam", "Philippines", "MYS", "Cambodia"]
    rows = [headers]
    for n in range(count):
        rows.append(
            [
                f"Imported Expert {n}",
                f"imported.{n}@example.org",
                f"+66 81 {n % 1000:03d} {n % 10000:04d}",
                countries[n % len(countries)],
                "Royal Thai Police",
                "Inspector",
                "Investigates smuggling and trafficking networks across borders.",
                "People smuggling; trafficking-in-persons",
                "Thai (native); English (fluent)",
                "2027-01-10 to 2027-03-31; 2027-06-01 to 2027-06-30",
            ]
        )
    return rows


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Experts")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--experts", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="roster-bench-io-"))
    os.environ["ROSTER_DATA_DIR"] = str(work)
    from roster import create_app
    from roster.auth.models import User
    from roster.auth.operations import issue_token
    from roster.demo.generate import generate
    from roster.duplicates import scan
    from roster.extensions import db
    from roster.imports import operations
    from roster.imports.reading import read_table
    from roster.reference.operations import load_reference

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": args.database_url or f"sqlite:///{work / 'bench.db'}",
            "MEILI_URL": "",
        }
    )
    figures: dict = {}
    with app.app_context():
        db.create_all()
        load_reference()
        staff = User(email="bench@example.org", role="staff", password_hash="-")
        db.session.add(staff)
        db.session.commit()

        data = xlsx_bytes(expert_rows(args.import_rows))
        started = time.perf_counter()
        checked = operations.check(staff, "experts", read_table("experts.xlsx", data))
        report = checked.report()
        figures["preview_s"] = round(time.perf_counter() - started, 2)
        assert report["valid"] == args.import_rows, report["errors"][:3]
        started = time.perf_counter()
        operations.write(staff, checked, "experts.xlsx")
        db.session.commit()
        figures["import_s"] = round(time.perf_counter() - started, 2)
        print(
            f"{args.import_rows} rows: preview {figures['preview_s']} s,"
            f" import {figures['import_s']} s",
            flush=True,
        )

        started = time.perf_counter()
        generate(max(0, args.experts - args.import_rows), 0, 1, app.config["REVIEW_PERIOD_DAYS"])
        db.session.commit()
        print(f"loaded {args.experts} experts in {time.perf_counter() - started:.1f} s", flush=True)
        token, _ = issue_token(staff, timedelta(hours=1))
        db.session.commit()

    client = app.test_client()
    with PeakMemory() as memory:
        started = time.perf_counter()
        answer = client.get(
            "/api/v1/experts?format=csv",
            headers={"Authorization": f"Bearer {token}"},
            buffered=False,
        )
        size = lines = 0
        for chunk in answer.response:
            size += len(chunk)
            lines += chunk.count(b"\n")
        answer.close()
        figures["export_s"] = round(time.perf_counter() - started, 2)
    figures["export_growth_mb"] = memory.growth
    figures["export_rows"] = lines - 1
    figures["export_mb"] = round(size / 1e6, 1)
    print(
        f"export: {lines - 1} rows, {figures['export_mb']} MB in {figures['export_s']} s,"
        f" RSS growth {memory.growth} MB",
        flush=True,
    )

    with app.app_context():
        started = time.perf_counter()
        found = scan.candidates()
        figures["duplicate_scan_s"] = round(time.perf_counter() - started, 2)
        figures["duplicate_pairs"] = len(found)
    print(f"duplicate scan: {len(found)} pairs in {figures['duplicate_scan_s']} s", flush=True)

    print("\n| Figure | Target | Measured |\n| --- | --- | --- |")
    for name, value in figures.items():
        target = TARGETS.get(name)
        mark = "" if target is None else (" (met)" if value <= target else " (MISSED)")
        print(f"| {name} | {'<= ' + str(target) if target else ''} | {value}{mark} |")
    out = ROOT / "bench" / "results" / "data_io.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"figures": figures, "args": vars(args)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
