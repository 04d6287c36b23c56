"""Staffing an activity, the stakeholder map and one-click confirmation, in a real Chromium."""

import re
from datetime import date

from playwright.sync_api import expect
from sqlalchemy import select

from roster.activities.models import Assignment
from roster.directory.models import FocalPoint
from roster.extensions import db
from roster.mail.models import MailMessage
from roster.reference.models import ThematicArea
from tests.factories import ActivityFactory, ExpertFactory, FocalPointFactory
from tests.mail_links import link_path as mail_link_path


def test_staff_shortlists_and_confirms_a_ranked_candidate(page, browser_sign_in, make_user):
    activity = ActivityFactory(
        title="Maritime course", thematic_areas=["maritime"], languages=[("th", "working")]
    )
    ExpertFactory(
        full_name="Somchai Jaidee",
        thematic_areas=["maritime"],
        languages=[("th", "native")],
        availability=[(date(2027, 1, 1), date(2027, 6, 30))],
    )
    ExpertFactory(full_name="Not Available", availability=[(date(2027, 3, 9), date(2027, 3, 20))])
    browser_sign_in(make_user("staff"))

    page.goto(f"/activities/{activity.id}")
    expect(page.get_by_text("Somchai Jaidee").first).to_be_visible()
    expect(page.get_by_text("Not Available")).to_have_count(0)
    page.get_by_role("button", name=re.compile("Add to shortlist.*Somchai Jaidee")).click()
    page.get_by_role("button", name=re.compile("Invite.*Somchai Jaidee")).click()
    page.get_by_role("button", name=re.compile("Confirm.*Somchai Jaidee")).click()

    assignment = db.session.scalars(select(Assignment)).one()
    db.session.refresh(assignment)
    assert assignment.status == "confirmed"


def test_map_drills_down_to_the_people_in_a_cell(page, browser_sign_in, make_user):
    focal_point = FocalPointFactory(position="NCP Maritime")
    focal_point.thematic_areas = [
        db.session.scalar(select(ThematicArea).filter_by(code="maritime"))
    ]
    db.session.commit()
    browser_sign_in(make_user("viewer"))

    page.goto("/map")
    expect(page.get_by_role("table").first).to_be_visible()
    page.goto("/map/IDN/maritime")
    expect(page.get_by_text("NCP Maritime")).to_be_visible()


def test_holder_confirms_through_the_mailed_link(page, browser_sign_in, make_user, browser):
    focal_point = FocalPointFactory()
    browser_sign_in(make_user("editor", "IDN"))
    page.goto(f"/focal-points/{focal_point.id}")
    page.get_by_role("button", name="Send confirmation link").click()
    expect(page.get_by_text("A confirmation link was sent")).to_be_visible()

    message = db.session.scalars(select(MailMessage)).one()
    link_path = mail_link_path(message, "/confirm/")
    holder = browser.new_context(base_url=page.context.pages[0].url.split("/focal-points")[0])
    holder_page = holder.new_page()
    try:
        holder_page.goto(link_path)
        holder_page.get_by_role("button", name="Still correct").click()
        expect(holder_page.get_by_text("Your entry is confirmed as correct.")).to_be_visible()
    finally:
        holder.close()
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).verified_at is not None
