"""Availability windows as exact Meilisearch filters.

Meilisearch compares array attributes element by element, so parallel arrays of window starts and
ends would mix one window's start with another's end. Instead each document carries:

- `avail_blocks`: the segment-tree nodes that exactly tile its windows. Days are numbered from
  2000-01-01 over a horizon of 2^15 days; a node at depth k covers 2^(15-k) days and has id
  2^k + j, so day d is the leaf 2^15 + d and its ancestors are (2^15 + d) >> t for t = 0..15.
  Day d lies in some window iff one of its 16 ancestors is in `avail_blocks`.
- `avail_gap_starts`: the day after each window ends. Windows are merged (never overlapping or
  touching), so [first, last] lies in one window iff `first` lies in a window and no gap start g
  has first < g <= last.

Stored windows are clamped to the horizon (nothing before 2000 or after 2089 matters to a roster
and clamping changes no answer for a range inside the horizon); searched ranges must lie inside
it, which `clean_search_day` enforces.
"""

from datetime import date, timedelta

from roster.search.documents import EPOCH, day_number
from roster.validation import merge_windows

HORIZON_BITS = 15
HORIZON_DAYS = 1 << HORIZON_BITS
FIRST_DAY = EPOCH
LAST_DAY = EPOCH + timedelta(days=HORIZON_DAYS - 1)


def clean_search_day(value: date) -> date:
    """A searched date must lie in the horizon, or its filter could not be exact."""
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"Use a date between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}.")
    return value


def clamp_window(start: int, end: int) -> tuple[int, int] | None:
    """The part of [start, end] (day numbers) inside the horizon, or None."""
    start, end = max(start, 0), min(end, HORIZON_DAYS - 1)
    return (start, end) if start <= end else None


def dyadic_blocks(start: int, end: int) -> list[int]:
    """Node ids of the minimal segment-tree cover of days [start, end] (inside the horizon)."""
    blocks = []
    low, high = start + HORIZON_DAYS, end + HORIZON_DAYS + 1
    while low < high:
        if low & 1:
            blocks.append(low)
            low += 1
        if high & 1:
            high -= 1
            blocks.append(high)
        low >>= 1
        high >>= 1
    return sorted(blocks)


def ancestors(day: int) -> list[int]:
    """The 16 node ids whose blocks contain `day`, leaf first."""
    leaf = HORIZON_DAYS + day
    return [leaf >> shift for shift in range(HORIZON_BITS + 1)]


def availability_fields(windows: list[tuple[date, date]]) -> dict[str, list[int]]:
    """{"avail_blocks", "avail_gap_starts"} for an expert's windows (merged here if needed)."""
    blocks: set[int] = set()
    gap_starts = []
    for start, end in merge_windows(list(windows)):
        clamped = clamp_window(day_number(start), day_number(end))
        if clamped is None:
            continue
        blocks.update(dyadic_blocks(*clamped))
        if clamped[1] + 1 < HORIZON_DAYS:
            gap_starts.append(clamped[1] + 1)
    return {"avail_blocks": sorted(blocks), "avail_gap_starts": gap_starts}


def availability_filter(first: date, last: date) -> list[str]:
    """Filter clauses (ANDed) for "one window covers every day from `first` to `last`"."""
    first_day, last_day = day_number(first), day_number(last)
    if not (0 <= first_day <= last_day < HORIZON_DAYS):
        raise ValueError("the searched range must be ordered and inside the horizon")
    inside = ", ".join(str(int(node)) for node in ancestors(first_day))
    clauses = [f"avail_blocks IN [{inside}]"]
    if last_day > first_day:
        clauses.append(f"NOT avail_gap_starts {int(first_day) + 1} TO {int(last_day)}")
    return clauses
