"""Candidates for an activity: who is in, in which order, and the reasons given."""

from datetime import UTC, date, datetime

import pytest

from roster.activities.periods import DASH
from roster.activities.ranking import (
    Need,
    Profile,
    candidates_for,
    rank,
    score,
)
from roster.extensions import db
from tests.factories import (
    ActivityFactory,
    AssignmentFactory,
    ExpertFactory,
    member,
)

TODAY = date(2027, 2, 1)
MARCH = [(date(2027, 3, 1), date(2027, 3, 31))]
THEMES = ["trafficking-in-persons", "border-management"]
LONG_AGO = datetime(2024, 12, 1, tzinfo=UTC)


def past_activity(number: int):
    return ActivityFactory(
        title=f"Past course {number}",
        start=date(2026, 5, number),
        end=date(2026, 5, number + 1),
        status="completed",
    )


@pytest.fixture
def roster():
    """A hand-made roster around a Bangkok workshop, 8-12 March 2027."""
    activity = ActivityFactory(
        title="Bangkok workshop",
        start=date(2027, 3, 8),
        end=date(2027, 3, 12),
        member=member("THA"),
        thematic_areas=THEMES,
        languages=[("th", "fluent"), ("en", "working")],
    )
    anong = ExpertFactory(
        full_name="Anong Srisuk",
        nationality="THA",
        thematic_areas=THEMES,
        languages=[("th", "native"), ("en", "fluent")],
        availability=MARCH,
        confirmed_at=datetime(2026, 11, 1, tzinfo=UTC),
    )
    for number, rating in ((1, 5), (3, 4)):
        AssignmentFactory(
            activity=past_activity(number), expert=anong, status="completed", rating=rating
        )
    budi = ExpertFactory(
        full_name="Budi Santoso",
        nationality="IDN",
        thematic_areas=["trafficking-in-persons"],
        languages=[("th", "working"), ("en", "native")],
        availability=[(date(2027, 1, 1), date(2027, 6, 30))],
        updated_at=datetime(2026, 2, 1, tzinfo=UTC),
    )
    chloe = ExpertFactory(
        full_name="Chloe Martin",
        nationality="AUS",
        thematic_areas=THEMES,
        languages=[("en", "native")],
        availability=MARCH,
        confirmed_at=datetime(2027, 1, 15, tzinfo=UTC),
    )
    AssignmentFactory(activity=past_activity(5), expert=chloe, status="completed")
    twins = [
        ExpertFactory(
            full_name="Sam Lee",
            nationality="VNM",
            thematic_areas=["border-management"],
            languages=[("en", "working")],
            availability=MARCH,
            confirmed_at=datetime(2025, 12, 29, tzinfo=UTC),
        )
        for _ in range(2)
    ]
    plain = {"nationality": "", "availability": MARCH, "confirmed_at": LONG_AGO}
    overlapping = ActivityFactory(title="Overlap", start=date(2027, 3, 12), end=date(2027, 3, 13))
    cancelled = ActivityFactory(
        title="Called off", start=date(2027, 3, 9), end=date(2027, 3, 10), status="cancelled"
    )
    adjacent = ActivityFactory(title="Next", start=date(2027, 3, 13), end=date(2027, 3, 20))
    AssignmentFactory(
        activity=overlapping,
        expert=ExpertFactory(full_name="Booked Elsewhere", **plain),
        status="confirmed",
    )
    AssignmentFactory(
        activity=overlapping,
        expert=ExpertFactory(full_name="Done Elsewhere", **plain),
        status="completed",
    )
    AssignmentFactory(
        activity=cancelled,
        expert=ExpertFactory(full_name="Booked Cancelled", **plain),
        status="confirmed",
    )
    AssignmentFactory(
        activity=overlapping,
        expert=ExpertFactory(full_name="Declined Elsewhere", **plain),
        status="declined",
    )
    AssignmentFactory(
        activity=adjacent,
        expert=ExpertFactory(full_name="Adjacent Booking", **plain),
        status="confirmed",
    )
    AssignmentFactory(
        activity=activity,
        expert=ExpertFactory(full_name="Already Shortlisted", **plain),
        status="shortlisted",
    )
    ExpertFactory(
        full_name="Split Windows",
        nationality="THA",
        thematic_areas=THEMES,
        availability=[(date(2027, 3, 1), date(2027, 3, 9)), (date(2027, 3, 10), date(2027, 3, 31))],
    )
    ExpertFactory(full_name="Never Available", nationality="THA", thematic_areas=THEMES)
    db.session.commit()
    return {"activity": activity, "anong": anong, "budi": budi, "chloe": chloe, "twins": twins}


