from sqlalchemy import event

from roster.extensions import db
from roster.mapping import queries
from roster.mapping.queries import MapFilters
from tests.factories import ExpertFactory


def _statements_during(action) -> int:
    seen = []

    def count(*args):
        seen.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def test_map_takes_a_fixed_number_of_queries_whatever_the_data(mapped):
    db.session.expire_all()
    small = _statements_during(lambda: queries.coverage(MapFilters(sector="law-enforcement")))
    for index in range(30):
        ExpertFactory(nationality="VNM", thematic_areas=["maritime", "children"][: index % 2 + 1])
    db.session.expire_all()

    large = _statements_during(lambda: queries.coverage(MapFilters(sector="law-enforcement")))

    assert small == large <= 6


def test_gaps_and_summary(mapped):
    coverage = queries.coverage(MapFilters(kind="state"))

    assert "IOM" not in [member.code for member in coverage.members]
    without = [member.code for member in coverage.members_without_focal_points]
    assert "PHL" in without
    assert {"IDN", "THA"}.isdisjoint(without)
    uncovered = [area.code for area in coverage.uncovered_thematic_areas()]
    assert "corruption" in uncovered
    assert {"trafficking-in-persons", "people-smuggling", "border-management"}.isdisjoint(uncovered)
