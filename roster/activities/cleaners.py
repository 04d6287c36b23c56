"""Field cleaners of activity data beyond the shared ones in roster.validation: each returns
the clean value or raises ValueError with the message shown to the user."""

from sqlalchemy import select

from roster.extensions import db
from roster.reference.models import Member
from roster.validation import parse_id


def clean_choice(value, choices: dict) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"Choose one of: {', '.join(choices)}.")
    return value


def clean_whole_number(value, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"Use a whole number from {low} to {high}.")
    return value


def clean_boolean(value) -> bool:
    if not isinstance(value, bool):
        raise ValueError("Must be true or false.")
    return value


def clean_rating(value) -> int | None:
    """1 to 5, or None to clear it."""
    return None if value is None else clean_whole_number(value, 1, 5)


def clean_member(code, required: bool = False) -> Member | None:
    """The member with this code; None when blank and not required."""
    if code in (None, ""):
        if required:
            raise ValueError("Choose a member.")
        return None
    if not isinstance(code, str):
        raise ValueError("Send a member code, e.g. THA.")
    member = db.session.scalar(select(Member).where(Member.code == code.strip().upper()))
    if member is None:
        raise ValueError(f"Unknown member code {code!r}.")
    return member


def clean_id(value, what: str) -> int:
    """A record id, as a JSON number or the digits a form posts."""
    record_id = parse_id(value)
    if record_id is None:
        raise ValueError(f"Send the id of {what} (a whole number).")
    return record_id
