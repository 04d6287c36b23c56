"""The bulk loader writes exactly the rows the ORM writes for the same records."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select

from roster.bulk import Record, insert_records, insert_rows
from roster.database import Model
from roster.demo.generate import DemoGenerator
from roster.directory.models import (
    Agency,
    FocalPoint,
    FocalPointHolder,
    FocalPointLanguage,
    focal_point_thematic_areas,
)
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage, expert_thematic_areas
from roster.extensions import db
from roster.reference.models import Member, ThematicArea
from roster.search.models import SearchOutbox
from tests.factories import ExpertFactory

WRITTEN = [
    Agency.__table__,
    FocalPoint.__table__,
    FocalPointHolder.__table__,
    FocalPointLanguage.__table__,
    focal_point_thematic_areas,
    Expert.__table__,
    ExpertLanguage.__table__,
    expert_thematic_areas,
    AvailabilityWindow.__table__,
    SearchOutbox.__table__,
]
DOCUMENT_TABLES = {"experts": Expert.__table__, "focal_points": FocalPoint.__table__}


def orm_insert_records(connection, table, records, index_name=""):
    """The same records written as the application writes: ORM objects, one flush, and the
    outbox rows from the session's listener (so `index_name` is not needed)."""
    mapper = next(m for m in Model.registry.mappers if m.local_table is table)
    objects = []
    for record in records:
        instance = mapper.class_(**record.row)
        for child_table, rows in record.children.items():
            relationship = next(
                r for r in mapper.relationships if child_table in (r.secondary, r.target)
            )
            related = getattr(instance, relationship.key)
            if relationship.secondary is child_table:
                (pair,) = relationship.secondary_synchronize_pairs
                related.extend(
                    db.session.get(relationship.mapper.class_, row[pair[1].key]) for row in rows
                )
            else:
                related.extend(relationship.mapper.class_(**row) for row in rows)
        objects.append(instance)
    db.session.add_all(objects)
    db.session.flush()
    return [instance.id for instance in objects]


def snapshot(since: datetime) -> dict[str, list]:
    """Every written row, ids replaced by their rank in their table (both paths number rows in
    the order given, from wherever the table's counter stands) and clock times by "now"."""
    rows = {table: db.session.execute(select(table)).mappings().all() for table in WRITTEN}
    ranks = {
        table: {row["id"]: rank for rank, row in enumerate(sorted(rows[table], key=_id))}
        for table in WRITTEN
        if "id" in table.c
    }
    result = {}
    for table in WRITTEN:
        shown = []
        for row in rows[table]:
            values = {}
            for key, value in row.items():
                column = table.c[key]
                if key == "id":
                    value = ranks[table][value]
                elif column.foreign_keys and value is not None:
                    (foreign_key,) = column.foreign_keys
                    if foreign_key.column.table in ranks:
                        value = ranks[foreign_key.column.table][value]
                elif table is SearchOutbox.__table__ and key == "document_id":
                    value = ranks[DOCUMENT_TABLES[row["index_name"]]][value]
                if isinstance(value, datetime):
                    # As stored: equal instants in other zones would compare equal.
                    value = "now" if value >= since else value.isoformat()
                values[key] = value
            shown.append(values)
        result[table.name] = sorted(shown, key=repr)
    return result


def _id(row) -> int:
    return row["id"]


def written_by(write, build) -> dict[str, list]:
    since = datetime.now(UTC) - timedelta(seconds=1)
    build(write)
    db.session.commit()
    db.session.expire_all()
    written = snapshot(since)
    for table in reversed(WRITTEN):
        db.session.execute(table.delete())
    db.session.commit()
    return written