def test_candidates_in_order_with_their_reasons(roster):
    candidates = candidates_for(roster["activity"], today=TODAY)

    names = [candidate.profile.full_name for candidate in candidates]
    assert names == [
        "Anong Srisuk",
        "Chloe Martin",
        "Budi Santoso",
        "Sam Lee",
        "Sam Lee",
        "Adjacent Booking",
        "Booked Cancelled",
        "Declined Elsewhere",
    ]
    twins = [c.profile.id for c in candidates if c.profile.full_name == "Sam Lee"]
    assert twins == sorted(expert.id for expert in roster["twins"])
    by_name = {candidate.profile.full_name: candidate for candidate in candidates}
    assert by_name["Anong Srisuk"].reasons == [
        f"covers 8{DASH}12 Mar 2027 (available 1{DASH}31 Mar 2027)",
        "2 of 2 thematic areas: Trafficking in persons, Border management",
        "Thai: native (needs fluent)",
        "English: fluent (needs working)",
        "same member: THA",
        "2 past assignments, average rating 4.5",
        "profile confirmed 3 months ago",
    ]
    assert by_name["Chloe Martin"].reasons == [
        f"covers 8{DASH}12 Mar 2027 (available 1{DASH}31 Mar 2027)",
        "2 of 2 thematic areas: Trafficking in persons, Border management",
        "Thai: not spoken (needs fluent)",
        "English: native (needs working)",
        "1 past assignment, not rated",
        "profile confirmed less than a month ago",
    ]
    assert by_name["Budi Santoso"].reasons == [
        f"covers 8{DASH}12 Mar 2027 (available 1 Jan{DASH}30 Jun 2027)",
        "1 of 2 thematic areas: Trafficking in persons",
        "Thai: working (needs fluent)",
        "English: native (needs working)",
        "same sub-region: South-East Asia (IDN)",
        "no past assignments",
        "profile updated 12 months ago",
    ]
    assert by_name["Adjacent Booking"].reasons == [
        f"covers 8{DASH}12 Mar 2027 (available 1{DASH}31 Mar 2027)",
        "0 of 2 thematic areas",
        "Thai: not spoken (needs fluent)",
        "English: not spoken (needs working)",
        "no past assignments",
        "profile confirmed 2 years ago",
    ]


def test_scores_are_the_documented_weighted_mean(roster):
    candidates = {c.profile.full_name: c for c in candidates_for(roster["activity"], today=TODAY)}

    anong = candidates["Anong Srisuk"]
    assert anong.components == {
        "thematic": 1.0,
        "languages": 0.95,
        "region": 1.0,
        "track_record": 0.6,
        "freshness": 1.0,
    }
    # .35 x 1 + .25 x .95 + .15 x 1 + .15 x .6 + .10 x 1
    assert anong.score == pytest.approx(0.9275, abs=0.001)
    # .35 x 1 + .25 x .5 + .15 x 0 + .15 x (1/3 x .6) + .10 x 1
    assert candidates["Chloe Martin"].score == pytest.approx(0.605, abs=0.001)
    # .35 x .5 + .25 x .5 + .15 x .5 + 0 + .10 x (730 - 365) / (730 - 183)
    assert candidates["Budi Santoso"].score == pytest.approx(0.4417, abs=0.001)
    assert candidates["Declined Elsewhere"].score == 0.0
    assert all(0.0 <= candidate.score <= 1.0 for candidate in candidates.values())


