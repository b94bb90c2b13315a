"""The exercise widget: one anywidget class whose behaviour lives in static/exercise.js.

Live in Jupyter the anywidget front end runs exercise.js against the kernel's model. On the
static site the same module runs against a small in-browser model made by static/loader.js from
the markup in this widget's text/html output; no Python runs there.
"""

from __future__ import annotations

import secrets
from typing import Any

import anywidget
import traitlets

from ._props import markup
from ._static_files import STATIC


class ExerciseWidget(anywidget.AnyWidget):
    """An exercise from data/, interactive live in Jupyter and on the static site."""

    _esm = STATIC / "exercise.js"
    _css = STATIC / "exercise.css"

    props = traitlets.Dict().tag(sync=True)
    # What the reader answered and what it came to, as exercise.js sets them: an object, or
    # None before any answer. Typed, so a wrong value from Python fails here, not in the browser.
    answers = traitlets.Dict(default_value=None, allow_none=True).tag(sync=True)
    result = traitlets.Dict(default_value=None, allow_none=True).tag(sync=True)
    seed = traitlets.Int().tag(sync=True)
    """The order in which this widget shows each question's options (widgets/js/logic.js, shuffledOrder)."""

    @traitlets.default("seed")
    def _random_seed(self) -> int:
        # Each widget its own order, as each reader of the site gets one.
        return secrets.randbits(32)

    def __repr__(self) -> str:
        # Stable, with no object address: nbval compares text/plain outputs.
        return f"<Oefening {self.props.get('id', '?')} ({self.props.get('kind', '?')})>"

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        if not isinstance(self.props.get("kind"), str):  # else the template fails deep inside Jinja
            raise ValueError(
                'deze oefening heeft geen props van een oefening uit data/: maak haar met widgets.show("id")'
            )
        data, metadata = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]  # ipywidgets says it may return None; it does not for a widget with a model
        data["text/plain"] = repr(self)
        data["text/html"] = markup(self.props)
        return data, metadata
