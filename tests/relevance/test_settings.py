"""The relevance additions to the index settings and to each query."""

from roster.relevance import settings
from roster.search.settings import INDEX_SETTINGS


def test_both_indexes_gain_name_variants_stems_vocabulary_and_the_embedder():
    for index_name in ("experts", "focal_points"):
        base = INDEX_SETTINGS[index_name]
        chosen = settings.index_settings(base, semantic=True)
        searchable = chosen["searchableAttributes"]
        assert searchable.index("name_variants") == searchable.index("name_local") + 1
        assert "stems" in searchable
        assert set(base["searchableAttributes"]) < set(searchable)
        assert "alternatives to detention" in chosen["synonyms"]["atd"]
        assert chosen["embedders"]["default"] == {"source": "userProvided", "dimensions": 384}
        assert "embedders" not in settings.index_settings(base, semantic=False)


def test_a_query_carries_its_stems_and_its_vector_unless_keyword_only():
    text, params = settings.search_params("rescuing boats", (0.1, 0.2))
    assert text == "rescuing boats rescu boat"
    assert params["matchingStrategy"] == "frequency"
    assert params["hybrid"] == {"embedder": "default", "semanticRatio": settings.SEMANTIC_RATIO}
    assert params["vector"] == [0.1, 0.2]
    _, keyword = settings.search_params("rescuing boats", (0.1, 0.2), keyword_only=True)
    assert "hybrid" not in keyword and "vector" not in keyword
    assert "hybrid" not in settings.search_params("boats", None)[1]
