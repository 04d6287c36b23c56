"""A Meilisearch process of our own, for when no external MEILI_URL is given."""

import os
import socket
import subprocess
import time
from pathlib import Path

import requests

from config import read_or_create_secret


class MeilisearchStartError(RuntimeError):
    """The local Meilisearch did not come up."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class LocalMeilisearch:
    """Meilisearch bound to 127.0.0.1, its data, dumps and master key under `data_dir`."""

    def __init__(self, binary: str, data_dir: Path, port: int = 7700):
        self.binary = binary
        self.data_dir = Path(data_dir)
        self.port = port
        self.folder = self.data_dir / "meilisearch"
        self.log_path = self.folder / "meilisearch.log"
        self.process: subprocess.Popen | None = None

    def __repr__(self) -> str:
        return f"<LocalMeilisearch {self.url} running={self.is_running}>"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def master_key(self) -> str:
        return read_or_create_secret(self.data_dir / "meili_master_key")

    @property
    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, timeout: float = 30) -> "LocalMeilisearch":
        """Start the process and return once GET /health answers."""
        if self.is_running:
            return self
        if not Path(self.binary).is_file():
            raise MeilisearchStartError(f"Meilisearch binary not found at {self.binary}")
        if port_in_use(self.port):
            # Another server answering /health would pass for ours.
            raise MeilisearchStartError(f"port {self.port} is already in use")
        self.folder.mkdir(parents=True, exist_ok=True)
        # The key goes through the environment: command lines are visible to every local user.
        environment = {**os.environ, "MEILI_MASTER_KEY": self.master_key}
        command = [
            self.binary,
            "--db-path", str(self.folder / "data.ms"),
            "--dump-dir", str(self.folder / "dumps"),
            "--env", "production",
            "--no-analytics",
            "--http-addr", f"127.0.0.1:{self.port}",
            "--log-level", "WARN",
        ]  # fmt: skip
        with open(self.log_path, "ab") as log:
            # cwd keeps Meilisearch from picking up a stray ./config.toml; its own session keeps
            # a Ctrl-C meant for us from stopping it before the processes that use it.
            self.process = subprocess.Popen(
                command,
                cwd=self.folder,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_healthy(timeout)
        return self

    def _wait_until_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise MeilisearchStartError(
                    f"Meilisearch exited with status {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                if requests.get(f"{self.url}/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.stop()
        raise MeilisearchStartError(f"Meilisearch did not answer within {timeout:.0f} s")

    def log_tail(self, lines: int = 20) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 10) -> None:
        """Ask the process to stop; kill it if it is still there after `timeout` seconds."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> "LocalMeilisearch":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
