"""The membership and taxonomy shipped with the service.

Names and codes of states and territories come from ISO 3166 (pycountry); where the Bali Process
uses its own short form for a member, that form is kept as the display name.
"""

import pycountry

STATES = [
    "AFG",
    "AUS",
    "BGD",
    "BTN",
    "BRN",
    "KHM",
    "CHN",
    "PRK",
    "FJI",
    "IND",
    "IDN",
    "IRN",
    "IRQ",
    "JPN",
    "JOR",
    "KIR",
    "LAO",
    "MYS",
    "MDV",
    "MNG",
    "MMR",
    "NRU",
    "NPL",
    "NZL",
    "PAK",
    "PLW",
    "PNG",
    "PHL",
    "KOR",
    "WSM",
    "SGP",
    "SLB",
    "LKA",
    "SYR",
    "THA",
    "TLS",
    "TON",
    "TUR",
    "ARE",
    "USA",
    "VUT",
    "VNM",
]
TERRITORIES = ["NCL", "HKG", "MAC"]

DISPLAY_NAMES = {
    "PRK": "DPR Korea",
    "NCL": "France (New Caledonia)",
    "HKG": "Hong Kong SAR",
    "IRN": "Iran",
    "LAO": "Lao PDR",
    "MAC": "Macau SAR",
    "KOR": "Republic of Korea",
    "SYR": "Syria",
}

ORGANISATIONS = {
    "IOM": "International Organization for Migration",
    "UNHCR": "United Nations High Commissioner for Refugees",
    "UNODC": "United Nations Office on Drugs and Crime",
    "ILO": "International Labour Organization",
}

THEMATIC_AREAS = {
    "people-smuggling": "People smuggling",
    "trafficking-in-persons": "Trafficking in persons",
    "irregular-migration": "Irregular migration",
    "border-management": "Border management",
    "refugee-protection": "Refugee protection and asylum",
    "victim-protection": "Identification and protection of victims",
    "return-reintegration": "Voluntary return and reintegration",
    "maritime": "Irregular movement by sea and safety of life at sea",
    "document-fraud": "Fraudulent documents and identity",
    "technology": "Technology as a facilitator",
    "corruption": "Corruption",
    "criminal-justice": "Criminal justice and prosecution",
    "legislation-policy": "Legislation and policy",
    "information-campaigns": "Information campaigns",
    "children": "Children and unaccompanied minors",
    "migration-data": "Migration data and information sharing",
    "labour-migration": "Labour migration and exploitation",
    "transnational-crime": "Related transnational crime",
}


def member_rows() -> list[dict]:
    """Every founding member as {code, name, kind, status}."""
    rows = []
    for kind, codes in (("state", STATES), ("territory", TERRITORIES)):
        for code in codes:
            country = pycountry.countries.get(alpha_3=code)
            name = DISPLAY_NAMES.get(code) or getattr(country, "common_name", country.name)
            rows.append({"code": code, "name": name, "kind": kind, "status": "member"})
    for code, name in ORGANISATIONS.items():
        rows.append({"code": code, "name": name, "kind": "organisation", "status": "member"})
    return sorted(rows, key=lambda row: row["name"])


def thematic_area_rows() -> list[dict]:
    return [
        {"code": code, "name": name, "position": position}
        for position, (code, name) in enumerate(THEMATIC_AREAS.items())
    ]
