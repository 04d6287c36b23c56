"""Parsing the parameters every search shares (`q`, `sort`) and helpers for the rest."""

from roster.validation import FieldErrors, clean_text

SORTS = ("relevance", "name", "updated_at")
MAX_QUERY_LENGTH = 200


def values(args, name: str, normalise) -> tuple[str, ...]:
    """Repeated parameter values, normalised, blanks dropped, first occurrence kept."""
    found = (normalise(value.strip()) for value in args.getlist(name))
    return tuple(dict.fromkeys(value for value in found if value))


def check_codes(errors: FieldErrors, name: str, codes, is_known, message: str) -> None:
    """An error on `name` for each code `is_known` refuses (`message` may use {value})."""
    for code in codes:
        if not is_known(code):
            errors.add(name, message.format(value=code))


def choices(errors: FieldErrors, args, name: str, allowed) -> tuple[str, ...]:
    """Repeated values of `name`, each one of `allowed`."""
    found = values(args, name, str.lower)
    check_codes(
        errors,
        name,
        found,
        allowed.__contains__,
        "Unknown " + name + " {value!r}: use " + ", ".join(allowed) + ".",
    )
    return found


def parse_common(args, errors: FieldErrors, sorts=SORTS) -> dict:
    """{"q", "sort"} from the query string; problems go into `errors`."""
    q = errors.clean("q", clean_text, args.get("q", ""), MAX_QUERY_LENGTH) or ""
    sort = args.get("sort", "").strip() or sorts[0]
    if sort not in sorts:
        errors.add("sort", f"Use one of: {', '.join(sorts)}.")
    return {"q": q, "sort": sort}
