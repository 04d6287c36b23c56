"""Collections as {"items", "_meta", "_links"}, paged in a stable order."""

from flask import abort, request
from sqlalchemy import func, select

from roster.errors import ValidationFailed
from roster.extensions import db
from roster.urls import current_url_with

MAX_PER_PAGE = 100
# Beyond this, offsets overflow 64-bit integers in the database.
MAX_PAGE = 1_000_000


def parse_page_number(raw: str | None, maximum: int = MAX_PAGE) -> int | None:
    """The one reading of `page` and `per_page`: ASCII digits only (no sign, space or
    underscore, which int() would take), from 1 to `maximum`; None for anything else."""
    if raw is None or not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(maximum)):
        return None
    value = int(raw)
    return value if 1 <= value <= maximum else None


def page_args(default_per_page: int = 20) -> tuple[int, int]:
    """`page` and `per_page` of an API request; 422 when either is not a valid number."""
    errors = {}
    values = {}
    for name, default, maximum in (
        ("page", 1, MAX_PAGE),
        ("per_page", default_per_page, MAX_PER_PAGE),
    ):
        values[name] = parse_page_number(request.args.get(name, str(default)), maximum)
        if values[name] is None:
            errors[name] = [f"Must be a whole number from 1 to {maximum}."]
    if errors:
        raise ValidationFailed(errors)
    return values["page"], values["per_page"]


def page_number() -> int:
    """`page` of a web page's request; 404 (there is no such page) when it is not valid."""
    page = parse_page_number(request.args.get("page", "1"))
    if page is None:
        abort(404, description="There is no such page.")
    return page


def links(page: int, per_page: int, total: int) -> dict:
    def url(target_page: int) -> str:
        return current_url_with(page=target_page, per_page=per_page)

    last = max(1, -(-total // per_page))
    return {
        "self": url(page),
        "next": url(page + 1) if page < last else None,
        "prev": url(page - 1) if page > 1 else None,
    }


def collection(
    items: list[dict], page: int, per_page: int, total: int, meta: dict | None = None, **extra
) -> dict:
    body = {
        "items": items,
        "_meta": {"page": page, "per_page": per_page, "total": total, **(meta or {})},
        "_links": links(page, per_page, total),
    }
    body.update(extra)
    return body


def paginate_query(statement, page: int, per_page: int) -> tuple[list, int]:
    """Run `statement` (already ordered) for one page; return (rows, total)."""
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    rows = db.session.scalars(statement.limit(per_page).offset((page - 1) * per_page)).all()
    return list(rows), total
