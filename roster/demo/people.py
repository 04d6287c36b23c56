"""One synthetic person at a time: name, email, phone, languages, availability."""

import re
from datetime import date, timedelta
from functools import cache
from itertools import accumulate

import phonenumbers
from phonenumbers import PhoneNumberType

from roster.demo.names import CULTURES, ascii_fold
from roster.demo.profiles import ENGLISH, PROFILES, email_domain_suffix, phone_region


class Population:
    """The people of one member, drawn with a seeded random generator."""

    def __init__(self, rng, member_code: str) -> None:
        self.rng = rng
        self.member_code = member_code
        self.profile = PROFILES[member_code]
        cultures = self.profile.cultures
        self.culture_names = [name for name, _ in cultures]
        self.culture_weights = list(accumulate(weight for _, weight in cultures))
        english_levels = ENGLISH[self.profile.english]
        self.english_levels = [level for level, _ in english_levels]
        self.english_weights = list(accumulate(weight for _, weight in english_levels))

    def draw(self) -> dict:
        """{full_name, name_local, languages: {code: level}} for one person."""
        rng = self.rng
        culture = CULTURES[rng.choices(self.culture_names, cum_weights=self.culture_weights)[0]]
        full_name, name_local = culture.name(rng)
        languages = {}
        for position, (code, level) in enumerate(culture.languages):
            # A second mother tongue is spoken by many, not all.
            if position == 0 or rng.random() < 0.6:
                languages[code] = level
        english = rng.choices(self.english_levels, cum_weights=self.english_weights)[0]
        if languages.get("en") != "native":
            languages["en"] = english
        for code, level, probability in self.profile.extra:
            if code not in languages and rng.random() < probability:
                languages[code] = level
        return {"full_name": full_name, "name_local": name_local, "languages": languages}


def email_for(rng, full_name: str, domain: str, taken: set[str]) -> str:
    """first.last@domain, made unique with a number when the address is taken."""
    local = re.sub(r"[^a-z0-9]+", ".", ascii_fold(full_name).lower()).strip(".")
    address = f"{local}@{domain}"
    while address in taken:
        address = f"{local}{rng.randint(2, 999)}@{domain}"
    taken.add(address)
    return address


def agency_domain(member_code: str, acronym: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(acronym).lower()).strip("-") or "agency"
    return f"{slug}.{email_domain_suffix(member_code)}"


@cache
def _numbering(region: str, mobile: bool) -> tuple[int, str, re.Pattern, re.Pattern]:
    """(country code, example national number, general pattern, pattern of the kind)."""
    kind = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
    template = phonenumbers.example_number_for_type(region, kind)
    if template is None:
        template, kind = phonenumbers.example_number(region), PhoneNumberType.FIXED_LINE
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    described = metadata.mobile if kind == PhoneNumberType.MOBILE else metadata.fixed_line
    return (
        template.country_code,
        str(template.national_number),
        re.compile(metadata.general_desc.national_number_pattern),
        re.compile(described.national_number_pattern),
    )


def phone_for(rng, member_code: str, mobile: bool = True) -> str:
    """A valid E.164 number of the member's country, varied from the library's example number.

    Validity is the region's own patterns for the kind of number, matched directly: the
    library's is_valid_number tries every kind in turn and was most of the demo data's cost."""
    country_code, digits, general, described = _numbering(phone_region(member_code), mobile)
    varied = min(5, len(digits) - 3)
    for _ in range(20):
        tail = "".join(rng.choice("0123456789") for _ in range(varied))
        candidate = digits[:-varied] + tail
        if general.fullmatch(candidate) and described.fullmatch(candidate):
            return f"+{country_code}{candidate}"
    return f"+{country_code}{digits}"


def availability_windows(rng, today: date, horizon_days: int = 548) -> list[tuple[date, date]]:
    """0-3 windows within the next 18 months, apart by at least a day so none would merge."""
    count = rng.choices((0, 1, 2, 3), (15, 40, 30, 15))[0]
    windows: list[tuple[date, date]] = []
    cursor = today + timedelta(days=rng.randint(1, 60))
    last_day = today + timedelta(days=horizon_days)
    for _ in range(count):
        start = cursor + timedelta(days=rng.randint(0, 120))
        end = start + timedelta(days=rng.choice((6, 13, 20, 27, 41, 59, 89)))
        if end > last_day:
            break
        windows.append((start, end))
        cursor = end + timedelta(days=rng.randint(2, 45))
    return windows
