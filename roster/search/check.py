"""Compare each index with the database: ids and versions."""

from dataclasses import dataclass, field

import meilisearch
from meilisearch.errors import MeilisearchApiError
from sqlalchemy import select

from roster.extensions import db
from roster.search import definition, engine

PAGE_SIZE = 1000


@dataclass
class Drift:
    index_name: str
    in_database: int = 0
    in_index: int = 0
    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)

    @property
    def has_drift(self) -> bool:
        return bool(self.missing or self.extra or self.stale)


def index_versions(client: meilisearch.Client, uid: str) -> dict[int, int | None]:
    """{id: version} of every document in index `uid` (empty when the index does not exist)."""
    versions: dict[int, int | None] = {}
    offset = 0
    while True:
        try:
            page = client.index(uid).get_documents(
                {"fields": ["id", "version"], "limit": PAGE_SIZE, "offset": offset}
            )
        except MeilisearchApiError as error:
            if error.code == "index_not_found":
                return versions
            raise
        for document in page.results:
            fields = dict(document)
            versions[int(fields["id"])] = fields.get("version")
        offset += len(page.results)
        if len(page.results) < PAGE_SIZE:
            return versions


def database_versions(index_name: str) -> dict[int, int]:
    model = definition.get(index_name).model
    return dict(db.session.execute(select(model.id, model.version)).tuples().all())


def compare(index_name: str, client: meilisearch.Client | None = None) -> Drift:
    """What differs between the database rows and the documents of one index."""
    client = client or engine.write_client()
    indexed = index_versions(client, engine.index_uid(index_name))
    stored = database_versions(index_name)
    db.session.rollback()
    return Drift(
        index_name,
        in_database=len(stored),
        in_index=len(indexed),
        missing=sorted(stored.keys() - indexed.keys()),
        extra=sorted(indexed.keys() - stored.keys()),
        stale=sorted(id_ for id_ in stored.keys() & indexed.keys() if stored[id_] != indexed[id_]),
    )


def check_all() -> list[Drift]:
    client = engine.write_client()
    return [compare(index_name, client) for index_name in definition.index_names()]
