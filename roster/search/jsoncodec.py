"""JSON to and from Meilisearch on the search path."""

import json


def dumps(value) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def loads(data: bytes):
    return json.loads(data)
