"""Searches answered from the database while Meilisearch is unreachable.

Same filters, totals and facet counts as the index: the definition gives the SQL for its
filters and facets, and the text index (roster.search.textindex) matches `q` with the index's
own words and synonyms and a simpler typo tolerance. Results come in name order (or as sorted).
"""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import ARRAY, Integer, any_, bindparam, func, select

from roster.extensions import db
from roster.search import textindex
from roster.search.definition import IndexDefinition
from roster.search.text import sort_key

FACET_CHUNK = 5000
# Up to this many matches, counting facets over their ids costs less than finding the matches
# again.
FACET_BY_IDS = 20_000


@dataclass
class Matches:
    """The rows a fallback search found, and (when cheaper) the statement that finds them."""

    rows: list
    statement: object = None

    def __repr__(self) -> str:
        return f"<Matches {len(self.rows)}>"

    @property
    def ids(self) -> list[int]:
        return [row.id for row in self.rows]


def _counts(statements) -> dict[str, int]:
    counts: Counter = Counter()
    for statement in statements:
        for code, count in db.session.execute(statement):
            if code:
                counts[code] += count
    return dict(sorted(counts.items()))


def owned_by(column, matches: Matches) -> list:
    """Conditions on `column` (an owner id) selecting the matches, one per query to run.

    The matches go in as their ids (PostgreSQL: one array; SQLite: chunks of parameters);
    when there are many, the database evaluates the conditions again instead.
    """
    if matches.statement is not None:
        return [column.in_(matches.statement)]
    ids = matches.ids
    if db.engine.dialect.name == "postgresql":
        # Thousands of IN parameters cost psycopg more to send than one array.
        return [column == any_(bindparam("owner_ids", ids, type_=ARRAY(Integer)))]
    chunks = range(0, len(ids), FACET_CHUNK)
    return [column.in_(ids[start : start + FACET_CHUNK]) for start in chunks]


def code_counts(code_column, link_column, matches: Matches, join=None) -> dict[str, int]:
    """{code: number of matches} through a link table (areas, languages) of the matches."""
    statements = []
    for condition in owned_by(link_column, matches):
        statement = select(code_column, func.count())
        if join is not None:
            statement = statement.select_from(join)
        statements.append(statement.where(condition).group_by(code_column))
    return _counts(statements)


def value_counts(values) -> dict[str, int]:
    """{value: count} of the non-empty values, in value order."""
    return dict(sorted(Counter(value for value in values if value).items()))


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


def conditions(index: IndexDefinition, search) -> list:
    """WHERE clauses on the index's model equivalent to the index filter and query."""
    found = list(index.fallback.conditions(search))
    text = textindex.matching(index.name, index.text(search) if index.text else search.q)
    if text is not None:
        found.append(index.model.id.in_(text))
    return found


def search(index: IndexDefinition, search, page: int, per_page: int):
    """(ids of the page in order, exact total, facet counts) for `search`, from the database."""
    model = index.model
    where = conditions(index, search)
    columns = (index.fallback.name.label("name"), *index.fallback.columns)
    if search.sort == "updated_at":
        # Only then: reading a timestamp costs more than the rest of a row.
        columns += (model.updated_at,)
    # The matches are found once: total, page and facets all come from these rows.
    rows = db.session.execute(select(model.id, *columns).where(*where)).all()
    # The text index answers inside the database too, so many matches are found again there.
    again = len(rows) > FACET_BY_IDS
    matches = Matches(rows, select(model.id).where(*where) if again else None)
    facets = index.fallback.facets(search, matches)
    if index.fallback.order is not None:
        rows = index.fallback.order(search, rows)
        start = (page - 1) * per_page
        return [row.id for row in rows[start : start + per_page]], len(rows), facets
    return _page(rows, search.sort, page, per_page), len(rows), facets
