"""Meilisearch settings of an index, from its definition and the shared synonym table."""

from roster.search.definition import IndexDefinition
from roster.search.text import synonyms

# The sort ranking rule goes first so that an explicit sort (name, updated_at) orders the whole
# answer; a relevance search sends no sort and the rule then does nothing.
RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]

# Totals are exact only up to maxTotalHits; keep it well above the largest roster expected
# (100k experts). Facet values: about 250 nationalities and 185 languages fit under 300.
MAX_TOTAL_HITS = 1_000_000
MAX_VALUES_PER_FACET = 300


def index_settings(definition: IndexDefinition) -> dict:
    """The settings Meilisearch applies to the index of `definition`."""
    return {
        "searchableAttributes": list(definition.searchable),
        "filterableAttributes": list(definition.filterable),
        "sortableAttributes": list(definition.sortable),
        "rankingRules": RANKING_RULES,
        "synonyms": synonyms(),
        "typoTolerance": {
            "enabled": True,
            "disableOnAttributes": list(definition.no_typos),
            "disableOnNumbers": True,
        },
        "faceting": {
            "maxValuesPerFacet": MAX_VALUES_PER_FACET,
            "sortFacetValuesBy": {"*": "count"},
        },
        "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
        "facetSearch": False,
        **definition.extra_settings,
    }
