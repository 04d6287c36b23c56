"""Ranking quality of a judgement list: mean reciprocal rank, recall@5 and nDCG@10."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    kind: str
    held_out: bool
    ranked: tuple[str, ...]
    expected: tuple[str, ...]

    @property
    def rank(self) -> int | None:
        """Position (from 1) of the first expected expert, None when not found."""
        return next((i + 1 for i, key in enumerate(self.ranked) if key in self.expected), None)


def reciprocal_rank(outcome: Outcome) -> float:
    rank = outcome.rank
    return 1.0 / rank if rank else 0.0


def recall_at(outcome: Outcome, k: int = 5) -> float:
    found = set(outcome.ranked[:k]) & set(outcome.expected)
    return len(found) / len(outcome.expected)


def ndcg_at(outcome: Outcome, k: int = 10) -> float:
    gains = sum(
        1.0 / math.log2(position + 2)
        for position, key in enumerate(outcome.ranked[:k])
        if key in outcome.expected
    )
    ideal = sum(1.0 / math.log2(position + 2) for position in range(min(k, len(outcome.expected))))
    return gains / ideal


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    """{"n", "mrr", "recall@5", "ndcg@10", "missed"} over `outcomes`."""
    count = len(outcomes) or 1
    return {
        "n": len(outcomes),
        "mrr": sum(map(reciprocal_rank, outcomes)) / count,
        "recall@5": sum(recall_at(outcome) for outcome in outcomes) / count,
        "ndcg@10": sum(ndcg_at(outcome) for outcome in outcomes) / count,
        "missed": sum(1 for outcome in outcomes if outcome.rank is None),
    }


def by_kind(outcomes: list[Outcome], kinds) -> dict[str, dict[str, float]]:
    """summary() per kind of question, then over all of them as "all"."""
    table = {kind: summary([o for o in outcomes if o.kind == kind]) for kind in kinds}
    table["all"] = summary(outcomes)
    return table


def evaluate(judgements, ranked_keys) -> list[Outcome]:
    """The outcome of every judgement; `ranked_keys(q)` answers the planted keys in order."""
    return [
        Outcome(
            judgement.kind, judgement.held_out, tuple(ranked_keys(judgement.q)), judgement.expected
        )
        for judgement in judgements
    ]
