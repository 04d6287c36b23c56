"""Search documents built from the read model of each index: the database is the truth, the
index its mirror.

Every document carries the row's `id` and `version`. Timestamps (`*_at`) are Unix time in whole
microseconds, so sorting by `updated_at` agrees with the database to the microsecond; dates are
day numbers (days since 2000-01-01).
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from roster.search import definition

UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH = date(2000, 1, 1)
LOAD_CHUNK = 500


def timestamp(value: datetime | None) -> int | None:
    """Unix time in microseconds, exact (no float rounding)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - UNIX_EPOCH) // timedelta(microseconds=1)


def day_number(day: date) -> int:
    """Days since 2000-01-01 (may be negative)."""
    return (day - EPOCH).days


def load_documents(index_name: str, ids) -> dict[int, dict]:
    """{id: document} for the rows that exist now; deleted ids are simply absent."""
    index = definition.get(index_name)
    wanted = sorted({int(record_id) for record_id in ids})
    documents = {}
    for offset in range(0, len(wanted), LOAD_CHUNK):
        chunk = wanted[offset : offset + LOAD_CHUNK]
        for record in index.read(index.model.id.in_(chunk), None):
            documents[record.id] = index.document(record)
    return documents


def iter_all_documents(index_name: str, batch_size: int = 500) -> Iterator[list[dict]]:
    """Every row's document, in batches of up to `batch_size`, paged by id (keyset)."""
    index = definition.get(index_name)
    last_id = 0
    while True:
        records = index.read(index.model.id > last_id, batch_size)
        if not records:
            return
        yield [index.document(record) for record in records]
        last_id = records[-1].id
