import time

import pytest
from sqlalchemy import select

from roster.auth.two_factor.models import RecoveryCode, TwoFactorCredential
from roster.extensions import db
from tests.auth.test_tokens import basic
from tests.auth.two_factor_helpers import enrol
from tests.factories import PASSWORD


def password_step(client, user, next_url=""):
    return client.post("/login", data={"email": user.email, "password": PASSWORD, "next": next_url})


def code_step(client, code):
    return client.post("/login/two-factor", data={"code": code})


def sign_in_with(client, user, code):
    password_step(client, user)
    return code_step(client, code)


def signed_in(client) -> bool:
    return client.get("/members").status_code == 200


def other_than(code: str) -> str:
    return "000000" if code != "000000" else "111111"


@pytest.fixture
def require_for_admins(app):
    app.config["REQUIRE_2FA_FOR_ADMINS"] = True
    yield
    app.config["REQUIRE_2FA_FOR_ADMINS"] = False


def test_password_alone_does_not_sign_in_an_enrolled_account(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)

    first = password_step(client, user, "/experts")

    assert first.headers["Location"] == "/login/two-factor"
    assert not signed_in(client)
    second = code_step(client, totp.now())
    assert second.status_code == 302
    assert second.headers["Location"] == "/experts"
    assert signed_in(client)


def test_accounts_without_two_factor_sign_in_with_the_password(client, make_user):
    user = make_user("staff")
    assert password_step(client, user).headers["Location"] == "/"
    assert signed_in(client)


def test_wrong_code_is_refused(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)

    wrong = sign_in_with(client, user, other_than(totp.now()))

    assert wrong.status_code == 401
    assert "wrong or has already been used" in wrong.get_data(as_text=True)
    assert not signed_in(client)
    assert code_step(client, totp.now()).status_code == 302


def test_code_of_an_old_window_is_refused(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)
    assert sign_in_with(client, user, totp.at(time.time() - 300)).status_code == 401


def test_replayed_code_in_the_same_window_is_refused(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)
    code = totp.now()
    assert sign_in_with(client, user, code).status_code == 302
    client.post("/logout")

    replay = sign_in_with(client, user, code)

    assert replay.status_code == 401
    assert not signed_in(client)


def test_code_step_without_the_password_step_goes_back_to_sign_in(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)
    response = code_step(client, totp.now())
    assert response.headers["Location"] == "/login"
    assert not signed_in(client)


def test_password_step_expires_after_five_minutes(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)
    password_step(client, user)
    with client.session_transaction() as session:
        pending = session["two_factor_pending"]
        session["two_factor_pending"] = {**pending, "since": pending["since"] - 301}

    assert code_step(client, totp.now()).headers["Location"] == "/login"
    assert not signed_in(client)


def test_recovery_code_signs_in_once(client, make_user):
    user = make_user("staff")
    _, codes = enrol(user)

    assert sign_in_with(client, user, codes[0].upper().replace("-", " ")).status_code == 302
    assert signed_in(client)
    client.post("/logout")

    reused = sign_in_with(client, user, codes[0])

    assert reused.status_code == 401
    assert not signed_in(client)
    assert sign_in_with(client, user, codes[1]).status_code == 302


def test_recovery_codes_are_stored_hashed(make_user):
    user = make_user("staff")
    _, codes = enrol(user)
    stored = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert len(codes) == len(set(codes)) == len(stored) == 10
    assert not {code.replace("-", "") for code in codes} & set(stored)
    assert all(len(digest) == 64 for digest in stored)


def test_second_step_is_throttled(app, client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)
    saved = app.config["LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS"]
    app.config["LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS"] = "3/minute"
    try:
        password_step(client, user)
        statuses = [code_step(client, other_than(totp.now())).status_code for _ in range(4)]
        statuses.append(code_step(client, totp.now()).status_code)
    finally:
        app.config["LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS"] = saved
    assert statuses == [401, 401, 401, 429, 429]


def test_a_password_change_voids_the_pending_second_step(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)
    password_step(client, user)
    user.role = "admin"
    db.session.commit()
    assert code_step(client, totp.now()).headers["Location"] == "/login"


def test_enrolment_by_qr_code(client, make_user, sign_in):
    import pyotp

    user = make_user("staff")
    sign_in(user)

    page = client.get("/account/two-factor")

    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "<svg" in html
    secret = client_secret(client)
    assert secret in html
    totp = pyotp.TOTP(secret)
    wrong = client.post("/account/two-factor", data={"code": other_than(totp.now())})
    assert wrong.status_code == 422
    assert db.session.get(TwoFactorCredential, user.id) is None

    done = client.post("/account/two-factor", data={"code": totp.now()})

    assert done.status_code == 200
    assert done.get_data(as_text=True).count("<li><code>") == 10
    assert db.session.get(TwoFactorCredential, user.id).secret == secret
    status = client.get("/account/two-factor").get_data(as_text=True)
    assert "10 unused recovery codes left" in status
    assert secret not in status
    client.post("/logout")
    # The code that confirmed the enrolment is spent too.
    assert sign_in_with(client, user, totp.now()).status_code == 401


