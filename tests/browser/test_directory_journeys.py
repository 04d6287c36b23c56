"""The directory and roster as people use them, in a real Chromium."""

import re
from datetime import date

from playwright.sync_api import expect

from roster.directory.models import FocalPoint
from roster.extensions import db
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory, member


def test_editor_updates_phone_of_own_focal_point(page, browser_sign_in, make_user):
    focal_point = FocalPointFactory(position="National Contact Point, Trafficking in Persons")
    browser_sign_in(make_user("editor", "IDN"))

    page.goto(f"/focal-points/{focal_point.id}")
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Phone").fill("021 555 0177")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Focal point saved.")).to_be_visible()
    expect(page.get_by_text("+62215550177")).to_be_visible()
    db.session.expire_all()
    assert db.session.get(FocalPoint, focal_point.id).current_holder.phone == "+62215550177"


def test_editor_sees_no_edit_actions_on_another_member(page, browser_sign_in, make_user):
    thai = FocalPointFactory(agency=AgencyFactory(member=member("THA")))
    browser_sign_in(make_user("editor", "IDN"))

    page.goto(f"/focal-points/{thai.id}")
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    page.goto(f"/focal-points/{thai.id}/edit")
    expect(page.get_by_role("heading", name="Forbidden")).to_be_visible()


def test_form_errors_are_shown_beside_fields(page, browser_sign_in, make_user):
    focal_point = FocalPointFactory()
    browser_sign_in(make_user("staff"))

    page.goto(f"/focal-points/{focal_point.id}/edit")
    page.get_by_label("Email").fill("not-an-email")
    page.get_by_role("button", name="Save").click()

    expect(page.locator("#email-error")).to_contain_text("Not a valid email address")
    expect(page.get_by_label("Email")).to_have_value("not-an-email")
    expect(page.get_by_label("Email")).to_have_attribute("aria-invalid", "true")


def test_staff_finds_expert_by_typing(page, browser_sign_in, make_user):
    ExpertFactory(
        full_name="Somchai Jaidee",
        thematic_areas=["trafficking-in-persons"],
        availability=[(date(2027, 1, 1), date(2027, 12, 31))],
    )
    ExpertFactory(full_name="Dewi Lestari", nationality="IDN", thematic_areas=["maritime"])
    browser_sign_in(make_user("staff"))

    page.goto("/experts")
    expect(page.get_by_text("2 experts found")).to_be_visible()
    page.get_by_label("Search names, expertise, organisations").press_sequentially("Dewi")

    expect(page.get_by_text("1 expert found")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Dewi Lestari"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=Dewi"))

    page.get_by_label(re.compile("Irregular movement by sea")).check()
    expect(page).to_have_url(re.compile(r"thematic_area=maritime"))
    expect(page.get_by_text("1 expert found")).to_be_visible()


def test_search_works_without_javascript(browser, live_server, make_user):
    from tests.factories import PASSWORD

    ExpertFactory(full_name="Aroha Ngata", nationality="NZL", thematic_areas=["maritime"])
    ExpertFactory(full_name="Dewi Lestari", nationality="IDN")
    user = make_user("viewer")
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/login")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto("/experts")
        page.get_by_label("Search names, expertise, organisations").fill("Aroha")
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_text("1 expert found")).to_be_visible()
        expect(page.get_by_role("link", name=re.compile("Aroha Ngata"))).to_be_visible()
    finally:
        context.close()
