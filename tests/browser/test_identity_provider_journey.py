import re

from playwright.sync_api import expect


def test_signing_in_through_the_identity_provider(make_user, page, browser_oidc_provider):
    user = make_user("staff", email="known.person@example.org")

    page.goto("/login")
    page.get_by_role("link", name="Sign in with the test provider").click()
    expect(page.get_by_role("heading", name="Identity provider")).to_be_visible()
    page.get_by_label("Login").fill("known")
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(re.compile(r"/members$"))
    expect(page.locator(".whoami")).to_contain_text(user.email)


def test_a_stranger_is_turned_away(page, browser_oidc_provider):
    page.goto("/login")
    page.get_by_role("link", name="Sign in with the test provider").click()
    page.get_by_label("Login").fill("stranger")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("alert")).to_contain_text("no RSO Roster account for this email")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