def test_experts_booked_split_unavailable_or_already_on_it_are_left_out(roster):
    names = {c.profile.full_name for c in candidates_for(roster["activity"], today=TODAY)}

    assert not names & {
        "Booked Elsewhere",
        "Done Elsewhere",
        "Already Shortlisted",
        "Split Windows",
        "Never Available",
    }


def profile(**overrides) -> Profile:
    values = {
        "id": 1,
        "full_name": "Ana Lima",
        "nationality": "",
        "organisation": "",
        "position": "",
        "confirmed_at": datetime(2027, 1, 20, tzinfo=UTC),
        "updated_at": datetime(2027, 1, 20, tzinfo=UTC),
        "window": (date(2027, 3, 1), date(2027, 3, 31)),
    }
    values.update(overrides)
    return Profile(**values)


NEED = Need(start=date(2027, 3, 8), end=date(2027, 3, 12))


def test_components_without_requirements_do_not_count():
    candidate = score(profile(), NEED, TODAY)

    assert set(candidate.components) == {"track_record", "freshness"}
    # Only track record (0) and freshness (1) apply: .10 / (.15 + .10)
    assert candidate.score == 0.4


@pytest.mark.parametrize(
    ("level", "value"),
    [(None, 0.0), ("basic", 0.0), ("working", 0.8), ("fluent", 0.9), ("native", 1.0)],
)
def test_language_levels_score_with_a_bonus_above_the_minimum(level, value):
    need = Need(start=NEED.start, end=NEED.end, languages=(("th", "working"),))
    languages = {"th": level} if level else {}

    candidate = score(profile(languages=languages), need, TODAY)

    assert candidate.components["languages"] == value


@pytest.mark.parametrize(
    ("nationality", "value", "reason"),
    [
        ("THA", 1.0, "same member: THA"),
        ("KHM", 0.5, "same sub-region: South-East Asia (KHM)"),
        ("FJI", 0.0, None),
        ("", 0.0, None),
    ],
)
def test_region_same_member_or_sub_region(nationality, value, reason):
    need = Need(start=NEED.start, end=NEED.end, host="THA")

    candidate = score(profile(nationality=nationality), need, TODAY)

    assert candidate.components["region"] == value
    regional = [text for text in candidate.reasons if text.startswith("same ")]
    assert regional == ([reason] if reason else [])


@pytest.mark.parametrize(
    ("confirmed_at", "value", "reason"),
    [
        (datetime(2027, 1, 31, tzinfo=UTC), 1.0, "profile confirmed less than a month ago"),
        (datetime(2026, 8, 2, tzinfo=UTC), 1.0, "profile confirmed 6 months ago"),
        (datetime(2025, 8, 1, tzinfo=UTC), 0.331, "profile confirmed 18 months ago"),
        (datetime(2024, 2, 1, tzinfo=UTC), 0.0, "profile confirmed 3 years ago"),
    ],
)
def test_freshness_falls_from_six_months_to_two_years(confirmed_at, value, reason):
    candidate = score(profile(confirmed_at=confirmed_at), NEED, TODAY)

    assert candidate.components["freshness"] == value
    assert candidate.reasons[-1] == reason


def test_ties_go_by_name_then_id():
    profiles = [
        profile(id=3, full_name="bea"),
        profile(id=2, full_name="Bea"),
        profile(id=1, full_name="Carl"),
        profile(id=4, full_name="Abe"),
    ]

    ranked = rank(profiles, NEED, TODAY)

    assert [candidate.profile.id for candidate in ranked] == [4, 2, 3, 1]
