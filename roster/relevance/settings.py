"""Search settings chosen on the judgement list (bench/relevance.py), for the index definitions.

`index_settings(base)` adds to an index's settings the name variants and stems attributes,
the field's vocabulary and, when matching by meaning is on, the `userProvided` embedder.
`search_params(...)` shapes one query: its stems appended, a partial match allowed, hybrid with
the query's vector.
"""

from roster.relevance.stemming import with_stems
from roster.relevance.vocabulary import spelled_out, synonyms
from roster.semantic.model import DIMENSIONS, EMBEDDER

# Experts matching most of the words still come, ranked below those matching all of them.
MATCHING_STRATEGY = "frequency"
# The share of meaning in a hybrid ranking.
SEMANTIC_RATIO = 0.3


def searchable(attributes: list[str]) -> list[str]:
    """`attributes` with name variants after the names and stems after the texts they stem."""
    ordered = list(attributes)
    after_names = ordered.index("name_local") + 1 if "name_local" in ordered else 1
    ordered.insert(after_names, "name_variants")
    texts = [name for name in ("bio", "position", "agency") if name in ordered]
    ordered.insert(max(ordered.index(name) for name in texts) + 1, "stems")
    return ordered


def index_settings(base: dict, semantic: bool) -> dict:
    """Meilisearch settings of an index: `base` with the relevance additions."""
    settings = {
        **base,
        "searchableAttributes": searchable(base["searchableAttributes"]),
        "synonyms": synonyms(),
    }
    if semantic:
        settings["embedders"] = {EMBEDDER: {"source": "userProvided", "dimensions": DIMENSIONS}}
    return settings


def search_params(q: str, vector, keyword_only: bool = False) -> tuple[str, dict]:
    """(the query text, the parameters it adds) for a relevance search of `q`."""
    params: dict = {"matchingStrategy": MATCHING_STRATEGY}
    if vector is not None and not keyword_only:
        params["hybrid"] = {"embedder": EMBEDDER, "semanticRatio": SEMANTIC_RATIO}
        params["vector"] = list(vector)
    return with_stems(q), params


def query_vector(model, q: str):
    """The query's vector (cached per text by the model), abbreviations spelled out."""
    return model.query_vector(spelled_out(q))
