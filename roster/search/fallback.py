"""Searches answered from the database while Meilisearch is unreachable.

Same filters, totals and facet counts as the index. Full text is simpler: the words of `q` (or
their synonyms, see settings.SYNONYM_GROUPS) must be words of the searchable fields, matched by
regular expressions without typo tolerance, accent folding or ranking; results come in name
order.
"""

import re

from sqlalchemy import and_, exists, func, or_, select

from roster.directory.models import (
    Agency,
    FocalPoint,
    FocalPointHolder,
    FocalPointLanguage,
    focal_point_thematic_areas,
)
from roster.experts.models import (
    AvailabilityWindow,
    Expert,
    ExpertLanguage,
    expert_thematic_areas,
)
from roster.extensions import db
from roster.reference.languages import levels_at_least
from roster.reference.models import Member, ThematicArea
from roster.search.documents import sort_key
from roster.search.settings import SYNONYM_GROUPS

# Between the words of a phrase the index allows separators, but not these: after them the
# next word starts a new phrase.
PHRASE_GAP = r"[^\w.,;:!?\u2026]+"
# Meilisearch reads the first ten words of a query and looks up synonyms for runs of at most
# three of them.
MAX_QUERY_WORDS = 10
LONGEST_SYNONYM_RUN = 3


def query_words(q: str) -> list[str]:
    """The words of a query the index reads, lower-cased."""
    return re.findall(r"[^\W_]+", q.lower())[:MAX_QUERY_WORDS]


def query_terms(q: str) -> list[list[list[str]]]:
    """Regular expressions: every term must match, through any of its alternatives, each of
    whose patterns must match one field.

    As in the index, a typed word matches a whole word (the last one typed, any word it starts)
    and a synonym matches as an exact phrase. Query words hold only letters and digits, so they
    go into the patterns as they are.
    """
    phrases = {tuple(variant.split()): group for group in SYNONYM_GROUPS for variant in group}
    words = query_words(q)
    terms = []
    position = 0
    while position < len(words):
        size, group = 1, None
        for run in range(min(LONGEST_SYNONYM_RUN, len(words) - position), 0, -1):
            group = phrases.get(tuple(words[position : position + run]))
            if group:
                size = run
                break
        typed = words[position : position + size]
        position += size
        patterns = [rf"(^|\W){word}(\W|$)" for word in typed]
        if position == len(words):
            patterns[-1] = rf"(^|\W){typed[-1]}"
        alternatives = [patterns]
        for variant in group or ():
            if variant.split() != typed:
                alternatives.append([rf"(^|\W){PHRASE_GAP.join(variant.split())}(\W|$)"])
        terms.append(alternatives)
    return terms


def _matches(column, pattern: str):
    # Case-insensitive through an embedded option: Python's re (SQLite) and PostgreSQL both
    # read it, while SQLAlchemy drops `flags` on SQLite.
    return func.coalesce(column, "").regexp_match("(?i)" + pattern)


def _text_condition(q: str, match):
    return and_(
        *[
            or_(*[and_(*[match(pattern) for pattern in alternative]) for alternative in term])
            for term in query_terms(q)
        ]
    )


def _expert_match(pattern: str):
    columns = (
        Expert.full_name,
        Expert.name_local,
        Expert.organisation,
        Expert.position,
        Expert.bio,
        Expert.email,
        Expert.nationality,
    )
    area = exists(
        select(1)
        .select_from(expert_thematic_areas.join(ThematicArea))
        .where(expert_thematic_areas.c.expert_id == Expert.id, _matches(ThematicArea.name, pattern))
    )
    return or_(*[_matches(column, pattern) for column in columns], area)


def _current_holder():
    return and_(
        FocalPointHolder.focal_point_id == FocalPoint.id, FocalPointHolder.ended_on.is_(None)
    )


def _focal_point_match(pattern: str):
    holder = exists(
        select(1).where(
            _current_holder(),
            or_(
                *[
                    _matches(column, pattern)
                    for column in (
                        FocalPointHolder.full_name,
                        FocalPointHolder.name_local,
                        FocalPointHolder.email,
                    )
                ]
            ),
        )
    )
    agency = exists(
        select(1).where(
            Agency.id == FocalPoint.agency_id,
            or_(_matches(Agency.name, pattern), _matches(Agency.acronym, pattern)),
        )
    )
    member = exists(
        select(1).where(
            Member.id == FocalPoint.member_id,
            or_(_matches(Member.name, pattern), _matches(Member.code, pattern)),
        )
    )
    area = exists(
        select(1)
        .select_from(focal_point_thematic_areas.join(ThematicArea))
        .where(
            focal_point_thematic_areas.c.focal_point_id == FocalPoint.id,
            _matches(ThematicArea.name, pattern),
        )
    )
    own = (FocalPoint.position, FocalPoint.shared_mailbox)
    return or_(holder, agency, member, area, *[_matches(column, pattern) for column in own])


def _has_area(link_table, link_column, owner_id, code: str):
    return exists(
        select(1)
        .select_from(link_table.join(ThematicArea))
        .where(link_column == owner_id, ThematicArea.code == code)
    )


