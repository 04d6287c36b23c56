"""ISO 639-1 languages and the proficiency scale."""

from functools import cache

import pycountry

LEVELS = ("basic", "working", "fluent", "native")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS, start=1)}


@cache
def language_names() -> dict[str, str]:
    """{alpha-2 code: English name} for every ISO 639-1 language."""
    return {lang.alpha_2: lang.name for lang in pycountry.languages if hasattr(lang, "alpha_2")}


def is_language_code(code: str) -> bool:
    return code in language_names()


def language_name(code: str) -> str:
    return language_names().get(code, code)


def levels_at_least(level: str) -> list[str]:
    """The levels at or above `level`: fluent -> [fluent, native]."""
    return [name for name in LEVELS if LEVEL_RANK[name] >= LEVEL_RANK[level]]


def strongest_first(languages):
    """Language rows (with .code and .level) ordered strongest level first, then by code."""
    return sorted(languages, key=lambda language: (-LEVEL_RANK[language.level], language.code))


def language_levels(languages) -> list[str]:
    """ "code:level" for every level at or below each language's own: native -> all four, so
    that a search for "at least fluent" is one equality in an index."""
    return [
        f"{language.code}:{level}"
        for language in languages
        for level in LEVELS[: LEVEL_RANK[language.level]]
    ]
