"""English word forms: the Snowball (Porter 2) stemmer on an attribute of its own and on the query.

"boats" and "boat" share the stem "boat", "investigating" and "investigation" share "investig".
Stems are indexed in a separate attribute so that the ordinary attributes keep their exact words
(for highlights and the exactness rule); a query carries its words and then their stems.
"""

import re
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[^\W_]+")
_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of one lower-case word."""
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    """The lower-case words of `text` (letters and digits, any script)."""
    return _WORD.findall(text.lower())


def stemmed_text(*texts: str) -> str:
    """The stems of every word of `texts` that a stem changes, each once, for the stems
    attribute; words whose stem is the word itself are already in the ordinary attributes."""
    stems = {}
    for text in texts:
        for word in words(text or ""):
            stemmed = stem(word)
            if stemmed != word:
                stems[stemmed] = None
    return " ".join(stems)


def with_stems(q: str) -> str:
    """The query followed by the stems its words have, so that "boats" also finds "boat";
    the stems come last, where a partial match gives them up first."""
    extra = []
    seen = set(words(q))
    for word in words(q):
        stemmed = stem(word)
        if stemmed not in seen:
            seen.add(stemmed)
            extra.append(stemmed)
    return " ".join([q, *extra]) if extra else q
