"""Outputs for notebook cells that are not exercises: a figure in the text, 'Mijn resultaten'
and the team page. Each shows as HTML that the site's loader brings to life; like the
exercises, their behaviour lives in the browser code, not in Python.
"""

from __future__ import annotations

from ._contract import CONFIDENCE, SCALE_MAX, SCALE_MIN
from ._load import load_all, load_illustration
from ._props import props_json, render_template, scan_identity
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
    from ._charts import CALIBRATION, OVERVIEW_QUIZ, OVERVIEW_SCAN, calibration_chart, overview_chart

    chart = {
        "spec": overview_chart(),
        "data": {"quizzes": OVERVIEW_QUIZ.json(), "scans": OVERVIEW_SCAN.json()},
        "scale_min": SCALE_MIN,
        "scale_max": SCALE_MAX,
        "calibration": {"spec": calibration_chart(CONFIDENCE), "data": CALIBRATION.json(), "levels": list(CONFIDENCE)},
    }
    return Page(render_template("results.html.j2", chart_json=props_json(chart)), "mijn-resultaten")


def team_page() -> Page:
    """The team page: pasted result codes side by side; the scans it knows, by id."""
    from ._charts import TEAM, team_chart

    scans = {exercise.id: scan_identity(exercise) for exercise, _ in load_all().values() if isinstance(exercise, Scan)}
    team = {"spec": team_chart(), "data": TEAM.json(), "scans": scans}
    html = render_template("team.html.j2", team_json=props_json(team))
    return Page(html, "team")
