"""The SQL prefilter of candidates gives exactly the brute-force answer over a generated roster:
one window covering the whole period, no overlapping booking on another live activity, not
already on the activity."""

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import insert

from roster.activities.models import (
    ASSIGNMENT_STATUSES,
    BOOKED_STATUSES,
    Activity,
    Assignment,
)
from roster.activities.ranking import available_expert_ids
from roster.experts.models import AvailabilityWindow, Expert
from roster.extensions import db
from roster.reference.models import Member

DAY_ZERO = date(2027, 1, 1)
HORIZON = 120
EXPERTS = 80
ACTIVITIES = 30


def day(number: int) -> date:
    return DAY_ZERO + timedelta(days=number)


def period(rng: random.Random, longest: int) -> tuple[date, date]:
    start = rng.randrange(HORIZON)
    return day(start), day(start + rng.randrange(longest))


def generate(seed: int) -> dict:
    """Experts with random (possibly overlapping, unmerged) windows, activities, assignments."""
    rng = random.Random(seed)
    db.session.execute(
        insert(Expert),
        [{"full_name": f"Expert {number}", "version": 1} for number in range(EXPERTS)],
    )
    expert_ids = [expert.id for expert in db.session.scalars(db.select(Expert))]
    windows = {expert_id: [] for expert_id in expert_ids}
    for expert_id in expert_ids:
        for _ in range(rng.randrange(4)):
            windows[expert_id].append(period(rng, 60))
    rows = [
        {"expert_id": expert_id, "start": start, "end": end}
        for expert_id, spans in windows.items()
        for start, end in spans
    ]
    if rows:
        db.session.execute(insert(AvailabilityWindow), rows)
    activities = {}
    thailand = db.session.scalar(db.select(Member.id).where(Member.code == "THA"))
    for number in range(ACTIVITIES):
        start, end = period(rng, 15)
        status = rng.choice(["planned", "confirmed", "completed", "cancelled"])
        activity = Activity(
            title=f"Activity {number}",
            type="training",
            start=start,
            end=end,
            status=status,
            member_id=thailand,
        )
        db.session.add(activity)
        db.session.flush()
        activities[activity.id] = (start, end, status)
    assignments = {}
    for activity_id in activities:
        for expert_id in rng.sample(expert_ids, rng.randrange(6)):
            assignments[(activity_id, expert_id)] = rng.choice(list(ASSIGNMENT_STATUSES))
    db.session.execute(
        insert(Assignment),
        [
            {"activity_id": activity_id, "expert_id": expert_id, "status": status, "version": 1}
            for (activity_id, expert_id), status in assignments.items()
        ],
    )
    db.session.commit()
    return {
        "expert_ids": expert_ids,
        "windows": windows,
        "activities": activities,
        "assignments": assignments,
    }


def covering(roster: dict, start: date, end: date) -> set[int]:
    """Experts with one window covering start..end."""
    return {
        expert_id
        for expert_id in roster["expert_ids"]
        if any(s <= start and e >= end for s, e in roster["windows"][expert_id])
    }


def brute_force(roster: dict, start: date, end: date, activity_id: int | None) -> set[int]:
    free = set()
    covered = covering(roster, start, end)
    for expert_id in covered:
        booked = any(
            other_expert == expert_id
            and status in BOOKED_STATUSES
            and other != activity_id
            and roster["activities"][other][2] != "cancelled"
            and roster["activities"][other][0] <= end
            and start <= roster["activities"][other][1]
            for (other, other_expert), status in roster["assignments"].items()
        )
        on_it = (activity_id, expert_id) in roster["assignments"]
        if not booked and not on_it:
            free.add(expert_id)
    return free


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_prefilter_matches_brute_force(seed):
    roster = generate(seed)
    rng = random.Random(seed * 1000)
    checks = [(start, end, None) for start, end in (period(rng, 20) for _ in range(25))]
    checks += [
        (start, end, activity_id) for activity_id, (start, end, _) in roster["activities"].items()
    ]
    nonempty = left_out = 0

    for start, end, activity_id in checks:
        found = set(db.session.scalars(available_expert_ids(start, end, activity_id)))

        assert found == brute_force(roster, start, end, activity_id), (start, end, activity_id)
        nonempty += bool(found)
        left_out += len(covering(roster, start, end) - found)

    # The generated roster is dense enough for the comparison to mean something: many periods
    # have someone free, and bookings or assignments keep some available experts out.
    assert nonempty >= len(checks) // 3
    assert left_out >= 5
