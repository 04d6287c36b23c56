"""The Meilisearch requests the service sends for each search, recorded on the way.

A small pass-through proxy stands between a gunicorn of its own and Meilisearch while the mix
runs once through the API; the search requests it saw are what the direct figures replay. So
the direct side compares exactly what the service asks for (one request, or several for a
search that needs them), whatever search code the service runs.
"""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEARCH_PATHS = ("/search", "/multi-search")
FORWARDED = ("Authorization", "Content-Type")


class Recorder(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream_port: int):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream_port = upstream_port
        self.recorded: list[tuple[str, str, dict, str | None]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> "Recorder":
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()
        self.server_close()

    def take(self) -> list[tuple[str, str, dict, str | None]]:
        """The search requests recorded since the last call."""
        with self.lock:
            taken, self.recorded = self.recorded, []
        return taken


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {name: self.headers[name] for name in FORWARDED if self.headers.get(name)}
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=30)
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            data = response.read()
        finally:
            upstream.close()
        if self.command == "POST" and self.path.split("?")[0].endswith(SEARCH_PATHS):
            with self.server.lock:
                self.server.recorded.append(
                    (self.command, self.path, headers, body.decode() if body else None)
                )
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _forward
