"""Values of serialized records as spreadsheet cells, with formulas neutralised."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def neutralised(value: str) -> str:
    """For CSV: a cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + value if is_formula_like(value) else value


def joined(values: list) -> str:
    return "; ".join(values)


def expert_cells(expert: dict) -> dict:
    """An expert as the import reads it back: lists joined with `;`."""
    return {
        **expert,
        "thematic_areas": joined(expert.get("thematic_areas", [])),
        "languages": joined(
            f"{item['code']}:{item['level']}" for item in expert.get("languages", [])
        ),
        "availability": joined(
            f"{window['start']} to {window['end']}" for window in expert.get("availability", [])
        ),
    }


def focal_point_cells(focal_point: dict) -> dict:
    return {
        **focal_point,
        "thematic_areas": joined(focal_point.get("thematic_areas", [])),
        "languages": joined(
            f"{item['code']}:{item['level']}" for item in focal_point.get("languages", [])
        ),
    }
