"""The availability encoding, checked against a brute-force answer over the windows themselves."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roster.experts.availability import (
    EPOCH,
    HORIZON_DAYS,
    LAST_DAY,
    ancestors,
    availability_fields,
    availability_filter,
    clean_search_day,
    day_number,
    dyadic_blocks,
)
from roster.validation import merge_windows


def block_days(node: int) -> range:
    """The days a segment-tree node covers."""
    depth = node.bit_length() - 1
    size = HORIZON_DAYS >> depth
    first = (node - (1 << depth)) * size
    return range(first, first + size)


def encoded_match(fields: dict, first: int, last: int) -> bool:
    """What the index filter answers, element by element as Meilisearch compares arrays."""
    inside = bool(set(ancestors(first)) & set(fields["avail_blocks"]))
    crosses_gap = any(first < gap <= last for gap in fields["avail_gap_starts"])
    return inside and not crosses_gap


def brute_force(windows, first: date, last: date) -> bool:
    return any(start <= first and last <= end for start, end in merge_windows(windows))


def test_day_numbers_and_horizon():
    assert day_number(date(2000, 1, 1)) == 0
    assert day_number(LAST_DAY) == HORIZON_DAYS - 1
    assert date(2089, 9, 17) == LAST_DAY
    assert ancestors(0)[0] == HORIZON_DAYS
    assert ancestors(0)[-1] == 1
    assert len(ancestors(12345)) == 16


def test_blocks_tile_the_window_exactly():
    blocks = dyadic_blocks(3, 20)
    days = [day for node in blocks for day in block_days(node)]
    assert sorted(days) == list(range(3, 21))
    assert len(days) == len(set(days))
    assert dyadic_blocks(0, HORIZON_DAYS - 1) == [1]


@given(start=st.integers(0, HORIZON_DAYS - 1), length=st.integers(0, 4000))
def test_blocks_are_a_minimal_exact_cover(start, length):
    end = min(start + length, HORIZON_DAYS - 1)
    blocks = dyadic_blocks(start, end)
    covered = sorted(day for node in blocks for day in block_days(node))
    assert covered == list(range(start, end + 1))
    assert len(blocks) <= 2 * 15


def test_windows_are_merged_and_clamped():
    fields = availability_fields(
        [
            (date(1999, 12, 1), date(2000, 1, 10)),
            (date(2000, 1, 11), date(2000, 1, 20)),  # touches the first: one window
            (date(2089, 9, 1), date(2100, 1, 1)),  # runs past the horizon
            (date(1990, 1, 1), date(1990, 2, 1)),  # wholly before it
        ]
    )
    assert fields["avail_gap_starts"] == [20]
    covered = {day for node in fields["avail_blocks"] for day in block_days(node)}
    assert covered == set(range(20)) | set(range(day_number(date(2089, 9, 1)), HORIZON_DAYS))


def test_searched_days_must_lie_in_the_horizon():
    assert clean_search_day(LAST_DAY) == LAST_DAY
    for outside in (date(1999, 12, 31), LAST_DAY + timedelta(days=1)):
        with pytest.raises(ValueError, match="between 2000-01-01 and 2089-09-17"):
            clean_search_day(outside)


def test_filter_clauses():
    first = date(2027, 3, 8)
    clauses = availability_filter(first, date(2027, 3, 12))
    assert clauses[0].startswith("avail_blocks IN [") and clauses[0].count(",") == 15
    day = day_number(first)
    assert clauses[1] == f"NOT avail_gap_starts {day + 1} TO {day + 4}"
    assert availability_filter(first, first) == clauses[:1]
    with pytest.raises(ValueError):
        availability_filter(date(2027, 3, 12), first)


window = st.tuples(st.integers(-40, 400), st.integers(0, 120))
ranges = st.tuples(st.integers(-10, 520), st.integers(0, 150))


@settings(max_examples=400, deadline=None)
@given(
    offset=st.sampled_from([0, 9000, HORIZON_DAYS - 450]),
    windows=st.lists(window, max_size=6),
    searched=st.lists(ranges, min_size=1, max_size=10),
)
def test_encoding_agrees_with_brute_force(offset, windows, searched):
    dated = [
        (EPOCH + timedelta(days=offset + start), EPOCH + timedelta(days=offset + start + length))
        for start, length in windows
    ]
    fields = availability_fields(dated)
    for start, length in searched:
        first = max(0, min(offset + start, HORIZON_DAYS - 1))
        last = min(first + length, HORIZON_DAYS - 1)
        first_day, last_day = EPOCH + timedelta(days=first), EPOCH + timedelta(days=last)
        assert encoded_match(fields, first, last) == brute_force(dated, first_day, last_day)
