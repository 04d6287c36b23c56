import re
import time

import pyotp
from playwright.sync_api import expect

from tests.factories import PASSWORD


def test_staff_enrols_two_factor_then_signs_in_with_a_code(make_user, browser_sign_in):
    user = make_user("staff")
    page = browser_sign_in(user)

    page.get_by_role("link", name="Two-factor").click()
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    expect(page.locator("figure.qr-code svg")).to_be_visible()
    totp = pyotp.TOTP(page.locator("#two-factor-secret").inner_text())
    page.get_by_label("Code").fill(totp.now())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    expect(page.get_by_role("heading", name="Two-factor sign-in is on")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))

    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/login/two-factor$"))
    expect(page.get_by_role("banner").get_by_role("button", name="Sign out")).to_have_count(0)
    # The enrolment spent the current code: the next window's code is the fresh one.
    page.get_by_label("Code").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Verify").click()

    expect(page).to_have_url(re.compile(r"/members$"))
    expect(page.get_by_role("heading", name="Members")).to_be_visible()
    expect(page.locator(".whoami")).to_contain_text(user.email)
