"""The exercise module runs the way anywidget runs it live in Jupyter: imported from a blob
URL (so no relative imports resolve) and given a model with get/set/on/save_changes."""

from __future__ import annotations

import json

from helpers import fixture_exercises
from site_checks import ANYWIDGET_HOST, next_frames

import widgets

FIXTURE = fixture_exercises()


def test_exercise_module_runs_as_anywidget_runs_it(browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content("<!DOCTYPE html><html lang='nl'><body></body></html>")
    source = widgets.ExerciseWidget(props={})._esm
    props = [widgets.props(FIXTURE[i]) for i in ("t1-quiz", "t1-scan", "t1-sort", "t1-reflectie")]
    page.evaluate(ANYWIDGET_HOST, [source, json.loads(json.dumps(props))])

    quiz = page.locator("#jupyter-t1-quiz")
    first = quiz.locator("fieldset").first
    # The options come in the order of the model's seed; the inputs carry authored indices.
    shown = [int(v) for v in first.locator(".isw-option input").evaluate_all("inputs => inputs.map(i => i.value)")]
    options = props[0]["questions"][0]["options"]
    assert sorted(shown) == list(range(len(options)))
    right = next(i for i, option in enumerate(options) if option["correct"])
    first.locator(f"input[value='{right}']").check()
    first.get_by_role("radio", name="zeker", exact=True).check()  # "Hoe zeker ben je?" works live too
    quiz.get_by_role("button", name="Controleer").first.click()
    assert quiz.locator(".isw-verdict").first.inner_text().startswith("✓ Goed")
    scan = page.locator("#jupyter-t1-scan")
    for statement in scan.locator("fieldset").all():
        statement.locator("input[value='2']").check()
    assert scan.locator(".isw-profile-table tbody tr").first.locator("td").first.inner_text() == "2"
    next_frames(page)  # the chart import fails here, as in Jupyter: the table remains
    assert scan.locator(".isw-chart").is_hidden()

    saved = page.evaluate("window.saved")
    last_quiz = [s for s in saved if s["id"] == "t1-quiz"][-1]
    assert last_quiz["result"]["score"] == 1 and last_quiz["answers"]["questions"]["een"]["checked"]
    assert last_quiz["answers"]["questions"]["een"]["chosen"] == [right]
    assert last_quiz["answers"]["questions"]["een"]["confidence"] == "zeker"
    assert "Je zei vooraf: zeker." in quiz.locator(".isw-confidence-said").first.inner_text()
    assert last_quiz["seed"] == 7, "the order comes from the model's seed, as Jupyter syncs it"
    assert errors == []
    page.close()
