"""Outputs for notebook cells that are not exercises: a figure in the text, 'Mijn resultaten'
and the team page. Each shows as HTML that the site's loader brings to life; like the
exercises, their behaviour lives in the browser code, not in Python.
"""

from __future__ import annotations

from ._contract import CONFIDENCE
from ._load import load_all, load_illustration
from ._props import props_json, render_template
from ._schema import Scan


class _Html:
    """Shows as HTML in a notebook and on the site; a stable repr for nbval."""

    label = "uitvoer"

    def __init__(self, html: str, name: str):
        self.html = html
        self.name = name

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<{self.label} {self.name}>"


class Figure(_Html):
    label = "Figuur"


class Page(_Html):
    label = "Pagina"


def figure(name: str) -> Figure:
    """A chart in the text from data/illustraties/NAME.yml, with its caption and data table."""
    from ._charts import illustration_chart  # Altair loads only where a chart is drawn

    illustration = load_illustration(name)
    html = render_template(
        "figure.html.j2",
        id=f"figuur-{name}",
        illustration=illustration,
        spec_json=props_json(illustration_chart(illustration)),
    )
    return Figure(html, name)


def results_page() -> Page:
    """'Mijn resultaten': everything this browser keeps, in one overview chart and tables."""
    from ._charts import CALIBRATION, calibration_chart, overview_chart

    calibration = {"spec": calibration_chart(CONFIDENCE), "data": CALIBRATION, "levels": list(CONFIDENCE)}
    html = render_template(
        "results.html.j2", spec_json=props_json(overview_chart()), calibration_json=props_json(calibration)
    )
    return Page(html, "mijn-resultaten")


def team_page() -> Page:
    """The team page: pasted result codes side by side; the scans it knows, by id."""
    from ._charts import team_chart

    scans = {
        exercise.id: {"title": exercise.title, "dimensions": [d.name for d in exercise.dimensions]}
        for exercise, _ in load_all().values()
        if isinstance(exercise, Scan)
    }
    html = render_template(
        "team.html.j2", spec_json=props_json(team_chart()), scans_json=props_json(scans)
    )
    return Page(html, "team")
