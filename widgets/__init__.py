"""Interactive exercises for the book Integraal samenwerken.

Authors write exercises as YAML in data/ (see data/README.md); a chapter shows one with
``widgets.show("id")``. The same browser code makes it interactive live in Jupyter and on the
static site.
"""

from __future__ import annotations

from ._answer_key import answer_key
from ._learning import review_page
from ._load import DataError, data_dir, find, load_all, load_file, load_illustration
from ._pages import figure, results_page, team_page
from ._props import markup, props
from ._schema import Exercise
from ._widget import ExerciseWidget
from ._yaml_text import kind_of

__all__ = [
    "DataError",
    "Exercise",
    "ExerciseWidget",
    "answer_key",
    "data_dir",
    "figure",
    "find",
    "load_all",
    "load_file",
    "load_illustration",
    "markup",
    "props",
    "results_page",
    "review_page",
    "show",
    "team_page",
]


def show(exercise_id: str) -> ExerciseWidget:
    """The widget for an exercise in data/; a notebook cell displays it."""
    if not isinstance(exercise_id, str):  # a list, a number: say so in Dutch, not a bare TypeError
        raise TypeError(
            f'widgets.show() toont één oefening: geef haar id als tekst, zoals widgets.show("h1-quiz"); '
            f"gekregen: {kind_of(exercise_id)}. Meer oefeningen: één widgets.show() per cel."
        )
    return ExerciseWidget(props=props(find(exercise_id)))
