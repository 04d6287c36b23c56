"""The field's vocabulary: abbreviations and variants that are general knowledge in migration,
trafficking and border work, as search synonyms.

Each group lists words and phrases used interchangeably; a query with any of them finds texts
with the others. Phrases are lower-case words separated by single spaces (Meilisearch splits
hyphens and punctuation into words the same way). The table holds general usage only, never a
rule for one question: the judgement list (roster.demo.judgements) measures it, a separate set
checks it from outside.
"""

# Abbreviations of the field and the phrases they stand for.
ABBREVIATIONS = [
    (
        "tip",
        "trafficking in persons",
        "human trafficking",
        "people trafficking",
        "trafficking in human beings",
        "thb",
    ),
    ("som", "smuggling of migrants", "people smuggling", "migrant smuggling", "human smuggling"),
    ("ctip", "counter trafficking in persons", "counter trafficking"),
    ("iuu", "iuu fishing", "illegal unreported and unregulated fishing"),
    ("nrm", "national referral mechanism"),
    ("solas", "safety of life at sea"),
    ("sar", "search and rescue"),
    ("mrcc", "maritime rescue coordination centre", "rescue coordination centre", "rcc"),
    ("mda", "maritime domain awareness"),
    ("ais", "automatic identification system"),
    ("vot", "victim of trafficking", "trafficking victim"),
    ("vots", "victims of trafficking", "trafficking victims"),
    ("avrr", "assisted voluntary return and reintegration", "assisted voluntary return"),
    (
        "uam",
        "unaccompanied minors",
        "unaccompanied minor",
        "unaccompanied children",
        "uasc",
        "unaccompanied and separated children",
    ),
    ("bia", "best interests assessment", "bid", "best interests determination"),
    ("rsd", "refugee status determination"),
    ("idp", "internally displaced persons"),
    ("atd", "alternatives to detention", "alternative to detention"),
    ("gbv", "gender based violence"),
    ("sgbv", "sexual and gender based violence"),
    ("vawg", "violence against women and girls"),
    ("psea", "protection from sexual exploitation and abuse"),
    ("mhpss", "mental health and psychosocial support", "psychosocial support"),
    ("osec", "online sexual exploitation of children"),
    ("csec", "commercial sexual exploitation of children"),
    ("csam", "child sexual abuse material"),
    ("mla", "mutual legal assistance"),
    ("jit", "joint investigation team"),
    ("ocg", "organised crime group", "organized crime group"),
    ("aml", "anti money laundering"),
    ("cft", "countering the financing of terrorism"),
    ("fiu", "financial intelligence unit"),
    ("str", "suspicious transaction report", "suspicious transaction reports"),
    ("kyc", "know your customer"),
    ("osint", "open source intelligence"),
    ("ibm", "integrated border management"),
    ("api", "advance passenger information"),
    ("pnr", "passenger name record", "passenger name records"),
    ("etd", "emergency travel document", "emergency travel documents"),
    ("crvs", "civil registration and vital statistics"),
    ("coi", "country of origin information"),
    ("sop", "standard operating procedures", "standard operating procedure"),
    ("tot", "training of trainers"),
    ("osh", "occupational safety and health"),
    ("ofw", "overseas filipino workers", "overseas filipino worker"),
    ("mou", "memorandum of understanding"),
    ("ngo", "non governmental organisation", "non governmental organization"),
    ("cso", "civil society organisation", "civil society organization"),
    ("rso", "regional support office"),
    ("iom", "international organization for migration"),
    ("ilo", "international labour organization", "international labour organisation"),
    ("unhcr", "united nations high commissioner for refugees"),
    ("unodc", "united nations office on drugs and crime"),
    ("imo", "international maritime organization"),
    ("itf", "international transport workers federation"),
    (
        "untoc",
        "united nations convention against transnational organized crime",
        "palermo convention",
    ),
]

# British and American spellings, and plurals a stemmer cannot derive.
VARIANTS = [
    ("labour", "labor"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("organised", "organized"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("counselling", "counseling"),
    ("centre", "center"),
    ("centres", "centers"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("harbour", "harbor"),
    ("paediatrician", "pediatrician"),
    ("traveller", "traveler"),
    ("travellers", "travelers"),
    ("neighbouring", "neighboring"),
    ("enrolment", "enrollment"),
    ("judgement", "judgment"),
    ("behaviour", "behavior"),
    ("analyse", "analyze"),
    ("criminalise", "criminalize"),
    ("criminalisation", "criminalization"),
    ("child", "children"),
    ("woman", "women"),
    ("fisherman", "fishermen"),
    ("seaman", "seamen"),
    ("irregular migrants", "undocumented migrants", "illegal migrants"),
]

SYNONYM_GROUPS = ABBREVIATIONS + VARIANTS


def synonyms() -> dict[str, list[str]]:
    """Meilisearch's synonym map: every variant of a group leads to all the others."""
    mapping: dict[str, list[str]] = {}
    for group in SYNONYM_GROUPS:
        for variant in group:
            mapping.setdefault(variant, [])
            mapping[variant].extend(other for other in group if other != variant)
    return mapping


def _long_forms() -> dict[str, str]:
    """{abbreviation: the phrase it stands for} for every one-word variant of ABBREVIATIONS."""
    forms = {}
    for group in ABBREVIATIONS:
        phrase = next((variant for variant in group if " " in variant), None)
        if phrase:
            forms.update({variant: phrase for variant in group if " " not in variant})
    return forms


LONG_FORMS = _long_forms()


def spelled_out(q: str) -> str:
    """`q` with each abbreviation followed by the phrase it stands for: the embedding model
    knows "alternatives to detention" far better than "ATD"."""
    words = q.split()
    phrases = [
        LONG_FORMS[key]
        for key in dict.fromkeys(w.strip(".,;:()").lower() for w in words)
        if key in LONG_FORMS
    ]
    return " ".join([q, *phrases]) if phrases else q
