"""Sign-in throttling shared between processes through Redis (RATELIMIT_STORAGE_URI).

Two separate app processes, one SQLite file and one Redis: failed attempts alternate between
them, and the limit holds over their sum, as it must with several gunicorn workers or machines.
"""

import base64
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import create_engine

from roster.extensions import db
from roster.search.local import free_port

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)


def redis_answers() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")


def wait_until_serving(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the app process stopped"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"nothing serves on port {port}")


def attempt(port: int) -> int:
    credentials = base64.b64encode(b"victim@example.org:a wrong password").decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/tokens",
        method="POST",
        headers={"Authorization": f"Basic {credentials}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def two_processes(tmp_path):
    environment = {
        **os.environ,
        "ROSTER_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.db'}",
        "SECRET_KEY": "shared-test-secret",
        "MEILI_URL": "http://127.0.0.1:9",
        "RATELIMIT_STORAGE_URI": f"redis://{REDIS[0]}:{REDIS[1]}/0",
        # A prefix of this run's own, so that nothing else using this Redis interferes.
        "RATELIMIT_KEY_PREFIX": f"roster-test-{uuid4().hex}",
        "LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS": "4/minute",
        "LOGIN_LIMITS_PER_ADDRESS": "100/minute",
    }
    environment.pop("TEST_DATABASE_URL", None)
    engine = create_engine(environment["DATABASE_URL"])
    db.metadata.create_all(engine)
    engine.dispose()
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [*flask, "run", "--port", str(port)],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_until_serving(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def test_failed_sign_ins_alternating_between_two_processes_share_one_limit(two_processes):
    first, second = two_processes

    statuses = [attempt(port) for port in (first, second, first, second, first, second)]

    # Four failures in all (two on each process) reach the limit of four: both refuse next.
    assert statuses == [401, 401, 401, 401, 429, 429]
