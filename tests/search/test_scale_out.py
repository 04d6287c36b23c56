"""Two app processes and two sync workers over one PostgreSQL and one Meilisearch: every write
made through either app reaches the index once, in its last version."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from config import BASE_DIR
from roster.experts.models import Expert
from roster.extensions import db
from roster.search import engine
from roster.search.check import compare, index_versions
from roster.search.local import free_port
from roster.search.models import SearchOutbox

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="drainers side by side run on PostgreSQL",
)
WRITERS_PER_APP = 2
EXPERTS_PER_WRITER = 12


def _environment(app, meili) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "ROSTER_DATA_DIR": app.config["ROSTER_DATA_DIR"],
        "SECRET_KEY": "test-secret-key",
        "MEILI_URL": meili.url,
        "MEILI_MASTER_KEY": meili.master_key,
        "MEILI_INDEX_PREFIX": app.config["MEILI_INDEX_PREFIX"],
        "SEARCH_POLL_SECONDS": "0.05",
    }


def _start(command: list[str], environment: dict) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        cwd=Path(BASE_DIR),
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_until_up(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).ok:
                return
        except requests.RequestException:
            time.sleep(0.2)
    raise AssertionError(f"the app on port {port} did not come up")


def _outbox_size() -> int:
    size = db.session.scalar(select(func.count()).select_from(SearchOutbox))
    db.session.rollback()
    return size


def _write(base: str, headers: dict, number: int, errors: list) -> None:
    """Create experts, change each twice, delete every third."""
    session = requests.Session()
    for position in range(EXPERTS_PER_WRITER):
        try:
            created = session.post(
                f"{base}/api/v1/experts",
                json={"full_name": f"Scaled Expert {number}-{position}", "nationality": "THA"},
                headers=headers,
                timeout=60,
            )
            assert created.status_code == 201, created.text
            expert = created.json()
            for change in ("Commander", "Director"):
                expert = session.patch(
                    f"{base}/api/v1/experts/{expert['id']}",
                    json={"version": expert["version"], "position": change},
                    headers=headers,
                    timeout=60,
                ).json()
            if position % 3 == 0:
                gone = session.delete(
                    f"{base}/api/v1/experts/{expert['id']}", headers=headers, timeout=60
                )
                assert gone.status_code == 204
        except Exception as error:  # reported by the test's own thread
            errors.append(error)


def test_two_apps_and_two_workers_lose_and_duplicate_nothing(app, meili, staff_headers):
    environment = _environment(app, meili)
    ports = [free_port(), free_port()]
    web = [
        _start(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                "wsgi:app",
            ],
            environment,
        )
        for port in ports
    ]
    worker_command = [sys.executable, "-m", "flask", "--app", "wsgi", "roster", "sync-worker"]
    workers = [_start([*worker_command, "--batch-size", "5"], environment) for _ in range(2)]
    try:
        for port in ports:
            _wait_until_up(port)
        errors: list = []
        writers = [
            threading.Thread(
                target=_write,
                args=(f"http://127.0.0.1:{port}", staff_headers, number * 10 + writer, errors),
            )
            for number, port in enumerate(ports)
            for writer in range(WRITERS_PER_APP)
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert errors == []

        deadline = time.monotonic() + 120
        while _outbox_size() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _outbox_size() == 0
        # Both workers are still running: neither gave up.
        assert all(worker.poll() is None for worker in workers)
    finally:
        for process in (*web, *workers):
            process.terminate()
        for process in (*web, *workers):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    stored = dict(db.session.execute(select(Expert.id, Expert.version)).tuples().all())
    db.session.rollback()
    expected = len(ports) * WRITERS_PER_APP * (EXPERTS_PER_WRITER - len(range(0, 12, 3)))
    assert len(stored) == expected
    assert set(stored.values()) == {3}
    assert index_versions(engine.write_client(), engine.index_uid("experts")) == stored
    assert not compare("experts").has_drift
