"""Chart specs, built with Altair in Python and drawn in the browser by a local Vega bundle.

Each chart that follows a reader's answers reads them from one named data set; the browser
replaces that set's rows (`view.data(name, rows)`), so no Python runs on the site. The specs
are plain JSON and the same for every build, so nbval can compare them.
"""

from __future__ import annotations

import json
import textwrap

import altair as alt

from ._schema import BAND_FLOORS, Illustration, Scan

PROFILE = "profiel"
"""The named data set of a self-scan chart: one row per dimension, {dimensie, score}."""
OVERVIEW_QUIZ = "quizscores"
OVERVIEW_SCAN = "scanprofielen"
TEAM = "team"

_INK = "#1f3b73"
_BAND_SHADES = ["#f1e3e3", "#f4efd9", "#e1efe4"]
_BAND_NAMES = {"laag": "Nog in ontwikkeling", "midden": "Op weg", "hoog": "Sterk ontwikkeld"}


def _bands() -> list[dict]:
    edges = [*BAND_FLOORS.values(), 5.0]
    return [
        {"band": _BAND_NAMES[name], "van": low, "tot": high}
        for name, low, high in zip(BAND_FLOORS, edges, edges[1:])
    ]


_SCORE_AXIS = alt.Axis(values=[1, 2, 3, 4, 5], format="d")


def _band_layer() -> alt.Chart:
    order = [b["band"] for b in _bands()]
    return (
        alt.Chart(alt.InlineData(values=_bands()))
        .mark_rect(opacity=0.9)
        .encode(
            x=alt.X("van:Q", scale=alt.Scale(domain=[1, 5]), title="Score (1 tot 5)", axis=_SCORE_AXIS),
            x2="tot:Q",
            color=alt.Color(
                "band:N",
                scale=alt.Scale(domain=order, range=_BAND_SHADES),
                legend=alt.Legend(title="Uitkomst", orient="bottom", direction="vertical"),
                sort=order,
            ),
        )
    )


def _to_dict(chart: alt.TopLevelMixin) -> dict:
    spec = chart.to_dict()
    spec.pop("$schema", None)  # a URL nobody needs to fetch; keeps the page free of it
    return spec


def scan_chart(scan: Scan) -> dict:
    """A bar per dimension over the shaded score bands; rows arrive from the reader's answers."""
    names = [d.name for d in scan.dimensions]
    rows = [{"dimensie": name, "score": None} for name in names]
    score = alt.X("score:Q", scale=alt.Scale(domain=[1, 5]), axis=_SCORE_AXIS)
    # Long names go on several lines, so the bars keep room on a phone.
    lines = {name: textwrap.wrap(name, 16) for name in names}
    dimension = alt.Y("dimensie:N", sort=names, title=None,
                      axis=alt.Axis(labelFontSize=12, labelExpr=f"{json.dumps(lines)}[datum.label]"))
    bars = alt.Chart().mark_bar(color=_INK, height=14).encode(
        x=score,
        x2=alt.datum(1),  # bars grow from the bottom of the scale, 1, not from 0
        y=dimension,
        tooltip=[alt.Tooltip("dimensie:N", title="Dimensie"), alt.Tooltip("score:Q", title="Score", format=".1f")],
    )
    labels = alt.Chart().mark_text(align="left", dx=4, color=_INK).encode(
        x=score, y=dimension, text=alt.Text("score:Q", format=".1f")
    )
    profile = alt.layer(bars, labels, data=alt.InlineData(values=rows, name=PROFILE))
    step = max(34, 16 * max(len(wrapped) for wrapped in lines.values()))
    chart = alt.layer(_band_layer(), profile).properties(width="container", height=step * len(names))
    return _to_dict(chart.configure_view(stroke=None))


