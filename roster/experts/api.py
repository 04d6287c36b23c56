"""The roster of experts through the API."""

from flask import abort, request, url_for

from roster.api.auth import api_user, body_version, json_body, require
from roster.api.pagination import collection, page_args
from roster.auth.permissions import can_manage_experts, can_read_directory, is_rso
from roster.experts import operations, queries
from roster.experts.models import Expert
from roster.experts.serializers import expert_to_api
from roster.exports.api import experts_file, requested_format
from roster.extensions import db
from roster.privacy.reads import api_collection_read, api_read
from roster.search import queries as search


def _load(expert_id: int) -> Expert:
    expert = queries.get_expert(expert_id)
    if expert is None:
        abort(404, description=f"There is no expert {expert_id}.")
    return expert


def expert_list():
    user = api_user()
    require(can_read_directory(user))
    answer_format = requested_format("experts")
    if answer_format != "json":
        return experts_file(user, answer_format)
    page, per_page = page_args()
    wanted = search.parse("experts", request.args)
    result = search.search(
        "experts", wanted, page, per_page, highlight=False, viewer_is_staff=is_rso(user)
    )
    # Plain rows: a page of search results is only shown, and mapped instances cost more.
    experts = queries.expert_records_in_order(result.ids)
    api_collection_read(user, "expert", request.args, len(experts), result.total)
    return collection(
        [expert_to_api(expert, user) for expert in experts],
        page,
        per_page,
        result.total,
        meta={"engine": result.engine},
        facets=result.facets,
    )


def expert_create():
    user = api_user()
    require(can_manage_experts(user))
    expert = operations.create_expert(user, json_body())
    db.session.commit()
    location = url_for("experts_api.expert_detail", expert_id=expert.id)
    return expert_to_api(expert, user), 201, {"Location": location}


def expert_detail(expert_id: int):
    user = api_user()
    expert = _load(expert_id)
    require(can_read_directory(user))
    api_read(user, "expert", expert.id)
    return expert_to_api(expert, user)


def expert_update(expert_id: int):
    user = api_user()
    expert = _load(expert_id)
    require(can_manage_experts(user))
    data = json_body()
    operations.update_expert(user, expert, data, body_version(data))
    db.session.commit()
    return expert_to_api(expert, user)


def expert_delete(expert_id: int):
    user = api_user()
    expert = _load(expert_id)
    require(can_manage_experts(user))
    operations.delete_expert(user, expert)
    db.session.commit()
    return "", 204
