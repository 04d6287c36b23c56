from flask import abort

from roster.api.auth import api_user, require
from roster.auth.permissions import can_review_focal_points
from roster.directory.models import FocalPoint
from roster.extensions import db
from roster.freshness import operations


def create_confirmation_request(focal_point_id: int):
    user = api_user()
    focal_point = db.session.get(FocalPoint, focal_point_id)
    if focal_point is None:
        abort(404, description=f"There is no focal point {focal_point_id}.")
    require(can_review_focal_points(user, focal_point.member_id))
    operations.check_link_limits(user, focal_point)
    confirmation = operations.request_confirmation(focal_point)
    db.session.commit()
    return {"sent_to": confirmation.sent_to}, 202
