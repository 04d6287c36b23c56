"""What a spreadsheet cell may hold, turned into the API's values: dates as Excel serials or
text, countries and languages by name or code, thematic areas by name or code."""

import re
from datetime import date, datetime, timedelta
from functools import cache

import pycountry
from sqlalchemy import select

from roster.extensions import db
from roster.reference.languages import LEVELS
from roster.reference.models import Member, ThematicArea

EXCEL_EPOCH = date(1899, 12, 30)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y")
RANGE_SEPARATOR = re.compile(
    r"\s+(?:to|until|till|-|\u2013|\u2014)\s+|\s*\.\.\s*|\s*\u2013\s*", re.IGNORECASE
)
LIST_SEPARATOR = re.compile(r"[;,\n]")


def text(value) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_day(value) -> date:
    """A date from an Excel serial number, a date cell, or text in a usual format."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(f"{value} is not a date.")
    raw = str(value).strip()
    if raw.isdigit() and 20_000 <= int(raw) <= 80_000:
        return EXCEL_EPOCH + timedelta(days=int(raw))
    for layout in DATE_FORMATS:
        try:
            return datetime.strptime(raw, layout).date()
        except ValueError:
            continue
    raise ValueError(f"{raw!r} is not a date: write it as YYYY-MM-DD.")


def windows(value) -> list[dict]:
    """ "2027-01-10 to 2027-03-31; 2027-06-01 to 2027-06-30" -> [{"start", "end"}, ...]."""
    found = []
    for part in re.split(r"[;\n]", text(value)):
        if not part.strip():
            continue
        pieces = RANGE_SEPARATOR.split(part.strip(), maxsplit=1)
        if len(pieces) == 1:
            pieces = [pieces[0], pieces[0]]
        start, end = (parse_day(piece) for piece in pieces)
        found.append({"start": start.isoformat(), "end": end.isoformat()})
    return found


@cache
def _language_codes() -> dict[str, str]:
    codes = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if not code:
            continue
        for name in (code, language.alpha_3, language.name, getattr(language, "common_name", "")):
            if name:
                codes.setdefault(name.casefold(), code)
    return codes


def language(name: str) -> str:
    code = _language_codes().get(name.strip().casefold())
    if code is None:
        raise ValueError(f"Unknown language {name.strip()!r}: use its name or ISO 639-1 code.")
    return code


def languages(value) -> list[dict]:
    """ "Thai (native); English (fluent)" or "th:native, en:fluent" -> [{"code", "level"}]."""
    found = []
    for item in LIST_SEPARATOR.split(text(value)):
        item = item.strip()
        if not item:
            continue
        match = re.match(r"^(.+?)\s*(?:\(\s*(\w+)\s*\)|[:\-\u2013]\s*(\w+)|\s+(\w+))$", item)
        if not match:
            raise ValueError(f"Give {item!r} a level: {', '.join(LEVELS)}.")
        level = next(group for group in match.groups()[1:] if group).casefold()
        if level not in LEVELS:
            raise ValueError(
                f"The level of {match.group(1)!r} must be one of: {', '.join(LEVELS)}."
            )
        found.append({"code": language(match.group(1)), "level": level})
    return found


def country(value) -> str:
    """A country by name or code (alpha-2 or alpha-3) -> alpha-3."""
    raw = text(value)
    if not raw:
        return ""
    code = _country_code(raw.casefold())
    if code is None:
        raise ValueError(f"Unknown country {raw!r}: use its name or ISO code.")
    return code


@cache
def _country_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


class References:
    """Thematic areas and members, read once per import."""

    def __init__(self) -> None:
        self.areas: dict[str, str] = {}
        for area in db.session.scalars(select(ThematicArea)):
            self.areas[area.code.casefold()] = area.code
            self.areas[area.name.casefold()] = area.code
        self.members: dict[str, Member] = {}
        for member in db.session.scalars(select(Member)):
            self.members[member.code.casefold()] = member
            self.members[member.name.casefold()] = member

    def thematic_areas(self, value) -> list[str]:
        codes = []
        for item in LIST_SEPARATOR.split(text(value)):
            if not item.strip():
                continue
            code = self.areas.get(item.strip().casefold())
            if code is None:
                raise ValueError(f"Unknown thematic area {item.strip()!r}.")
            codes.append(code)
        return list(dict.fromkeys(codes))

    def member(self, value) -> Member:
        raw = text(value)
        member = self.members.get(raw.casefold())
        if member is None and raw:
            member = self.members.get((_country_code(raw.casefold()) or "").casefold())
        if member is None:
            raise ValueError(f"Unknown member {raw!r}: use its name or code, e.g. THA or IOM.")
        return member
