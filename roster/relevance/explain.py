"""Why a search hit matched: the words it matched and how close its meaning came.

A hit's `_match` is `{"terms": [...], "semantic": 0.83}`: the distinct words Meilisearch
marked in the hit's highlighted attributes, and its semantic score when matching by meaning
took part (absent otherwise). Pages say it in words: "matched: forged, visas · similar meaning".
"""

import re

# A semantic score from this on counts as "similar meaning" on the page.
SIMILAR_MEANING = 0.5


def marked_terms(formatted: dict, start: str, end: str) -> list[str]:
    """The distinct words between `start` and `end` marks in the highlighted attributes."""
    pattern = re.compile(re.escape(start) + "(.*?)" + re.escape(end), re.DOTALL)
    terms: dict[str, None] = {}
    for value in formatted.values():
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if isinstance(text, str):
                for found in pattern.findall(text):
                    word = " ".join(found.lower().split())
                    if word:
                        terms[word] = None
    return list(terms)


def match(hit: dict, start: str, end: str) -> dict:
    """The `_match` of a Meilisearch hit asked with highlights between `start` and `end`."""
    explained: dict = {"terms": marked_terms(hit.get("_formatted") or {}, start, end)}
    score = hit.get("_semanticScore")
    if score is not None:
        explained["semantic"] = round(float(score), 2)
    return explained


def in_words(explained: dict | None) -> str:
    """ "matched: forged, visas · similar meaning", or '' when there is nothing to say."""
    if not explained:
        return ""
    parts = []
    if explained.get("terms"):
        parts.append("matched: " + ", ".join(explained["terms"]))
    if (explained.get("semantic") or 0) >= SIMILAR_MEANING:
        parts.append("similar meaning")
    return " · ".join(parts)
