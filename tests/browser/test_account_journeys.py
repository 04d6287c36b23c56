"""Getting in: an invitation to a first sign-in and out again, and a forgotten password."""

import re

from playwright.sync_api import expect

from tests.mail_links import last_mail, link_path

NEW_PASSWORD = "a password of my own choosing"


def choose_password(page, password=NEW_PASSWORD):
    page.get_by_label("New password", exact=True).fill(password)
    page.get_by_label("Repeat the new password").fill(password)
    page.get_by_role("button", name="Save password").click()


def sign_in(page, email, password):
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_invitation_to_first_sign_in_and_out(
    page, browser, live_server, browser_sign_in, make_user
):
    admin_page = browser_sign_in(make_user("admin"))
    admin_page.get_by_role("link", name="Invite").click()
    admin_page.get_by_label("Email").fill("new.editor@example.org")
    admin_page.get_by_label("Role").select_option("editor")
    admin_page.get_by_label("Member (editors only)").select_option("THA")
    admin_page.get_by_role("button", name="Send invitation").click()
    expect(
        admin_page.get_by_text("An invitation was sent to new.editor@example.org")
    ).to_be_visible()

    invitee = browser.new_context(base_url=live_server)
    try:
        tab = invitee.new_page()
        tab.goto(link_path(last_mail("new.editor@example.org"), "/invitation/"))
        expect(tab.get_by_role("heading", name=re.compile("choose your password"))).to_be_visible()
        choose_password(tab, "too short")
        expect(tab.get_by_text("at least 12 characters", exact=False).first).to_be_visible()
        choose_password(tab)
        expect(tab.get_by_text("Your account is ready")).to_be_visible()

        sign_in(tab, "new.editor@example.org", NEW_PASSWORD)
        expect(tab).to_have_url(re.compile(r"/members$"))
        expect(tab.get_by_role("link", name=re.compile("new.editor@example.org"))).to_be_visible()
        cookies = invitee.cookies()
        session = next(cookie for cookie in cookies if cookie["name"] == "session")
        assert session["httpOnly"]

        tab.get_by_role("button", name="Sign out").click()
        expect(tab.get_by_text("You are signed out.")).to_be_visible()
    finally:
        invitee.close()

    # A copy of the cookie from before signing out opens nothing.
    thief = browser.new_context(base_url=live_server)
    try:
        thief.add_cookies(cookies)
        stolen = thief.new_page()
        stolen.goto("/members")
        expect(stolen).to_have_url(re.compile(r"/login\?next="))
    finally:
        thief.close()


def test_forgotten_password(page, make_user):
    user = make_user("viewer")

    page.goto("/login")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill(user.email)
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_text("If an active account has this email")).to_be_visible()

    page.goto(link_path(last_mail(user.email), "/password-reset/"))
    choose_password(page)
    expect(page.get_by_text("Your password was changed")).to_be_visible()

    sign_in(page, user.email, NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/members$"))
