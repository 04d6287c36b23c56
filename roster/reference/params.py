"""Search parameters on reference data: thematic areas, languages and a minimum level."""

from sqlalchemy import exists, select

from roster.extensions import db
from roster.reference.languages import LEVELS, is_language_code, levels_at_least
from roster.reference.models import Member, ThematicArea
from roster.search.params import check_codes, values
from roster.validation import FieldErrors


def known_codes(model, codes) -> set[str]:
    """Those of `codes` that `model` (with a `code` column) has."""
    if not codes:
        return set()
    return set(db.session.scalars(select(model.code).where(model.code.in_(codes))))


def parse_thematic_areas(args, errors: FieldErrors) -> tuple[str, ...]:
    codes = values(args, "thematic_area", str.lower)
    known = known_codes(ThematicArea, codes)
    check_codes(
        errors, "thematic_area", codes, known.__contains__, "Unknown thematic area {value!r}."
    )
    return codes


def parse_members(args, errors: FieldErrors) -> tuple[str, ...]:
    codes = values(args, "member", str.upper)
    known = known_codes(Member, codes)
    check_codes(errors, "member", codes, known.__contains__, "Unknown member {value!r}.")
    return codes


def parse_languages(args, errors: FieldErrors) -> dict:
    """{"languages", "min_level"}: a level on its own says nothing, it applies to each
    requested language."""
    languages = values(args, "language", str.lower)
    check_codes(
        errors,
        "language",
        languages,
        is_language_code,
        "Unknown language {value!r}: use ISO 639-1, e.g. en, th, id.",
    )
    min_level = args.get("min_level", "").strip().lower() or None
    if min_level and min_level not in LEVELS:
        errors.add("min_level", f"Use one of: {', '.join(LEVELS)}.")
    return {"languages": languages, "min_level": min_level if languages else None}


def language_clauses(filters, languages, min_level: str | None) -> list[str]:
    """Meilisearch clauses: every language, at `min_level` or above when given (documents
    carry `language_levels`, see languages.language_levels)."""
    if min_level:
        return filters.all_of("language_levels", [f"{code}:{min_level}" for code in languages])
    return filters.all_of("languages", languages)


def has_area(link_table, link_column, owner_id, code: str):
    """SQL: the owner is linked to thematic area `code`."""
    return exists(
        select(1)
        .select_from(link_table.join(ThematicArea))
        .where(link_column == owner_id, ThematicArea.code == code)
    )


def has_language(model, owner_column, owner_id, code: str, min_level: str | None):
    """SQL: the owner has language `code`, at `min_level` or above when given."""
    conditions = [owner_column == owner_id, model.code == code]
    if min_level:
        conditions.append(model.level.in_(levels_at_least(min_level)))
    return exists(select(1).where(*conditions))
