"""Who a mailing goes to: an expert or focal point search, and the fields merged per person."""

import re

from sqlalchemy import and_, func, select
from werkzeug.datastructures import MultiDict

from roster.directory.models import FocalPoint, FocalPointHolder
from roster.directory.queries import focal_point_records
from roster.directory.serializers import focal_point_to_api
from roster.errors import ValidationFailed
from roster.experts.models import Expert
from roster.experts.queries import expert_records
from roster.experts.serializers import expert_to_api
from roster.extensions import db
from roster.privacy.policy import MAIL_DELIVERY
from roster.reference.countries import country_names
from roster.reference.models import Member
from roster.search import definition, engine, fallback
from roster.search.queries import parse, search

PARAMETERS = {
    "experts": (
        "q",
        "thematic_area",
        "language",
        "min_level",
        "nationality",
        "available_from",
        "available_to",
    ),
    "focal_points": ("q", "member", "thematic_area", "language", "min_level", "freshness"),
}
MERGE_FIELDS = ("full_name", "position", "member", "agency")
MERGE_FIELD = re.compile(r"\{([A-Za-z_]+)\}")
# Most audiences come in one page; facets are counted on each page asked for.
SEARCH_PAGE = 10_000


def unknown_merge_fields(text: str) -> list[str]:
    return sorted({name for name in MERGE_FIELD.findall(text) if name not in MERGE_FIELDS})


def merge(text: str, fields: dict[str, str]) -> str:
    """`text` with each {field} replaced by the recipient's value (plain replacement: a
    recipient's own text is never read as a template)."""
    return MERGE_FIELD.sub(
        lambda match: (
            fields.get(match.group(1), match.group(0))
            if match.group(1) in MERGE_FIELDS
            else match.group(0)
        ),
        text,
    )


def parse_audience(audience) -> tuple[str, dict, object]:
    """(kind, parameters, parsed search) of {"experts": {...}} or {"focal_points": {...}}."""
    if not isinstance(audience, dict) or len(audience) != 1:
        raise ValidationFailed(
            {"audience": ['Send {"focal_points": {search parameters}} or {"experts": {...}}.']}
        )
    ((kind, parameters),) = audience.items()
    if kind not in PARAMETERS or not isinstance(parameters, dict):
        raise ValidationFailed(
            {"audience": ['Send {"focal_points": {search parameters}} or {"experts": {...}}.']}
        )
    unknown = sorted(set(parameters) - set(PARAMETERS[kind]))
    if unknown:
        allowed = ", ".join(PARAMETERS[kind])
        raise ValidationFailed(
            {"audience": [f"Unknown search parameter {name!r}: use {allowed}." for name in unknown]}
        )
    args = MultiDict()
    for name, value in parameters.items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str | int) or isinstance(item, bool):
                raise ValidationFailed({f"audience.{name}": ["Use text, or a list of texts."]})
            args.add(name, str(item))
    try:
        wanted = parse(kind, args)
    except ValidationFailed as error:
        raise ValidationFailed(
            {f"audience.{name}": messages for name, messages in error.errors.items()}
        ) from None
    return kind, parameters, wanted


def matching_ids(kind: str, wanted) -> list[int]:
    """Every record matching the search: from Meilisearch page by page, or, while it is down,
    straight from the database's equivalent conditions (no facets are needed here)."""
    if engine.search_health() != "ok":
        model = Expert if kind == "experts" else FocalPoint
        where = fallback.conditions(definition.get(kind), wanted)
        return list(db.session.scalars(select(model.id).where(*where).order_by(model.id)))
    ids: list[int] = []
    page = 1
    while True:
        result = search(kind, wanted, page, SEARCH_PAGE, highlight=False, viewer_is_staff=True)
        ids.extend(result.ids)
        if not result.ids or len(ids) >= result.total:
            return ids
        page += 1


def names(kind: str, ids: list[int]) -> dict[int, str]:
    """Record id -> the name shown in the mailing's progress (never the address)."""
    if kind == "experts":
        statement = select(Expert.id, Expert.full_name).where(Expert.id.in_(ids))
    else:
        statement = (
            select(FocalPoint.id, func.coalesce(FocalPointHolder.full_name, FocalPoint.position))
            .outerjoin(
                FocalPointHolder,
                and_(
                    FocalPointHolder.focal_point_id == FocalPoint.id,
                    FocalPointHolder.ended_on.is_(None),
                ),
            )
            .where(FocalPoint.id.in_(ids))
        )
    return dict(db.session.execute(statement).all())


def recipients(kind: str, ids: list[int]) -> dict[int, tuple[str, dict[str, str]]]:
    """Record id -> (address, merge fields) of those of `ids` that still exist, read through the
    serializers, as every outgoing copy of a record is."""
    members = dict(db.session.execute(select(Member.code, Member.name)).all())
    found = {}
    if kind == "experts":
        countries = country_names()
        for record in expert_records(Expert.id.in_(ids)):
            expert = expert_to_api(record, MAIL_DELIVERY)
            nationality = expert["nationality"] or ""
            found[expert["id"]] = (
                expert["email"] or "",
                {
                    "full_name": expert["full_name"],
                    "position": expert["position"],
                    "member": members.get(nationality) or countries.get(nationality, ""),
                    "agency": expert["organisation"],
                },
            )
        return found
    for record in focal_point_records(FocalPoint.id.in_(ids)):
        focal_point = focal_point_to_api(record, MAIL_DELIVERY)
        found[focal_point["id"]] = (
            focal_point["email"] or focal_point["shared_mailbox"] or "",
            {
                "full_name": focal_point["full_name"] or "colleague",
                "position": focal_point["position"],
                "member": members.get(focal_point["member"], focal_point["member"]),
                "agency": focal_point["agency"],
            },
        )
    return found