def _has_language(model, owner_column, owner_id, code: str, min_level: str | None):
    conditions = [owner_column == owner_id, model.code == code]
    if min_level:
        conditions.append(model.level.in_(levels_at_least(min_level)))
    return exists(select(1).where(*conditions))


def expert_conditions(search) -> list:
    """WHERE clauses on Expert equivalent to the index filter and query."""
    conditions = [
        _has_area(expert_thematic_areas, expert_thematic_areas.c.expert_id, Expert.id, code)
        for code in search.thematic_areas
    ]
    conditions += [
        _has_language(ExpertLanguage, ExpertLanguage.expert_id, Expert.id, code, search.min_level)
        for code in search.languages
    ]
    if search.nationality:
        conditions.append(Expert.nationality.in_(search.nationality))
    if search.available_from:
        conditions.append(
            exists(
                select(1).where(
                    AvailabilityWindow.expert_id == Expert.id,
                    AvailabilityWindow.start <= search.available_from,
                    AvailabilityWindow.end >= search.available_to,
                )
            )
        )
    if search.q and query_words(search.q):
        conditions.append(_text_condition(search.q, _expert_match))
    return conditions


def focal_point_conditions(search) -> list:
    """WHERE clauses on FocalPoint equivalent to the index filter and query."""
    conditions = []
    if search.members:
        conditions.append(
            FocalPoint.member_id.in_(select(Member.id).where(Member.code.in_(search.members)))
        )
    conditions += [
        _has_area(
            focal_point_thematic_areas,
            focal_point_thematic_areas.c.focal_point_id,
            FocalPoint.id,
            code,
        )
        for code in search.thematic_areas
    ]
    conditions += [
        _has_language(
            FocalPointLanguage,
            FocalPointLanguage.focal_point_id,
            FocalPoint.id,
            code,
            search.min_level,
        )
        for code in search.languages
    ]
    if search.q and query_words(search.q):
        conditions.append(_text_condition(search.q, _focal_point_match))
    return conditions


def _counts(statement) -> dict[str, int]:
    return {code: count for code, count in db.session.execute(statement) if code}


def _expert_facets(ids) -> dict[str, dict[str, int]]:
    link = expert_thematic_areas
    return {
        "thematic_areas": _counts(
            select(ThematicArea.code, func.count())
            .select_from(link.join(ThematicArea))
            .where(link.c.expert_id.in_(ids))
            .group_by(ThematicArea.code)
        ),
        "languages": _counts(
            select(ExpertLanguage.code, func.count())
            .where(ExpertLanguage.expert_id.in_(ids))
            .group_by(ExpertLanguage.code)
        ),
        "nationality": _counts(
            select(Expert.nationality, func.count())
            .where(Expert.id.in_(ids))
            .group_by(Expert.nationality)
        ),
    }


def _focal_point_facets(ids) -> dict[str, dict[str, int]]:
    link = focal_point_thematic_areas
    return {
        "member": _counts(
            select(Member.code, func.count())
            .select_from(FocalPoint)
            .join(Member, Member.id == FocalPoint.member_id)
            .where(FocalPoint.id.in_(ids))
            .group_by(Member.code)
        ),
        "thematic_areas": _counts(
            select(ThematicArea.code, func.count())
            .select_from(link.join(ThematicArea))
            .where(link.c.focal_point_id.in_(ids))
            .group_by(ThematicArea.code)
        ),
        "languages": _counts(
            select(FocalPointLanguage.code, func.count())
            .where(FocalPointLanguage.focal_point_id.in_(ids))
            .group_by(FocalPointLanguage.code)
        ),
    }


def _page_by_name(rows, page: int, per_page: int) -> list[int]:
    """Ids ordered as the index orders `name_sort` (folded name, unnamed last), then id."""
    ordered = sorted(
        rows, key=lambda row: (row[1] is None, sort_key(row[1]) if row[1] else "", row[0])
    )
    start = (page - 1) * per_page
    return [row[0] for row in ordered[start : start + per_page]]


def _page(model, name_column, conditions, sort: str, page: int, per_page: int) -> list[int]:
    if sort == "updated_at":
        statement = (
            select(model.id)
            .where(*conditions)
            .order_by(model.updated_at.desc(), model.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
        return list(db.session.scalars(statement))
    rows = db.session.execute(select(model.id, name_column).where(*conditions)).all()
    return _page_by_name(rows, page, per_page)


def search(index_name: str, search, page: int, per_page: int) -> tuple[list[int], int, dict]:
    """(ids of the page in order, exact total, facet counts) for `search`, from the database."""
    if index_name == "experts":
        model, conditions, facets = Expert, expert_conditions(search), _expert_facets
        name_column = Expert.full_name
    else:
        model, conditions, facets = FocalPoint, focal_point_conditions(search), _focal_point_facets
        name_column = (
            select(FocalPointHolder.full_name)
            .where(_current_holder())
            .order_by(FocalPointHolder.started_on.desc(), FocalPointHolder.id.desc())
            .limit(1)
            .scalar_subquery()
        )
    ids = select(model.id).where(*conditions)
    total = db.session.scalar(select(func.count()).select_from(ids.subquery()))
    page_ids = _page(model, name_column, conditions, search.sort, page, per_page)
    return page_ids, total, facets(ids)
