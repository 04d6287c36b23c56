"""Searches answered from the database while Meilisearch is unreachable.

Same filters, totals and facet counts as the index. Full text is simpler: the words of `q` (or
their synonyms, see settings.SYNONYM_GROUPS) must be words of the searchable fields, matched by
regular expressions without typo tolerance, accent folding or ranking; results come in name
order.
"""

import re
from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy import ARRAY, Integer, and_, any_, bindparam, exists, func, or_, select

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
from roster.search import freshness
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


# Under case-insensitive matching (Python's re, PostgreSQL) i, k and s also match these: the
# dotless i, the dotted capital I, the Kelvin sign and the long s. Any other ASCII letter
# matches only its own upper and lower case.
ASCII_LOOKALIKES = "\u0131\u0130\u212a\u017f"


def like_pattern(pattern: str, lookalikes: bool = False) -> str:
    """A LIKE pattern (ignoring ASCII case) that every text matches in which the regular
    expression `pattern` finds a case-insensitive match, unless the text holds one of
    ASCII_LOOKALIKES: the pattern's words in order, with `_` for each non-ASCII letter.
    With `lookalikes`, `_` stands for i, k and s too, and no text is missed."""
    words = pattern
    for syntax in ("(^|\\W)", "(\\W|$)", PHRASE_GAP):
        words = words.replace(syntax, " ")
    loose = "iks" if lookalikes else ""
    shown = [
        "".join(c if c.isascii() and c.lower() not in loose else "_" for c in word)
        for word in words.split()
    ]
    return "%" + "%".join(shown) + "%"


def _matches(column, pattern: str):
    text = func.coalesce(column, "")
    sqlite = db.engine.dialect.name == "sqlite"

    def like(like_text: str):
        # SQLite's LIKE already ignores ASCII case; lower() would copy every value first.
        return text.like(like_text) if sqlite else text.ilike(like_text)

    exact, loose = like_pattern(pattern), like_pattern(pattern, lookalikes=True)
    prefilter = like(exact)
    if loose != exact:
        position = func.instr if sqlite else func.strpos
        lookalike = or_(*[position(text, letter) > 0 for letter in ASCII_LOOKALIKES])
        prefilter = or_(prefilter, and_(like(loose), lookalike))
    # The LIKEs go first: the database rules most values out cheaply, and the regular
    # expression (a Python call per value on SQLite) runs only on the rest. Case-insensitive
    # through an embedded option: Python's re (SQLite) and PostgreSQL both read it, while
    # SQLAlchemy drops `flags` on SQLite.
    return and_(prefilter, text.regexp_match("(?i)" + pattern))


def _matching_ids(id_column, pattern: str, *columns) -> list[int]:
    """Ids of the reference rows (areas, members, agencies) one of whose `columns` match:
    found once, rather than again for every expert or focal point."""
    conditions = [_matches(column, pattern) for column in columns]
    return list(db.session.scalars(select(id_column).where(or_(*conditions))))


def _text_condition(q: str, match):
    return and_(
        *[
            or_(*[and_(*[match(pattern) for pattern in alternative]) for alternative in term])
            for term in query_terms(q)
        ]
    )


def _linked_to(link_column, owner_id, area_column, pattern: str) -> list:
    """[a condition that the owner has an area whose name matches], or [] when none does."""
    area_ids = _matching_ids(ThematicArea.id, pattern, ThematicArea.name)
    if not area_ids:
        return []
    return [exists(select(1).where(link_column == owner_id, area_column.in_(area_ids)))]


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
    link = expert_thematic_areas
    area = _linked_to(link.c.expert_id, Expert.id, link.c.thematic_area_id, pattern)
    return or_(*[_matches(column, pattern) for column in columns], *area)


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
    agency_ids = _matching_ids(Agency.id, pattern, Agency.name, Agency.acronym)
    member_ids = _matching_ids(Member.id, pattern, Member.name, Member.code)
    link = focal_point_thematic_areas
    area = _linked_to(link.c.focal_point_id, FocalPoint.id, link.c.thematic_area_id, pattern)
    own = (FocalPoint.position, FocalPoint.shared_mailbox)
    return or_(
        holder,
        FocalPoint.agency_id.in_(agency_ids),
        FocalPoint.member_id.in_(member_ids),
        *area,
        *[_matches(column, pattern) for column in own],
    )


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
    if search.freshness:
        conditions.append(or_(*(freshness.sql_condition(bucket) for bucket in search.freshness)))
    if search.q and query_words(search.q):
        conditions.append(_text_condition(search.q, _focal_point_match))
    return conditions


FACET_CHUNK = 5000
# Up to this many matches, counting facets over their ids costs less than finding the matches
# again, even when only filters (no words) select them.
FACET_BY_IDS = 20_000


