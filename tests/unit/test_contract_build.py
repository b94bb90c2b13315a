"""The build hands the contract's values to the browser code and the text: the service worker's
cache prefix into sw.js, the review intervals into chapters/herhalen.md."""

from __future__ import annotations

import json
import re

from helpers import ROOT

from widgets import _contract, _offline
from widgets._ext_learning import in_words, review_substitutions


def test_the_service_workers_get_their_cache_prefix_from_the_contract(tmp_path, monkeypatch):
    static = tmp_path / "static"
    static.mkdir()
    (static / "sw.js").write_text("const PRECACHE = self.__ISW_PRECACHE;\nconst PREFIX = self.__ISW_CACHE_PREFIX;\n")
    (static / "sw-off.js").write_text("const PREFIX = self.__ISW_CACHE_PREFIX;\n")
    monkeypatch.setattr(_offline, "STATIC", static)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>")
    for enabled in (True, False):
        text = _offline.write_service_worker(site, enabled).read_text()
        prefix = json.loads(re.search(r"const PREFIX = (\".*\");", text).group(1))
        assert prefix == _contract.CACHE_PREFIX
        assert "__ISW_" not in text


def test_herhalen_says_the_intervals_the_store_uses():
    assert review_substitutions() == {
        "herhaal_eerste": "een dag",
        "herhaal_daarna": "eerst na een dag, dan na drie dagen, na een week en na drie weken",
    }
    assert review_substitutions((2, 14)) == {
        "herhaal_eerste": "twee dagen",
        "herhaal_daarna": "eerst na twee dagen, dan na twee weken",
    }
    assert [in_words(days) for days in (1, 5, 7, 28, 30)] == [
        "een dag",
        "vijf dagen",
        "een week",
        "vier weken",
        "30 dagen",
    ]
    text = (ROOT / "chapters" / "herhalen.md").read_text(encoding="utf-8")
    assert "{{ herhaal_daarna }}" in text and "{{ herhaal_eerste }}" in text
    assert not re.search(r"na (een|drie) (dag|dagen|week|weken)", text), "no interval written out by hand"