def hand_made(write) -> None:
    """Edge cases: defaults left out, a zone other than UTC, empty children, local scripts."""
    connection = db.session.connection()
    member_id = db.session.scalar(select(Member.id).where(Member.code == "THA"))
    area_ids = db.session.scalars(select(ThematicArea.id).order_by(ThematicArea.id)).all()
    bangkok = timezone(timedelta(hours=7))
    (agency_id,) = write(
        connection,
        Agency.__table__,
        [Record({"member_id": member_id, "name": "Royal Thai Police"})],
    )
    point = {"member_id": member_id, "agency_id": agency_id, "position": "National Contact Point"}
    holders = [
        {"full_name": "Somchai Jaidee", "name_local": "สมชาย ใจดี", "started_on": date(2024, 5, 1)},
        {
            "full_name": "Malee Srisuk",
            "started_on": date(2019, 1, 7),
            "ended_on": date(2024, 4, 30),
            "note": "Moved to another post.",
        },
    ]
    write(
        connection,
        FocalPoint.__table__,
        [
            Record(
                {**point, "verified_at": datetime(2026, 3, 2, 9, 30, tzinfo=bangkok)},
                {
                    FocalPointHolder.__table__: holders,
                    FocalPointLanguage.__table__: [{"code": "th", "level": "native"}],
                    focal_point_thematic_areas: [{"thematic_area_id": area_ids[0]}],
                },
            ),
            Record({**point, "position": "Alternate", "review_due": date(2027, 1, 31)}),
        ],
        "focal_points",
    )
    write(
        connection,
        Expert.__table__,
        [
            Record(
                {
                    "full_name": "Nguyen Van An",
                    "name_local": "Nguyễn Văn An",
                    "nationality": "VNM",
                    "bio": "Line one.\nLine two\twith a tab, a \\ and a quote '\".",
                    "confirmed_at": datetime(2025, 11, 3, 23, 59, 59, 999999, tzinfo=bangkok),
                    "created_at": datetime(2024, 1, 1, tzinfo=UTC),
                    "updated_at": datetime(2025, 11, 3, tzinfo=UTC),
                },
                {
                    ExpertLanguage.__table__: [
                        {"code": "vi", "level": "native"},
                        {"code": "en", "level": "fluent"},
                    ],
                    expert_thematic_areas: [{"thematic_area_id": area} for area in area_ids[:2]],
                    AvailabilityWindow.__table__: [
                        {"start": date(2027, 2, 1), "end": date(2027, 2, 14)},
                        {"start": date(2027, 6, 1), "end": date(2027, 6, 1)},
                    ],
                },
            ),
            Record({"full_name": "Only A Name"}, {ExpertLanguage.__table__: []}),
        ],
        "experts",
    )


def demo_data(write) -> None:
    DemoGenerator(2002, date.today(), 365, write=write).run(experts=40, focal_points=25)


@pytest.mark.parametrize("build", [hand_made, demo_data], ids=["hand-made", "demo data"])
def test_bulk_writes_what_the_orm_writes(build):
    through_orm = written_by(orm_insert_records, build)
    through_bulk = written_by(insert_records, build)
    assert through_bulk == through_orm
    assert through_bulk["experts"]
    assert through_bulk["focal_point_holders"]
    queued = {(row["index_name"], row["document_id"]) for row in through_bulk["search_outbox"]}
    assert len(queued) == len(through_bulk["experts"]) + len(through_bulk["focal_points"])


def test_bulk_ids_follow_existing_rows_and_leave_the_counter_past_them():
    before = ExpertFactory()
    ids = insert_records(
        db.session.connection(),
        Expert.__table__,
        [Record({"full_name": f"Expert {number}"}) for number in range(250)],
        "experts",
    )
    db.session.commit()
    assert ids == list(range(ids[0], ids[0] + 250))
    assert ids[0] > before.id
    assert ExpertFactory().id > ids[-1]
    stored = db.session.execute(select(Expert.id, Expert.full_name).where(Expert.id.in_(ids)))
    assert dict(stored.all()) == {ids[n]: f"Expert {n}" for n in range(250)}


def test_rows_written_in_bulk_roll_back_with_the_transaction():
    insert_records(
        db.session.connection(), Expert.__table__, [Record({"full_name": "Gone"})], "experts"
    )
    db.session.rollback()
    assert db.session.scalar(select(Expert.id)) is None
    assert db.session.scalar(select(SearchOutbox.id)) is None
    assert inspect(db.engine).has_table("experts")


def test_rows_naming_an_unknown_column_or_half_giving_a_server_default_are_refused():
    connection = db.session.connection()
    with pytest.raises(ValueError, match="no column full_nam"):
        insert_rows(connection, Expert.__table__, [{"full_nam": "Typo"}])
    with pytest.raises(ValueError, match="version has only a server default"):
        insert_rows(
            connection, Expert.__table__, [{"full_name": "A", "version": 2}, {"full_name": "B"}]
        )
