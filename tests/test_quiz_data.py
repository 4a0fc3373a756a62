"""The quiz's options do not give the answer away (data/perehdytys/testi.yml)."""
from __future__ import annotations

import re

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


# Words that cite the guideline as the authority: only the right option would carry them.
TELLS = ["ohjeen mukaan", "ohje sanoo", "ohjeessa sanotaan", "ohjeen perusteella", "ohjeistuksen mukaan",
         "kuten ohjeessa"]


def test_no_option_gives_itself_away_by_citing_the_guideline():
    """Walk 23 J3-6: question 1's right option began "Ohjeen mukaan…"."""
    for q in questions():
        for option in q["options"]:
            said = option["text"].lower()
            assert not [t for t in TELLS if t in said], (q["id"], option["text"])
        # A mention of the guideline itself ("ohje", "ohjetta"…) only in the right option is a tell too.
        citing = [bool(re.search(r"\bohje\w*", o["text"], re.I)) for o in q["options"]]
        assert not citing[right_index(q)] or sum(citing) > 1, (q["id"], citing)


def test_the_right_option_is_not_systematically_the_longest():
    """Measured over all questions: no right option far longer than every wrong one, nor on average."""
    qs = questions()
    right, wrong = [], []
    for q in qs:
        lengths = [len(o["text"]) for o in q["options"]]
        others = [n for i, n in enumerate(lengths) if i != right_index(q)]
        right.append(lengths[right_index(q)])
        wrong.extend(others)
        assert lengths[right_index(q)] <= 1.25 * max(others), (q["id"], lengths)
    assert sum(right) / len(right) <= 1.1 * sum(wrong) / len(wrong), (right, wrong)
