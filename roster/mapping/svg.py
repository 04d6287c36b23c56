"""Layout of the heat map, drawn as inline SVG by templates/mapping/_heatmap.svg.

No script and no external library: positions, colours and tooltips are computed here and the
template only writes them out (escaped, like every template).
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from roster.activities.periods import time_ago
from roster.mapping.queries import Cell, CoverageMap
from roster.reference.models import Member, ThematicArea

# Coverage (focal points + experts) grows over orders of magnitude, so the bands are log-ish.
LEVELS = (
    (1, "1 or 2", "#c6dbef"),
    (3, "3 to 9", "#9ecae1"),
    (10, "10 to 29", "#6baed6"),
    (30, "30 to 99", "#3182bd"),
    (100, "100 or more", "#08519c"),
)
GAP_PATTERN_ID = "map-gap"
CELL_WIDTH = 26
CELL_HEIGHT = 20
CELL_SPACING = 2
FONT_SIZE = 11
# No text metrics on the server: an average glyph width is enough to reserve room for labels.
CHAR_WIDTH = 6.2
LABEL_ANGLE = 45


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class DrawnCell:
    x: int
    y: int
    fill: str
    is_gap: bool
    title: str
    href: str


@dataclass(frozen=True)
class Heatmap:
    width: int
    height: int
    columns: list[Label]
    rows: list[Label]
    cells: list[DrawnCell]
    cell_width: int = CELL_WIDTH
    cell_height: int = CELL_HEIGHT
    font_size: int = FONT_SIZE
    label_angle: int = LABEL_ANGLE
    gap_pattern_id: str = GAP_PATTERN_ID


def level(total: int) -> int | None:
    """Index into LEVELS for a coverage count; None for a gap."""
    found = None
    for index, (threshold, _, _) in enumerate(LEVELS):
        if total >= threshold:
            found = index
    return found


def fill(total: int) -> str:
    index = level(total)
    return f"url(#{GAP_PATTERN_ID})" if index is None else LEVELS[index][2]


def cell_summary(member: Member, thematic_area: ThematicArea, cell: Cell) -> str:
    """The numbers of one cell in words, for tooltips and screen readers."""
    where = f"{member.name}, {thematic_area.name}: "
    vacancy = ""
    if cell.vacant:
        age = time_ago((date.today() - cell.vacant_since).days)
        vacancy = f"; {_plural(cell.vacant, 'vacant function')}, since {cell.vacant_since} ({age})"
    if not cell.total:
        return where + "gap, no focal point and no expert" + vacancy
    focal_points = _plural(cell.focal_points, "focal point")
    if cell.focal_points:
        share = round(cell.confirmed_share * 100)
        focal_points += f" ({share}% confirmed in the last 12 months)"
    return where + f"{focal_points}, {_plural(cell.experts, 'expert')}" + vacancy


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _label_room(labels: list[str]) -> float:
    return max((len(label) for label in labels), default=0) * CHAR_WIDTH


def heatmap(coverage: CoverageMap, cell_url: Callable[[Member, ThematicArea], str]) -> Heatmap:
    """Where every label and cell goes; each cell links to its drill-down."""
    slant = math.sin(math.radians(LABEL_ANGLE))
    left = round(_label_room([member.name for member in coverage.members]) + 12)
    column_room = _label_room([area.name for area in coverage.thematic_areas]) * slant
    top = round(column_room + 16)
    step_x = CELL_WIDTH + CELL_SPACING
    step_y = CELL_HEIGHT + CELL_SPACING
    columns = [
        Label(left + index * step_x + CELL_WIDTH / 2, top - 6, area.name)
        for index, area in enumerate(coverage.thematic_areas)
    ]
    rows = []
    cells = []
    for row_index, member in enumerate(coverage.members):
        y = top + row_index * step_y
        rows.append(Label(left - 6, y + CELL_HEIGHT / 2, member.name))
        for column_index, area in enumerate(coverage.thematic_areas):
            cell = coverage.cell(member, area)
            cells.append(
                DrawnCell(
                    x=left + column_index * step_x,
                    y=y,
                    fill=fill(cell.total),
                    is_gap=not cell.total,
                    title=cell_summary(member, area, cell),
                    href=cell_url(member, area),
                )
            )
    return Heatmap(
        width=round(left + step_x * len(coverage.thematic_areas) + column_room + 8),
        height=top + step_y * len(coverage.members) + 4,
        columns=columns,
        rows=rows,
        cells=cells,
    )


def legend() -> list[tuple[str, str]]:
    """(fill, label) pairs for the levels, lightest first."""
    return [(colour, f"{label} people") for _, label, colour in LEVELS]
