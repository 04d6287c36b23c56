"""Index documents built from database rows."""

from datetime import UTC, date, datetime

from sqlalchemy import select

from roster.directory.index import focal_point_document
from roster.directory.models import FocalPointHolder, FocalPointLanguage
from roster.experts.index import expert_document
from roster.experts.models import AvailabilityWindow, ExpertLanguage
from roster.extensions import db
from roster.reference.models import ThematicArea
from roster.search.documents import day_number, iter_all_documents, load_documents, timestamp
from roster.search.text import sort_key
from tests.factories import ExpertFactory, FocalPointFactory


def areas(*codes):
    return list(db.session.scalars(select(ThematicArea).where(ThematicArea.code.in_(codes))))


def test_expert_document():
    expert = ExpertFactory(
        full_name="Nguyễn Thị  Lan",
        nationality="VNM",
        confirmed_at=datetime(2026, 5, 1, 8, 30, 0, 123456, tzinfo=UTC),
    )
    expert.thematic_areas = areas("trafficking-in-persons", "children")
    expert.languages = [
        ExpertLanguage(code="vi", level="native"),
        ExpertLanguage(code="en", level="working"),
    ]
    expert.availability = [
        AvailabilityWindow(start=date(2027, 1, 10), end=date(2027, 3, 31)),
        AvailabilityWindow(start=date(2027, 6, 1), end=date(2027, 6, 30)),
    ]
    db.session.commit()

    document = expert_document(expert)

    assert document["id"] == expert.id
    assert document["version"] == expert.version
    assert document["name"] == "Nguyễn Thị  Lan"
    assert document["name_sort"] == "nguyen thi lan"
    assert document["nationality"] == "VNM"
    assert document["thematic_areas"] == ["trafficking-in-persons", "children"]
    assert document["thematic_area_names"] == [
        "Trafficking in persons",
        "Children and unaccompanied minors",
    ]
    assert document["languages"] == ["en", "vi"]
    assert document["language_levels"] == [
        "en:basic",
        "en:working",
        "vi:basic",
        "vi:working",
        "vi:fluent",
        "vi:native",
    ]
    assert document["avail_gap_starts"] == [
        day_number(date(2027, 4, 1)),
        day_number(date(2027, 7, 1)),
    ]
    assert document["confirmed_at"] == 1777624200123456
    assert document["updated_at"] == timestamp(expert.updated_at)


def test_expert_without_nationality_has_no_facet_value():
    expert = ExpertFactory(nationality="")
    assert expert_document(expert)["nationality"] is None


def test_focal_point_document():
    focal_point = FocalPointFactory(
        position="National Contact Point, People Smuggling",
        shared_mailbox="ncp@example.go.id",
        holder__full_name="Siti Rahayu",
        review_due=date(2027, 1, 31),
    )
    focal_point.thematic_areas = areas("people-smuggling")
    focal_point.languages = [FocalPointLanguage(code="id", level="fluent")]
    db.session.commit()

    document = focal_point_document(focal_point)

    assert document["id"] == focal_point.id
    assert document["version"] == focal_point.version
    assert document["name"] == "Siti Rahayu"
    assert document["is_vacant"] is False
    # The holder's email is shown to all (the default), the phone to staff only.
    assert document["contact_public"] == ["ncp@example.go.id", "siti.rahayu@example.go.id"]
    assert document["contact_staff"] == ["ncp@example.go.id", "siti.rahayu@example.go.id"]
    assert document["contact_keys_public"] == ["ncp@example.go.id", "siti.rahayu@example.go.id"]
    assert document["contact_keys_staff"] == [
        "ncp@example.go.id",
        "siti.rahayu@example.go.id",
        "62215550100",
        "0215550100",
    ]
    assert document["member"] == "IDN"
    assert document["member_name"] == "Indonesia"
    assert document["agency"] == focal_point.agency.name
    assert document["agency_sector"] == "law-enforcement"
    assert document["thematic_areas"] == ["people-smuggling"]
    assert document["language_levels"] == ["id:basic", "id:working", "id:fluent"]
    assert document["review_due"] == day_number(date(2027, 1, 31))
    assert document["verified_at"] is None


def test_vacant_focal_point_sorts_last():
    focal_point = FocalPointFactory()
    focal_point.holders[0].ended_on = date(2025, 1, 1)
    focal_point.holders.append(
        FocalPointHolder(full_name="Former", started_on=date(2020, 1, 1), ended_on=date(2021, 1, 1))
    )
    db.session.commit()

    document = focal_point_document(focal_point)

    assert document["is_vacant"] is True
    assert document["name"] == ""
    assert document["name_sort"] is None


def test_load_documents_returns_current_rows_only():
    experts = ExpertFactory.create_batch(3)
    removed = experts.pop()
    removed_id = removed.id
    db.session.delete(removed)
    db.session.commit()
    experts[0].full_name = "Renamed Person"
    db.session.commit()

    documents = load_documents("experts", [expert.id for expert in experts] + [removed_id])

    assert set(documents) == {expert.id for expert in experts}
    assert documents[experts[0].id]["name"] == "Renamed Person"
    assert documents[experts[0].id]["version"] == 2


def test_iter_all_documents_pages_by_id():
    focal_points = FocalPointFactory.create_batch(5)

    batches = list(iter_all_documents("focal_points", batch_size=2))

    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert [document["id"] for batch in batches for document in batch] == sorted(
        focal_point.id for focal_point in focal_points
    )


def test_sort_key_folds_case_accents_and_spaces():
    assert sort_key("  Ánh   NGUYỄN ") == "anh nguyen"
    assert sort_key("Straße") == "strasse"
    assert sort_key("สมชาย") == "สมชาย"
