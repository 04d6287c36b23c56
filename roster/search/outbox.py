"""The outbox: every change to an indexed record queues its document in the same transaction.

A session listener looks at what each flush wrote and inserts one `search_outbox` row per
affected document through the flush's own connection, so the row commits, or rolls back, with
the change. Which rows feed which document the index definitions say (`sources`, `dependents`).
Before the commit the documents' text goes into the fallback's text index, so the database
finds a change at once, whatever Meilisearch's state; the sync worker pushes the outbox later.
"""

from collections import defaultdict

from flask import Flask
from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from roster.search import definition, textindex
from roster.search.models import SearchOutbox

PENDING = "search_text_pending"


def _sources() -> tuple[dict, dict]:
    sources, dependents = {}, defaultdict(list)
    for index in definition.definitions().values():
        for model, attribute in index.sources.items():
            sources[model] = (index.name, attribute)
        for model, find in index.dependents.items():
            dependents[model].append((index.name, find))
    return sources, dependents


def _load_parent_ids(session: Session, flush_context, instances) -> None:
    # Before the flush rewrites a moved child's foreign key, load the old one (it may have been
    # expired by a commit) so that after the flush its history names the previous parent.
    if not definition.has_app():
        return
    sources, _ = _sources()
    for record in session.dirty:
        if type(record) in sources:
            getattr(record, sources[type(record)][1])


def affected_documents(session: Session) -> set[tuple[str, int]]:
    """(index, document id) of every indexed document the flush in progress changes."""
    sources, dependents = _sources()
    documents: set[tuple[str, int]] = set()
    changed_ids: dict[type, set[int]] = defaultdict(set)
    # after_flush still sees the flush's new/dirty/deleted sets and attribute history.
    changed = [*session.new, *session.deleted]
    changed += [record for record in session.dirty if session.is_modified(record)]
    for record in changed:
        if type(record) in sources:
            index_name, attribute = sources[type(record)]
            moved_from = inspect(record).attrs[attribute].history.deleted
            for document_id in (getattr(record, attribute), *moved_from):
                if document_id is not None:
                    documents.add((index_name, document_id))
        if type(record) in dependents and record not in session.new:
            changed_ids[type(record)].add(record.id)
    for model, ids in changed_ids.items():
        for index_name, find in dependents[model]:
            found = find(session.connection(), ids)
            documents.update((index_name, document_id) for document_id in found)
    return documents


def _write_outbox(session: Session, flush_context) -> None:
    if not definition.has_app():
        return
    documents = affected_documents(session)
    if not documents:
        return
    rows = [
        {"index_name": index_name, "document_id": document_id}
        for index_name, document_id in sorted(documents)
    ]
    session.connection().execute(insert(SearchOutbox.__table__), rows)
    session.info.setdefault(PENDING, set()).update(documents)


def _write_text(session: Session) -> None:
    # The commit would flush next: flush now, so that the pending documents are all known.
    session.flush()
    if not session.info.get(PENDING):
        return
    from roster.search.documents import load_documents

    by_index: dict[str, set[int]] = defaultdict(set)
    for index_name, document_id in session.info.pop(PENDING, ()):
        by_index[index_name].add(document_id)
    # The read models read through db.session, which is this session: inside its transaction.
    for index_name, ids in sorted(by_index.items()):
        found = load_documents(index_name, ids)
        textindex.refresh(session.connection(), index_name, {id_: found.get(id_) for id_ in ids})


def _after_rollback(session: Session, previous_transaction) -> None:
    session.info.pop(PENDING, None)


LISTENERS = (
    ("before_flush", _load_parent_ids),
    ("after_flush", _write_outbox),
    ("before_commit", _write_text),
    ("after_soft_rollback", _after_rollback),
)


def install_listeners() -> None:
    """Listen on every SQLAlchemy session (once per process)."""
    for name, listener in LISTENERS:
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def register(app: Flask) -> None:
    install_listeners()
