"""Reaching people, in a real Chromium: an expert's own update through the link; a mailing."""

from playwright.sync_api import expect

from roster.experts.models import Expert
from roster.extensions import db
from roster.mailings.operations import send_mailings
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory, member
from tests.links import last_mail
from tests.mail_links import link_paths


def test_expert_updates_availability_through_the_link(
    page, browser, live_server, browser_sign_in, make_user
):
    expert = ExpertFactory(full_name="Malee Srisuk", email="malee@example.org")
    browser_sign_in(make_user("staff"))
    page.goto(f"/experts/{expert.id}")
    page.get_by_role("button", name="Send a link to update the profile").click()
    expect(
        page.get_by_text("A link to update the profile was sent to malee@example.org.")
    ).to_be_visible()
    (path,) = link_paths(last_mail("malee@example.org"), "/profile/")

    context = browser.new_context(base_url=live_server)  # the expert: no account, no session
    tab = context.new_page()
    tab.goto(path)
    expect(tab.get_by_role("heading", name="Your roster profile, Malee Srisuk")).to_be_visible()
    tab.locator("#availability-0-start").fill("2027-05-01")
    tab.locator("#availability-0-end").fill("2027-06-30")
    tab.get_by_label("I agree to be on the roster for this purpose").check()
    tab.get_by_role("button", name="Save my profile").click()
    expect(tab.get_by_role("heading", name="Thank you")).to_be_visible()
    context.close()

    db.session.expire_all()
    saved = db.session.get(Expert, expert.id)
    assert [(w.start.isoformat(), w.end.isoformat()) for w in saved.availability] == [
        ("2027-05-01", "2027-06-30")
    ]
    assert saved.consent_source == "expert"
    page.goto(f"/experts/{expert.id}")
    expect(page.get_by_text("Updated by the expert on")).to_be_visible()


def test_staff_send_a_mailing_and_watch_it_go(app, page, browser_sign_in, make_user):
    agency = AgencyFactory(member=member("THA"))
    for index in range(2):
        FocalPointFactory(
            agency=agency,
            holder__full_name=f"Holder {index}",
            holder__email=f"h{index}@example.go.th",
        )
    FocalPointFactory()  # Indonesia: not in the audience
    browser_sign_in(make_user("staff"))

    page.goto("/mailings")
    page.get_by_role("link", name="New mailing").click()
    page.get_by_role("radio", name="Focal points").check()
    page.get_by_label("Members (focal points)").select_option("THA")
    page.get_by_label("Subject").fill("Meeting for {full_name}")
    page.get_by_label("Message").fill("Dear {full_name} of {agency},\nsee you in Bangkok.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#recipient-count")).to_have_text("2")
    expect(page.get_by_text("Meeting for Holder 0")).to_be_visible()
    page.get_by_role("button", name="Send to 2 recipients").click()

    expect(page.locator("#mailing-status")).to_have_text("queued")
    assert "@example.go.th" not in page.content()
    with app.test_request_context():
        send_mailings()  # the worker's turn
    expect(page.locator("#mailing-status")).to_have_text("done", timeout=10_000)
    expect(page.locator("#sent-count")).to_have_text("2")
