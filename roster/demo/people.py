"""One synthetic person at a time: name, email, phone, languages, availability."""

import re
from datetime import date, timedelta
from functools import cache

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

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
        self.culture_weights = [weight for _, weight in cultures]

    def draw(self) -> dict:
        """{full_name, name_local, languages: {code: level}} for one person."""
        rng = self.rng
        culture = CULTURES[rng.choices(self.culture_names, self.culture_weights)[0]]
        full_name, name_local = culture.name(rng)
        languages = {}
        for position, (code, level) in enumerate(culture.languages):
            # A second mother tongue is spoken by many, not all.
            if position == 0 or rng.random() < 0.6:
                languages[code] = level
        english_levels = ENGLISH[self.profile.english]
        english = rng.choices(
            [level for level, _ in english_levels], [weight for _, weight in english_levels]
        )[0]
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
def _template(region: str, kind: int) -> phonenumbers.PhoneNumber:
    number = phonenumbers.example_number_for_type(region, kind)
    return number or phonenumbers.example_number(region)


def phone_for(rng, member_code: str, mobile: bool = True) -> str:
    """A valid E.164 number of the member's country, varied from the library's example number."""
    region = phone_region(member_code)
    template = _template(region, PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE)
    digits = str(template.national_number)
    varied = min(5, len(digits) - 3)
    for _ in range(20):
        tail = "".join(rng.choice("0123456789") for _ in range(varied))
        candidate = phonenumbers.PhoneNumber(
            country_code=template.country_code, national_number=int(digits[:-varied] + tail)
        )
        if phonenumbers.is_valid_number(candidate):
            return phonenumbers.format_number(candidate, PhoneNumberFormat.E164)
    return phonenumbers.format_number(template, PhoneNumberFormat.E164)


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
