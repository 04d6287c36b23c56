from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.auth.models import User
from roster.extensions import db


def test_create_user_command_reads_password_from_environment(app, monkeypatch):
    monkeypatch.setenv("ROSTER_PASSWORD", "a long enough password")
    result = app.test_cli_runner().invoke(
        args=["roster", "create-user", "Editor@Example.org", "--role", "editor", "--member", "IDN"]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "editor@example.org"))
    assert (user.role, user.member.code) == ("editor", "IDN")
    assert user.password_hash.startswith("$argon2id$")


def test_create_user_command_refuses_short_password_and_editor_without_member(app, monkeypatch):
    runner = app.test_cli_runner()
    monkeypatch.setenv("ROSTER_PASSWORD", "short")
    short = runner.invoke(args=["roster", "create-user", "a@example.org", "--role", "viewer"])
    monkeypatch.setenv("ROSTER_PASSWORD", "a long enough password")
    no_member = runner.invoke(args=["roster", "create-user", "b@example.org", "--role", "editor"])

    assert short.exit_code == 2 and "12 characters" in short.output
    assert no_member.exit_code == 2 and "member" in no_member.output
    assert db.session.scalar(select(db.func.count()).select_from(User)) == 0


def test_admin_invites_through_the_page_with_field_errors(make_user, sign_in):
    client = sign_in(make_user("admin"))

    bad = client.post("/invitations/new", data={"email": "not-an-email", "role": "editor"})
    good = client.post("/invitations/new", data={"email": "new@example.org", "role": "staff"})

    assert bad.status_code == 422
    html = bad.get_data(as_text=True)
    assert 'id="email-error"' in html and 'id="member-error"' in html
    assert good.status_code == 302
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.record_type == "invitation")
    ).one()
    assert entry.changes["role"] == {"old": None, "new": "staff"}


def test_staff_may_not_invite_staff_through_the_page(make_user, sign_in):
    client = sign_in(make_user("staff"))

    page = client.get("/invitations/new").get_data(as_text=True)
    refused = client.post("/invitations/new", data={"email": "x@example.org", "role": "staff"})

    assert 'value="viewer"' in page and 'value="staff"' not in page
    assert refused.status_code == 403


def test_admin_edit_conflict_shows_current_values(make_user, sign_in):
    admin = make_user("admin")
    target = make_user("viewer")
    client = sign_in(admin)
    url = f"/admin/users/{target.id}"
    form = {"role": "staff", "member": "", "is_enabled": "y", "version": str(target.version)}

    first = client.post(url, data=form)
    second = client.post(url, data={**form, "role": "admin"})

    assert first.status_code == 302
    assert second.status_code == 409
    db.session.expire_all()
    assert db.session.get(User, target.id).role == "staff"
