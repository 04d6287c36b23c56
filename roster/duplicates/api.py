"""Duplicate candidates and merging through the API."""

from flask import abort

from roster.api.auth import api_user, body_version, json_body, require
from roster.api.pagination import collection, page_args
from roster.auth.permissions import can_merge_experts
from roster.duplicates import merge, scan
from roster.errors import ValidationFailed
from roster.experts.serializers import expert_to_api
from roster.extensions import db
from roster.validation import parse_id


def duplicate_list():
    require(can_merge_experts(api_user()))
    page, per_page = page_args()
    found = scan.candidates()
    start = (page - 1) * per_page
    items = [candidate.to_api() for candidate in found[start : start + per_page]]
    return collection(items, page, per_page, len(found))


def expert_merge(expert_id: int):
    user = api_user()
    require(can_merge_experts(user))
    body = json_body()
    into_id = parse_id(body.get("into"))
    if into_id is None or isinstance(body.get("into"), str):
        raise ValidationFailed({"into": ["Send the id of the expert to keep."]})
    version = body_version(body)
    try:
        survivor = merge.merge_experts(user, expert_id, into_id, version)
    except merge.Gone:
        abort(404, description=f"There is no expert {expert_id}.")
    db.session.commit()
    return expert_to_api(survivor, user)
