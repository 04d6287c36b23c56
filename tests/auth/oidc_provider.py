"""Running the test OpenID provider (oidc_provider.mjs on Node.js) and pointing the app at it."""

import json
import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from roster.search.local import free_port

SCRIPT = Path(__file__).with_name("oidc_provider.mjs")
PACKAGE = Path(__file__).parents[2] / "node_modules" / "oidc-provider"
CLIENT = {"id": "rso-roster", "secret": "provider-test-secret"}
# The people the provider knows: login name -> the claims it vouches for.
ACCOUNTS = {
    "known": {"email": "Known.Person@example.org", "email_verified": True},
    "stranger": {"email": "stranger@example.org", "email_verified": True},
    "unverified": {"email": "unverified@example.org", "email_verified": False},
    "newcomer": {"email": "newcomer@partner.example", "email_verified": True},
    "no-email": {},
}


@contextmanager
def running_provider(redirect_uri: str, folder: Path):
    """The provider on a free port, for a client with this redirect URI; yields the issuer."""
    if shutil.which("node") is None or not PACKAGE.is_dir():
        pytest.skip("Node.js and node_modules/oidc-provider (scripts/bootstrap) are needed")
    port = free_port()
    settings = {
        "port": port,
        "client": {**CLIENT, "redirect_uris": [redirect_uri]},
        "accounts": ACCOUNTS,
    }
    log = folder / "provider.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            ["node", str(SCRIPT)],
            env={**os.environ, "OIDC_TEST_SETTINGS": json.dumps(settings)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    issuer = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(issuer, process, log)
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(issuer: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2)
            return
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the OpenID provider did not start:\n{log.read_text()}")
            time.sleep(0.2)


@contextmanager
def signing_in_through(app, issuer: str):
    """Configure the app for this provider, as the OIDC_* settings would, then restore it."""
    from roster.auth.oidc.client import configure_identity_provider

    names = ("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_PROVIDER_NAME")
    saved = {name: app.config[name] for name in names}
    app.config.update(
        OIDC_ISSUER=issuer,
        OIDC_CLIENT_ID=CLIENT["id"],
        OIDC_CLIENT_SECRET=CLIENT["secret"],
        OIDC_PROVIDER_NAME="the test provider",
    )
    configure_identity_provider(app)
    try:
        yield
    finally:
        app.config.update(saved)
        configure_identity_provider(app)
