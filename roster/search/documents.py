"""Search documents built from database rows: the database is the truth, the index its mirror.

Every document carries the row's `id` and `version`. Timestamps (`*_at`) are Unix time in whole
microseconds, so sorting by `updated_at` agrees with the database to the microsecond; dates
(`review_due`) are day numbers as in roster.search.availability.
"""

import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from roster.directory.models import FocalPoint
from roster.directory.queries import focal_point_records
from roster.experts.models import Expert
from roster.experts.queries import expert_records
from roster.reference.languages import LEVEL_RANK, LEVELS
from roster.search.availability import availability_fields, day_number

UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
LOAD_CHUNK = 500


def timestamp(value: datetime | None) -> int | None:
    """Unix time in microseconds, exact (no float rounding)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - UNIX_EPOCH) // timedelta(microseconds=1)


def sort_key(name: str) -> str:
    """The name as sorted: accents dropped, case folded, spaces collapsed."""
    if name.isascii():
        # Nothing to decompose or fold beyond lower case: the database fallback sorts every
        # match by this key, so the common case stays cheap.
        return " ".join(name.lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def language_levels(languages) -> list[str]:
    """ "code:level" for every level at or below each language's own: native -> all four."""
    return [
        f"{language.code}:{level}"
        for language in languages
        for level in LEVELS[: LEVEL_RANK[language.level]]
    ]


def expert_document(expert: Expert) -> dict:
    """The experts index document for one expert."""
    return {
        "id": expert.id,
        "version": expert.version,
        "name": expert.full_name,
        "name_local": expert.name_local,
        "name_sort": sort_key(expert.full_name),
        "email": expert.email,
        "nationality": expert.nationality or None,
        "organisation": expert.organisation,
        "position": expert.position,
        "bio": expert.bio,
        "thematic_areas": [area.code for area in expert.thematic_areas],
        "thematic_area_names": [area.name for area in expert.thematic_areas],
        "languages": [language.code for language in expert.languages],
        "language_levels": language_levels(expert.languages),
        **availability_fields([(window.start, window.end) for window in expert.availability]),
        "confirmed_at": timestamp(expert.confirmed_at),
        "updated_at": timestamp(expert.updated_at),
    }


def focal_point_document(focal_point: FocalPoint) -> dict:
    """The focal points index document for one focal point (named after its current holder)."""
    holder = focal_point.current_holder
    name = holder.full_name if holder else ""
    emails = [holder.email if holder else "", focal_point.shared_mailbox]
    return {
        "id": focal_point.id,
        "version": focal_point.version,
        "name": name,
        "name_local": holder.name_local if holder else "",
        "name_sort": sort_key(name) if holder else None,
        "is_vacant": holder is None,
        "emails": [email for email in emails if email],
        "position": focal_point.position,
        "agency": focal_point.agency.name,
        "agency_acronym": focal_point.agency.acronym,
        "agency_sector": focal_point.agency.sector,
        "member": focal_point.member.code,
        "member_name": focal_point.member.name,
        "thematic_areas": [area.code for area in focal_point.thematic_areas],
        "thematic_area_names": [area.name for area in focal_point.thematic_areas],
        "languages": [language.code for language in focal_point.languages],
        "language_levels": language_levels(focal_point.languages),
        "verified_at": timestamp(focal_point.verified_at),
        "review_due": day_number(focal_point.review_due) if focal_point.review_due else None,
        "updated_at": timestamp(focal_point.updated_at),
    }


DOCUMENT_BUILDERS = {"experts": expert_document, "focal_points": focal_point_document}


_MODELS = {"experts": Expert, "focal_points": FocalPoint}
# Plain rows rather than mapped instances: building an index reads every row.
_READERS = {"experts": expert_records, "focal_points": focal_point_records}


def load_documents(index_name: str, ids) -> dict[int, dict]:
    """{id: document} for the rows that exist now; deleted ids are simply absent."""
    model = _MODELS[index_name]
    build = DOCUMENT_BUILDERS[index_name]
    wanted = sorted({int(record_id) for record_id in ids})
    documents = {}
    for offset in range(0, len(wanted), LOAD_CHUNK):
        chunk = wanted[offset : offset + LOAD_CHUNK]
        for record in _READERS[index_name](model.id.in_(chunk)):
            documents[record.id] = build(record)
    return documents


def iter_all_documents(index_name: str, batch_size: int = 500) -> Iterator[list[dict]]:
    """Every row's document, in batches of up to `batch_size`, paged by id (keyset)."""
    model = _MODELS[index_name]
    build = DOCUMENT_BUILDERS[index_name]
    last_id = 0
    while True:
        records = _READERS[index_name](model.id > last_id, batch_size)
        if not records:
            return
        yield [build(record) for record in records]
        last_id = records[-1].id
