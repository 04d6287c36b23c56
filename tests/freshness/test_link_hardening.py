"""Confirmation links: a new one voids the older, requests are throttled, vacant records."""

import pytest
from sqlalchemy import func, select

from roster.extensions import db
from roster.mail.models import MailMessage
from tests.factories import FocalPointFactory
from tests.mail_links import last_mail, link_path


def ask(client, focal_point, headers):
    return client.post(
        f"/api/v1/focal-points/{focal_point.id}/confirmation-requests", headers=headers
    )


@pytest.fixture
def link_limits(app):
    saved = (app.config["LINK_LIMITS_PER_RECORD"], app.config["LINK_LIMITS_PER_USER"])
    app.config.update(LINK_LIMITS_PER_RECORD="2/hour", LINK_LIMITS_PER_USER="3/hour")
    yield
    app.config["LINK_LIMITS_PER_RECORD"], app.config["LINK_LIMITS_PER_USER"] = saved


def test_a_new_link_voids_the_older_one(client, staff_headers):
    focal_point = FocalPointFactory()
    ask(client, focal_point, staff_headers)
    first = link_path(last_mail(), "/confirm/")
    ask(client, focal_point, staff_headers)
    second = link_path(last_mail(), "/confirm/")

    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_stored_confirmation_mail_holds_no_link(client, staff_headers):
    focal_point = FocalPointFactory()
    ask(client, focal_point, staff_headers)
    message = last_mail()
    token = link_path(message, "/confirm/").removeprefix("/confirm/")

    assert token not in message.body and token not in message.sealed_links
    assert focal_point.position in message.body


def test_link_requests_are_throttled_per_record_and_per_user(
    client, make_user, api_token, link_limits
):
    records = [FocalPointFactory() for _ in range(3)]
    staff, other = api_token(make_user("staff")), api_token(make_user("staff"))

    per_record = [ask(client, records[0], staff).status_code for _ in range(3)]
    per_user = [
        ask(client, records[1], staff).status_code,
        ask(client, records[2], staff).status_code,
    ]
    other_record = ask(client, records[2], other)
    refused = ask(client, records[0], other)

    assert per_record == [202, 202, 429]
    assert per_user == [202, 429]
    assert other_record.status_code == 202
    assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
    assert db.session.scalar(select(func.count()).select_from(MailMessage)) == 4


def test_throttled_page_request_says_so(make_user, sign_in, link_limits):
    focal_point = FocalPointFactory()
    client = sign_in(make_user("staff"))
    url = f"/focal-points/{focal_point.id}/confirmation-request"
    for _ in range(2):
        client.post(url)

    response = client.post(url, follow_redirects=True)

    assert "Too many confirmation links" in response.get_data(as_text=True)


def test_vacant_record_offers_no_link_and_refuses_one(make_user, sign_in, staff_headers):
    vacant = FocalPointFactory(holder=False, review_due=None)
    client = sign_in(make_user("staff"))

    due = client.get("/focal-points/due").get_data(as_text=True)
    page = client.post(f"/focal-points/{vacant.id}/confirmation-request", follow_redirects=True)
    api = client.post(
        f"/api/v1/focal-points/{vacant.id}/confirmation-requests", headers=staff_headers
    )

    assert vacant.position in due
    assert f"/focal-points/{vacant.id}/confirmation-request" not in due
    assert page.status_code == 200
    assert "Nobody holds this function" in page.get_data(as_text=True)
    assert api.status_code == 422
