"""The database fallback's text index: the folded words of every document, full-text indexed
(SQLite FTS5; PostgreSQL full-text search and pg_trgm), queried with the index's own words and
synonyms (roster.search.text).

Typo tolerance: a query word of 5 to 8 letters also matches words one edit away, from 9 letters
two, the first letter kept (as Meilisearch counts a first-letter typo double). On SQLite the
variants come from the FTS5 vocabulary; PostgreSQL matches by trigram word similarity instead.
"""

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract
from sqlalchemy import (
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert

from roster.extensions import db
from roster.search import definition
from roster.search.models import SearchText
from roster.search.text import PREFIX, document_text, query_terms

TEXT = SearchText.__table__
MAX_VARIANTS = 20
WRITE_CHUNK = 500


def typos_allowed(word: str) -> int:
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


def _upsert(connection):
    """An insert that replaces the row a concurrent writer added since our delete (PostgreSQL;
    SQLite lets one writer at a time through the whole transaction)."""
    if connection.dialect.name == "postgresql":
        statement = postgresql_insert(TEXT)
        return statement.on_conflict_do_update(
            index_elements=[TEXT.c.index_name, TEXT.c.document_id],
            set_={"body": statement.excluded.body},
        )
    return insert(TEXT)


def refresh(connection, index_name: str, documents: dict[int, dict | None]) -> None:
    """Write the text of `documents` ({id: document, or None when the row is gone}).

    Staff-only attributes stay out: the fallback cannot tell who reads which part of the text.
    """
    index = definition.get(index_name)
    searchable = [name for name in index.searchable if name not in index.staff_only]
    ids = sorted(documents)
    for start in range(0, len(ids), WRITE_CHUNK):
        chunk = ids[start : start + WRITE_CHUNK]
        connection.execute(
            delete(TEXT).where(TEXT.c.index_name == index_name, TEXT.c.document_id.in_(chunk))
        )
        rows = [
            {
                "index_name": index_name,
                "document_id": document_id,
                "body": document_text(documents[document_id], searchable),
            }
            for document_id in chunk
            if documents[document_id] is not None
        ]
        if rows:
            connection.execute(_upsert(connection), rows)


def drop_orphans(connection, index_name: str) -> None:
    """Remove the text of documents whose row is gone."""
    model = definition.get(index_name).model
    connection.execute(
        delete(TEXT).where(
            TEXT.c.index_name == index_name, TEXT.c.document_id.not_in(select(model.id))
        )
    )


def count(index_name: str) -> int:
    return db.session.scalar(
        select(func.count()).select_from(TEXT).where(TEXT.c.index_name == index_name)
    )


def _sqlite_variants(word: str) -> list[str]:
    """Words of the vocabulary within the typos allowed for `word` (a prefix for the last)."""
    prefix = word.endswith(PREFIX)
    bare = word.rstrip(PREFIX)
    allowed = typos_allowed(bare)
    if not allowed:
        return []
    first = bare[0]
    terms = db.session.scalars(
        text("SELECT term FROM search_text_terms WHERE term >= :low AND term < :high"),
        {"low": first, "high": chr(ord(first) + 1)},
    ).all()
    if prefix:
        # Compare with each word's beginnings about as long as what is typed so far.
        beginnings: dict[str, list[str]] = {}
        for term in terms:
            for size in range(len(bare) - allowed, len(bare) + allowed + 1):
                if size <= len(term):
                    beginnings.setdefault(term[:size], []).append(term)
        found = extract(
            bare, list(beginnings), scorer=Levenshtein.distance, score_cutoff=allowed, limit=None
        )
        variants = list(dict.fromkeys(t for match, _, _ in found for t in beginnings[match]))
    else:
        found = extract(bare, terms, scorer=Levenshtein.distance, score_cutoff=allowed, limit=None)
        variants = [match for match, _, _ in found]
    return [variant for variant in variants if variant != bare][:MAX_VARIANTS]


def _fts_phrase(words: tuple[str, ...]) -> str:
    # Words hold only letters and digits (text.WORD), so quoting them is safe.
    last = words[-1]
    quoted = '"' + " ".join(word.rstrip(PREFIX) for word in words) + '"'
    return quoted + "*" if last.endswith(PREFIX) else quoted


def _sqlite_query(terms) -> str:
    parts = []
    for term in terms:
        alternatives = []
        for alternative in term:
            phrases = [_fts_phrase(phrase) for phrase in alternative]
            if len(alternative) == 1 and len(alternative[0]) == 1:
                phrases = [
                    "("
                    + " OR ".join(
                        [phrases[0], *(f'"{v}"' for v in _sqlite_variants(alternative[0][0]))]
                    )
                    + ")"
                ]
            alternatives.append("(" + " AND ".join(phrases) + ")")
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def _sqlite_condition(index_name: str, terms):
    matching = text("SELECT rowid FROM search_text_fts WHERE search_text_fts MATCH :match")
    return and_(
        TEXT.c.index_name == index_name,
        TEXT.c.id.in_(matching.bindparams(match=_sqlite_query(terms))),
    )


def _ts_phrase(words: tuple[str, ...]) -> str:
    parts = [word.rstrip(PREFIX) + (":*" if word.endswith(PREFIX) else "") for word in words]
    return " <-> ".join(parts)


def _postgresql_condition(index_name: str, terms):
    # As in the index's expression, so that PostgreSQL uses it.
    simple = literal_column("'simple'::regconfig")
    vector = func.to_tsvector(simple, TEXT.c.body)
    conditions = []
    for number, term in enumerate(terms):
        query = " | ".join(
            "(" + " & ".join(_ts_phrase(phrase) for phrase in alternative) + ")"
            for alternative in term
        )
        options = [vector.op("@@")(func.to_tsquery(simple, literal(query)))]
        for alternative in term:
            if len(alternative) == 1 and len(alternative[0]) == 1:
                word = alternative[0][0].rstrip(PREFIX)
                if typos_allowed(word):
                    typed = bindparam(f"typo_{number}", word)
                    options.append(typed.op("<%")(TEXT.c.body))
        conditions.append(or_(*options))
    return and_(TEXT.c.index_name == index_name, *conditions)


def matching(index_name: str, q: str):
    """A SELECT of the ids of documents of `index_name` whose text matches `q`, or None when
    `q` has no words."""
    terms = query_terms(q)
    if not terms:
        return None
    if db.engine.dialect.name == "sqlite":
        condition = _sqlite_condition(index_name, terms)
    else:
        condition = _postgresql_condition(index_name, terms)
    return select(TEXT.c.document_id).where(condition)