def illustration_chart(illustration: Illustration) -> dict:
    """The chart of an illustration in the text: complexity of a question against intensity."""
    rows = [point.model_dump() for point in illustration.points]
    base = alt.Chart(alt.InlineData(values=rows)).encode(
        x=alt.X("complexiteit:Q", scale=alt.Scale(domain=[0.5, 6.5]), title="Complexiteit van de vraag (1 tot 5)",
                axis=alt.Axis(tickCount=5, values=[1, 2, 3, 4, 5])),
        y=alt.Y("intensiteit:Q", scale=alt.Scale(domain=[0.5, 5.5]), title="Intensiteit van de samenwerking (1 tot 5)",
                axis=alt.Axis(values=[1, 2, 3, 4, 5])),
    )
    line = base.mark_line(color="#8a8f98", strokeDash=[4, 4])
    points = base.mark_point(filled=True, size=110, color=_INK).encode(
        tooltip=[alt.Tooltip("vraag:N", title="Vraag"), alt.Tooltip("vorm:N", title="Vorm")]
    )
    labels = base.mark_text(align="left", dx=9, dy=-9, color="#222").encode(text="vorm:N")
    chart = alt.layer(line, points, labels).properties(
        width="container", height=300,
        # two lines: on one line the title is wider than a phone (320 px), and Vega cuts it off
        title=["Illustratie: hoe complexer de vraag,", "hoe intensiever de samenwerking"],
    )
    return _to_dict(chart)


def overview_chart() -> dict:
    """'Mijn resultaten': quiz scores per exercise above, self-scan profiles below."""
    quiz = (
        alt.Chart(alt.InlineData(values=[], name=OVERVIEW_QUIZ))
        .mark_bar(color=_INK)
        .encode(
            x=alt.X("procent:Q", scale=alt.Scale(domain=[0, 100]), title="Goed beantwoord (%)"),
            y=alt.Y("oefening:N", sort=None, title=None),
            tooltip=[alt.Tooltip("oefening:N", title="Oefening"), alt.Tooltip("uitslag:N", title="Uitslag")],
        )
        .properties(width="container", title="Quizzen en oefeningen")
    )
    scans = (
        alt.Chart(alt.InlineData(values=[], name=OVERVIEW_SCAN))
        .mark_bar(color=_INK)
        .encode(
            x=alt.X("score:Q", scale=alt.Scale(domain=[1, 5]), title="Score (1 tot 5)", axis=_SCORE_AXIS),
            x2=alt.datum(1),
            y=alt.Y("dimensie:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
            tooltip=[alt.Tooltip("scan:N", title="Zelfscan"), alt.Tooltip("dimensie:N", title="Dimensie"),
                     alt.Tooltip("score:Q", title="Score", format=".1f")],
        )
        .properties(width="container", title="Zelfscans: je profielen")
    )
    return _to_dict(alt.vconcat(quiz, scans).resolve_scale(y="independent"))


def team_chart() -> dict:
    """The team page: each pasted profile as a dot per dimension, and the team's spread."""
    base = alt.Chart(alt.InlineData(values=[], name=TEAM))
    spread = base.mark_rule(color="#8a8f98", strokeWidth=6, opacity=0.6).encode(
        x=alt.X("min(score):Q", scale=alt.Scale(domain=[1, 5]), title="Score (1 tot 5)", axis=_SCORE_AXIS),
        x2="max(score):Q",
        y=alt.Y("dimensie:N", sort=None, title=None),
    )
    dots = base.mark_point(filled=True, size=90, color=_INK).encode(
        x="score:Q",
        y=alt.Y("dimensie:N", sort=None),
        shape=alt.Shape("deelnemer:N", legend=alt.Legend(title="Deelnemer", orient="bottom")),
        tooltip=[alt.Tooltip("deelnemer:N", title="Deelnemer"), alt.Tooltip("dimensie:N", title="Dimensie"),
                 alt.Tooltip("score:Q", title="Score", format=".1f")],
    )
    return _to_dict(alt.layer(spread, dots).properties(width="container", title="Profielen van het team"))
