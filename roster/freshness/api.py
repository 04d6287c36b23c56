from flask import abort

from roster.api.auth import api_user, json_body, require
from roster.auth.permissions import can_record_bounces, can_review_focal_points
from roster.directory.models import FocalPoint
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.freshness import bounces, nominations, operations


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


def create_bounce():
    user = api_user()
    require(can_record_bounces(user))
    try:
        address = bounces.clean_bounce_address(json_body().get("email"))
    except ValueError as error:
        raise ValidationFailed({"email": [str(error)]}) from None
    flagged = bounces.record_bounce(user, address)
    db.session.commit()
    return {"email": address, "focal_points": flagged}, 202


def create_nomination_request(focal_point_id: int):
    user = api_user()
    focal_point = db.session.get(FocalPoint, focal_point_id)
    if focal_point is None:
        abort(404, description=f"There is no focal point {focal_point_id}.")
    require(can_review_focal_points(user, focal_point.member_id))
    nomination = nominations.request_nomination(focal_point)
    db.session.commit()
    return {"sent_to": nomination.sent_to}, 202
