"""Sign-in through a real OpenID Connect provider (oidc-provider on Node.js), not a mock.

The test client plays the roster's side; a `requests` session plays the browser on the
provider's pages, carrying the provider's cookies, until the provider sends it back.
"""

import re
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest
import requests
from sqlalchemy import select

from roster.auth.models import User
from roster.auth.oidc import queries
from roster.extensions import db
from tests.auth.two_factor_helpers import enrol


def through_provider(client, issuer: str, login: str, next_url: str = "") -> str:
    """Start at the roster, sign in at the provider as `login`: the URL it sends us back to."""
    start = client.get("/login/oidc", query_string={"next": next_url} if next_url else None)
    assert start.status_code == 302
    assert start.headers["Location"].startswith(f"{issuer}/auth?")
    browser = requests.Session()
    response = browser.get(start.headers["Location"], allow_redirects=False, timeout=10)
    for _ in range(10):
        if response.status_code == 200:
            action = re.search(r'action="([^"]+)"', response.text).group(1)
            response = browser.post(
                urljoin(response.url, action),
                data={"login": login},
                allow_redirects=False,
                timeout=10,
            )
            continue
        assert response.is_redirect, (
            response.status_code,
            re.sub(r"<[^>]+>|\{[^}]*\}", " ", response.text)[-600:],
        )
        location = urljoin(response.url, response.headers["Location"])
        if not location.startswith(issuer):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the browser back")


def sign_in_as(client, issuer, login, next_url=""):
    return client.get(through_provider(client, issuer, login, next_url))


def signed_in_as(client) -> str | None:
    page = client.get("/members")
    if page.status_code != 200:
        return None
    return re.search(r'class="whoami">.*?([^\s<>]+@[^\s<>]+)', page.get_data(as_text=True)).group(1)


def test_login_page_offers_the_provider(client, oidc_provider):
    page = client.get("/login").get_data(as_text=True)
    assert "Sign in with the test provider" in page


def test_without_a_provider_there_is_no_such_sign_in(client):
    assert "Sign in with" not in client.get("/login").get_data(as_text=True)
    assert client.get("/login/oidc").status_code == 404
    assert client.get("/login/oidc/callback?code=x&state=y").status_code == 404


def test_known_user_signs_in(client, make_user, oidc_provider):
    user = make_user("staff", email="known.person@example.org")

    back = sign_in_as(client, oidc_provider, "known", "/experts")

    assert back.status_code == 302
    assert back.headers["Location"] == "/experts"
    assert signed_in_as(client) == user.email
    assert db.session.get(User, user.id).last_login_at is not None


def test_unknown_user_is_refused(client, oidc_provider):
    back = sign_in_as(client, oidc_provider, "stranger")

    assert back.status_code == 403
    assert "no RSO Roster account for this email" in back.get_data(as_text=True)
    assert signed_in_as(client) is None
    assert db.session.scalar(select(User).where(User.email == "stranger@example.org")) is None


def test_unverified_email_is_refused_even_for_an_existing_account(client, make_user, oidc_provider):
    make_user("admin", email="unverified@example.org")

    back = sign_in_as(client, oidc_provider, "unverified")

    assert back.status_code == 403
    assert "not verified this email" in back.get_data(as_text=True)
    assert signed_in_as(client) is None


def test_provider_without_an_email_is_refused(client, oidc_provider):
    assert sign_in_as(client, oidc_provider, "no-email").status_code == 403
    assert signed_in_as(client) is None


def test_disabled_account_is_refused(client, make_user, oidc_provider):
    make_user("staff", email="known.person@example.org", is_enabled=False)
    assert sign_in_as(client, oidc_provider, "known").status_code == 403
    assert signed_in_as(client) is None


def test_allowed_domain_admits_a_new_viewer(client, make_user, sign_in, oidc_provider):
    assert sign_in_as(client, oidc_provider, "newcomer").status_code == 403
    sign_in(make_user("admin"))
    added = client.post("/admin/sign-in-domains", data={"domain": "@Partner.Example"})
    assert added.status_code == 302
    assert "partner.example" in client.get("/admin/sign-in-domains").get_data(as_text=True)
    client.post("/logout")

    back = sign_in_as(client, oidc_provider, "newcomer")

    assert back.status_code == 302
    assert signed_in_as(client) == "newcomer@partner.example"
    user = db.session.scalar(select(User).where(User.email == "newcomer@partner.example"))
    assert (user.role, user.member, user.is_enabled) == ("viewer", None, True)
    # The allow-list admits only new viewers of that domain, nobody else.
    client.post("/logout")
    assert sign_in_as(client, oidc_provider, "stranger").status_code == 403


