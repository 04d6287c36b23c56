"""Names across scripts and orders, for a name attribute of their own.

A name entered in its own script is found by its Latin form where the romanisation is
standard (Chinese pinyin, Cyrillic, Vietnamese and other Latin letters with diacritics):
`anyascii` transliterates every script (ISC licence; Unidecode is GPL). Hyphens and
apostrophes join as well as split ("Al-Hashimi" is found as "Alhashimi" and "Al Hashimi"), and
syllables that a transliteration runs together are offered apart and joined ("WangJianHua":
"wang", "jian", "hua", "jianhua", "wangjianhua"). Word order needs nothing here: every order
of a name's words matches, the proximity rule only ranks.
"""

import re

from anyascii import anyascii

_WORD = re.compile(r"[^\W_]+")
_CAPITALISED = re.compile(r"[A-Z][a-z]*")
# Tokens are ASCII by then: anyascii turns typographic hyphens and apostrophes into these.
_JOINER = re.compile(r"[-']")


def _forms(token: str) -> list[str]:
    """Words a typist may write for one transliterated token."""
    forms = []
    if _JOINER.search(token):
        parts = [part for part in token.split("-") if part]
        forms.append(_JOINER.sub("", token))
        forms.extend(_JOINER.sub("", part) for part in parts)
    syllables = _CAPITALISED.findall(token)
    if len(syllables) > 1 and "".join(syllables) == token:
        # Pinyin and Korean names: the given name is written as one word after the family name.
        forms.extend([*syllables, "".join(syllables[1:]), token])
    return forms or [token]


def name_variants(*names: str) -> str:
    """The Latin words for `names` that their own words do not already give, lower case, for
    the name variants attribute ('' when there are none)."""
    own = {word for name in names for word in _WORD.findall((name or "").lower())}
    variants: dict[str, None] = {}
    for name in names:
        for token in anyascii(name or "").split():
            for form in _forms(token.strip(".,;")):
                for word in _WORD.findall(form.lower()):
                    if word not in own:
                        variants[word] = None
    return " ".join(variants)
