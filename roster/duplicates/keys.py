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
    """Keys a folded name is compared under: its words cut to three letters (a typo later in
    a word, another order), and for names of several words the name less each word in turn
    (a missing or extra word, or a typo anywhere in one word)."""
    words = sorted(name.split())
    if not words:
        return set()
    blocks = {"p:" + " ".join(word[:3] for word in words)}
    if len(words) > 1:
        blocks.update(
            "d:" + " ".join(words[:position] + words[position + 1 :])
            for position in range(len(words))
        )
    return blocks


def phone_key(phone: str) -> str:
    """The digits of a phone number (stored E.164, so grouping never differs)."""
    return re.sub(r"\D", "", phone or "")
