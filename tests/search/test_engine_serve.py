"""`flask roster serve`: local Meilisearch, initial sync, worker and gunicorn, clean stop."""

import os
import signal
import subprocess
import sys
import time

import meilisearch
import requests

from config import BASE_DIR
from roster import create_app
from roster.experts.models import Expert
from roster.extensions import db
from roster.search.local import free_port, port_in_use


def make_database(url: str, experts: int) -> None:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        db.create_all()
        db.session.add_all(Expert(full_name=f"Served Expert {n}") for n in range(experts))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def test_serve_runs_everything_and_stops_it_all(tmp_path):
    url = f"sqlite:///{tmp_path / 'roster.db'}"
    make_database(url, experts=25)
    web_port, meili_port = free_port(), free_port()
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("MEILI_")
    } | {
        "ROSTER_DATA_DIR": str(tmp_path),
        "DATABASE_URL": url,
        "MEILI_PORT": str(meili_port),
        "SECRET_KEY": "test-secret-key",
    }
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "roster", "serve"]
    serve = subprocess.Popen(
        [*command, "--port", str(web_port)],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        health = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and health is None:
            try:
                health = requests.get(f"http://127.0.0.1:{web_port}/healthz", timeout=2).json()
            except requests.RequestException:
                time.sleep(0.2)
        assert health == {"database": "ok", "search": "ok", "semantic": "on"}

        # The index was empty and the database was not: the initial sync filled it.
        master_key = (tmp_path / "meili_master_key").read_text().strip()
        client = meilisearch.Client(f"http://127.0.0.1:{meili_port}", master_key, timeout=5)
        assert client.index("experts").get_stats().number_of_documents == 25
        assert (tmp_path / "meilisearch" / "data.ms").is_dir()

        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=30) == 0
    finally:
        if serve.poll() is None:
            serve.kill()
    assert not port_in_use(web_port)
    assert not port_in_use(meili_port)
