"""Parsing search parameters: what is accepted, what is refused with field errors."""

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from roster.directory.index import FocalPointSearch, parse_focal_point_search
from roster.errors import ValidationFailed
from roster.experts.index import ExpertSearch, parse_expert_search


def errors_of(parse, **args) -> dict:
    with pytest.raises(ValidationFailed) as failure:
        parse(MultiDict(args))
    return failure.value.errors


def test_empty_search():
    assert parse_expert_search(MultiDict()) == ExpertSearch()
    assert parse_focal_point_search(MultiDict()) == FocalPointSearch()


def test_full_expert_search_is_normalised():
    args = MultiDict(
        [
            ("q", "  human trafficking "),
            ("thematic_area", "Trafficking-In-Persons"),
            ("thematic_area", "children"),
            ("thematic_area", "children"),
            ("language", "TH"),
            ("language", ""),
            ("min_level", "Fluent"),
            ("nationality", "tha"),
            ("available_from", "2027-03-08"),
            ("available_to", "2027-03-12"),
            ("sort", "name"),
        ]
    )
    assert parse_expert_search(args) == ExpertSearch(
        q="human trafficking",
        thematic_areas=("trafficking-in-persons", "children"),
        languages=("th",),
        min_level="fluent",
        nationality=("THA",),
        available_from=date(2027, 3, 8),
        available_to=date(2027, 3, 12),
        sort="name",
    )


def test_one_date_asks_about_that_day():
    search = parse_expert_search(MultiDict({"available_to": "2027-03-12"}))
    assert search.available_from == search.available_to == date(2027, 3, 12)


def test_level_without_language_is_ignored():
    assert parse_expert_search(MultiDict({"min_level": "native"})).min_level is None


def test_expert_search_errors():
    errors = errors_of(
        parse_expert_search,
        thematic_area="flying",
        language="xx",
        min_level="expert",
        nationality="ZZZ",
        available_from="2027-13-01",
        sort="cost",
    )
    assert set(errors) == {
        "thematic_area",
        "language",
        "min_level",
        "nationality",
        "available_from",
        "sort",
    }
    assert errors["available_from"] == ["Use a date as YYYY-MM-DD."]
    assert errors["sort"] == ["Use one of: relevance, name, updated_at."]
    assert errors["min_level"] == ["Use one of: basic, working, fluent, native."]


def test_period_must_be_ordered_and_inside_the_horizon():
    errors = errors_of(parse_expert_search, available_from="2027-03-12", available_to="2027-03-08")
    assert errors == {"available_to": ["The end of the period comes before its start."]}
    errors = errors_of(parse_expert_search, available_from="1999-12-31", available_to="2090-01-01")
    assert errors == {
        "available_from": ["Use a date between 2000-01-01 and 2089-09-17."],
        "available_to": ["Use a date between 2000-01-01 and 2089-09-17."],
    }


def test_overlong_query_is_refused():
    assert "q" in errors_of(parse_expert_search, q="word " * 100)


def test_focal_point_search():
    args = MultiDict([("member", "idn"), ("member", "THA"), ("language", "id"), ("q", "police")])
    assert parse_focal_point_search(args) == FocalPointSearch(
        q="police", members=("IDN", "THA"), languages=("id",)
    )
    assert errors_of(parse_focal_point_search, member="XYZ") == {
        "member": ["Unknown member 'XYZ'."]
    }


@pytest.mark.parametrize(
    "name", ["thematic_area", "language", "nationality", "member", "min_level", "sort"]
)
def test_injection_payloads_are_refused(name):
    payload = 'THA" OR nationality = "AUS'
    parse = parse_focal_point_search if name == "member" else parse_expert_search
    assert name in errors_of(parse, **{name: payload})
