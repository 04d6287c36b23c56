"""Candidate duplicate experts: the same email in another case, the same phone, or a similar
name across scripts and diacritics. Names are compared only within blocks of shared normalised
keys, never every pair with every other."""

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.process import extract
from sqlalchemy import select

from roster.duplicates.keys import folded_name, name_blocks, phone_key
from roster.experts.models import Expert
from roster.extensions import db

SIMILAR_NAME = 90  # token_sort_ratio, 0..100
MAX_BLOCK = 300
REASONS = ("same email", "same phone", "similar name")


@dataclass(frozen=True)
class Candidate:
    expert_ids: tuple[int, int]
    reason: str
    score: float

    def to_api(self) -> dict:
        return {"expert_ids": list(self.expert_ids), "reason": self.reason, "score": self.score}


def _pairs(groups) -> set[tuple[int, int]]:
    found = set()
    for ids in groups:
        ids = sorted(ids)
        for position, first in enumerate(ids):
            for second in ids[position + 1 :]:
                found.add((first, second))
    return found


def _similar_names(ids_by_name: dict[str, list[int]]) -> dict[tuple[int, int], float]:
    """Pairs of experts whose folded names are equal, or similar within a shared block."""
    scores: dict[tuple[int, int], float] = {}
    for ids in ids_by_name.values():
        for pair in _pairs([ids]):
            scores[pair] = 1.0
    blocks: dict[str, list[str]] = defaultdict(list)
    for name in ids_by_name:
        for block in name_blocks(name):
            blocks[block].append(name)
    compared: set[tuple[str, str]] = set()
    for names in blocks.values():
        # A key shared by this many names says nothing (a common surname alone).
        if len(names) < 2 or len(names) > MAX_BLOCK:
            continue
        for position, name in enumerate(names[:-1]):
            later = names[position + 1 :]
            matches = extract(
                name, later, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR_NAME, limit=None
            )
            for _, score, column in matches:
                other = later[column]
                if (name, other) in compared:
                    continue
                compared.add((name, other))
                for first in ids_by_name[name]:
                    for second in ids_by_name[other]:
                        pair = (min(first, second), max(first, second))
                        scores[pair] = max(scores.get(pair, 0.0), score / 100)
    return scores


def candidates() -> list[Candidate]:
    """Every candidate pair once, under its strongest reason, surest first."""
    by_email: dict[str, list[int]] = defaultdict(list)
    by_phone: dict[str, list[int]] = defaultdict(list)
    ids_by_name: dict[str, list[int]] = defaultdict(list)
    statement = select(Expert.id, Expert.full_name, Expert.email, Expert.phone)
    for expert_id, full_name, email, phone in db.session.execute(statement):
        if email:
            by_email[email.casefold()].append(expert_id)
        if phone_key(phone):
            by_phone[phone_key(phone)].append(expert_id)
        if folded_name(full_name):
            ids_by_name[folded_name(full_name)].append(expert_id)
    found: dict[tuple[int, int], Candidate] = {}
    for pair in _pairs(ids for ids in by_email.values() if len(ids) > 1):
        found[pair] = Candidate(pair, "same email", 1.0)
    for pair in _pairs(ids for ids in by_phone.values() if len(ids) > 1):
        found.setdefault(pair, Candidate(pair, "same phone", 1.0))
    for pair, score in _similar_names(ids_by_name).items():
        found.setdefault(pair, Candidate(pair, "similar name", round(score, 3)))
    return sorted(
        found.values(),
        key=lambda item: (REASONS.index(item.reason), -item.score, item.expert_ids),
    )
