"""Two-factor sign-in for the office: TOTP codes from an authenticator app, recovery codes."""
