from flask import abort, url_for

from roster.api.auth import api_user, json_body, require
from roster.auth.permissions import can_send_mailings
from roster.extensions import db
from roster.mailings import operations
from roster.mailings.models import Mailing
from roster.mailings.serializers import mailing_to_api


def mailing_create():
    user = api_user()
    require(can_send_mailings(user))
    mailing = operations.create_mailing(user, json_body())
    db.session.commit()
    location = url_for("mailings_api.mailing_detail", mailing_id=mailing.id)
    body = {"id": mailing.id, "recipients": mailing.recipient_count, "status": mailing.status}
    return body, 201, {"Location": location}


def mailing_preview():
    require(can_send_mailings(api_user()))
    return operations.preview(json_body())


def mailing_detail(mailing_id: int):
    user = api_user()
    mailing = db.session.get(Mailing, mailing_id)
    if mailing is None:
        abort(404, description=f"There is no mailing {mailing_id}.")
    require(can_send_mailings(user))
    return mailing_to_api(mailing, operations.counts(mailing))
