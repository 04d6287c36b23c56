"""Links in mail: stored encrypted beside the body, written into the text only on delivery.

A stored body holds a placeholder where each link goes, so that a copy of the database (or an
admin reading the outbox of an SMTP setup) never holds a usable link. The key is derived from
SECRET_KEY.
"""

import base64
import json

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

HIDDEN = "[link sent to the recipient only]"
GONE = "[link no longer available]"


def placeholder(name: str = "link") -> str:
    """What a mail body holds where the link `name` goes."""
    return f"[[link:{name}]]"


def _fernet() -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"roster mail links")
    secret = current_app.config["SECRET_KEY"].encode()
    return Fernet(base64.urlsafe_b64encode(key.derive(secret)))


def seal(links: dict[str, str]) -> str:
    return _fernet().encrypt(json.dumps(links).encode()).decode() if links else ""


def _fill(body: str, links: dict[str, str], missing: str) -> str:
    while (start := body.find("[[link:")) != -1:
        end = body.find("]]", start)
        if end == -1:
            break
        name = body[start + len("[[link:") : end]
        body = body[:start] + links.get(name, missing) + body[end + 2 :]
    return body


def reveal(body: str, sealed: str) -> str:
    """The body as the recipient reads it, with its links."""
    try:
        links = json.loads(_fernet().decrypt(sealed.encode())) if sealed else {}
    except InvalidToken:
        links = {}
    return _fill(body, links, GONE)


def hide(body: str) -> str:
    """The body with every link replaced by a note."""
    return _fill(body, {}, HIDDEN)
