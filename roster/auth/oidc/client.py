"""The OpenID Connect client (Authlib) of the organisation's identity provider."""

from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app

NAME = "organisation"
_EXTENSION = "authlib.integrations.flask_client"


def configure_identity_provider(app: Flask) -> None:
    """Register the provider named by OIDC_ISSUER; its metadata is fetched at the first sign-in."""
    oauth = OAuth(app)
    issuer = app.config["OIDC_ISSUER"]
    app.jinja_env.globals["identity_provider_name"] = (
        app.config["OIDC_PROVIDER_NAME"] if issuer else None
    )
    if not issuer:
        return
    oauth.register(
        NAME,
        client_id=app.config["OIDC_CLIENT_ID"],
        client_secret=app.config["OIDC_CLIENT_SECRET"],
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={
            "scope": "openid email profile",
            "code_challenge_method": "S256",
            "default_timeout": app.config["OIDC_TIMEOUT"],
        },
    )


def identity_provider():
    """The provider's client, or None when none is configured."""
    return current_app.extensions[_EXTENSION].create_client(NAME)
