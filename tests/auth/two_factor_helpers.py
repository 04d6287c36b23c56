"""Enrolling test users in two-factor sign-in and computing their codes."""

import time

import pyotp

from roster.auth.two_factor import operations
from roster.extensions import db


def enrol(user) -> tuple[pyotp.TOTP, list[str]]:
    """Turn two-factor on for `user` with a code of a minute ago, so current codes are fresh."""
    totp = pyotp.TOTP(operations.new_secret())
    a_minute_ago = time.time() - 60
    codes = operations.enrol(user, totp.secret, totp.at(a_minute_ago), now=a_minute_ago)
    db.session.commit()
    return totp, codes
