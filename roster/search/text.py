"""One tokenizer and one synonym table for Meilisearch's settings and the database fallback.

Text is folded (accents dropped, case folded) and split into words of letters and digits, as
Meilisearch reads it; the fallback's text index stores the folded words, so both engines agree
on what a word is.
"""

import re
import unicodedata

from roster.relevance import vocabulary

# Meilisearch reads the first ten words of a query and looks up synonyms for runs of at most
# three of them.
MAX_QUERY_WORDS = 10
LONGEST_SYNONYM_RUN = 3
WORD = re.compile(r"[^\W_]+")

# The field's vocabulary (abbreviations, spellings, irregular plurals), one table for both.
SYNONYM_GROUPS = vocabulary.SYNONYM_GROUPS
synonyms = vocabulary.synonyms


def fold(text: str) -> str:
    """The text with accents dropped and case folded."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return WORD.findall(fold(text))


def sort_key(name: str) -> str:
    """The name as sorted: accents dropped, case folded, spaces collapsed."""
    return " ".join(fold(name).split())


def query_words(q: str) -> list[str]:
    """The words of a query the index reads."""
    return words(q)[:MAX_QUERY_WORDS]


PREFIX = "*"


def query_terms(q: str) -> list[list[list[tuple[str, ...]]]]:
    """What a query asks for: every term must match through one of its alternatives, each of
    whose phrases (words in a row) must match.

    As in the index, a typed word matches a whole word, except the last one typed, which matches
    any word it starts (marked by a trailing PREFIX); a run of words that is a synonym also
    matches each other variant of its group as an exact phrase.
    """
    phrases = {tuple(variant.split()): group for group in SYNONYM_GROUPS for variant in group}
    typed_words = query_words(q)
    terms = []
    position = 0
    while position < len(typed_words):
        size, group = 1, None
        for run in range(min(LONGEST_SYNONYM_RUN, len(typed_words) - position), 0, -1):
            group = phrases.get(tuple(typed_words[position : position + run]))
            if group:
                size = run
                break
        typed = typed_words[position : position + size]
        position += size
        if position == len(typed_words):
            typed[-1] += PREFIX
        alternatives = [[(word,) for word in typed]]
        for variant in group or ():
            if variant.split() != [word.rstrip(PREFIX) for word in typed]:
                alternatives.append([tuple(variant.split())])
        terms.append(alternatives)
    return terms


def document_text(document: dict, attributes) -> str:
    """The folded words of a document's searchable attributes, one line per value."""
    lines = []
    for attribute in attributes:
        value = document.get(attribute)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item:
                lines.append(" ".join(words(item)))
    return "\n".join(line for line in lines if line)
