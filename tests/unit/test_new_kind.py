"""A kind of exercise added from one place: a throw-away kind, registered with register_kind
alone, is validated, rendered to props and markup, listed in the catalog and checked in a
chapter, while no other module of widgets/ changes."""

from __future__ import annotations

import html
import json
import re
from typing import Literal

import pytest

import widgets
from widgets import _kinds, _learning, _schema
from widgets._ext_checks import chapter_problems
from widgets._schema import AssessedWhole, Text, WithIntro

DATA = """\
exercises:
  - id: t9-stelling
    kind: stelling
    title: Eens of oneens?
    claim: Samenwerken begint bij *jezelf*.
"""


class Stelling(WithIntro, AssessedWhole):
    """A throw-away kind: one claim the reader agrees with or not."""

    kind: Literal["stelling"]
    claim: Text


@pytest.fixture
def stelling(tmp_path, monkeypatch):
    """The kind registered for one test; the registries are as before afterwards."""
    monkeypatch.setattr(_schema, "_models", list(_schema._models))
    monkeypatch.setattr(_kinds, "_KINDS", dict(_kinds._KINDS))
    (tmp_path / "stelling.html.j2").write_text('<p class="isw-claim">{{ p.claim | safe }}</p>\n', encoding="utf-8")
    _kinds.register_kind(
        Stelling,
        props=lambda e: {"intro": "", "claim": widgets._markdown.inline(e.claim)},
        answered=lambda e: e.claim,
        template="stelling.html.j2",
        folder=tmp_path,
    )
    book = tmp_path / "boek"
    (book / "data").mkdir(parents=True)
    (book / "chapters").mkdir()
    (book / "data" / "t9-stelling.yml").write_text(DATA, encoding="utf-8")
    (book / "chapters" / "t9.md").write_text(
        '# T9\n\n```{code-cell}\nwidgets.show("t9-stelling")\n```\n', encoding="utf-8"
    )
    return book


def test_a_kind_registered_from_one_place_is_validated_rendered_and_listed(stelling):
    [exercise] = widgets.load_file(stelling / "data" / "t9-stelling.yml")
    assert isinstance(exercise, Stelling) and "stelling" in _schema.kinds()

    data = widgets.props(exercise)
    assert data["kind"] == "stelling" and data["claim"] == "Samenwerken begint bij <em>jezelf</em>."
    changed = exercise.model_copy(update={"claim": "Iets anders."})
    assert widgets.props(changed)["answers_fingerprint"] != data["answers_fingerprint"], "its own fingerprint parts"
    page = widgets.markup(data)
    assert re.search(r'<section class="isw-widget isw-stelling" id="t9-stelling" data-kind="stelling"', page)
    assert '<p class="isw-claim">Samenwerken begint bij <em>jezelf</em>.</p>' in page
    carried = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', page).group(1)))
    assert carried == data

    exercises = widgets.load_all(stelling / "data")
    assert chapter_problems(stelling / "chapters" / "t9.md", stelling, exercises) == []
    book = _learning.catalog(
        [("chapters/t9", ["t9-stelling"])], {"t9-stelling": exercise}, uri=lambda d: f"{d}.html", titles={}, labels={}
    )
    assert book["exercises"]["t9-stelling"]["kind"] == "stelling"


def test_an_unknown_kind_names_the_added_one_among_the_choices(stelling):
    path = stelling / "data" / "t9-stelling.yml"
    path.write_text(DATA.replace("kind: stelling", "kind: stelingen"), encoding="utf-8")
    with pytest.raises(widgets.DataError, match=r"onbekende soort oefening 'stelingen'; kies uit quiz, .*stelling"):
        widgets.load_file(path)


def test_without_the_registration_the_kind_is_unknown(tmp_path):
    path = tmp_path / "t9.yml"
    path.write_text(DATA, encoding="utf-8")
    assert "stelling" not in _schema.kinds()
    with pytest.raises(widgets.DataError, match="onbekende soort oefening 'stelling'"):
        widgets.load_file(path)
