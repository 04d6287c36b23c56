"""Field cleaners shared by the pages and the API: each returns the clean value or raises
ValueError with the message shown to the user."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select

from roster.errors import ValidationFailed
from roster.extensions import db
from roster.reference.countries import is_country_code
from roster.reference.languages import LEVELS, is_language_code
from roster.reference.models import ThematicArea

# Ids and versions are 32-bit integer columns on PostgreSQL.
MAX_ID = 2**31 - 1
# Far beyond any real record; keeps one request from becoming a huge query.
MAX_ITEMS = 100


def parse_id(value) -> int | None:
    """A positive id or version from JSON (a number) or a form (ASCII digits); None otherwise."""
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdigit()) or len(value) > 10:
            return None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        return None
    return value


class FieldErrors:
    """Collects {field: [messages]} while cleaning, then raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def clean(self, field: str, cleaner, *args, **kwargs):
        try:
            return cleaner(*args, **kwargs)
        except ValueError as error:
            self.add(field, str(error))
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


def _check_length(items: list) -> None:
    if len(items) > MAX_ITEMS:
        raise ValueError(f"Send at most {MAX_ITEMS} items.")


# Control characters, and the Unicode line and paragraph separators. Format characters (such as
# the zero-width joiner that Sinhala and Khmer names need) are not among them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The same, less tab, line feed and carriage return.
_CONTROL_IN_PARAGRAPHS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def clean_text(value, max_length: int, required: bool = False, multiline: bool = False) -> str:
    """Trimmed text; single-line unless `multiline` (names, positions, subjects never hold a
    line break: it would end up in mail headers, CSV rows and vCards)."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError("Must be text.")
    value = value.strip()
    if (_CONTROL_IN_PARAGRAPHS if multiline else _CONTROL).search(value):
        raise ValueError(
            "Remove the control characters."
            if multiline
            else "Use one line, without line breaks, tabs or control characters."
        )
    if required and not value:
        raise ValueError("This field is required.")
    if len(value) > max_length:
        raise ValueError(f"Use at most {max_length} characters.")
    return value


def clean_email(value, required: bool = False) -> str:
    value = clean_text(value, 254, required=required)
    if not value:
        return ""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(f"Not a valid email address: {error}") from None


def clean_phone(value, region: str | None = None) -> str:
    """Parse a phone number and return it in E.164; `region` (alpha-2) for national formats."""
    value = clean_text(value, 40)
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise ValueError(
            "Not a phone number: write it with the country code, e.g. +66 2 123 4567."
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("This phone number does not exist: check the digits and country code.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clean_country(value, required: bool = False) -> str:
    value = clean_text(value, 3, required=required).upper()
    if value and not is_country_code(value):
        raise ValueError("Use an ISO 3166-1 alpha-3 country code, e.g. THA.")
    return value


def clean_languages(items) -> list[tuple[str, str]]:
    """[{"code": "th", "level": "native"}, ...] -> [("th", "native"), ...]."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValueError('Send a list of {"code", "level"} objects.')
    _check_length(items)
    cleaned: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            raise ValueError('Each language is an object {"code", "level"}.')
        code = str(item.get("code") or "").strip().lower()
        level = str(item.get("level") or "").strip().lower()
        if not is_language_code(code):
            raise ValueError(f"Unknown language code {code!r}: use ISO 639-1, e.g. en, th, id.")
        if level not in LEVELS:
            raise ValueError(f"Level of {code!r} must be one of: {', '.join(LEVELS)}.")
        if code in cleaned:
            raise ValueError(f"Language {code!r} is listed twice.")
        cleaned[code] = level
    return sorted(cleaned.items())


_known_areas: ContextVar[dict[str, ThematicArea] | None] = ContextVar("known_areas", default=None)


@contextmanager
def thematic_areas_read_once() -> Iterator[None]:
    """Within the block, thematic areas are read from the database once, not per record: for
    work that cleans thousands of records at a time (imports)."""
    areas = {area.code: area for area in db.session.scalars(select(ThematicArea))}
    token = _known_areas.set(areas)
    try:
        yield
    finally:
        _known_areas.reset(token)


def clean_thematic_areas(codes) -> list[ThematicArea]:
    if codes is None:
        return []
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise ValueError("Send a list of thematic area codes.")
    _check_length(codes)
    wanted = sorted(set(codes))
    known = _known_areas.get()
    if known is not None:
        areas = [known[code] for code in wanted if code in known]
    else:
        areas = db.session.scalars(select(ThematicArea).where(ThematicArea.code.in_(wanted))).all()
    unknown = set(wanted) - {area.code for area in areas}
    if unknown:
        raise ValueError(f"Unknown thematic area: {', '.join(sorted(unknown))}.")
    return sorted(areas, key=lambda area: area.position)


def clean_date(value, required: bool = True) -> date | None:
    if isinstance(value, date):
        return value
    if value in (None, ""):
        if required:
            raise ValueError("A date is required.")
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError("Use a date as YYYY-MM-DD.") from None


def clean_windows(items) -> list[tuple[date, date]]:
    """Availability windows, validated and merged where they overlap or touch."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValueError('Send a list of {"start", "end"} objects.')
    _check_length(items)
    windows = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError('Each window is an object {"start", "end"}.')
        start = clean_date(item.get("start"))
        end = clean_date(item.get("end"))
        if end < start:
            raise ValueError(f"The window {start} to {end} ends before it starts.")
        windows.append((start, end))
    return merge_windows(windows)


def merge_windows(windows: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Merge windows that overlap or touch (one ends the day before the other starts)."""
    merged: list[tuple[date, date]] = []
    for start, end in sorted(windows):
        if merged and start.toordinal() <= merged[-1][1].toordinal() + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def clean_version(value) -> int:
    if isinstance(value, str) or parse_id(value) is None:
        raise ValueError("Send the record's current version (a whole number).")
    return value
