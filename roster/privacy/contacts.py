"""Finding people by their contact details without revealing hidden ones.

A search whose query is an email address or a phone number (digits in any grouping, with the
country code or in the national format) looks the value up among the contact details the
caller may see, by exact key, instead of matching text. Free text never reaches a hidden
detail either: the index keeps every contact detail apart from the visible ones, and only
the office's searches read that part (see roster.search).
"""

import re
from dataclasses import dataclass

import phonenumbers
from flask import g, has_request_context
from flask_login import current_user
from sqlalchemy import false, or_

from roster.auth.permissions import is_rso
from roster.privacy.policy import visibility_of

EMAIL_QUERY = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_QUERY = re.compile(r"^\+?[\d\s().\-/]+$")
# Fewer digits than this are a year or a code, not a phone number.
MIN_PHONE_DIGITS = 6
# The filterable lookup keys of a document: those every signed-in user may reach, and all.
CONTACT_KEYS = ("contact_keys_public", "contact_keys_staff")


@dataclass(frozen=True)
class ContactScope:
    """Whose hidden contact details a search may reach: everyone's (the office), those of the
    focal points of `member_codes` (their editors), or nobody's (the default)."""

    everything: bool = False
    member_codes: tuple[str, ...] = ()


NO_HIDDEN_CONTACTS = ContactScope()


def contact_scope(viewer, kind: str) -> ContactScope:
    """The scope of `viewer`'s searches of experts or focal points (`kind`)."""
    if is_rso(viewer):
        return ContactScope(everything=True)
    member = getattr(viewer, "member", None) if getattr(viewer, "role", "") == "editor" else None
    if kind == "focal_point" and member is not None and viewer.is_active:
        return ContactScope(member_codes=(member.code,))
    return NO_HIDDEN_CONTACTS


def current_viewer():
    """Who is searching: the API token's user, else the signed-in user; None outside requests."""
    if not has_request_context():
        return None
    return g.get("api_user") or current_user


def search_text(search) -> str:
    """The words a search matches as text: none when its query is a contact lookup."""
    return "" if query_key(search.q) else search.q


def lookup_clause(filters, key: str, scope: ContactScope) -> str:
    """The Meilisearch filter finding `key` among the contact keys `scope` reaches."""
    public = filters.equals("contact_keys_public", key)
    every = filters.equals("contact_keys_staff", key)
    if scope.everything:
        return every
    if scope.member_codes:
        members = " OR ".join(filters.equals("member", code) for code in scope.member_codes)
        return f"{public} OR (({members}) AND {every})"
    return public


def phone_is(column, key: str):
    """SQL: the stored E.164 number has these digits, international or after a trunk 0."""
    if "@" in key:
        return false()
    national = [column.like("+" + "_" * size + key[1:]) for size in (1, 2, 3)]
    return or_(column == "+" + key, *(national if key.startswith("0") else []))


def email_key(email: str) -> str:
    return email.strip().lower()


def phone_keys(phone: str) -> list[str]:
    """The digits of a stored (E.164) number, internationally and with a national trunk 0."""
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return []
    try:
        national = phonenumbers.national_significant_number(phonenumbers.parse(phone))
    except phonenumbers.NumberParseException:
        return [digits]
    return list(dict.fromkeys([digits, "0" + national]))


def query_key(q: str) -> str | None:
    """The lookup key of a query that is an email or a phone number, else None."""
    text = q.strip()
    if EMAIL_QUERY.match(text):
        return email_key(text)
    if PHONE_QUERY.match(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) >= MIN_PHONE_DIGITS:
            return digits
    return None


def index_fields(kind: str, record, email: str, phone: str, shared: str = "") -> dict:
    """The contact attributes of one record's search document: emails as text and lookup keys,
    each both as every signed-in user may see them (`*_public`) and in full (`*_staff`).
    `shared` is a function's mailbox, visible to all."""
    visibility = visibility_of(kind, record)
    texts = {"public": [shared] if shared else [], "staff": [shared] if shared else []}
    keys = {"public": [email_key(shared)] if shared else [], "staff": []}
    keys["staff"] = list(keys["public"])
    for field, value, field_keys in (
        ("email", email, [email_key(email)] if email else []),
        ("phone", phone, phone_keys(phone) if phone else []),
    ):
        keys["staff"] += field_keys
        if visibility[field] == "all":
            keys["public"] += field_keys
        if field == "email" and value:
            texts["staff"].append(value)
            if visibility[field] == "all":
                texts["public"].append(value)
    return {
        "contact_public": texts["public"],
        "contact_staff": texts["staff"],
        "contact_keys_public": list(dict.fromkeys(keys["public"])),
        "contact_keys_staff": list(dict.fromkeys(keys["staff"])),
    }
