"""tools/panel.py: the panel file hides the keys, and the scorer counts right per chapter."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from helpers import ROOT

spec = importlib.util.spec_from_file_location("panel", ROOT / "tools" / "panel.py")
panel = importlib.util.module_from_spec(spec)
sys.modules["panel"] = panel  # dataclasses look their module up
spec.loader.exec_module(panel)


def question(letter: str, keys: list[str], distractors: list[str]) -> str:
    """Question h1-q-<letter> of the chapter 1 quiz: its right options, then its wrong ones."""
    options = [f'{{text: {text}, correct: true, feedback: "Juist."}}' for text in keys]
    options += [f'{{text: {text}, feedback: "Niet juist."}}' for text in distractors]
    head = f"      - id: h1-q-{letter}\n        text: Vraag {letter}?\n        read_more: x\n        goals: [g]\n"
    return head + "        options:\n" + "".join(f"          - {option}\n" for option in options)


DATA = {
    "h1-een.yml": "\nexercises:\n  - id: h1-quiz\n    kind: quiz\n    title: Een\n    questions:\n"
    + question("a", ["Sleutel-a-tekst."], ["Afleider-a-een.", "Afleider-a-twee."])
    + question("b", ["Sleutel-b-een.", "Sleutel-b-twee."], ["Afleider-b."]),
    "h2-twee.yml": """
exercises:
  - id: h2-sort
    kind: sort
    title: Twee
    goals: [g]
    categories: [{id: p, name: Pee}, {id: q, name: Kuu}]
    items:
      - {id: i1, text: Item een., category: q, feedback: Omdat.}
      - {id: i2, text: Item twee., category: p, feedback: Omdat.}
""",
}


@pytest.fixture
def data(tmp_path):
    for name, text in DATA.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_panel_file_shows_every_question_and_option_but_no_key_or_feedback(data, tmp_path):
    written = panel.write(data, tmp_path / "out", seed=1)
    assert [p.name for p in written] == ["panel-alle-vragen.md", "panel-h1.md", "panel-h2.md"]
    text = written[0].read_text(encoding="utf-8")
    for shown in ("h1-01", "h1-02", "h2-01", "h2-02", "Sleutel-a-tekst.", "Afleider-b.", "Pee", "Kuu"):
        assert shown in text
    # No key, no feedback, and no id: an id can name the answer ("h2-q-cijfers").
    for hidden in ("correct", "Juist.", "Niet juist.", "Omdat.", "h1-q-a", "h2-sort"):
        assert hidden not in text
    assert "h2-01" not in written[1].read_text(encoding="utf-8")


def test_answers_by_label_score_as_answers_by_id(data):
    questions = panel.panel_questions(data, seed=3)
    a = next(q for q in questions if q.id == "h1-q-a")
    assert a.label == "h1-01"
    by_label = panel.score(questions, panel.read_answers(f"h1-01: {''.join(a.keys)}"))
    by_id = panel.score(questions, panel.read_answers(f"h1-q-a: {''.join(a.keys)}"))
    assert by_label == by_id
    assert (by_label[0].right, by_label[0].total) == (1, 2)


def test_the_order_is_fixed_by_the_seed_and_the_keys_follow_the_shuffle(data):
    once, again = panel.panel_questions(data, seed=7), panel.panel_questions(data, seed=7)
    assert once == again
    a = next(q for q in once if q.id == "h1-q-a")
    assert [a.options[ord(k) - ord("A")] for k in a.keys] == ["Sleutel-a-tekst."]
    orders = {panel.panel_questions(data, seed=s)[0].options for s in range(20)}
    assert len(orders) > 1, "another seed gives another order"


def test_the_scorer_counts_exact_matches_per_chapter_with_chance(data):
    questions = {q.id: q for q in panel.panel_questions(data, seed=3)}
    wrong_a = next(letter for letter in "ABC" if letter not in questions["h1-q-a"].keys)
    answers = panel.read_answers(
        "# een panel\n"
        f"h1-q-a: {wrong_a}\n"
        f"h1-q-b: {', '.join(sorted(questions['h1-q-b'].keys)).lower()}\n"
        f"h2-sort/i1: {''.join(questions['h2-sort/i1'].keys)}\n"
    )
    scores = {s.label: s for s in panel.score(list(questions.values()), answers)}
    assert (scores["h1"].right, scores["h1"].total) == (1, 2)
    assert (scores["h2"].right, scores["h2"].total) == (1, 2), "a question left open counts as wrong"
    assert (scores["totaal"].right, scores["totaal"].total) == (2, 4)
    assert scores["h1"].chance == pytest.approx((1 / 3 + 1 / 7) / 2)
    assert scores["h2"].chance == pytest.approx(1 / 2)


def test_a_half_right_multiple_answer_is_wrong_and_a_chapter_not_answered_is_left_out(data):
    questions = panel.panel_questions(data, seed=3)
    b = next(q for q in questions if q.id == "h1-q-b")
    scores = panel.score(questions, {"h1-q-b": frozenset(sorted(b.keys)[:1])})
    assert [(s.label, s.right, s.total) for s in scores] == [("h1", 0, 2), ("totaal", 0, 2)]


@pytest.mark.parametrize("text", ["h1-q-a B", "h1-q-a: G", "h1-q-a: B;C"])
def test_an_unreadable_line_is_named(text):
    with pytest.raises(panel.AnswersError, match="regel 1"):
        panel.read_answers(text)


def test_an_unknown_question_is_named(data):
    with pytest.raises(panel.AnswersError, match="h9-q-x"):
        panel.score(panel.panel_questions(data), {"h9-q-x": frozenset("A")})
