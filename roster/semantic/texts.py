"""What the model reads of each record: the words about its work, never names or contacts
(names are matched by their letters, in roster.relevance.names)."""


def _join(*parts) -> str:
    return ". ".join(part.strip() for part in parts if part and part.strip())


def expert_text(document: dict) -> str:
    """An expert's position, organisation, bio and thematic areas, from the index document."""
    return _join(
        document.get("position"),
        document.get("organisation"),
        document.get("bio"),
        "; ".join(document.get("thematic_area_names") or ()),
    )


def focal_point_text(document: dict) -> str:
    """A focal point's function, agency and thematic areas, from the index document."""
    return _join(
        document.get("position"),
        document.get("agency"),
        "; ".join(document.get("thematic_area_names") or ()),
    )


TEXTS = {"experts": expert_text, "focal_points": focal_point_text}
