"""Connection to Meilisearch: clients, scoped API keys, index names, tasks and health.

The master key only creates the two scoped keys and reads the status of index swaps; searches
use a search-only key and the sync a write key, both limited to the service's own indexes.
Keys stay on the server: pages and the API never hand them out.
"""

import json
import threading
import time
import uuid
from dataclasses import dataclass

import meilisearch
import requests
from flask import current_app
from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchError,
)
from meilisearch.index import Index
from meilisearch.models.task import Task, TaskInfo

from roster.search import definition
from roster.search.jsoncodec import dumps, loads
from roster.search.settings import index_settings

KEY_NAMESPACE = uuid.UUID("6b0f3c1e-9d4a-5c8e-b7a2-3e5f1d9c4a70")
SEARCH_ACTIONS = ["search"]
WRITE_ACTIONS = [
    "documents.add",
    "documents.delete",
    "documents.get",
    "indexes.create",
    "indexes.get",
    "indexes.delete",
    "indexes.swap",
    "settings.get",
    "settings.update",
    "stats.get",
    "tasks.get",
]
HEALTH_TTL = 2.0
HEALTH_TIMEOUT = 0.5


class SearchUnavailable(Exception):
    """Meilisearch is not configured or does not answer: read from the database instead."""


class TaskFailed(MeilisearchError):
    """A Meilisearch task ended in a status other than `succeeded`."""

    def __init__(self, task: Task):
        error = task.error or {}
        super().__init__(
            f"task {task.uid} ({task.type}) {task.status}: {error.get('code', '')} "
            f"{error.get('message', '')}".strip()
        )
        self.task = task


@dataclass(frozen=True)
class Connection:
    url: str
    master_key: str
    prefix: str
    timeout: float


_lock = threading.Lock()
_keys: dict[Connection, dict[str, str]] = {}
_prepared: set[Connection] = set()
_health: dict[str, object] = {}
_local = threading.local()


def connection() -> Connection:
    config = current_app.config
    return Connection(
        config.get("MEILI_URL", ""),
        config.get("MEILI_MASTER_KEY", ""),
        config.get("MEILI_INDEX_PREFIX", ""),
        float(config.get("MEILI_TIMEOUT", 5)),
    )


def is_configured() -> bool:
    """Whether a Meilisearch URL and master key are set."""
    current = connection()
    return bool(current.url and current.master_key)


def index_uid(index_name: str) -> str:
    """The Meilisearch uid of one of the service's indexes (prefixed, e.g. for tests)."""
    return connection().prefix + definition.get(index_name).name


def _client(api_key: str, timeout: float | None) -> meilisearch.Client:
    current = connection()
    if not (current.url and current.master_key):
        raise SearchUnavailable("Meilisearch is not configured")
    return meilisearch.Client(current.url, api_key, timeout=timeout or current.timeout)


def master_client(timeout: float | None = None) -> meilisearch.Client:
    return _client(connection().master_key, timeout)


def write_client(timeout: float | None = None) -> meilisearch.Client:
    """A client holding the write key: documents, indexes, settings and tasks of our indexes."""
    return _client(ensure_keys()["write"], timeout)


def search_client(timeout: float | None = None) -> meilisearch.Client:
    """A client holding the search-only key."""
    return _client(ensure_keys()["search"], timeout)


def search_index(index_name: str) -> Index:
    return search_client().index(index_uid(index_name))


def _key_specs(prefix: str) -> dict[str, dict]:
    live = [prefix + name for name in definition.index_names()]
    return {
        "search": {"actions": SEARCH_ACTIONS, "indexes": live},
        # The write key also reaches `<uid>_rebuild_<timestamp>` indexes built by reindex.
        "write": {"actions": WRITE_ACTIONS, "indexes": [uid + "*" for uid in live]},
    }


def ensure_keys() -> dict[str, str]:
    """Create (or fetch) the search and write keys; their uids derive from what they allow."""
    current = connection()
    with _lock:
        if current in _keys:
            return _keys[current]
    client = master_client()
    keys = {}
    for kind, spec in _key_specs(current.prefix).items():
        # A change of actions or indexes gives a new uid, hence a new key: keys are immutable.
        uid = str(uuid.uuid5(KEY_NAMESPACE, json.dumps({"kind": kind, **spec}, sort_keys=True)))
        keys[kind] = _get_or_create_key(client, uid, kind, spec)
    with _lock:
        _keys[current] = keys
    return keys


def _get_or_create_key(client: meilisearch.Client, uid: str, kind: str, spec: dict) -> str:
    try:
        return client.get_key(uid).key
    except MeilisearchApiError as error:
        if error.status_code != 404:
            raise
    options = {
        "uid": uid,
        "name": f"roster-{kind}",
        "description": f"RSO Roster {kind} key for {', '.join(spec['indexes'])}",
        "expiresAt": None,
        **spec,
    }
    try:
        return client.create_key(options).key
    except MeilisearchApiError as error:
        # Another process (a second web worker, the sync worker) created it first.
        if error.code != "api_key_already_exists":
            raise
        return client.get_key(uid).key


