"""Normalised keys that bring possible duplicates together without comparing every pair."""

import re

from anyascii import anyascii


def folded_name(name: str) -> str:
    """A name in lower-case ASCII words, across scripts and diacritics: "Nguyễn Thị" ->
    "nguyen thi", "สมชาย" -> "somchay"."""
    return " ".join(re.findall(r"[a-z0-9]+", anyascii(name or "").lower()))


def name_key(name: str) -> str:
    """The words of a folded name in alphabetical order: order and spacing aside."""
    return " ".join(sorted(folded_name(name).split()))


def name_blocks(name: str) -> set[str]:
    """Blocks a name falls in: each word's first four letters with the initial of another
    word, so that one typo, one extra word or swapped names still share a block."""
    words = folded_name(name).split()
    if len(words) == 1:
        return {words[0][:4]}
    return {
        f"{word[:4]}|{other[0]}"
        for word in words
        for other in words
        if other is not word and len(word) > 1
    }


def phone_key(phone: str) -> str:
    """The digits of a phone number (stored E.164, so grouping never differs)."""
    return re.sub(r"\D", "", phone or "")
