import re

from playwright.sync_api import expect


def test_admin_signs_in_and_sees_every_member(make_user, browser_sign_in):
    admin = make_user("admin")

    page = browser_sign_in(admin)

    expect(page).to_have_url(re.compile(r"/members$"))
    expect(page.get_by_role("heading", name="Members")).to_be_visible()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(49)
    expect(rows.filter(has_text="Thailand")).to_have_count(1)
