"""The exercise markup is the contract between Python and the browser code: pinned in a golden
file, so any change to it shows in review.

After an intended change, regenerate the file and review its diff:
    .venv/bin/python -m pytest tests/unit/test_golden.py --update-golden
"""

from __future__ import annotations

import html
import json
import re

from helpers import ROOT, fixture_exercises

import widgets

GOLDEN = ROOT / "tests" / "golden" / "exercise-markup.txt"
PROPS_ATTRIBUTE = re.compile(r' data-props="([^"]*)"')


def readable(exercise) -> str:
    """The markup of one exercise, with its data-props pulled out as indented JSON to diff well."""
    markup = widgets.markup(widgets.props(exercise))
    [attribute] = PROPS_ATTRIBUTE.findall(markup)
    props = json.loads(html.unescape(attribute))
    shown = PROPS_ATTRIBUTE.sub(' data-props="(hieronder)"', markup)
    return f"===== {exercise.id} ({exercise.kind})\n{shown.strip()}\n----- data-props\n" + json.dumps(
        props, ensure_ascii=False, indent=1, sort_keys=True
    )


def test_exercise_markup_matches_the_golden_file(request):
    exercises = fixture_exercises().values()
    assert {e.kind for e in exercises} == set(widgets._contract.KINDS), "one exercise of every kind"
    current = "\n".join(readable(e) for e in exercises) + "\n"
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(current, encoding="utf-8")
    assert GOLDEN.is_file(), f"no golden file: run pytest {__file__} --update-golden"
    assert current == GOLDEN.read_text(encoding="utf-8"), (
        "the exercise markup changed; if that is intended, run pytest --update-golden and review the diff"
    )


def test_data_props_is_the_props_as_stable_json():
    """What the golden file shows as indented JSON is, byte for byte, props_json in the page."""
    for exercise in fixture_exercises().values():
        props = widgets.props(exercise)
        [attribute] = PROPS_ATTRIBUTE.findall(widgets.markup(props))
        assert html.unescape(attribute) == widgets._props.props_json(props)
