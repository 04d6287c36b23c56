from roster import create_app


def test_security_headers_on_pages(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_behind_login_are_not_cached(make_user, sign_in):
    response = sign_in(make_user("viewer")).get("/members")
    assert response.headers["Cache-Control"] == "no-store"


def test_session_cookie_flags(client, make_user):
    from tests.factories import PASSWORD

    user = make_user("viewer")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secret_key_generated_into_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ROSTER_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"]
    second = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"]
    assert first == second == (tmp_path / "secret_key").read_text().strip()
    assert len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_unexpected_error_shows_no_stack_trace(app):
    broken = create_app({"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})

    @broken.get("/boom-for-test")
    def boom():
        raise RuntimeError("secret internals")

    client = broken.test_client()
    page = client.get("/boom-for-test")
    api = client.get("/api/v1/nothing-here")
    assert page.status_code == 500
    assert "secret internals" not in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)
    assert api.status_code == 404 and api.mimetype == "application/problem+json"


def test_healthz_answers_without_auth(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["database"] == "ok"
    assert response.get_json()["search"] in ("ok", "degraded")
