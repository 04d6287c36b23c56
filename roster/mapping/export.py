"""The map as JSON and CSV, and the audit entry every download leaves."""

import csv
import io

from flask import Response

from roster.audit.operations import record
from roster.mapping.queries import CoverageMap, MapFilters

CSV_COLUMNS = ("member", "thematic_area", "focal_points", "experts", "confirmed_share")
CSV_FILENAME = "stakeholder-map.csv"


def map_to_api(coverage: CoverageMap) -> dict:
    """{"members", "thematic_areas", "cells"}: one cell per pair that has anyone."""
    return {
        "members": [member.code for member in coverage.members],
        "thematic_areas": [area.code for area in coverage.thematic_areas],
        "cells": [
            {
                "member": member.code,
                "thematic_area": area.code,
                "focal_points": cell.focal_points,
                "experts": cell.experts,
                "confirmed_share": cell.confirmed_share,
            }
            for member, area, cell in coverage.covered_cells()
        ],
        "vacancies": [
            {
                "member": member_code,
                "thematic_area": area_code,
                "vacant": count,
                "vacant_since": since.isoformat(),
            }
            for (member_code, area_code), (count, since) in sorted(coverage.vacancies.items())
        ],
    }


def map_to_csv(coverage: CoverageMap) -> str:
    """The cells of `map_to_api` as CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(map_to_api(coverage)["cells"])
    return buffer.getvalue()


def csv_response(coverage: CoverageMap) -> Response:
    return Response(
        map_to_csv(coverage),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{CSV_FILENAME}"'},
    )


def record_export(user, coverage: CoverageMap, filters: MapFilters) -> None:
    """Audit a download of the map with its number of rows (added to the current transaction)."""
    count = len(map_to_api(coverage)["cells"])
    changes = {"what": "map", "filters": filters.as_dict(), "count": count}
    record(user, "export", "export", None, changes)
