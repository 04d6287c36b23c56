"""Erasure through the API (administrators)."""

from flask import abort

from roster.api.auth import api_user, body_version, json_body, require
from roster.auth.permissions import can_erase_personal_data
from roster.directory.models import FocalPoint
from roster.experts.models import Expert
from roster.extensions import db
from roster.privacy import erasure


def _erase(model, record_id: int, label: str, erase):
    user = api_user()
    record = db.session.get(model, record_id)
    if record is None:
        abort(404, description=f"There is no {label} {record_id}.")
    require(can_erase_personal_data(user))
    erase(user, record, body_version(json_body()))
    db.session.commit()
    return "", 204


def expert_erase(expert_id: int):
    return _erase(Expert, expert_id, "expert", erasure.erase_expert)


def focal_point_erase(focal_point_id: int):
    return _erase(FocalPoint, focal_point_id, "focal point", erasure.erase_focal_point)
