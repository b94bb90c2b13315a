"""What the browser receives: safe HTML, stable JSON and readable markup."""

from __future__ import annotations

import html
import json
import re

from helpers import ROOT, fixture_exercises

import widgets
from widgets import _markdown

FIXTURE = fixture_exercises()


def data_props(markup: str) -> dict:
    match = re.search(r'data-props="([^"]*)"', markup)
    assert match, "markup carries no data-props"
    return json.loads(html.unescape(match.group(1)))


def test_inline_markdown_renders_emphasis_and_links():
    assert _markdown.inline("*a* **b** [c](https://example.org)") == (
        '<em>a</em> <strong>b</strong> <a href="https://example.org" rel="noopener noreferrer">c</a>'
    )


def test_html_in_data_is_shown_as_text_never_run():
    for payload in ("<script>alert(1)</script>", '<img src=x onerror="alert(1)">'):
        rendered = _markdown.inline(f"Tekst {payload}")
        assert "<script" not in rendered and "<img" not in rendered
        assert html.escape(payload, quote=False) in rendered


def test_javascript_links_are_not_links():
    assert "href" not in _markdown.inline("[klik](javascript:alert(1))")


def test_quiz_props_carry_safe_html_and_answers():
    props = widgets.props(FIXTURE["t1-quiz"])
    assert props["kind"] == "quiz" and props["id"] == "t1-quiz"
    first = props["questions"][0]
    assert "<img" not in first["html"] and "&lt;img" in first["html"]
    assert "<script" not in props["intro"]
    assert first["read_more"] == "t1-sectie"
    assert [o["correct"] for o in first["options"]] == [True, False]
    assert first["options"][0]["feedback"].startswith("Juist, <strong>blauw</strong>.")
    assert props["questions"][1]["multiple"] is True


def test_scan_props_have_scale_bands_and_dimensions():
    props = widgets.props(FIXTURE["t1-scan"])
    assert props["scale"][0] == "helemaal niet" and props["scale"][-1] == "helemaal wel"
    assert [b["id"] for b in props["bands"]] == ["laag", "midden", "hoog"]
    assert {s["dimension"] for s in props["statements"]} == {"weten", "voelen"}


def test_markup_is_readable_without_scripts_and_carries_the_props():
    for exercise in FIXTURE.values():
        props = widgets.props(exercise)
        markup = widgets.markup(props)
        assert f'id="{exercise.id}"' in markup and f'data-kind="{exercise.kind}"' in markup
        assert data_props(markup) == props
        assert "werkt pas als de pagina via een webadres is geopend" in markup
        assert "<script" not in markup.lower()
    quiz_markup = widgets.markup(widgets.props(FIXTURE["t1-quiz"]))
    assert "Welke kleur heeft de lucht?" in quiz_markup and "Blauw" in quiz_markup


def test_markup_is_deterministic():
    props = widgets.props(FIXTURE["t1-scan"])
    assert widgets.markup(props) == widgets.markup(widgets.props(FIXTURE["t1-scan"]))


def test_widget_bundle_has_html_and_a_stable_plain_text():
    widget = widgets.ExerciseWidget(props=widgets.props(FIXTURE["t1-sort"]))
    data, _ = widget._repr_mimebundle_()
    assert data["text/plain"] == "<Oefening t1-sort (sort)>"
    assert "0x" not in data["text/plain"]
    assert data_props(data["text/html"])["id"] == "t1-sort"
    assert "application/vnd.jupyter.widget-view+json" in data


def test_widget_runs_the_shared_browser_module():
    widget = widgets.ExerciseWidget(props=widgets.props(FIXTURE["t1-reflectie"]))
    # One self-contained module (anywidget imports it from a blob URL): no static imports.
    assert widget._esm == (ROOT / "widgets" / "static" / "exercise.js").read_text(encoding="utf-8")
    assert "export{" in widget._esm and ' from"' not in widget._esm and ' from "' not in widget._esm


def test_each_widget_has_its_own_seed_synced_with_the_browser():
    """Live in Jupyter the order of options comes from this trait, as the site's saved seed."""
    make = lambda: widgets.ExerciseWidget(props=widgets.props(FIXTURE["t1-quiz"]))  # noqa: E731
    widget = make()
    assert widget.trait_metadata("seed", "sync") is True
    assert 0 <= widget.seed < 2**32
    assert len({make().seed for _ in range(4)}) > 1


def test_result_codes_know_the_order_of_the_dimensions():
    from widgets._props import fingerprint, scan_identity

    scan = FIXTURE["t1-scan"]
    reordered = scan.model_copy(update={"dimensions": list(reversed(scan.dimensions))})
    assert fingerprint(scan) == fingerprint(FIXTURE["t1-scan"]) == widgets.props(scan)["fingerprint"]
    assert fingerprint(reordered) != fingerprint(scan)
    identity = scan_identity(scan)
    assert identity["dimensions"] == [d.name for d in scan.dimensions]
    scale = widgets.props(scan)["scale"]
    assert identity["scale_max"] - identity["scale_min"] + 1 == len(scale)