def _counts(statements) -> dict[str, int]:
    counts: Counter = Counter()
    for statement in statements:
        for code, count in db.session.execute(statement):
            if code:
                counts[code] += count
    return dict(sorted(counts.items()))


def _owned_by(column, matches) -> list:
    """Conditions on `column` (an owner id) selecting the matches, one per query to run.

    The matches go in as their ids (PostgreSQL: one array; SQLite: chunks of parameters);
    when there are many and only cheap filters found them, the database evaluates the filters
    again instead.
    """
    if matches.statement is not None:
        return [column.in_(matches.statement)]
    ids = matches.ids
    if db.engine.dialect.name == "postgresql":
        # Thousands of IN parameters cost psycopg more to send than one array.
        return [column == any_(bindparam("owner_ids", ids, type_=ARRAY(Integer)))]
    chunks = range(0, len(ids), FACET_CHUNK)
    return [column.in_(ids[start : start + FACET_CHUNK]) for start in chunks]


def _code_counts(code_column, link_column, matches, join=None):
    statements = []
    for condition in _owned_by(link_column, matches):
        statement = select(code_column, func.count())
        if join is not None:
            statement = statement.select_from(join)
        statements.append(statement.where(condition).group_by(code_column))
    return _counts(statements)


def _expert_facets(matches) -> dict[str, dict[str, int]]:
    link = expert_thematic_areas
    nationalities = Counter(row.nationality for row in matches.rows if row.nationality)
    return {
        "thematic_areas": _code_counts(
            ThematicArea.code, link.c.expert_id, matches, link.join(ThematicArea)
        ),
        "languages": _code_counts(ExpertLanguage.code, ExpertLanguage.expert_id, matches),
        "nationality": dict(sorted(nationalities.items())),
    }


def _focal_point_facets(matches) -> dict[str, dict[str, int]]:
    link = focal_point_thematic_areas
    codes = dict(db.session.execute(select(Member.id, Member.code)).all())
    members = Counter(codes[row.member_id] for row in matches.rows)
    return {
        "member": dict(sorted(members.items())),
        "thematic_areas": _code_counts(
            ThematicArea.code, link.c.focal_point_id, matches, link.join(ThematicArea)
        ),
        "languages": _code_counts(
            FocalPointLanguage.code, FocalPointLanguage.focal_point_id, matches
        ),
    }


def _page(rows, sort: str, page: int, per_page: int) -> list[int]:
    """Ids of one page: newest change first, or as the index orders `name_sort` (folded name,
    unnamed last), then id."""
    if sort == "updated_at":
        ordered = sorted(rows, key=lambda row: (row.updated_at, row.id), reverse=True)
    else:
        ordered = sorted(
            rows, key=lambda row: (row.name is None, sort_key(row.name) if row.name else "", row.id)
        )
    start = (page - 1) * per_page
    return [row.id for row in ordered[start : start + per_page]]


@dataclass
class _Matches:
    rows: list
    statement: object = None

    @property
    def ids(self) -> list[int]:
        return [row.id for row in self.rows]


def search(index_name: str, search, page: int, per_page: int) -> tuple[list[int], int, dict]:
    """(ids of the page in order, exact total, facet counts) for `search`, from the database."""
    if index_name == "experts":
        model, conditions, facets = Expert, expert_conditions(search), _expert_facets
        columns = (Expert.full_name.label("name"), Expert.nationality)
    else:
        model, conditions, facets = FocalPoint, focal_point_conditions(search), _focal_point_facets
        name = (
            select(FocalPointHolder.full_name)
            .where(_current_holder())
            .order_by(FocalPointHolder.started_on.desc(), FocalPointHolder.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        columns = (name.label("name"), FocalPoint.member_id, FocalPoint.verified_at)
    # The matches are found once: total, page and facets all come from these rows.
    if search.sort == "updated_at":
        columns += (model.updated_at,)
    rows = db.session.execute(select(model.id, *columns).where(*conditions)).all()
    has_text = bool(search.q and query_words(search.q))
    again = not has_text and len(rows) > FACET_BY_IDS
    matches = _Matches(rows, select(model.id).where(*conditions) if again else None)
    counts = facets(matches)
    if index_name == "focal_points":
        counts["freshness"] = _freshness_counts(search, rows)
    return _page(rows, search.sort, page, per_page), len(rows), counts


def _freshness_counts(search, rows) -> dict[str, int]:
    """Matches per freshness bucket, the freshness choice itself set aside (as facets do)."""
    if search.freshness:
        unchosen = focal_point_conditions(replace(search, freshness=()))
        verified = db.session.scalars(select(FocalPoint.verified_at).where(*unchosen)).all()
    else:
        verified = [row.verified_at for row in rows]
    return dict(Counter(freshness.bucket_of(value) for value in verified))
