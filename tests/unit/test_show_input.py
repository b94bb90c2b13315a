"""In Jupyter, a wrong argument to widgets.show() or a wrong value for a widget's traits is
refused at once with a message an author understands, not deep inside the browser code."""

from __future__ import annotations

import pytest
import traitlets
from helpers import fixture_exercises

import widgets

FIXTURE = fixture_exercises()


@pytest.mark.parametrize(("argument", "found"), [(["t1-quiz", "t1-scan"], "een lijst"), (3, "een getal")])
def test_show_with_something_else_than_an_id_says_so_in_dutch(argument, found):
    with pytest.raises(TypeError) as error:
        widgets.show(argument)
    message = str(error.value)
    assert 'widgets.show() toont één oefening: geef haar id als tekst, zoals widgets.show("h1-quiz")' in message
    assert f"gekregen: {found}" in message


@pytest.mark.parametrize("trait", ["answers", "result"])
def test_answers_and_result_take_an_object_or_none_only(trait):
    widget = widgets.ExerciseWidget(props=widgets.props(FIXTURE["t1-quiz"]))
    assert getattr(widget, trait) is None
    setattr(widget, trait, {"questions": {}})
    setattr(widget, trait, None)
    with pytest.raises(traitlets.TraitError):
        setattr(widget, trait, ["niet", "goed"])
    with pytest.raises(traitlets.TraitError):
        setattr(widget, trait, "tekst")


def test_a_widget_without_an_exercise_s_props_says_how_to_make_one():
    with pytest.raises(ValueError, match=r'geen props van een oefening uit data/: maak haar met widgets.show\("id"\)'):
        widgets.ExerciseWidget(props={})._repr_mimebundle_()
