"""A fixed, seeded mix of expert and focal point searches, drawn from the loaded data.

Only the loaded data and the public API's parameters go in: the Meilisearch requests each
search makes are recorded from the service itself (capture.py).
"""

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from sqlalchemy import func, select

from roster.directory.models import Agency, FocalPointHolder
from roster.experts.models import Expert, ExpertLanguage
from roster.extensions import db
from roster.reference.models import Member, ThematicArea

# Misspelt field vocabulary: dropped, doubled and swapped letters as people type them.
THEME_TYPOS = [
    "trafficing in persons",
    "human trafficking",
    "people smugling",
    "smugling of migrants",
    "border managment",
    "refugee protecton",
    "corupption",
    "fraudulent documnets",
    "labour exploitaton",
    "criminal justise",
    "unaccompanied minros",
    "victim identificaton",
    "money laundring",
    "irregular migraton",
    "tip",
    "iuu fishing",
]
CATEGORIES = ("expert text with typos", "expert filters", "expert text + filters", "focal points")


@dataclass(frozen=True)
class Query:
    category: str
    index_name: str
    args: tuple[tuple[str, str], ...]

    @property
    def path(self) -> str:
        endpoint = "experts" if self.index_name == "experts" else "focal-points"
        return f"/api/v1/{endpoint}?{urlencode(self.args)}"


def typo(word: str, rng: random.Random) -> str:
    """One edit inside the word (never its first letter): what typo tolerance must forgive."""
    if len(word) < 5:
        return word
    position = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "swap", "double", "replace"))
    if kind == "drop":
        return word[:position] + word[position + 1 :]
    if kind == "swap":
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind == "double":
        return word[:position] + word[position] + word[position:]
    replacement = rng.choice([c for c in "aeiounrst" if c != word[position]])
    return word[:position] + replacement + word[position + 1 :]


def _misspelt_name(name: str, rng: random.Random) -> str:
    words = [word for word in name.split() if re.fullmatch(r"[A-Za-z]{5,}", word)]
    if not words:
        return name
    chosen = rng.choice(words)
    others = [word for word in name.split() if word != chosen][:1]
    return " ".join([*others, typo(chosen, rng)])


def _names(column, id_column, count: int, rng: random.Random, *where) -> list[str]:
    """Names of rows picked by seeded ids: the same data and seed give the same names."""
    low, high = db.session.execute(select(func.min(id_column), func.max(id_column))).one()
    wanted = rng.sample(range(low, high + 1), min(count * 2, high - low + 1))
    statement = select(id_column, column).where(id_column.in_(wanted), *where).order_by(id_column)
    return [name for _, name in db.session.execute(statement) if name][:count]


def _filters(rng, areas, languages, nationalities) -> list[tuple[str, str]]:
    args = [("thematic_area", rng.choice(areas)), ("language", rng.choice(languages))]
    if rng.random() < 0.5:
        args.append(("min_level", rng.choice(("working", "fluent"))))
    if rng.random() < 0.5:
        start = date.today() + timedelta(days=rng.randint(10, 300))
        args += [
            ("available_from", start.isoformat()),
            ("available_to", (start + timedelta(days=rng.randint(0, 7))).isoformat()),
        ]
    if rng.random() < 0.2:
        args.append(("nationality", rng.choice(nationalities)))
    return args


def build_mix(seed: int, size: int = 48) -> list[Query]:
    """`size` queries, a quarter of each category (needs an app context and loaded data)."""
    rng = random.Random(seed)
    areas = sorted(db.session.scalars(select(ThematicArea.code)))
    languages = [
        code
        for code, count in db.session.execute(
            select(ExpertLanguage.code, func.count())
            .group_by(ExpertLanguage.code)
            .order_by(func.count().desc(), ExpertLanguage.code)
            .limit(6)
        )
    ]
    nationalities = sorted(db.session.scalars(select(Expert.nationality).distinct()))
    members = sorted(db.session.scalars(select(Member.code)))
    names = _names(Expert.full_name, Expert.id, size, rng)
    acronyms = sorted(
        {acronym for acronym in db.session.scalars(select(Agency.acronym).distinct()) if acronym}
    )
    holders = _names(
        FocalPointHolder.full_name,
        FocalPointHolder.id,
        size,
        rng,
        FocalPointHolder.ended_on.is_(None),
    )
    quarter = max(1, size // 4)
    queries = []
    for index in range(quarter):
        q = _misspelt_name(names[index % len(names)], rng) if index % 3 else None
        q = q or rng.choice(THEME_TYPOS)
        queries.append(Query(CATEGORIES[0], "experts", (("q", q),)))
    for _ in range(quarter):
        args = _filters(rng, areas, languages, nationalities)
        queries.append(Query(CATEGORIES[1], "experts", tuple(args)))
    for _ in range(quarter):
        q = rng.choice(THEME_TYPOS)
        args = [("q", q), *_filters(rng, areas, languages, nationalities)[:2]]
        queries.append(Query(CATEGORIES[2], "experts", tuple(args)))
    for index in range(quarter):
        kind = index % 3
        if kind == 0:
            args = [("q", _misspelt_name(rng.choice(holders), rng))]
        elif kind == 1:
            args = [("q", rng.choice(acronyms)), ("member", rng.choice(members))]
        else:
            args = [("member", rng.choice(members)), ("thematic_area", rng.choice(areas))]
        queries.append(Query(CATEGORIES[3], "focal_points", tuple(args)))
    return queries
