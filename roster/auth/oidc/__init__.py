"""Sign-in through the organisation's OpenID Connect identity provider."""
