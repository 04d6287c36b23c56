"""Processes, timing and load generation for the search benchmark."""

import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def percentile(samples: list[float], share: float) -> float:
    """The `share` (0..1) percentile, nearest rank; NaN without samples."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary_ms(seconds: list[float]) -> dict:
    """p50/p95/p99/mean in milliseconds and the sample count."""
    return {
        "n": len(seconds),
        "p50_ms": round(percentile(seconds, 0.50) * 1000, 2),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 2),
        "p99_ms": round(percentile(seconds, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(seconds) * 1000, 2) if seconds else None,
    }


class Children:
    """Processes started by the benchmark, each in its own session, stopped in reverse order."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.processes: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, command: list[str], environment: dict) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.processes.append((name, process))
        return process

    def stop(self, process: subprocess.Popen, timeout: float = 15) -> None:
        if process.poll() is None:
            # The whole session: gunicorn's workers go with their master.
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes = [(name, p) for name, p in self.processes if p is not process]

    def stop_all(self) -> None:
        for _, process in reversed(list(self.processes)):
            self.stop(process)

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def wait_for_health(base_url: str, timeout: float, process: subprocess.Popen) -> dict:
    """Poll GET /healthz until it answers 200 with search "ok"."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the web server exited with status {process.returncode}")
        try:
            response = requests.get(f"{base_url}/healthz", timeout=2)
            if response.ok and response.json().get("search") == "ok":
                return response.json()
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{base_url}/healthz did not report search ok within {timeout:.0f} s")


class Loopback:
    """A keep-alive HTTP/1.1 client to 127.0.0.1 (reconnects when the server closes)."""

    def __init__(self, port: int, headers: dict, timeout: float = 30):
        self.port = port
        self.headers = headers
        self.timeout = timeout
        self.connection: http.client.HTTPConnection | None = None

    def request(
        self, method: str, path: str, body: dict | str | None = None, headers: dict | None = None
    ) -> tuple[int, bytes]:
        """`body` goes as JSON: a dict is encoded, a string sent as it is."""
        if body is None:
            payload = None
        else:
            payload = (body if isinstance(body, str) else json.dumps(body)).encode()
        headers = {**self.headers, **(headers or {})}
        if payload is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=self.timeout
                )
            try:
                self.connection.request(method, path, body=payload, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (http.client.HTTPException, ConnectionError):
                self.close()
                if attempt == 2:
                    raise
                continue
            if response.will_close:
                self.close()
            return response.status, data
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


WRK_SCRIPT = """
local requests = {
%(requests)s
}
local counter = 0
request = function()
  counter = counter + 1
  return requests[(counter %% #requests) + 1]
end
done = function(summary, latency, requests)
  io.write("WRK_JSON ")
  io.write(string.format(
    '{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, '
    .. '"mean_us": %%f, "connect_errors": %%d, "read_errors": %%d, "write_errors": %%d, '
    .. '"status_errors": %%d, "timeouts": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
end
"""


def lua_string(text: str) -> str:
    """A Lua string literal of `text`: LuaJIT knows no \\u escapes, so bytes go as \\ddd."""
    out = []
    for byte in text.encode():
        char = chr(byte)
        out.append(char if 32 <= byte < 127 and char not in '\\"' else f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def wrk_requests(requests: list[tuple[str, str, dict, str | None]]) -> str:
    """Lua lines that pre-format (method, path, headers, body) requests for wrk."""
    lines = []
    for method, path, headers, body in requests:
        shown = ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items())
        payload = lua_string(body) if body is not None else "nil"
        lines.append(
            f"  wrk.format({lua_string(method)}, {lua_string(path)}, {{{shown}}}, {payload}),"
        )
    return "\n".join(lines)


def find_wrk(install: bool) -> str | None:
    """The wrk binary; installed with apt-get when missing, running as root and allowed."""
    found = shutil.which("wrk")
    if found or not install or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("wrk is missing: installing the Debian package wrk ...", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install_wrk = ["apt-get", "install", "-y", "-q", "wrk"]
    # The package lists may be missing or old: refresh them only when the first try fails.
    for commands in ([install_wrk], [["apt-get", "update", "-q"], install_wrk]):
        for command in commands:
            try:
                subprocess.run(
                    command, env=environment, capture_output=True, timeout=180, check=False
                )
            except subprocess.TimeoutExpired:
                return None
        if shutil.which("wrk"):
            return shutil.which("wrk")
    return None


def run_wrk(wrk: str, port: int, requests: list, options: dict, script: Path) -> dict:
    """Drive 127.0.0.1:`port` with wrk for `options["seconds"]`, cycling through `requests`
    ((method, path, headers, body) each); requests/s and latency."""
    script.write_text(WRK_SCRIPT % {"requests": wrk_requests(requests)})
    command = [
        wrk,
        f"-t{options['threads']}",
        f"-c{options['connections']}",
        f"-d{options['seconds']}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        f"http://127.0.0.1:{port}",
    ]
    finished = subprocess.run(
        command, capture_output=True, text=True, timeout=options["seconds"] + 60, check=False
    )
    line = next(
        (line for line in finished.stdout.splitlines() if line.startswith("WRK_JSON ")), None
    )
    if line is None:
        raise RuntimeError(f"wrk gave no summary:\n{finished.stdout}\n{finished.stderr}")
    raw = json.loads(line.removeprefix("WRK_JSON "))
    seconds = raw["duration_us"] / 1e6
    errors = sum(raw[key] for key in raw if key.endswith("errors") or key == "timeouts")
    return {
        "tool": "wrk",
        "connections": options["connections"],
        "threads": options["threads"],
        "seconds": round(seconds, 2),
        "requests": raw["requests"],
        "errors": errors,
        "requests_per_s": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "mean_ms": round(raw["mean_us"] / 1000, 2),
    }


def run_python_load(port: int, paths: list[str], headers: dict, options: dict) -> dict:
    """The fallback load generator: threads on keep-alive connections, bounded in requests
    and time. It shares the GIL and the cores with the server, so it understates throughput."""
    deadline = time.monotonic() + options["seconds"]
    budget = [options["max_requests"]]
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]

    def client(offset: int) -> None:
        connection = Loopback(port, headers, timeout=10)
        position = offset
        mine = []
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            path = paths[position % len(paths)]
            position += 1
            started = time.perf_counter()
            try:
                status, _ = connection.request("GET", path)
            except (OSError, http.client.HTTPException):
                status = 0
            mine.append(time.perf_counter() - started)
            if status != 200:
                with lock:
                    errors[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(index * 7,), daemon=True)
        for index in range(options["connections"])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(options["seconds"] + 30)
    seconds = time.perf_counter() - started
    return {
        "tool": "python threads",
        "connections": options["connections"],
        "threads": options["connections"],
        "seconds": round(seconds, 2),
        "requests": len(latencies),
        "errors": errors[0],
        "requests_per_s": round(len(latencies) / seconds, 1),
        **{key: value for key, value in summary_ms(latencies).items() if key != "n"},
    }


def group_cpu_seconds(group: int) -> float:
    """User + system CPU seconds of the live processes in process group `group`."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command: state, ppid, pgrp, ... utime and stime are fields 14 and 15.
        if int(fields[2]) == group:
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def _status(pid: int) -> dict[str, str]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return dict(line.split(":\t", 1) for line in lines if ":\t" in line)


def children_rss_mb(parent: int) -> list[float]:
    """Resident memory (MB) of each live child process of `parent`, e.g. gunicorn's workers."""
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = _status(int(entry.name))
        except OSError:
            continue
        if status.get("PPid", "").strip() == str(parent) and "VmRSS" in status:
            sizes.append(round(int(status["VmRSS"].split()[0]) / 1024, 1))
    return sorted(sizes)


def start_meilisearch(children: Children, binary: str, folder: Path, port: int, key: str):
    """A Meilisearch of the benchmark's own on 127.0.0.1:`port`, once GET /health answers."""
    folder.mkdir(parents=True, exist_ok=True)
    command = [
        binary,
        "--db-path", str(folder / "data.ms"),
        "--dump-dir", str(folder / "dumps"),
        "--env", "production",
        "--no-analytics",
        "--http-addr", f"127.0.0.1:{port}",
        "--log-level", "WARN",
    ]  # fmt: skip
    # The key through the environment: command lines are visible to every local user.
    process = children.start("meilisearch", command, {**os.environ, "MEILI_MASTER_KEY": key})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Meilisearch exited:\n{children.log_tail('meilisearch')}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                return process
        except requests.RequestException:
            pass
        time.sleep(0.05)
    raise RuntimeError("Meilisearch did not answer within 30 s")
