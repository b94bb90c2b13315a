"""What Python and the browser share is defined once, and the schema is its source."""

from __future__ import annotations

import json

from helpers import fixture_exercises

import widgets
from widgets import _contract
from widgets._schema import EXERCISE_MODELS, ExerciseBase


def test_kinds_come_from_the_schema_and_every_kind_has_a_fixture():
    fixture_kinds = [e.kind for e in fixture_exercises().values()]
    assert sorted(_contract.KINDS) == sorted(fixture_kinds)
    assert all(issubclass(model, ExerciseBase) for model in EXERCISE_MODELS)


def test_bands_start_at_the_bottom_of_the_scale_and_rise():
    floors = [band["floor"] for band in _contract.bands()]
    assert floors[0] == _contract.SCALE_MIN
    assert floors == sorted(floors) and floors[-1] < _contract.SCALE_MAX
    assert [band["id"] for band in _contract.bands()] == list(_contract.BANDS)


def test_shared_values_are_plain_json_and_the_props_carry_the_rest():
    shared = _contract.shared()
    assert json.loads(json.dumps(shared)) == shared
    assert shared["review_intervals"] == list(_contract.REVIEW_INTERVALS)
    assert shared["catalog_file"] == "catalog.json" and shared["confidence"][0] == "zeker"
    scan = next(e for e in fixture_exercises().values() if e.kind == "scan")
    props = widgets.props(scan)
    assert len(props["scale"]) == props["scale_max"] - props["scale_min"] + 1 == _contract.SCALE_MAX
