"""Chart specs, built with Altair in Python and drawn in the browser by a local Vega bundle.

Each chart that follows a reader's answers reads them from one named data set; the browser
replaces that set's rows (`view.data(name, rows)`), so no Python runs on the site. The specs
are plain JSON and the same for every build, so nbval can compare them.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any, NamedTuple

import altair as alt

from ._contract import BAND_FLOORS, BAND_NAMES, SCALE_MAX, SCALE_MIN
from ._schema import Illustration, Scan


class DataSet(NamedTuple):
    """A named data set that the browser fills: its name, and the field that holds each role.

    The browser code builds rows by role (`dimension`, `score`, …) and renames them with
    `fields` (static/logic.js `chartRows`), so these names are written only here.
    """

    name: str
    fields: dict[str, str]

    def json(self) -> dict[str, Any]:
        return {"name": self.name, "fields": dict(self.fields)}


PROFILE = DataSet("profiel", {"dimension": "dimensie", "score": "score"})
"""A self-scan's chart: one row per dimension."""
OVERVIEW_QUIZ = DataSet("quizscores", {"label": "oefening", "percent": "procent", "outcome": "uitslag"})
OVERVIEW_SCAN = DataSet("scanprofielen", {"label": "scan", "dimension": "dimensie", "score": "score"})
TEAM = DataSet("team", {"person": "deelnemer", "dimension": "dimensie", "score": "score"})
CALIBRATION = DataSet("kalibratie", {"level": "zekerheid", "percent": "procent", "outcome": "uitslag"})
"""'Hoe zeker was je?': one row per level of certainty that the reader used."""

_INK = "#1f3b73"
_BAND_SHADES = ["#f1e3e3", "#f4efd9", "#e1efe4"]


def _bands() -> list[dict[str, Any]]:
    edges = [*BAND_FLOORS.values(), float(SCALE_MAX)]
    return [
        {"band": BAND_NAMES[name], "van": low, "tot": high}
        for name, low, high in zip(BAND_FLOORS, edges, edges[1:], strict=False)
    ]


_SCORE_AXIS = alt.Axis(values=list(range(SCALE_MIN, SCALE_MAX + 1)), format="d")
_SCORE_SCALE = alt.Scale(domain=[SCALE_MIN, SCALE_MAX])
_SCORE_TITLE = f"Score ({SCALE_MIN} tot {SCALE_MAX})"


def _band_layer() -> alt.Chart:
    order = [b["band"] for b in _bands()]
    return (
        alt.Chart(alt.InlineData(values=_bands()))
        .mark_rect(opacity=0.9)
        .encode(
            x=alt.X("van:Q", scale=_SCORE_SCALE, title=_SCORE_TITLE, axis=_SCORE_AXIS),
            x2="tot:Q",
            color=alt.Color(
                "band:N",
                scale=alt.Scale(domain=order, range=_BAND_SHADES),
                legend=alt.Legend(title="Uitkomst", orient="bottom", direction="vertical"),
                sort=order,
            ),
        )
    )


