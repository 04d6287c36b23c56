"""The outbox: a row per changed document, written in the transaction of the change."""

from datetime import date

from sqlalchemy import delete, select

from roster.directory.models import FocalPointHolder, FocalPointLanguage
from roster.experts.models import AvailabilityWindow, ExpertLanguage
from roster.extensions import db
from roster.reference.models import ThematicArea
from roster.search.models import SearchOutbox
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory


def queued() -> set[tuple[str, int]]:
    return set(db.session.execute(select(SearchOutbox.index_name, SearchOutbox.document_id)))


def empty_outbox() -> None:
    db.session.execute(delete(SearchOutbox))
    db.session.commit()


def test_creating_updating_and_deleting_an_expert_queue_its_document():
    expert = ExpertFactory()
    assert queued() == {("experts", expert.id)}
    empty_outbox()

    expert.position = "Superintendent"
    db.session.commit()
    assert queued() == {("experts", expert.id)}
    empty_outbox()

    expert_id = expert.id
    db.session.delete(expert)
    db.session.commit()
    assert queued() == {("experts", expert_id)}


def test_a_rolled_back_change_leaves_no_row():
    expert = ExpertFactory()
    empty_outbox()
    expert.bio = "Changed, then abandoned."
    db.session.flush()
    assert queued() == {("experts", expert.id)}  # same transaction: visible before commit
    db.session.rollback()
    assert queued() == set()


def test_an_untouched_flush_queues_nothing():
    expert = ExpertFactory()
    empty_outbox()
    expert.position = expert.position  # set to the same value: no net change
    db.session.commit()
    assert queued() == set()


def test_children_of_an_expert_queue_the_expert():
    expert = ExpertFactory(
        languages=[("th", "native")], availability=[(date(2027, 1, 1), date(2027, 2, 1))]
    )
    other = ExpertFactory()
    empty_outbox()

    db.session.add(ExpertLanguage(expert_id=expert.id, code="en", level="fluent"))
    db.session.commit()
    assert queued() == {("experts", expert.id)}
    empty_outbox()

    language = db.session.get(ExpertLanguage, (expert.id, "th"))
    language.level = "working"
    db.session.commit()
    assert queued() == {("experts", expert.id)}
    empty_outbox()

    # Deleted while expired (as after a commit): the flush still knows the parent's id.
    window = db.session.scalar(select(AvailabilityWindow))
    db.session.expire_all()
    db.session.delete(window)
    db.session.commit()
    assert queued() == {("experts", expert.id)}
    assert ("experts", other.id) not in queued()


def test_changing_only_the_thematic_areas_queues_the_expert():
    expert = ExpertFactory(thematic_areas=["maritime"])
    empty_outbox()
    areas = db.session.scalars(select(ThematicArea).order_by(ThematicArea.id).limit(2)).all()
    expert.thematic_areas = areas  # only the association table changes
    db.session.commit()
    assert queued() == {("experts", expert.id)}
    empty_outbox()
    expert.thematic_areas.remove(areas[0])
    db.session.commit()
    assert queued() == {("experts", expert.id)}


def test_holders_and_languages_queue_their_focal_point():
    focal_point = FocalPointFactory()
    empty_outbox()

    holder = db.session.scalar(select(FocalPointHolder))
    holder.phone = "+62215550199"
    db.session.commit()
    assert queued() == {("focal_points", focal_point.id)}
    empty_outbox()

    db.session.add(FocalPointLanguage(focal_point_id=focal_point.id, code="id", level="native"))
    db.session.commit()
    assert queued() == {("focal_points", focal_point.id)}
    empty_outbox()

    other = FocalPointFactory(holder=False)
    empty_outbox()
    holder.focal_point = other  # moved: both focal points change
    db.session.commit()
    assert queued() == {("focal_points", focal_point.id), ("focal_points", other.id)}
    empty_outbox()

    other.holders.remove(holder)  # delete-orphan
    db.session.commit()
    assert queued() == {("focal_points", other.id)}


def test_renaming_an_agency_queues_all_its_focal_points():
    agency = AgencyFactory()
    first = FocalPointFactory(agency=agency)
    second = FocalPointFactory(agency=agency)
    elsewhere = FocalPointFactory()
    empty_outbox()

    agency.name = "Directorate General of Immigration"
    db.session.commit()
    assert queued() == {("focal_points", first.id), ("focal_points", second.id)}
    empty_outbox()

    agency.sector = "immigration-border"
    db.session.commit()
    assert ("focal_points", elsewhere.id) not in queued()
    assert len(queued()) == 2
