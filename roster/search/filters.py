"""Meilisearch filters built from parsed searches, never from raw text.

A filter is a list of clauses that must all hold; a clause is a string or a list of strings of
which any may hold. Attribute names must be among the index's filterable attributes; string
values are always quoted with backslashes and double quotes escaped; numbers go through int().
"""

from collections.abc import Iterable


def quote(value: str) -> str:
    """A Meilisearch string literal holding exactly `value`."""
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


class Filters:
    """Clause builders for one index, refusing attributes it cannot filter on."""

    def __init__(self, filterable: Iterable[str]):
        self.filterable = frozenset(filterable)

    def __repr__(self) -> str:
        return f"<Filters {sorted(self.filterable)}>"

    def attribute(self, attribute: str) -> str:
        if attribute not in self.filterable:
            raise ValueError(f"{attribute!r} is not filterable here")
        return attribute

    def equals(self, attribute: str, value: str) -> str:
        """`attribute = "value"` (an array attribute matches if any element equals it)."""
        return f"{self.attribute(attribute)} = {quote(value)}"

    def all_of(self, attribute: str, values) -> list[str]:
        """Clauses requiring every value (one clause each, ANDed by the caller)."""
        return [self.equals(attribute, value) for value in values]

    def any_of(self, attribute: str, values) -> list[list[str]]:
        """One OR group matching any of the values, or nothing when no value is given."""
        group = [self.equals(attribute, value) for value in values]
        return [group] if group else []

    def at_least(self, attribute: str, number: int) -> str:
        return f"{self.attribute(attribute)} >= {int(number)}"

    def below(self, attribute: str, number: int) -> str:
        return f"{self.attribute(attribute)} < {int(number)}"

    def is_null(self, attribute: str) -> str:
        return f"{self.attribute(attribute)} IS NULL"
