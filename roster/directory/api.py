"""Focal points and agencies through the JSON API."""

from flask import abort, request, url_for

from roster.api.auth import api_user, body_version, json_body, require
from roster.api.pagination import collection, page_args, paginate_query
from roster.auth.permissions import (
    can_create_focal_points,
    can_edit_focal_point,
    can_edit_member_records,
    can_read_directory,
    editable_member_ids,
    is_rso,
)
from roster.directory import operations, queries
from roster.directory.models import FocalPoint
from roster.directory.serializers import agency_to_api, focal_point_to_api, holder_to_api
from roster.errors import ValidationFailed
from roster.exports.api import focal_points_file, requested_format
from roster.extensions import db
from roster.freshness.operations import due_facets, due_statement
from roster.privacy.reads import api_collection_read, api_read
from roster.search import queries as search


def _handover_flag(body: dict) -> bool:
    value = body.get("handover", False)
    if not isinstance(value, bool):
        raise ValidationFailed({"handover": ["Must be true or false."]})
    return value


def _load_focal_point(focal_point_id: int) -> FocalPoint:
    focal_point = db.session.get(FocalPoint, focal_point_id)
    if focal_point is None:
        abort(404, description=f"There is no focal point {focal_point_id}.")
    return focal_point


def focal_point_list():
    user = api_user()
    require(can_read_directory(user))
    answer_format = requested_format("focal_points")
    if answer_format != "json":
        return focal_points_file(user, answer_format)
    page, per_page = page_args()
    if "review" in request.args:
        return _due_for_review(user, page, per_page)
    wanted = search.parse("focal_points", request.args)
    result = search.search(
        "focal_points", wanted, page, per_page, highlight=False, viewer_is_staff=is_rso(user)
    )
    # Plain rows: a page of search results is only shown, and mapped instances cost more.
    focal_points = queries.focal_point_records_in_order(result.ids)
    api_collection_read(user, "focal_point", request.args, len(focal_points), result.total)
    return collection(
        [focal_point_to_api(fp, user) for fp in focal_points],
        page,
        per_page,
        result.total,
        meta={"engine": result.engine},
        facets=result.facets,
    )


def _due_for_review(user, page: int, per_page: int):
    """`?review=due`: records due or overdue, limited to the members the user looks after."""
    if request.args["review"] != "due":
        raise ValidationFailed({"review": ['The only value is "due".']})
    member_ids = editable_member_ids(user)
    require(member_ids != [])
    codes = [code.strip().upper() for code in request.args.getlist("member") if code.strip()]
    if codes:
        wanted = [member.id for member in queries.members_by_codes(codes)]
        member_ids = [m for m in wanted if member_ids is None or m in member_ids]
    focal_points, total = paginate_query(due_statement(member_ids), page, per_page)
    api_collection_read(user, "focal_point", request.args, len(focal_points), total)
    return collection(
        [focal_point_to_api(fp, user) for fp in focal_points],
        page,
        per_page,
        total,
        meta={"engine": "database"},
        facets=due_facets(member_ids),
    )


def focal_point_create():
    user = api_user()
    require(can_create_focal_points(user))
    body = json_body()
    member = operations.find_member(body.get("member"))
    if member is None:
        raise ValidationFailed({"member": ["Unknown member code."]})
    require(can_edit_member_records(user, member.id))
    focal_point = operations.create_focal_point(user, member, body)
    db.session.commit()
    location = url_for("directory_api.focal_point_detail", focal_point_id=focal_point.id)
    return focal_point_to_api(focal_point, user), 201, {"Location": location}


def focal_point_detail(focal_point_id: int):
    user = api_user()
    focal_point = _load_focal_point(focal_point_id)
    require(can_read_directory(user))
    api_read(user, "focal_point", focal_point.id)
    return focal_point_to_api(focal_point, user)


def focal_point_update(focal_point_id: int):
    user = api_user()
    focal_point = _load_focal_point(focal_point_id)
    require(can_edit_focal_point(user, focal_point))
    body = json_body()
    if "member" in body and str(body["member"]).strip().upper() != focal_point.member.code:
        raise ValidationFailed(
            {"member": ["A focal point stays with its member: create one in the other member."]}
        )
    version = body_version(body)
    operations.update_focal_point(user, focal_point, body, version, _handover_flag(body))
    db.session.commit()
    return focal_point_to_api(focal_point, user)


def focal_point_delete(focal_point_id: int):
    user = api_user()
    focal_point = _load_focal_point(focal_point_id)
    require(can_edit_focal_point(user, focal_point))
    operations.delete_focal_point(user, focal_point)
    db.session.commit()
    return "", 204


def focal_point_history(focal_point_id: int):
    user = api_user()
    focal_point = _load_focal_point(focal_point_id)
    require(can_read_directory(user))
    holders = focal_point.holders
    api_read(user, "focal_point", focal_point.id)
    return collection(
        [holder_to_api(holder, user) for holder in holders], 1, max(1, len(holders)), len(holders)
    )


def agency_list():
    require(can_read_directory(api_user()))
    page, per_page = page_args(default_per_page=100)
    member = request.args.get("member")
    agencies, total = paginate_query(queries.agencies_statement(member), page, per_page)
    return collection([agency_to_api(agency) for agency in agencies], page, per_page, total)
