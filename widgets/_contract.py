"""Every name and value that Python and the browser code share, defined once, here.

The browser code gets each of them from the build, never as its own copy of the literal:
in an exercise's props, in a page's data- attributes, in catalog.json, in sw.js. Where each
value reaches the JavaScript is listed in ARCHITECTURE.md, "The contract".
"""

from __future__ import annotations

from typing import Any

from ._schema import BAND_FLOORS, BANDS, KINDS

__all__ = [
    "BANDS",
    "BAND_FLOORS",
    "BAND_NAMES",
    "CACHE_PREFIX",
    "CATALOG_FILE",
    "CONFIDENCE",
    "CONTRACT_ATTRIBUTE",
    "KINDS",
    "PROGRESS_LINE",
    "RECORD_FIELDS",
    "REVIEW_INTERVALS",
    "SCALE",
    "SCALE_MAX",
    "SCALE_MIN",
    "SITE_META",
    "STORAGE_PREFIX",
    "WIDGET_CLASS",
    "bands",
    "shared",
]

# ---- values ----

SCALE = ("helemaal niet", "nauwelijks", "een beetje", "grotendeels", "helemaal wel")
"""The five points of a self-scan, from SCALE_MIN to SCALE_MAX."""
SCALE_MIN, SCALE_MAX = 1, len(SCALE)

BAND_NAMES = {"laag": "Nog in ontwikkeling", "midden": "Op weg", "hoog": "Sterk ontwikkeld"}
"""What a reader sees for each score band of a self-scan."""

CONFIDENCE = ("zeker", "twijfel", "gok")
"""'Hoe zeker ben je?': what a reader may say before checking a quiz answer, most sure first.
The first is the one that puts "zeker, maar fout" at the top of Herhalen."""

REVIEW_INTERVALS = (1, 3, 7, 21)
"""Days until a question comes back in Herhalen, per Leitner box: a right answer moves it one box
on, a wrong one back to the first box, due at once. chapters/herhalen.md says them in words."""

RECORD_FIELDS = ("kind", "title", "page", "fingerprint", "answers", "result", "seed", "saved")
"""The fields of the record the site saves for each exercise (answers, result and seed as the
widget model holds them, `page` the path it was saved on, `fingerprint` the exercise's
answers_fingerprint when saved, `saved` an ISO time); documented in static/loader.js."""

# ---- names ----

STORAGE_PREFIX = "isw:"
"""The reader store keeps everything in ONE localStorage key: this prefix, the site's name and
its base path (so two courses on one host never mix); see js/store.js."""
SITE_META = "isw-site"
"""The name of the <meta> whose content is the site's name, part of the store's key."""
CONTRACT_ATTRIBUTE = "data-isw-contract"
"""The loader's script tag carries `shared()` as JSON in this attribute."""
CATALOG_FILE = "catalog.json"
"""What the build knows of the whole book, beside the loader in _static/widgets/."""
WIDGET_CLASS = "isw-widget"
"""The class of an exercise's element in the page; the loader hydrates each one."""
PROGRESS_LINE = "isw-progress-line"
"""The class of the line under a chapter's title that the progress script fills in."""
CACHE_PREFIX = "isw "
"""The service worker's caches are named this prefix, its scope, a space and the build id."""


def bands() -> list[dict[str, Any]]:
    """The score bands, lowest first: id, the name a reader sees, and the lowest mean in it."""
    return [{"id": band, "name": BAND_NAMES[band], "floor": BAND_FLOORS[band]} for band in BANDS]


def shared() -> dict[str, Any]:
    """What the scripts on every page need, as JSON-ready values (the loader's data-isw-contract).

    The kinds, the scale and the bands are not here: each exercise's props carry them, so the
    same values reach exercise.js live in Jupyter too, where no page is around it.
    """
    return {
        "storage_prefix": STORAGE_PREFIX,
        "site_meta": SITE_META,
        "record_fields": list(RECORD_FIELDS),
        "confidence": list(CONFIDENCE),
        "review_intervals": list(REVIEW_INTERVALS),
        # what js/validate.js checks an imported or stored record against
        "kinds": list(KINDS),
        "scale_min": SCALE_MIN,
        "scale_max": SCALE_MAX,
        "catalog_file": CATALOG_FILE,
        "widget_class": WIDGET_CLASS,
        "progress_line": PROGRESS_LINE,
        "cache_prefix": CACHE_PREFIX,
    }
