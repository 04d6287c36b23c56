"""The database fallback's text index: kept in step by every write, in the same transaction,
and created by the migration."""

from datetime import date

import flask_migrate
import pytest
from sqlalchemy import func, select

from roster.directory.index import FocalPointSearch
from roster.experts.index import ExpertSearch
from roster.experts.models import Expert
from roster.extensions import db
from roster.search.models import SearchText
from tests.factories import ActivityFactory, AgencyFactory, ExpertFactory, FocalPointFactory
from tests.search.searching import search_experts, search_focal_points
from tests.test_migrations import migration_app  # noqa: F401  (a fixture)


def expert_ids(q: str) -> list[int]:
    result = search_experts(ExpertSearch(q=q), 1, 100)
    assert result.engine == "database"
    return result.ids


def test_a_write_is_found_by_the_fallback_at_once():
    # No Meilisearch at all: nothing has drained, yet the change is searchable.
    expert = ExpertFactory(full_name="Kanya Srisuk", bio="Port state measures")
    assert expert_ids("srisuk") == [expert.id]
    assert expert_ids("port state") == [expert.id]

    expert.full_name = "Kanya Wongsawat"
    db.session.commit()
    assert expert_ids("srisuk") == []
    assert expert_ids("wongsawat") == [expert.id]

    db.session.delete(expert)
    db.session.commit()
    assert expert_ids("wongsawat") == []
    assert db.session.scalar(select(func.count()).select_from(SearchText)) == 0


def test_a_rolled_back_write_leaves_no_text():
    ExpertFactory(full_name="Kept Expert")
    db.session.add(Expert(full_name="Never Saved"))
    db.session.flush()
    db.session.rollback()
    assert expert_ids("saved") == []
    assert len(expert_ids("kept")) == 1


def test_changes_to_related_rows_reach_the_text():
    agency = AgencyFactory(name="Immigration Bureau")
    focal_point = FocalPointFactory(agency=agency)
    agency.name = "Coast Guard Command"
    db.session.commit()
    found = search_focal_points(FocalPointSearch(q="coast guard"), 1, 10)
    assert found.ids == [focal_point.id]


def test_typos_synonyms_and_accents():
    nguyen = ExpertFactory(full_name="Nguyễn Thị Lan", bio="Counter trafficking in persons")
    other = ExpertFactory(full_name="Somchai Jaidee", bio="Maritime law")
    assert expert_ids("Nguyen Thi") == [nguyen.id]
    assert expert_ids("somchay") == [other.id]  # one typo in a long word
    assert expert_ids("human trafficking") == [nguyen.id]  # a synonym phrase
    assert expert_ids("jaid") == [other.id]  # the last word is a prefix
    assert expert_ids("mar law") == []  # but earlier words are whole


def test_activities_text_is_kept_too():
    ActivityFactory(title="Workshop on document fraud", start=date(2027, 1, 4))
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(SearchText)
            .where(SearchText.index_name == "activities")
        )
        == 1
    )


@pytest.mark.usefixtures("migration_app")
def test_the_migrated_schema_keeps_the_text_index():
    flask_migrate.upgrade()
    expert = ExpertFactory(full_name="Migrated Person")
    assert expert_ids("migrated") == [expert.id]
