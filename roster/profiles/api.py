from flask import abort

from roster.api.auth import api_user, require
from roster.auth.permissions import can_manage_experts
from roster.experts.models import Expert
from roster.extensions import db
from roster.profiles import operations


def create_profile_request(expert_id: int):
    user = api_user()
    expert = db.session.get(Expert, expert_id)
    if expert is None:
        abort(404, description=f"There is no expert {expert_id}.")
    require(can_manage_experts(user))
    profile_request = operations.request_profile_update(expert)
    db.session.commit()
    return {"sent_to": profile_request.sent_to}, 202
