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


def _fresh_app(tmp_path, monkeypatch, **environment):
    monkeypatch.setenv("ROSTER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return create_app()


def test_data_folder_is_private_and_its_files_too(tmp_path, monkeypatch):
    import os

    previous = os.umask(0o022)
    try:
        app = _fresh_app(tmp_path, monkeypatch)
        folder = tmp_path / "data"
        with app.app_context():
            from roster.extensions import db

            db.create_all()
            db.engine.dispose()
    finally:
        os.umask(previous)

    assert folder.stat().st_mode & 0o777 == 0o700
    for name in ("roster.db", "secret_key"):
        assert (folder / name).stat().st_mode & 0o777 == 0o600, name


def test_cookies_are_secure_unless_in_development(tmp_path, monkeypatch):
    production = _fresh_app(tmp_path, monkeypatch)
    development = _fresh_app(tmp_path, monkeypatch, ROSTER_ENV="development")

    assert production.config["SESSION_COOKIE_SECURE"] is True
    assert production.config["PREFERRED_URL_SCHEME"] == "https"
    assert development.config["SESSION_COOKIE_SECURE"] is False


def test_session_cookie_is_marked_secure(client, make_user):
    from tests.factories import PASSWORD

    user = make_user("viewer")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert "Secure" in response.headers["Set-Cookie"]


def test_forwarded_headers_count_only_behind_trusted_proxies(tmp_path, monkeypatch):
    from flask import request

    direct = _fresh_app(tmp_path, monkeypatch)
    proxied = _fresh_app(tmp_path, monkeypatch, ROSTER_TRUSTED_PROXIES="1")
    seen = {}
    for name, app in (("direct", direct), ("proxied", proxied)):

        @app.get("/address-for-test")
        def address(name=name):
            seen[name] = request.remote_addr
            return "ok"

    headers = {"X-Forwarded-For": "198.51.100.9, 203.0.113.5", "X-Forwarded-Proto": "https"}
    plain = direct.test_client().get("/address-for-test", "http://localhost", headers=headers)
    behind = proxied.test_client().get("/address-for-test", "http://localhost", headers=headers)

    assert seen == {"direct": "127.0.0.1", "proxied": "203.0.113.5"}
    assert "Strict-Transport-Security" not in plain.headers
    assert behind.headers["Strict-Transport-Security"].startswith("max-age=")


def test_sign_in_throttle_counts_the_client_behind_the_proxy(tmp_path, monkeypatch):
    app = _fresh_app(
        tmp_path, monkeypatch, ROSTER_TRUSTED_PROXIES="1", LOGIN_LIMITS_PER_ADDRESS="2/minute"
    )
    with app.app_context():
        from roster.extensions import db

        db.create_all()
    client = app.test_client()

    def attempt(address):
        credentials = {"Authorization": "Basic eEBleGFtcGxlLm9yZzp3cm9uZw=="}  # x@example.org
        return client.post(
            "/api/v1/tokens", headers={**credentials, "X-Forwarded-For": address}
        ).status_code

    assert [attempt("203.0.113.5") for _ in range(3)] == [401, 401, 429]
    assert attempt("203.0.113.6") == 401
