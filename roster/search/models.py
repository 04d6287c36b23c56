"""Tables of search: the outbox of changed documents, the drainers' lease and the text index
the database fallback searches."""

from datetime import datetime

from sqlalchemy import DDL, Index, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from roster.database import Model, UTCDateTime, utcnow


class SearchOutbox(Model):
    """One document to push to Meilisearch, written in the transaction that changed it."""

    __tablename__ = "search_outbox"
    __table_args__ = (Index("ix_search_outbox_due", "next_attempt_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    index_name: Mapped[str] = mapped_column(String(40))
    document_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<SearchOutbox {self.id} {self.index_name}:{self.document_id}>"


class SearchLease(Model):
    """A named lease held by one process at a time until `expires_at` (e.g. the drainer's)."""

    __tablename__ = "search_leases"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120), default="")
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"<SearchLease {self.name} {self.holder} until {self.expires_at}>"


class SearchText(Model):
    """The folded words of one document's searchable attributes, written in the transaction
    that changed the document; full-text indexed (see TEXT_INDEX_DDL)."""

    __tablename__ = "search_text"
    __table_args__ = (UniqueConstraint("index_name", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    index_name: Mapped[str] = mapped_column(String(40))
    document_id: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<SearchText {self.index_name}:{self.document_id}>"


# What the models cannot declare: SQLite's FTS5 table over `search_text` (kept in step by
# triggers) with its vocabulary; PostgreSQL's word and trigram indexes. The migration runs the
# same statements.
TEXT_INDEX_DDL = {
    "sqlite": (
        "CREATE VIRTUAL TABLE search_text_fts USING fts5(body, content='search_text', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
        "CREATE VIRTUAL TABLE search_text_terms USING fts5vocab(search_text_fts, 'row')",
        "CREATE TRIGGER search_text_inserted AFTER INSERT ON search_text BEGIN "
        "INSERT INTO search_text_fts(rowid, body) VALUES (new.id, new.body); END",
        "CREATE TRIGGER search_text_deleted AFTER DELETE ON search_text BEGIN "
        "INSERT INTO search_text_fts(search_text_fts, rowid, body) "
        "VALUES ('delete', old.id, old.body); END",
        "CREATE TRIGGER search_text_updated AFTER UPDATE ON search_text BEGIN "
        "INSERT INTO search_text_fts(search_text_fts, rowid, body) "
        "VALUES ('delete', old.id, old.body); "
        "INSERT INTO search_text_fts(rowid, body) VALUES (new.id, new.body); END",
    ),
    "postgresql": (
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX ix_search_text_words ON search_text USING gin (to_tsvector('simple', body))",
        "CREATE INDEX ix_search_text_trigrams ON search_text USING gin (body gin_trgm_ops)",
    ),
}
TEXT_INDEX_DROP = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS search_text_updated",
        "DROP TRIGGER IF EXISTS search_text_deleted",
        "DROP TRIGGER IF EXISTS search_text_inserted",
        "DROP TABLE IF EXISTS search_text_terms",
        "DROP TABLE IF EXISTS search_text_fts",
    ),
    "postgresql": (
        "DROP INDEX IF EXISTS ix_search_text_trigrams",
        "DROP INDEX IF EXISTS ix_search_text_words",
    ),
}
# Reflected objects the models do not describe, left out of schema comparisons.
TEXT_INDEX_OBJECTS = frozenset(
    {
        "search_text_fts",
        "search_text_fts_data",
        "search_text_fts_idx",
        "search_text_fts_docsize",
        "search_text_fts_config",
        "search_text_terms",
        "ix_search_text_words",
        "ix_search_text_trigrams",
    }
)


def include_in_schema(object_, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object: leave out the text index's own tables and indexes."""
    return not (reflected and compare_to is None and name in TEXT_INDEX_OBJECTS)


for _dialect, _statements in TEXT_INDEX_DDL.items():
    for _statement in _statements:
        event.listen(
            SearchText.__table__, "after_create", DDL(_statement).execute_if(dialect=_dialect)
        )
for _dialect, _statements in TEXT_INDEX_DROP.items():
    for _statement in _statements:
        event.listen(
            SearchText.__table__, "before_drop", DDL(_statement).execute_if(dialect=_dialect)
        )
