"""Browser journeys: Debian's Chromium driven by Playwright against the app served in a thread.

Every test under tests/browser is marked `browser` and skipped when Chromium is absent. The
live server shares the test database with the test, so rows a test commits are what the
browser sees; the usual per-test cleanup applies.
"""

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
MISSING_CHROMIUM = (
    "Chromium not found at /usr/bin/chromium: install Debian's chromium to run browser journeys"
)
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=MISSING_CHROMIUM))


@pytest.fixture(scope="session")
def live_server(app):
    """The base URL of the app, served on a free local port for the whole session."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (own cookies) whose relative URLs go to the live server."""
    context = browser.new_context(base_url=live_server)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def browser_sign_in(page):
    """Sign `user` in through the login form, as a person would."""

    def sign_in(user, password: str = PASSWORD):
        page.goto("/login")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    return sign_in


@pytest.fixture(scope="session")
def browser_oidc_provider_server(live_server, tmp_path_factory):
    """A real OpenID provider that sends the browser back to the live server."""
    from tests.auth.oidc_provider import running_provider

    with running_provider(
        f"{live_server}/login/oidc/callback", tmp_path_factory.mktemp("oidc-browser")
    ) as issuer:
        yield issuer


@pytest.fixture
def browser_oidc_provider(app, browser_oidc_provider_server):
    from tests.auth.oidc_provider import signing_in_through

    with signing_in_through(app, browser_oidc_provider_server):
        yield browser_oidc_provider_server
