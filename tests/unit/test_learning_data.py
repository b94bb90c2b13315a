"""Learning that lasts, on the Python side: fingerprints in the props, the catalog the site's
scripts read, the Herhalen page and the calibration chart."""

from __future__ import annotations

import html
import json
import re

from helpers import fixture_exercises

import widgets
from widgets import _charts, _contract, _learning
from widgets._props import answers_fingerprint, question_fingerprint

FIXTURE = fixture_exercises()


def edited(model, **changes):
    return model.model_copy(update=changes)


def test_a_question_fingerprint_follows_its_text_and_options_but_not_its_feedback():
    question = FIXTURE["t1-quiz"].questions[0]
    print_ = question_fingerprint(question)
    assert print_ == question_fingerprint(question), "stable across calls (and builds)"
    assert question_fingerprint(edited(question, text="Een andere vraag?")) != print_
    first, second, *rest = question.options
    swapped = [edited(first, correct=False), edited(second, correct=True), *rest]
    assert question_fingerprint(edited(question, options=swapped)) != print_, "another right answer"
    assert question_fingerprint(edited(question, options=[edited(first, text="Lichtblauw"), second, *rest])) != print_
    better = [edited(first, feedback="Een betere uitleg."), second, *rest]
    assert question_fingerprint(edited(question, options=better)) == print_, "feedback is not what was answered"


def test_every_exercise_carries_fingerprints_and_quizzes_ask_how_sure():
    for exercise in FIXTURE.values():
        props = widgets.props(exercise)
        assert props["answers_fingerprint"] == answers_fingerprint(exercise)
        if exercise.kind in ("quiz", "casus"):
            assert props["confidence"] == list(_contract.CONFIDENCE) == ["zeker", "twijfel", "gok"]
            assert [q["fingerprint"] for q in props["questions"]] == [
                question_fingerprint(q) for q in exercise.questions
            ]
    prints = {answers_fingerprint(exercise) for exercise in FIXTURE.values()}
    assert len(prints) == len(FIXTURE)


def test_the_catalog_lists_pages_fingerprints_and_read_more_sections():
    exercises = dict(FIXTURE)
    labels = {"t1-sectie": ("chapters/t1", "t1-sectie", "Een sectie")}
    book = _learning.catalog(
        [("chapters/t1", [*exercises, "onbekend"]), ("chapters/leeg", [])],
        exercises,
        uri=lambda docname: f"{docname}.html",
        titles={"chapters/t1": "Testhoofdstuk"},
        labels=labels,
        review="chapters/herhalen.html",
    )
    assert json.loads(json.dumps(book)) == book
    assert book["pages"] == {"chapters/t1.html": list(exercises)}
    quiz = book["exercises"]["t1-quiz"]
    assert quiz["page"] == "chapters/t1.html" and quiz["chapter"] == "Testhoofdstuk"
    assert set(quiz["questions"]) == {q.id for q in FIXTURE["t1-quiz"].questions}
    scan = book["exercises"]["t1-scan"]
    assert "questions" not in scan and scan["fingerprint"] == answers_fingerprint(FIXTURE["t1-scan"])
    assert book["sections"] == {"t1-sectie": {"href": "chapters/t1.html#t1-sectie", "title": "Een sectie"}}
    assert book["review"] == "chapters/herhalen.html"
    assert set(book) == {"pages", "exercises", "sections", "review"}, "only what the scripts read"


def test_the_review_page_carries_every_quiz_and_casus_question_and_nothing_else():
    page = widgets.review_page()
    assert repr(page) == "<Pagina herhalen>"
    match = re.search(r'data-exercises="([^"]*)"', page._repr_html_())
    carried = json.loads(html.unescape(match.group(1)))
    expected = {i for i, (e, _) in widgets.load_all().items() if e.kind in ("quiz", "casus")}
    assert set(carried) == expected and expected
    assert all(props["questions"] and props["confidence"] for props in carried.values())


def test_the_calibration_chart_reads_one_named_set_with_the_levels_in_order():
    spec = _charts.calibration_chart(_contract.CONFIDENCE)
    text = json.dumps(spec)
    assert f'"name": "{_charts.CALIBRATION.name}"' in text
    layer = spec["layer"][0]
    y = layer["encoding"]["y"] if "encoding" in layer else spec["encoding"]["y"]
    assert y["scale"]["domain"] == ["zeker", "twijfel", "gok"]
    for field in _charts.CALIBRATION.fields.values():
        assert f'"{field}' in text
