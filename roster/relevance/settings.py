"""Search settings chosen on the judgement list (bench/relevance.py), for the index definitions.

`index_settings(base)` adds the `userProvided` embedder to an index's settings when matching by
meaning is on (name variants and the field's vocabulary are in every index definition already).
`search_params(...)` shapes one query: a partial match allowed, hybrid with the query's vector.
English stems (roster.relevance.stemming) are left out: on the list they cost what they gained.
"""

from roster.relevance.vocabulary import spelled_out
from roster.semantic.model import DIMENSIONS, EMBEDDER

# Experts matching most of the words still come, ranked below those matching all of them.
MATCHING_STRATEGY = "frequency"
# The share of meaning in a hybrid ranking.
SEMANTIC_RATIO = 0.3


def index_settings(base: dict, semantic: bool) -> dict:
    """Meilisearch settings of an index: `base` with the relevance additions."""
    settings = dict(base)
    if semantic:
        settings["embedders"] = {EMBEDDER: {"source": "userProvided", "dimensions": DIMENSIONS}}
    return settings


def search_params(q: str, vector, keyword_only: bool = False) -> tuple[str, dict]:
    """(the query text, the parameters it adds) for a relevance search of `q`."""
    params: dict = {"matchingStrategy": MATCHING_STRATEGY}
    if vector is not None and not keyword_only:
        params["hybrid"] = {"embedder": EMBEDDER, "semanticRatio": SEMANTIC_RATIO}
        params["vector"] = list(vector)
    return q, params


def query_vector(model, q: str):
    """The query's vector (cached per text by the model), abbreviations spelled out."""
    return model.query_vector(spelled_out(q))
