"""The judgement list is a fair yardstick: enough people and questions, every kind, a held-out
third, and every question names planted experts."""

from collections import Counter

from roster.demo.judgements import JUDGEMENTS, KINDS
from roster.demo.planted import BY_KEY, PLANTED
from roster.reference.data import THEMATIC_AREAS


def test_enough_distinct_planted_experts():
    assert len(PLANTED) >= 60
    assert len(BY_KEY) == len(PLANTED)
    assert len({expert.full_name for expert in PLANTED}) == len(PLANTED)
    for expert in PLANTED:
        assert set(expert.thematic_areas) <= set(THEMATIC_AREAS), expert.key


def test_enough_questions_of_every_kind_and_a_held_out_third():
    assert len(JUDGEMENTS) >= 100
    kinds = Counter(judgement.kind for judgement in JUDGEMENTS)
    assert set(kinds) == set(KINDS)
    assert min(kinds.values()) >= 15
    held_out = Counter(judgement.kind for judgement in JUDGEMENTS if judgement.held_out)
    for kind in KINDS:
        assert held_out[kind] * 3 == kinds[kind] - kinds[kind] % 3, kind
    assert len({judgement.q for judgement in JUDGEMENTS}) == len(JUDGEMENTS)


def test_every_question_names_planted_experts():
    for judgement in JUDGEMENTS:
        assert judgement.expected
        assert set(judgement.expected) <= set(BY_KEY), judgement.q
