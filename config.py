"""Settings read from the environment; every path the service writes lives under ROSTER_DATA_DIR."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder holding the SQLite file, Meilisearch data, keys and generated secrets.

    Only the service's own user may enter it (0700), whatever the umask.
    """
    path = Path(os.environ.get("ROSTER_DATA_DIR", BASE_DIR / "instance")).resolve()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty if missing; either way readable and writable by its owner only."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    path.chmod(0o600)
    return path


def read_or_create_secret(path: Path, nbytes: int = 32) -> str:
    """Return the secret stored at path, generating it (mode 0600) on first use."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(nbytes))
    return path.read_text().strip()


def database_url(folder: Path) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        # SQLite creates its journal files with the database file's mode.
        url = f"sqlite:///{private_file(folder / 'roster.db')}"
    # Hosted PostgreSQL often hands out postgres:// URLs; SQLAlchemy wants a driver name.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def meilisearch_connection(folder: Path, port: int) -> tuple[str, str]:
    """Meilisearch URL and master key: MEILI_URL, else the local one `serve` starts, else none."""
    url = os.environ.get("MEILI_URL", "")
    if url:
        return url.rstrip("/"), os.environ.get("MEILI_MASTER_KEY", "")
    # Commands run next to `roster serve` (reindex, search-check) reach its local Meilisearch.
    key_file = folder / "meili_master_key"
    if key_file.exists():
        return f"http://127.0.0.1:{port}", key_file.read_text().strip()
    return "", ""


class Config:
    def __init__(self) -> None:
        folder = data_dir()
        self.ROSTER_DATA_DIR = str(folder)
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or read_or_create_secret(
            folder / "secret_key"
        )
        self.SQLALCHEMY_DATABASE_URI = database_url(folder)
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.MEILI_PORT = int(os.environ.get("MEILI_PORT", "7700"))
        self.MEILI_URL, self.MEILI_MASTER_KEY = meilisearch_connection(folder, self.MEILI_PORT)
        self.MEILI_TIMEOUT = float(os.environ.get("MEILI_TIMEOUT", "5"))
        self.MEILI_BIN = os.environ.get("MEILI_BIN") or str(
            BASE_DIR / "vendor" / "meilisearch" / "meilisearch"
        )
        self.MEILI_INDEX_PREFIX = os.environ.get("MEILI_INDEX_PREFIX", "")
        # How often an idle sync worker looks for changes: edit-to-searchable stays under 1 s.
        self.SEARCH_POLL_SECONDS = float(os.environ.get("SEARCH_POLL_SECONDS", "0.2"))
        self.SEARCH_LEASE_SECONDS = float(os.environ.get("SEARCH_LEASE_SECONDS", "10"))
        # ROSTER_SEMANTIC=0 turns matching by meaning off; SEMANTIC_MODEL_DIR points to another
        # model folder (config.json, model.safetensors, tokenizer.json) than the packaged one.
        self.SEMANTIC = os.environ.get("ROSTER_SEMANTIC", "1") != "0"
        self.SEMANTIC_MODEL_DIR = os.environ.get("SEMANTIC_MODEL_DIR", "")
        self.MAX_CONTENT_LENGTH = 2 * 1024 * 1024
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        # Development (`scripts/run` on 127.0.0.1) is the one place cookies travel over HTTP.
        self.ROSTER_ENV = os.environ.get("ROSTER_ENV", "production")
        self.SESSION_COOKIE_SECURE = self.ROSTER_ENV != "development"
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SAMESITE = "Lax"
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
        self.WTF_CSRF_TIME_LIMIT = 8 * 3600
        # Reverse proxies in front of the service whose X-Forwarded-For/-Proto to believe.
        self.TRUSTED_PROXIES = int(os.environ.get("ROSTER_TRUSTED_PROXIES", "0"))
        # Shared by every worker and machine: redis://127.0.0.1:6379/0 when more than one serves.
        self.RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
        self.RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "roster")
        self.RATELIMIT_HEADERS_ENABLED = True
        self.LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS = os.environ.get(
            "LOGIN_LIMITS_PER_ACCOUNT_AND_ADDRESS", "5/minute;30/hour"
        )
        self.LOGIN_LIMITS_PER_ADDRESS = os.environ.get("LOGIN_LIMITS_PER_ADDRESS", "20/minute")
        # Mail sent on request: per record, per user (confirmation links), per account (resets).
        self.LINK_LIMITS_PER_RECORD = os.environ.get("LINK_LIMITS_PER_RECORD", "3/hour")
        self.LINK_LIMITS_PER_USER = os.environ.get("LINK_LIMITS_PER_USER", "60/hour")
        self.RESET_LIMITS_PER_ACCOUNT = os.environ.get("RESET_LIMITS_PER_ACCOUNT", "3/hour")
        self.RESET_LIMITS_PER_ADDRESS = os.environ.get("RESET_LIMITS_PER_ADDRESS", "20/hour")
        self.INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "7"))
        self.PASSWORD_RESET_MINUTES = int(os.environ.get("PASSWORD_RESET_MINUTES", "60"))
        self.REQUIRE_2FA_FOR_ADMINS = os.environ.get("ROSTER_REQUIRE_2FA", "") == "1"
        # Sign-in through the organisation's OpenID Connect provider, when an issuer is set.
        self.OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").rstrip("/")
        self.OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
        self.OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
        self.OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "your organisation")
        self.OIDC_TIMEOUT = float(os.environ.get("OIDC_TIMEOUT", "10"))
        self.API_TOKEN_LIFETIME = timedelta(hours=int(os.environ.get("API_TOKEN_HOURS", "24")))
        self.API_READ_LIMIT = os.environ.get("API_READ_LIMIT", "600/minute")
        self.HOLDER_RETENTION_DAYS = int(os.environ.get("HOLDER_RETENTION_DAYS", "730"))
        self.AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "2555"))
        self.REVIEW_PERIOD_DAYS = int(os.environ.get("REVIEW_PERIOD_DAYS", "365"))
        self.REVIEW_DUE_SOON_DAYS = int(os.environ.get("REVIEW_DUE_SOON_DAYS", "30"))
        self.CONFIRMATION_LINK_DAYS = int(os.environ.get("CONFIRMATION_LINK_DAYS", "30"))
        self.INVITATION_LINK_DAYS = int(os.environ.get("INVITATION_LINK_DAYS", "30"))
        self.PROFILE_LINK_DAYS = int(os.environ.get("PROFILE_LINK_DAYS", "14"))
        self.PROFILE_REMINDER_DAYS = int(os.environ.get("PROFILE_REMINDER_DAYS", "365"))
        self.NOMINATION_LINK_DAYS = int(os.environ.get("NOMINATION_LINK_DAYS", "30"))
        self.CONSENT_PURPOSE = os.environ.get(
            "CONSENT_PURPOSE",
            "The RSO keeps my profile to consider me for Bali Process activities and to contact "
            "me about them; RSO staff see my contact details and CV.",
        )
        self.CV_MAX_BYTES = int(os.environ.get("CV_MAX_BYTES", str(5 * 1024 * 1024)))
        self.MAILING_MAX_ATTEMPTS = int(os.environ.get("MAILING_MAX_ATTEMPTS", "3"))
        self.MAILING_RETRY_SECONDS = float(os.environ.get("MAILING_RETRY_SECONDS", "60"))
        self.BOUNCE_MAILBOX = os.environ.get("BOUNCE_MAILBOX", "")
        self.MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
        self.MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
        self.MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "") == "1"
        self.MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
        self.MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
        self.MAIL_FROM = os.environ.get("MAIL_FROM", "RSO Roster <roster@localhost>")
        self.SERVER_URL = os.environ.get(
            "SERVER_URL", f"http://127.0.0.1:{os.environ.get('PORT', '5000')}"
        )
        self.PREFERRED_URL_SCHEME = "https" if self.SESSION_COOKIE_SECURE else "http"
