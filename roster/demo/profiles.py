"""What people of each member are like: naming traditions, languages, phone region, email."""

from dataclasses import dataclass
from functools import cache

import pycountry

from roster.reference.data import ORGANISATIONS, STATES, TERRITORIES

# How well people of a member speak English, as weighted levels.
ENGLISH = {
    "native": (("native", 1),),
    "high": (("fluent", 6), ("native", 2), ("working", 2)),
    "mid": (("working", 5), ("fluent", 3), ("basic", 2)),
    "low": (("basic", 4), ("working", 5), ("fluent", 1)),
}


@dataclass(frozen=True)
class Profile:
    cultures: tuple[tuple[str, int], ...]
    english: str
    # Other languages commonly spoken: (code, level, probability).
    extra: tuple[tuple[str, str, float], ...] = ()
    region: str = ""  # alpha-2 for phone numbers; defaults to the member's own country


def _one(culture: str, english: str, *extra, region: str = "") -> Profile:
    return Profile(((culture, 1),), english, tuple(extra), region)


PROFILES: dict[str, Profile] = {
    "AFG": _one("afghan", "low", ("ur", "basic", 0.1)),
    "AUS": Profile((("anglo", 8), ("vietnamese", 1), ("chinese", 1)), "native"),
    "BGD": _one("bengali", "mid", ("hi", "working", 0.2)),
    "BTN": _one("bhutanese", "high"),
    "BRN": Profile((("malay", 4), ("sgchinese", 1)), "high"),
    "KHM": _one("khmer", "mid", ("fr", "basic", 0.1), ("th", "working", 0.1)),
    "CHN": _one("chinese", "mid"),
    "PRK": _one("nkorean", "low", ("zh", "working", 0.3), ("ru", "basic", 0.2)),
    "FJI": Profile((("fijian", 3), ("indofijian", 2)), "high"),
    "IND": Profile((("indian", 4), ("tamil", 1), ("bengali", 1)), "high", (("hi", "fluent", 0.3),)),
    "IDN": _one("indonesian", "mid", ("ms", "working", 0.1)),
    "IRN": _one("persian", "mid", ("ar", "working", 0.2)),
    "IRQ": _one("arabic", "mid", ("ku", "working", 0.2)),
    "JPN": _one("japanese", "mid"),
    "JOR": _one("arabic", "high"),
    "KIR": _one("micronesian", "high"),
    "LAO": _one("lao", "low", ("th", "fluent", 0.5), ("fr", "basic", 0.1)),
    "MYS": Profile(
        (("malay", 6), ("sgchinese", 3), ("tamil", 1)), "high", (("ms", "fluent", 0.4),)
    ),
    "MDV": _one("maldivian", "high"),
    "MNG": _one("mongolian", "mid", ("ru", "working", 0.4)),
    "MMR": _one("burmese", "low", ("th", "basic", 0.1)),
    "NRU": _one("nauruan", "high"),
    "NPL": _one("nepali", "mid"),
    "NZL": Profile((("anglo", 6), ("maori", 2), ("samoan", 1)), "native"),
    "PAK": _one("pakistani", "high"),
    "PLW": _one("palauan", "high", ("ja", "basic", 0.1)),
    "PNG": _one("melanesian", "high"),
    "PHL": _one("filipino", "high"),
    "KOR": _one("korean", "mid"),
    "WSM": _one("samoan", "high"),
    "SGP": Profile(
        (("sgchinese", 6), ("malay", 2), ("tamil", 1)), "high", (("ms", "working", 0.3),)
    ),
    "SLB": _one("melanesian", "high"),
    "LKA": Profile((("sinhala", 4), ("tamil", 1)), "high", (("ta", "working", 0.2),)),
    "SYR": _one("arabic", "mid", ("fr", "basic", 0.1)),
    "THA": _one("thai", "mid"),
    "TLS": _one("timorese", "mid"),
    "TON": _one("tongan", "high"),
    "TUR": _one("turkish", "mid", ("de", "working", 0.1)),
    "ARE": _one("arabic", "high"),
    "USA": Profile((("anglo", 6), ("hispanic", 2)), "native"),
    "VUT": _one("nivanuatu", "high", ("fr", "fluent", 0.4)),
    "VNM": _one("vietnamese", "mid"),
    "NCL": _one("french", "mid"),
    "HKG": _one("hongkong", "high"),
    "MAC": _one("hongkong", "mid", ("pt", "working", 0.2)),
    # Organisations: regional offices in Bangkok, with staff from across the region.
    "IOM": Profile(
        (("anglo", 2), ("thai", 2), ("filipino", 2), ("indonesian", 1), ("french", 1)),
        "high",
        (("fr", "working", 0.2), ("es", "working", 0.1)),
        region="TH",
    ),
    "UNHCR": Profile(
        (("anglo", 2), ("arabic", 1), ("afghan", 1), ("thai", 1), ("french", 1)),
        "high",
        (("fr", "fluent", 0.3),),
        region="TH",
    ),
    "UNODC": Profile(
        (("anglo", 2), ("thai", 1), ("vietnamese", 1), ("indian", 1), ("japanese", 1)),
        "high",
        (("fr", "working", 0.1),),
        region="TH",
    ),
    "ILO": Profile(
        (("anglo", 1), ("thai", 2), ("khmer", 1), ("bengali", 1), ("filipino", 1)),
        "high",
        (("fr", "working", 0.2),),
        region="TH",
    ),
}


@cache
@cache
def phone_region(member_code: str) -> str:
    """The alpha-2 region whose phone numbers people of this member have."""
    profile = PROFILES[member_code]
    if profile.region:
        return profile.region
    return pycountry.countries.get(alpha_3=member_code).alpha_2


def email_domain_suffix(member_code: str) -> str:
    """A reserved (.example) domain that reads like the member's own, e.g. gov.th.example."""
    if member_code in ORGANISATIONS:
        return f"{member_code.lower()}.int.example"
    return f"gov.{phone_region(member_code).lower()}.example"


NATIONALITIES = tuple(STATES + TERRITORIES)
