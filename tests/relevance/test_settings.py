"""The relevance additions to the index settings and to each query."""

from roster.directory.index import FOCAL_POINTS
from roster.experts.index import EXPERTS
from roster.relevance import settings
from roster.search.settings import index_settings as core_settings


def test_both_indexes_search_name_variants_with_the_vocabulary_and_gain_the_embedder():
    for definition in (EXPERTS, FOCAL_POINTS):
        base = core_settings(definition)
        chosen = settings.index_settings(base, semantic=True)
        searchable = chosen["searchableAttributes"]
        assert searchable.index("name_variants") == searchable.index("name_local") + 1
        assert "alternatives to detention" in chosen["synonyms"]["atd"]
        assert chosen["embedders"]["default"] == {"source": "userProvided", "dimensions": 384}
        assert "embedders" not in settings.index_settings(base, semantic=False)


def test_a_query_carries_its_stems_and_its_vector_unless_keyword_only():
    text, params = settings.search_params("rescuing boats", (0.1, 0.2))
    assert text == "rescuing boats"
    assert params["matchingStrategy"] == "frequency"
    assert params["hybrid"] == {"embedder": "default", "semanticRatio": settings.SEMANTIC_RATIO}
    assert params["vector"] == [0.1, 0.2]
    _, keyword = settings.search_params("rescuing boats", (0.1, 0.2), keyword_only=True)
    assert "hybrid" not in keyword and "vector" not in keyword
    assert "hybrid" not in settings.search_params("boats", None)[1]
