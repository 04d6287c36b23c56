"""The attributes an index document gains for matching: name variants and English stems."""

from roster.relevance.names import name_variants
from roster.relevance.stemming import stemmed_text

# The attributes whose words are stemmed, besides the thematic area names.
STEMMED = {"experts": ("position", "organisation", "bio"), "focal_points": ("position", "agency")}


def relevance_fields(index_name: str, document: dict) -> dict:
    """`name_variants` and `stems` of an index document of `index_name`."""
    texts = [document.get(name) or "" for name in STEMMED[index_name]]
    names = (document.get("name") or "", document.get("name_local") or "")
    return {
        "name_variants": name_variants(*names),
        "stems": stemmed_text(*texts, *(document.get("thematic_area_names") or ())),
    }
