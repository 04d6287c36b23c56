"""One spreadsheet row turned into the API-shaped data the operations take."""

from roster.imports import cells

TEXT_FIELDS = (
    "full_name",
    "name_local",
    "email",
    "phone",
    "organisation",
    "position",
    "bio",
    "agency",
    "shared_mailbox",
)


def row_data(
    kind: str, mapping: dict[int, str], cells_of_row: list, references: cells.References
) -> tuple[dict, list[tuple[str, str]]]:
    """(API-shaped data of the mapped columns, [(field, message)] for unreadable cells)."""
    data: dict = {}
    errors: list[tuple[str, str]] = []
    window: dict = {}
    for position, field in mapping.items():
        value = cells_of_row[position] if position < len(cells_of_row) else None
        try:
            if field in TEXT_FIELDS:
                data[field] = cells.text(value)
            elif field == "nationality":
                data[field] = cells.country(value)
            elif field == "member":
                data[field] = references.member(value).code
            elif field == "thematic_areas":
                data[field] = references.thematic_areas(value)
            elif field == "languages":
                data[field] = cells.languages(value)
            elif field == "availability":
                data.setdefault("availability", []).extend(cells.windows(value))
            elif field in ("available_from", "available_to"):
                if cells.text(value):
                    window[field] = cells.parse_day(value).isoformat()
            elif field == "holder_since" and cells.text(value):
                data[field] = cells.parse_day(value).isoformat()
        except ValueError as error:
            errors.append((field, str(error)))
    if window:
        start = window.get("available_from") or window.get("available_to")
        end = window.get("available_to") or start
        data.setdefault("availability", []).append({"start": start, "end": end})
    return data, errors
