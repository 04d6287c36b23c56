"""Index settings for the experts and focal points indexes, and the field's synonyms.

The database fallback (roster.search.fallback) reads SEARCHABLE and SYNONYM_GROUPS from here too,
so both engines search the same fields with the same vocabulary.
"""

# Words and phrases used interchangeably in the field. Phrases are lower-case words separated by
# single spaces: Meilisearch splits hyphens and punctuation into words the same way.
SYNONYM_GROUPS = [
    (
        "tip",
        "trafficking in persons",
        "human trafficking",
        "people trafficking",
        "trafficking in human beings",
        "thb",
    ),
    (
        "som",
        "smuggling of migrants",
        "people smuggling",
        "migrant smuggling",
        "human smuggling",
    ),
    ("ctip", "counter trafficking in persons", "counter trafficking"),
    (
        "iuu",
        "iuu fishing",
        "illegal unreported and unregulated fishing",
    ),
    ("nrm", "national referral mechanism"),
    ("solas", "safety of life at sea"),
    ("vot", "victim of trafficking", "trafficking victim"),
    ("vots", "victims of trafficking", "trafficking victims"),
    (
        "avrr",
        "assisted voluntary return and reintegration",
        "assisted voluntary return",
    ),
    (
        "uam",
        "unaccompanied minors",
        "unaccompanied minor",
        "unaccompanied children",
        "uasc",
        "unaccompanied and separated children",
    ),
    ("rsd", "refugee status determination"),
    ("idp", "internally displaced persons"),
    ("gbv", "gender based violence"),
    ("sgbv", "sexual and gender based violence"),
    ("osec", "online sexual exploitation of children"),
    ("csec", "commercial sexual exploitation of children"),
    ("mla", "mutual legal assistance"),
    ("aml", "anti money laundering"),
    ("fiu", "financial intelligence unit"),
    ("ibm", "integrated border management"),
    ("coi", "country of origin information"),
    ("mou", "memorandum of understanding"),
    ("ngo", "non governmental organisation", "non governmental organization"),
    ("cso", "civil society organisation", "civil society organization"),
    ("rso", "regional support office"),
    ("forced labour", "forced labor"),
    ("labour exploitation", "labor exploitation"),
]


def synonyms() -> dict[str, list[str]]:
    """Meilisearch's synonym map: every variant of a group leads to all the others."""
    mapping: dict[str, list[str]] = {}
    for group in SYNONYM_GROUPS:
        for variant in group:
            mapping.setdefault(variant, [])
            mapping[variant].extend(other for other in group if other != variant)
    return mapping


# Most telling first: the attribute ranking rule prefers a match in an earlier attribute.
SEARCHABLE = {
    "experts": [
        "name",
        "name_local",
        "thematic_area_names",
        "organisation",
        "position",
        "bio",
        "email",
        "nationality",
    ],
    "focal_points": [
        "name",
        "name_local",
        "thematic_area_names",
        "agency",
        "agency_acronym",
        "position",
        "member_name",
        "emails",
        "member",
    ],
}

FILTERABLE = {
    "experts": [
        "thematic_areas",
        "languages",
        "language_levels",
        "nationality",
        "avail_blocks",
        "avail_gap_starts",
        "confirmed_at",
        "updated_at",
    ],
    "focal_points": [
        "member",
        "thematic_areas",
        "languages",
        "language_levels",
        "agency_sector",
        "is_vacant",
        "verified_at",
        "review_due",
        "updated_at",
    ],
}

# `name_sort` is the folded name (see documents.sort_key): Meilisearch only lower-cases.
SORTABLE = ["name_sort", "updated_at", "id"]

FACETS = {
    "experts": ["thematic_areas", "languages", "nationality"],
    "focal_points": ["member", "thematic_areas", "languages"],
}

# The sort ranking rule goes first so that an explicit sort (name, updated_at) orders the whole
# answer; a relevance search sends no sort and the rule then does nothing.
RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]

# Codes, acronyms and emails are exact: "IDN" must not also find "IND".
NO_TYPOS = {
    "experts": ["email", "nationality"],
    "focal_points": ["emails", "member", "agency_acronym"],
}

# Totals are exact only up to maxTotalHits; keep it well above the largest roster expected
# (100k experts). Facet values: about 250 nationalities and 185 languages fit under 300.
MAX_TOTAL_HITS = 1_000_000
MAX_VALUES_PER_FACET = 300


def _index_settings(index_name: str) -> dict:
    return {
        "searchableAttributes": SEARCHABLE[index_name],
        "filterableAttributes": FILTERABLE[index_name],
        "sortableAttributes": SORTABLE,
        "rankingRules": RANKING_RULES,
        "synonyms": synonyms(),
        "typoTolerance": {
            "enabled": True,
            "disableOnAttributes": NO_TYPOS[index_name],
            "disableOnNumbers": True,
        },
        "faceting": {
            "maxValuesPerFacet": MAX_VALUES_PER_FACET,
            "sortFacetValuesBy": {"*": "count"},
        },
        "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
        "facetSearch": False,
    }


INDEX_SETTINGS = {name: _index_settings(name) for name in ("experts", "focal_points")}