def client_secret(client) -> str:
    with client.session_transaction() as session:
        return session["two_factor_setup"]


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_two_factor_is_for_the_office(client, make_user, sign_in, role):
    sign_in(make_user(role, "IDN" if role == "editor" else None))
    assert client.get("/account/two-factor").status_code == 403


def test_turning_off_needs_a_code(client, make_user, sign_in):
    user = make_user("staff")
    totp, _ = enrol(user)
    sign_in(user)

    refused = client.post("/account/two-factor/turn-off", data={"off-code": "123"})
    assert refused.status_code == 422
    assert (
        client.post("/account/two-factor/turn-off", data={"off-code": totp.now()}).headers[
            "Location"
        ]
        == "/account/two-factor"
    )

    assert db.session.get(TwoFactorCredential, user.id) is None
    client.post("/logout")
    assert password_step(client, user).headers["Location"] == "/"


def test_renewed_recovery_codes_replace_the_old_ones(client, make_user, sign_in):
    user = make_user("staff")
    totp, old_codes = enrol(user)
    sign_in(user)

    renewed = client.post("/account/two-factor/recovery-codes", data={"renew-code": totp.now()})

    assert renewed.status_code == 200
    assert old_codes[0] not in renewed.get_data(as_text=True)
    client.post("/logout")
    assert sign_in_with(client, user, old_codes[0]).status_code == 401


def test_admin_removes_a_lost_second_factor(client, make_user, sign_in):
    user = make_user("staff")
    enrol(user)
    sign_in(make_user("staff"))
    assert client.post(f"/admin/users/{user.id}/two-factor/reset").status_code == 403
    sign_in(make_user("admin"))
    assert "Remove two-factor sign-in" in client.get(f"/admin/users/{user.id}").get_data(
        as_text=True
    )

    assert client.post(f"/admin/users/{user.id}/two-factor/reset").status_code == 302

    assert db.session.get(TwoFactorCredential, user.id) is None
    assert db.session.scalars(select(RecoveryCode)).all() == []


def test_required_two_factor_sends_an_admin_to_enrol(client, make_user, require_for_admins):
    import pyotp

    admin = make_user("admin")
    password_step(client, admin)

    held = client.get("/members")

    assert held.headers["Location"] == "/account/two-factor"
    assert client.get("/account/two-factor").status_code == 200
    totp = pyotp.TOTP(client_secret(client))
    assert client.post("/account/two-factor", data={"code": totp.now()}).status_code == 200
    assert signed_in(client)
    turn_off = client.post("/account/two-factor/turn-off", data={"off-code": totp.now()})
    assert turn_off.status_code == 422
    assert db.session.get(TwoFactorCredential, admin.id) is not None


def test_required_two_factor_leaves_staff_alone(client, make_user, require_for_admins):
    password_step(client, make_user("staff"))
    assert signed_in(client)


def test_api_token_for_an_enrolled_account_needs_the_code(client, make_user):
    user = make_user("staff")
    totp, _ = enrol(user)
    credentials = basic(user.email, PASSWORD)

    missing = client.post("/api/v1/tokens", headers=credentials)
    wrong = client.post("/api/v1/tokens", headers={**credentials, "X-TOTP": other_than(totp.now())})
    code = totp.now()
    created = client.post("/api/v1/tokens", headers={**credentials, "X-TOTP": code})
    replayed = client.post("/api/v1/tokens", headers={**credentials, "X-TOTP": code})

    assert missing.status_code == wrong.status_code == replayed.status_code == 401
    assert missing.mimetype == "application/problem+json"
    assert "X-TOTP" in missing.get_json()["detail"]
    assert created.status_code == 201
    bearer = {"Authorization": f"Bearer {created.get_json()['token']}"}
    assert client.get("/api/v1/members", headers=bearer).status_code == 200


def test_api_token_refused_to_an_admin_who_must_enrol(client, make_user, require_for_admins):
    admin = make_user("admin")
    response = client.post("/api/v1/tokens", headers=basic(admin.email, PASSWORD))
    assert response.status_code == 403
    assert "two-factor" in response.get_json()["detail"]
    assert (
        client.post("/api/v1/tokens", headers=basic(make_user("staff").email, PASSWORD)).status_code
        == 201
    )


def test_reset_two_factor_command(app, make_user):
    user = make_user("admin")
    enrol(user)
    runner = app.test_cli_runner()

    unknown = runner.invoke(args=["roster", "reset-two-factor", "nobody@example.org"])
    done = runner.invoke(args=["roster", "reset-two-factor", user.email.upper()])
    again = runner.invoke(args=["roster", "reset-two-factor", user.email])

    assert unknown.exit_code == 1
    assert done.exit_code == 0, done.output
    assert db.session.get(TwoFactorCredential, user.id) is None
    assert "does not use two-factor" in again.output