def _to_dict(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec = chart.to_dict()
    spec.pop("$schema", None)  # a URL nobody needs to fetch; keeps the page free of it
    return spec


def scan_chart(scan: Scan) -> dict[str, Any]:
    """A bar per dimension over the shaded score bands; rows arrive from the reader's answers."""
    names = [d.name for d in scan.dimensions]
    f = PROFILE.fields
    rows = [{f["dimension"]: name, f["score"]: None} for name in names]
    score = alt.X(f"{f['score']}:Q", scale=_SCORE_SCALE, axis=_SCORE_AXIS)
    # Long names go on several lines, so the bars keep room on a phone.
    lines = {name: textwrap.wrap(name, 16) for name in names}
    dimension = alt.Y(
        f"{f['dimension']}:N",
        sort=names,
        title=None,
        axis=alt.Axis(labelFontSize=12, labelExpr=f"{json.dumps(lines)}[datum.label]"),
    )
    bars = (
        alt.Chart()
        .mark_bar(color=_INK, height=14)
        .encode(
            x=score,
            x2=alt.datum(SCALE_MIN),  # bars grow from the bottom of the scale, not from 0
            y=dimension,
            tooltip=[
                alt.Tooltip(f"{f['dimension']}:N", title="Dimensie"),
                alt.Tooltip(f"{f['score']}:Q", title="Score", format=".1f"),
            ],
        )
    )
    labels = (
        alt.Chart()
        .mark_text(align="left", dx=4, color=_INK)
        .encode(x=score, y=dimension, text=alt.Text(f"{f['score']}:Q", format=".1f"))
    )
    profile = alt.layer(bars, labels, data=alt.InlineData(values=rows, name=PROFILE.name))
    step = max(34, 16 * max(len(wrapped) for wrapped in lines.values()))
    chart = alt.layer(_band_layer(), profile).properties(width="container", height=step * len(names))
    return _to_dict(chart.configure_view(stroke=None))


def illustration_chart(illustration: Illustration) -> dict[str, Any]:
    """The chart of an illustration in the text: complexity of a question against intensity."""
    rows = [point.model_dump() for point in illustration.points]
    base = alt.Chart(alt.InlineData(values=rows)).encode(
        x=alt.X(
            "complexiteit:Q",
            scale=alt.Scale(domain=[0.5, 6.5]),
            title="Complexiteit van de vraag (1 tot 5)",
            axis=alt.Axis(tickCount=5, values=[1, 2, 3, 4, 5]),
        ),
        y=alt.Y(
            "intensiteit:Q",
            scale=alt.Scale(domain=[0.5, 5.5]),
            title="Intensiteit van de samenwerking (1 tot 5)",
            axis=alt.Axis(values=[1, 2, 3, 4, 5]),
        ),
    )
    line = base.mark_line(color="#8a8f98", strokeDash=[4, 4])
    points = base.mark_point(filled=True, size=110, color=_INK).encode(
        tooltip=[alt.Tooltip("vraag:N", title="Vraag"), alt.Tooltip("vorm:N", title="Vorm")]
    )
    labels = base.mark_text(align="left", dx=9, dy=-9, color="#222").encode(text="vorm:N")
    chart = alt.layer(line, points, labels).properties(
        width="container",
        height=300,
        # two lines: on one line the title is wider than a phone (320 px), and Vega cuts it off
        title=["Illustratie: hoe complexer de vraag,", "hoe intensiever de samenwerking"],
    )
    return _to_dict(chart)


def overview_chart() -> dict[str, Any]:
    """'Mijn resultaten': quiz scores per exercise above, self-scan profiles below."""
    q, p = OVERVIEW_QUIZ.fields, OVERVIEW_SCAN.fields
    quiz = (
        alt.Chart(alt.InlineData(values=[], name=OVERVIEW_QUIZ.name))
        .mark_bar(color=_INK)
        .encode(
            x=alt.X(f"{q['percent']}:Q", scale=alt.Scale(domain=[0, 100]), title="Goed beantwoord (%)"),
            y=alt.Y(f"{q['label']}:N", sort=None, title=None),
            tooltip=[
                alt.Tooltip(f"{q['label']}:N", title="Oefening"),
                alt.Tooltip(f"{q['outcome']}:N", title="Uitslag"),
            ],
        )
        .properties(width="container", title="Quizzen en oefeningen")
    )
    scans = (
        alt.Chart(alt.InlineData(values=[], name=OVERVIEW_SCAN.name))
        .mark_bar(color=_INK)
        .encode(
            x=alt.X(f"{p['score']}:Q", scale=_SCORE_SCALE, title=_SCORE_TITLE, axis=_SCORE_AXIS),
            x2=alt.datum(SCALE_MIN),
            y=alt.Y(f"{p['dimension']}:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
            tooltip=[
                alt.Tooltip(f"{p['label']}:N", title="Zelfscan"),
                alt.Tooltip(f"{p['dimension']}:N", title="Dimensie"),
                alt.Tooltip(f"{p['score']}:Q", title="Score", format=".1f"),
            ],
        )
        .properties(width="container", title="Zelfscans: je profielen")
    )
    return _to_dict(alt.vconcat(quiz, scans).resolve_scale(y="independent"))


def team_chart() -> dict[str, Any]:
    """The team page: each pasted profile as a dot per dimension, and the team's spread."""
    f = TEAM.fields
    base = alt.Chart(alt.InlineData(values=[], name=TEAM.name))
    spread = base.mark_rule(color="#8a8f98", strokeWidth=6, opacity=0.6).encode(
        x=alt.X(f"min({f['score']}):Q", scale=_SCORE_SCALE, title=_SCORE_TITLE, axis=_SCORE_AXIS),
        x2=f"max({f['score']}):Q",
        y=alt.Y(f"{f['dimension']}:N", sort=None, title=None),
    )
    dots = base.mark_point(filled=True, size=90, color=_INK).encode(
        x=f"{f['score']}:Q",
        y=alt.Y(f"{f['dimension']}:N", sort=None),
        shape=alt.Shape(f"{f['person']}:N", legend=alt.Legend(title="Deelnemer", orient="bottom")),
        tooltip=[
            alt.Tooltip(f"{f['person']}:N", title="Deelnemer"),
            alt.Tooltip(f"{f['dimension']}:N", title="Dimensie"),
            alt.Tooltip(f"{f['score']}:Q", title="Score", format=".1f"),
        ],
    )
    return _to_dict(alt.layer(spread, dots).properties(width="container", title="Profielen van het team"))


def calibration_chart(levels: tuple[str, ...]) -> dict[str, Any]:
    """'Hoe zeker was je?': per level of certainty, the share of quiz answers that was right.

    Well calibrated, 'zeker' scores highest and 'gok' lowest; a short bar at 'zeker' shows
    where the reader was sure and wrong, the answers that are worth reviewing first.
    """
    f = CALIBRATION.fields
    base = alt.Chart(alt.InlineData(values=[], name=CALIBRATION.name)).encode(
        x=alt.X(f"{f['percent']}:Q", scale=alt.Scale(domain=[0, 100]), title="Goed beantwoord (%)"),
        y=alt.Y(f"{f['level']}:N", sort=list(levels), scale=alt.Scale(domain=list(levels)), title="Hoe zeker je was"),
    )
    bars = base.mark_bar(color=_INK, height=14, yOffset=-6).encode(
        tooltip=[alt.Tooltip(f"{f['level']}:N", title="Zekerheid"), alt.Tooltip(f"{f['outcome']}:N", title="Uitslag")]
    )
    # Under each bar, from its start: a label after the bar's end would run off a narrow screen.
    labels = base.mark_text(align="left", baseline="top", dy=4, color=_INK).encode(
        x=alt.datum(0), text=f"{f['outcome']}:N"
    )
    chart = alt.layer(bars, labels).properties(
        width="container", height=44 * len(levels), title=["Hoe zeker je was,", "en hoe vaak je gelijk had"]
    )
    return _to_dict(chart)