def forget() -> None:
    """Drop what this process knows of the server (keys, ready indexes) so it is checked again.

    Called after a refusal: the server may have been reset, its keys or indexes deleted.
    """
    current = connection()
    with _lock:
        _keys.pop(current, None)
        _prepared.discard(current)


def create_index(client: meilisearch.Client, uid: str) -> bool:
    """Create the index `uid` (primary key `id`) unless it exists; return whether it was created."""
    try:
        client.get_raw_index(uid)
        return False
    except MeilisearchApiError as error:
        if error.code != "index_not_found":
            raise
    task = client.create_index(uid, {"primaryKey": "id"})
    try:
        wait_for_task(client, task.task_uid)
    except TaskFailed as failure:
        # Created meanwhile by another process: fine.
        if (failure.task.error or {}).get("code") != "index_already_exists":
            raise
        return False
    return True


def apply_settings(client: meilisearch.Client, uid: str, index_name: str) -> None:
    """Give the index `uid` the settings of index `index_name`."""
    task = client.index(uid).update_settings(index_settings(definition.get(index_name)))
    wait_for_task(client, task.task_uid, timeout=120)


def prepare(force: bool = False) -> None:
    """Make sure the keys and the indexes exist, a new index with its settings (once per process).

    `force` applies the settings to existing indexes too, as `roster serve` does at startup.
    """
    current = connection()
    if current in _prepared and not force:
        return
    client = write_client()
    for index_name in definition.index_names():
        uid = index_uid(index_name)
        if create_index(client, uid) or force:
            apply_settings(client, uid, index_name)
    _prepared.add(current)


def wait_for_task(client: meilisearch.Client, task_uid: int, timeout: float = 30) -> Task:
    """Wait for a task and return it; raise TaskFailed unless it succeeded.

    The client's own wait returns failed and canceled tasks without raising.
    """
    task = client.wait_for_task(task_uid, timeout_in_ms=int(timeout * 1000), interval_in_ms=25)
    if task.status != "succeeded":
        raise TaskFailed(task)
    return task


def delete_documents(index: Index, ids) -> int:
    """Enqueue the deletion of documents by id (never an empty list); return the task uid.

    This is the server's delete-batch route: the client deprecates deleting by ids in favour of
    a filter, which would need `id` among the filterable attributes.
    """
    response = index.http.post(
        f"{index.config.paths.index}/{index.uid}/{index.config.paths.document}/delete-batch",
        [str(document_id) for document_id in ids],
    )
    return TaskInfo(**response).task_uid


def _http() -> requests.Session:
    # One keep-alive connection per thread (a web worker has one): a new TCP connection per
    # search costs about as much as Meilisearch's own answer.
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
    return session


def multi_search(queries: list[dict]) -> list[dict]:
    """Run searches (each with its `indexUid`) in one request with the search-only key; their
    answers in order. SearchUnavailable when Meilisearch can't answer."""
    current = connection()
    if not (current.url and current.master_key):
        raise SearchUnavailable("Meilisearch is not configured")
    if _known_health() == "degraded":
        # Found unreachable a moment ago: answer from the database without waiting on it again.
        raise SearchUnavailable("Meilisearch did not answer a moment ago")
    try:
        key = ensure_keys()["search"]
        response = _http().post(
            f"{current.url}/multi-search",
            data=dumps({"queries": queries}),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
            timeout=current.timeout,
        )
    except (requests.ConnectionError, requests.Timeout, MeilisearchCommunicationError) as error:
        _remember_health("degraded")
        raise SearchUnavailable(str(error)) from error
    if response.status_code >= 400:
        error = MeilisearchApiError(str(response.status_code), response)
        if error.code in ("index_not_found", "invalid_api_key"):
            forget()
        if error.status_code >= 500 or error.code in ("index_not_found", "invalid_api_key"):
            raise SearchUnavailable(str(error)) from error
        raise error
    return loads(response.content)["results"]


def search(index_name: str, query: str, params: dict | None = None) -> dict:
    """One search of one index (see multi_search)."""
    return multi_search([{"indexUid": index_uid(index_name), "q": query, **(params or {})}])[0]


def _remember_health(status: str) -> None:
    _health.update(status=status, until=time.monotonic() + HEALTH_TTL, of=connection())


def _known_health() -> str | None:
    if _health.get("of") == connection() and time.monotonic() < _health.get("until", 0):
        return _health["status"]
    return None


def search_health() -> str:
    """Return "ok" when Meilisearch answers GET /health, else "degraded" (cached briefly)."""
    if not is_configured():
        return "degraded"
    known = _known_health()
    if known:
        return known
    current = connection()
    try:
        response = requests.get(f"{current.url}/health", timeout=HEALTH_TIMEOUT)
        status = "ok" if response.ok else "degraded"
    except requests.RequestException:
        status = "degraded"
    _remember_health(status)
    return status
