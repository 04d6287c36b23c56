"""Write many new records at once: PostgreSQL COPY, batched multi-row INSERTs on SQLite.

For the demo data and imports, where the ORM's unit of work costs far more than the rows. Rows
are written as the ORM writes them: Python-side column defaults and the column types' bind
processing are applied, ids come from the table's own counter, and each new record queues its
search document in the outbox in the same transaction, as the outbox listener does for ORM
writes, so the index misses nothing whether or not a sync worker runs meanwhile. The database
fallback's text index is left to a reindex, which builds every document anyway.
"""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

from sqlalchemy import Column, Connection, Table, text

from roster.search.models import SearchOutbox

# More rows per statement stops paying off on SQLite well before its variable limit.
SQLITE_ROWS_PER_STATEMENT = 100


@dataclass
class Record:
    """A new row and its children's rows by table; children leave out the key to the parent."""

    row: dict
    children: dict[Table, list[dict]] = field(default_factory=dict)


def insert_records(
    connection: Connection, table: Table, records: Sequence[Record], index_name: str = ""
) -> list[int]:
    """Insert `records` into `table` and their children into theirs (setting the key to the
    parent in each child row); with `index_name`, queue each new record's search document.
    Returns the new ids in the order of `records`."""
    ids = insert_rows(connection, table, [record.row for record in records], with_ids=True)
    children: dict[Table, list[dict]] = {}
    keys: dict[Table, str] = {}
    for record_id, record in zip(ids, records, strict=True):
        for child_table, rows in record.children.items():
            if child_table not in keys:
                keys[child_table] = _key_to(child_table, table)
                children[child_table] = []
            key = keys[child_table]
            for row in rows:
                row[key] = record_id
            children[child_table].extend(rows)
    for child_table, rows in children.items():
        insert_rows(connection, child_table, rows)
    if index_name:
        queued = [{"index_name": index_name, "document_id": record_id} for record_id in ids]
        insert_rows(connection, SearchOutbox.__table__, queued)
    return ids


def insert_rows(
    connection: Connection, table: Table, rows: Sequence[dict], with_ids: bool = False
) -> list[int]:
    """Insert `rows` (dicts by column key); with `with_ids`, the table's single integer key
    is assigned here and the new ids are returned in order."""
    if not rows:
        return []
    keys = set().union(*rows)
    if unknown := keys - set(table.columns.keys()):
        raise ValueError(f"{table.name} has no column {', '.join(sorted(unknown))}")
    insertable = [c for c in table.columns if not (with_ids and c.primary_key)]
    columns = [column for column in insertable if column.key in keys]
    given = len(columns)
    columns += [c for c in insertable if c.key not in keys and c.default is not None]
    # Rows that all hold every key given take the quick path.
    uniform = given > 0 and all(len(row) == len(keys) for row in rows)
    values = _values(connection, columns, given, rows, uniform)
    if connection.dialect.name == "postgresql":
        ids = _reserve_ids(connection, table, len(rows)) if with_ids else []
        if ids:
            columns = [table.primary_key.columns[0], *columns]
            values = ((record_id, *row) for record_id, row in zip(ids, values, strict=True))
        _copy(connection, table, columns, values)
        return ids
    return _insert_sqlite(connection, table, columns, values, with_ids)


def _key_to(child: Table, parent: Table) -> str:
    keys = [key.parent.key for key in child.foreign_keys if key.column.table is parent]
    if len(keys) != 1:
        raise ValueError(f"{child.name} has no single foreign key to {parent.name}")
    return keys[0]


def _values(connection: Connection, columns: list[Column], given: int, rows, uniform: bool):
    """Lists of bind-ready values for `columns` (the first `given` of them named in the rows),
    defaults filled in, as the ORM sends them."""
    dialect = connection.dialect
    fills = [_fill(column) for column in columns]
    defaults = fills[given:]
    processors = [
        (position, processor)
        for position, column in enumerate(columns)
        if (processor := column.type.dialect_impl(dialect).bind_processor(dialect))
    ]
    get = itemgetter(*(column.key for column in columns[:given])) if uniform else None
    for row in rows:
        if not uniform:
            values = [
                row[column.key] if column.key in row else fill()
                for column, fill in zip(columns, fills, strict=True)
            ]
        elif given == 1:
            values = [get(row), *(fill() for fill in defaults)]
        else:
            values = [*get(row), *(fill() for fill in defaults)]
        for position, processor in processors:
            values[position] = processor(values[position])
        yield values


def _fill(column: Column):
    """What the ORM writes for a column a row leaves out."""
    default = column.default
    if default is None:
        if column.server_default is not None:
            return lambda: _missing(column)
        return lambda: None
    if default.is_scalar:
        return lambda: default.arg
    if default.is_callable:
        # Column defaults are wrapped to take the execution context, which they ignore.
        return lambda: default.arg(None)
    raise ValueError(f"{column}: only scalar and Python defaults are supported")


def _missing(column: Column):
    raise ValueError(f"{column} has only a server default: give it in every row or in none")


def _reserve_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """Take `count` values of the key's sequence: safe beside other writers, no setval needed."""
    statement = text(
        "SELECT nextval(pg_get_serial_sequence(:table, :column)) AS id "
        "FROM generate_series(1, :count) ORDER BY id"
    )
    key = table.primary_key.columns[0].name
    return list(connection.scalars(statement, {"table": table.name, "column": key, "count": count}))


def _column_list(connection: Connection, columns: list[Column]) -> str:
    quote = connection.dialect.identifier_preparer.quote
    return ", ".join(quote(column.name) for column in columns)


def _copy(connection: Connection, table: Table, columns: list[Column], values) -> None:
    target = connection.dialect.identifier_preparer.format_table(table)
    statement = f"COPY {target} ({_column_list(connection, columns)}) FROM STDIN"
    # The session's own psycopg connection, so the rows commit or roll back with it.
    cursor = connection.connection.driver_connection.cursor()
    with cursor, cursor.copy(statement) as copy:
        for row in values:
            copy.write_row(row)


def _insert_sqlite(connection, table, columns, values, with_ids: bool) -> list[int]:
    raw = connection.connection.driver_connection
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per_statement = max(1, min(SQLITE_ROWS_PER_STATEMENT, limit // len(columns)))
    target = connection.dialect.identifier_preparer.format_table(table)
    # Table and column names come from the models, quoted; the values are parameters.
    head = f"INSERT INTO {target} ({_column_list(connection, columns)}) VALUES "  # noqa: S608
    one_row = "(" + ", ".join("?" * len(columns)) + ")"
    statements = {per_statement: head + ", ".join([one_row] * per_statement)}
    ids: list[int] = []
    cursor = raw.cursor()
    try:
        while batch := list(islice(values, per_statement)):
            if len(batch) not in statements:
                statements[len(batch)] = head + ", ".join([one_row] * len(batch))
            cursor.execute(statements[len(batch)], [value for row in batch for value in row])
            if with_ids:
                # One statement holds the write lock: its rows get consecutive rowids after
                # the highest in use, the last of them being lastrowid.
                ids.extend(range(cursor.lastrowid - len(batch) + 1, cursor.lastrowid + 1))
    finally:
        cursor.close()
    return ids