def test_tampered_state_is_refused(client, make_user, oidc_provider):
    make_user("staff", email="known.person@example.org")
    callback = urlsplit(through_provider(client, oidc_provider, "known"))
    query = parse_qs(callback.query)
    assert query["state"]
    tampered = {**{name: values[0] for name, values in query.items()}, "state": "forged"}

    refused = client.get(f"{callback.path}?{urlencode(tampered)}")

    assert refused.status_code == 400
    assert "did not complete" in refused.get_data(as_text=True)
    assert signed_in_as(client) is None


def test_callback_cannot_be_replayed(client, make_user, oidc_provider):
    make_user("staff", email="known.person@example.org")
    callback = through_provider(client, oidc_provider, "known")
    assert client.get(callback).status_code == 302
    client.post("/logout")

    assert client.get(callback).status_code == 400
    assert signed_in_as(client) is None


def test_error_answer_of_the_provider_is_refused(client, oidc_provider):
    assert sign_in_as(client, oidc_provider, "nobody-at-all").status_code == 400
    assert signed_in_as(client) is None


def test_two_factor_still_applies_after_the_provider(client, make_user, oidc_provider):
    user = make_user("staff", email="known.person@example.org")
    totp, _ = enrol(user)

    back = sign_in_as(client, oidc_provider, "known")

    assert back.headers["Location"] == "/login/two-factor"
    assert signed_in_as(client) is None
    assert client.post("/login/two-factor", data={"code": totp.now()}).status_code == 302
    assert signed_in_as(client) == user.email


def test_unreachable_provider_is_a_clear_answer(app, client):
    from roster.auth.oidc.client import configure_identity_provider
    from roster.search.local import free_port

    app.config["OIDC_ISSUER"] = f"http://127.0.0.1:{free_port()}"
    configure_identity_provider(app)
    try:
        response = client.get("/login/oidc")
    finally:
        app.config["OIDC_ISSUER"] = ""
        configure_identity_provider(app)
    assert response.status_code == 502
    assert "does not answer" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["viewer", "staff"])
def test_only_admins_keep_the_domain_list(client, make_user, sign_in, role):
    sign_in(make_user(role))
    assert client.get("/admin/sign-in-domains").status_code == 403
    assert client.post("/admin/sign-in-domains", data={"domain": "x.example"}).status_code == 403


def test_domain_list_refuses_bad_domains_and_removes_entries(client, make_user, sign_in):
    sign_in(make_user("admin"))
    assert client.post("/admin/sign-in-domains", data={"domain": "not a domain"}).status_code == 422
    client.post("/admin/sign-in-domains", data={"domain": "partner.example"})
    again = client.post("/admin/sign-in-domains", data={"domain": "PARTNER.example"})
    assert again.status_code == 422
    [record] = queries.allowed_domains()
    sign_in(make_user("staff"))
    assert client.post(f"/admin/sign-in-domains/{record.id}/delete").status_code == 403
    sign_in(make_user("admin"))

    assert client.post(f"/admin/sign-in-domains/{record.id}/delete").status_code == 302

    assert queries.allowed_domains() == []
    assert client.post(f"/admin/sign-in-domains/{record.id}/delete").status_code == 404


def test_wrong_client_secret_is_a_failed_sign_in(app, client, make_user, oidc_provider):
    from roster.auth.oidc.client import configure_identity_provider

    make_user("staff", email="known.person@example.org")
    app.config["OIDC_CLIENT_SECRET"] = "not-the-secret"
    configure_identity_provider(app)

    assert sign_in_as(client, oidc_provider, "known").status_code == 400
    assert signed_in_as(client) is None


def test_invited_person_signs_in_through_the_provider(client, make_user, api_token, oidc_provider):
    from roster.auth.models import Invitation

    invited = client.post(
        "/api/v1/invitations",
        json={"email": "known.person@example.org", "role": "editor", "member": "THA"},
        headers=api_token(make_user("admin")),
    )
    assert invited.status_code == 201
    invitation = db.session.get(Invitation, invited.get_json()["id"])

    back = sign_in_as(client, oidc_provider, "known")

    assert back.status_code == 302
    assert signed_in_as(client) == "known.person@example.org"
    user = db.session.scalar(select(User).where(User.email == "known.person@example.org"))
    assert (user.role, user.member.code) == ("editor", "THA")
    db.session.refresh(invitation)
    assert invitation.used_at is not None
