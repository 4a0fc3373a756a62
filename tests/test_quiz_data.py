"""The quiz's options do not give the answer away (data/perehdytys/testi.yml)."""
from __future__ import annotations

import yaml

from conftest import ROOT

QUIZ = ROOT / "data" / "perehdytys" / "testi.yml"


def questions() -> list[dict]:
    return yaml.safe_load(QUIZ.read_text(encoding="utf-8"))["questions"]


def right_index(question: dict) -> int:
    return next(i for i, option in enumerate(question["options"]) if option.get("correct"))


def test_the_longest_option_is_right_in_at_most_a_third_of_the_questions():
    qs = questions()
    lengths = [[len(o["text"]) for o in q["options"]] for q in qs]
    longest = [q["id"] for q, ls in zip(qs, lengths, strict=True) if ls[right_index(q)] == max(ls)]  # ties count
    shortest = [q["id"] for q, ls in zip(qs, lengths, strict=True) if ls[right_index(q)] == min(ls)]
    assert len(longest) * 3 <= len(qs), longest
    assert len(shortest) * 3 <= len(qs), shortest  # nor the opposite habit


def test_the_right_answer_is_not_always_in_the_same_place():
    qs = questions()
    places = [right_index(q) for q in qs]
    assert max(places.count(p) for p in set(places)) * 2 <= len(qs), places
