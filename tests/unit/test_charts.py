"""Chart specs: Altair-built, offline, deterministic, with the named data sets the browser fills."""

from __future__ import annotations

import json

from helpers import ROOT, fixture_exercises

import widgets
from widgets import _charts

FIXTURE = fixture_exercises()


def named_data(spec) -> set[str]:
    found = set()

    def walk(node):
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and "name" in data and not data["name"].startswith("data-"):
                found.add(data["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def test_scan_chart_has_one_bar_per_dimension_in_a_named_data_set():
    spec = _charts.scan_chart(FIXTURE["t1-scan"])
    assert named_data(spec) == {_charts.PROFILE.name}
    text = json.dumps(spec)
    assert '"dimensie": "Weten"' in text and '"dimensie": "Voelen"' in text
    assert "Nog in ontwikkeling" in text and "Sterk ontwikkeld" in text  # the shaded bands


def test_scan_props_carry_the_chart_and_the_names_of_its_data():
    chart = widgets.props(FIXTURE["t1-scan"])["chart"]
    assert chart == {"spec": _charts.scan_chart(FIXTURE["t1-scan"]), "data": _charts.PROFILE.json()}


def test_specs_are_deterministic_and_name_no_other_origin():
    specs = [
        _charts.scan_chart(FIXTURE["t1-scan"]),
        _charts.illustration_chart(widgets.load_illustration("intensiteit", ROOT / "data")),
        _charts.overview_chart(),
        _charts.team_chart(),
    ]
    for spec in specs:
        text = json.dumps(spec, sort_keys=True)
        assert "http" not in text and "$schema" not in text
    assert json.dumps(specs[0], sort_keys=True) == json.dumps(_charts.scan_chart(FIXTURE["t1-scan"]), sort_keys=True)


def test_overview_and_team_charts_read_the_sets_the_browser_fills():
    assert named_data(_charts.overview_chart()) == {_charts.OVERVIEW_QUIZ.name, _charts.OVERVIEW_SCAN.name}
    assert named_data(_charts.team_chart()) == {_charts.TEAM.name}


def test_every_field_the_browser_fills_is_one_the_chart_encodes():
    """The browser names its rows' fields after DataSet.fields; the spec must use those names."""
    charts = [
        (_charts.scan_chart(FIXTURE["t1-scan"]), [_charts.PROFILE]),
        (_charts.overview_chart(), [_charts.OVERVIEW_QUIZ, _charts.OVERVIEW_SCAN]),
        (_charts.team_chart(), [_charts.TEAM]),
    ]
    for spec, sets in charts:
        fields = set()
        _fields(spec, fields)
        for data_set in sets:
            assert set(data_set.fields.values()) <= fields, (data_set.name, fields)


def _fields(node, found: set[str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("field"), str):
            found.add(node["field"])
        for value in node.values():
            _fields(value, found)
    elif isinstance(node, list):
        for value in node:
            _fields(value, found)


def test_illustration_is_marked_as_such_in_chart_and_caption():
    illustration = widgets.load_illustration("intensiteit", ROOT / "data")
    assert "illustratie" in illustration.caption.lower() and "geen" in illustration.caption.lower()
    assert "Illustratie" in json.dumps(_charts.illustration_chart(illustration))
    html = widgets.figure("intensiteit").html
    assert html.count("<tr>") == len(illustration.points) + 1  # the data table, with header
    assert "isw-figure" in html and "data-spec" in html


def test_team_page_knows_every_self_scan_by_id():
    html = widgets.team_page().html
    assert "h3-scan-bewustzijn" in html and "h7-scan-scarf" in html
    assert repr(widgets.team_page()) == "<Pagina team>"
