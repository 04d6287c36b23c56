"""Password reset: the same answer for every email; a short-lived single-use link."""

from datetime import timedelta

from sqlalchemy import func, select

from roster.auth.models import PasswordReset
from roster.database import utcnow
from roster.extensions import db
from roster.mail.models import MailMessage
from tests.factories import PASSWORD
from tests.mail_links import last_mail, link_path

NEW_PASSWORD = "a fresh long password"


def ask(client, email, address="127.0.0.1"):
    return client.post(
        "/password-reset", data={"email": email}, environ_base={"REMOTE_ADDR": address}
    )


def mail_count() -> int:
    return db.session.scalar(select(func.count()).select_from(MailMessage))


def test_answer_is_the_same_for_known_unknown_and_disabled_accounts(client, make_user):
    known = make_user("viewer")
    disabled = make_user("viewer", is_enabled=False)

    answers = []
    for email in (known.email, "nobody@example.org", disabled.email):
        response = ask(client, email)
        answers.append((response.status_code, response.headers["Location"]))
        answers.append(client.get("/login").get_data(as_text=True).replace(email, "EMAIL"))

    assert answers[0] == answers[2] == answers[4]
    assert answers[1] == answers[3] == answers[5]
    assert [message.to for message in db.session.scalars(select(MailMessage))] == [known.email]


def test_reset_link_sets_a_new_password_and_ends_sessions_and_tokens(
    client, make_user, sign_in, api_token, app
):
    user = make_user("staff")
    headers = api_token(user)
    browser = sign_in(user)
    ask(app.test_client(), user.email)
    path = link_path(last_mail(user.email), "/password-reset/")
    visitor = app.test_client()

    page = visitor.get(path)
    done = visitor.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    again = visitor.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})

    assert page.status_code == 200
    assert done.status_code == 302
    assert again.status_code == 410
    assert browser.get("/members").status_code == 302
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    old = visitor.post("/login", data={"email": user.email, "password": PASSWORD})
    new = visitor.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert (old.status_code, new.status_code) == (401, 302)


def test_a_new_reset_link_voids_the_older_and_links_expire_in_an_hour(client, make_user):
    user = make_user("viewer")
    ask(client, user.email)
    first = link_path(last_mail(), "/password-reset/")
    ask(client, user.email)
    second = link_path(last_mail(), "/password-reset/")

    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200
    reset = db.session.scalars(select(PasswordReset).order_by(PasswordReset.id.desc())).first()
    assert reset.expires_at - reset.created_at == timedelta(hours=1)
    reset.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert client.get(second).status_code == 410


def test_reset_requests_are_throttled_per_account_and_per_address(client, make_user):
    user = make_user("viewer")
    for n in range(5):
        assert ask(client, user.email, address=f"192.0.2.{n}").status_code == 302
    assert mail_count() == 3

    statuses = [ask(client, f"x{n}@example.org", "198.51.100.1").status_code for n in range(21)]
    assert statuses[:20] == [302] * 20 and statuses[20] == 429
