"""The outbox: every change to an indexed record queues its document in the same transaction.

A session listener looks at what each flush wrote and inserts one `search_outbox` row per
affected document through the flush's own connection, so the row commits, or rolls back, with
the change. Children (languages, availability windows, holders) queue their parent (both, when
moved); an agency queues all its focal points, whose documents carry its name and sector.
"""

import logging

from flask import Flask, current_app
from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from roster.directory.models import Agency, FocalPoint, FocalPointHolder, FocalPointLanguage
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.extensions import db
from roster.search.models import SearchOutbox

log = logging.getLogger(__name__)

INDEXED_MODELS = {"experts": Expert, "focal_points": FocalPoint}
# Record type -> (index, attribute holding the document id).
DOCUMENT_OF = {
    Expert: ("experts", "id"),
    ExpertLanguage: ("experts", "expert_id"),
    AvailabilityWindow: ("experts", "expert_id"),
    FocalPoint: ("focal_points", "id"),
    FocalPointHolder: ("focal_points", "focal_point_id"),
    FocalPointLanguage: ("focal_points", "focal_point_id"),
}
FLUSHED = "search_outbox_flushed"
COMMITTED = "search_outbox_committed"


def _load_parent_ids(session: Session, flush_context, instances) -> None:
    # Before the flush rewrites a moved child's foreign key, load the old one (it may have been
    # expired by a commit) so that after the flush its history names the previous parent.
    for record in session.dirty:
        if type(record) in DOCUMENT_OF:
            getattr(record, DOCUMENT_OF[type(record)][1])


def affected_documents(session: Session) -> set[tuple[str, int]]:
    """(index, document id) of every indexed document the flush in progress changes."""
    documents: set[tuple[str, int]] = set()
    agency_ids: set[int] = set()
    # after_flush still sees the flush's new/dirty/deleted sets and attribute history.
    changed = [*session.new, *session.deleted]
    changed += [record for record in session.dirty if session.is_modified(record)]
    for record in changed:
        if type(record) in DOCUMENT_OF:
            index_name, attribute = DOCUMENT_OF[type(record)]
            moved_from = inspect(record).attrs[attribute].history.deleted
            for document_id in (getattr(record, attribute), *moved_from):
                if document_id is not None:
                    documents.add((index_name, document_id))
        elif isinstance(record, Agency) and record not in session.new:
            agency_ids.add(record.id)
    if agency_ids:
        statement = select(FocalPoint.id).where(FocalPoint.agency_id.in_(agency_ids))
        focal_point_ids = session.connection().execute(statement).scalars()
        documents.update(("focal_points", focal_point_id) for focal_point_id in focal_point_ids)
    return documents


def _write_outbox(session: Session, flush_context) -> None:
    documents = affected_documents(session)
    if not documents:
        return
    rows = [
        {"index_name": index_name, "document_id": document_id}
        for index_name, document_id in sorted(documents)
    ]
    session.connection().execute(insert(SearchOutbox.__table__), rows)
    session.info[FLUSHED] = True


def _after_commit(session: Session) -> None:
    if session.info.pop(FLUSHED, False):
        session.info[COMMITTED] = True


def _after_rollback(session: Session) -> None:
    session.info.pop(FLUSHED, None)


LISTENERS = (
    ("before_flush", _load_parent_ids),
    ("after_flush", _write_outbox),
    ("after_commit", _after_commit),
    ("after_rollback", _after_rollback),
)


def install_listeners() -> None:
    """Listen on every SQLAlchemy session (once per process)."""
    for name, listener in LISTENERS:
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def drain_after_request(response):
    """Push what the request just committed, so its author sees it in the next search.

    Errors are logged and swallowed: the rows stay in the outbox for the worker.
    """
    if not db.session.info.pop(COMMITTED, False):
        return response
    from roster.search import engine, sync

    if engine.is_configured():
        try:
            stats = sync.drain(time_budget=current_app.config["SEARCH_SYNC_TIMEOUT"])
            if stats.busy or stats.error:
                log.info("changes left to the sync worker: %s", stats.error or "drain busy")
        except Exception:
            log.exception("search sync after the request failed; the worker will retry")
    return response


def register(app: Flask) -> None:
    install_listeners()
    app.after_request(drain_after_request)
