"""What Python and the browser code must agree on, defined once, here.

The browser code receives these values in the props and chart specs (see `shared()`); it never
keeps its own copy of the same literals (DESIGN decision 10).
"""

from __future__ import annotations

from ._schema import BAND_FLOORS, BANDS, KINDS

__all__ = [
    "BANDS",
    "BAND_FLOORS",
    "BAND_NAMES",
    "CACHE_PREFIX",
    "CATALOG_FILE",
    "CONFIDENCE",
    "KINDS",
    "PROGRESS_LINE",
    "RECORD_FIELDS",
    "REVIEW_INTERVALS",
    "SCALE",
    "SCALE_MAX",
    "SCALE_MIN",
    "SITE_META",
    "STORAGE_PREFIX",
    "bands",
    "shared",
]

SCALE = ("helemaal niet", "nauwelijks", "een beetje", "grotendeels", "helemaal wel")
"""The five points of a self-scan, from SCALE_MIN to SCALE_MAX."""
SCALE_MIN, SCALE_MAX = 1, len(SCALE)

BAND_NAMES = {"laag": "Nog in ontwikkeling", "midden": "Op weg", "hoog": "Sterk ontwikkeld"}
"""What a reader sees for each score band of a self-scan."""

STORAGE_PREFIX = "isw:"
"""The reader store keeps everything in ONE localStorage key: this prefix, the site's name and
its base path (so two courses on one host never mix); see js/store.js."""

RECORD_FIELDS = ("kind", "title", "page", "fingerprint", "answers", "result", "seed", "saved")
"""The fields of the record the site saves for each exercise (answers, result and seed as the
widget model holds them, `page` the path it was saved on, `fingerprint` the exercise's
answers_fingerprint when saved, `saved` an ISO time); documented in static/loader.js."""

CONFIDENCE = ("zeker", "twijfel", "gok")
"""'Hoe zeker ben je?': what a reader may say before checking a quiz answer, most sure first."""

REVIEW_INTERVALS = (1, 3, 7, 21)
"""Days until a question comes back in Herhalen, per Leitner box: a right answer moves it one box
on, a wrong one back to the first box, due at once."""

SITE_META = "isw-site"
"""The <meta name> by which every page carries the site's name, for the reader store's key."""

CATALOG_FILE = "catalog.json"
"""What the build knows of the whole book (widgets/_learning.py), in _static/widgets/ beside
the loader."""

PROGRESS_LINE = "isw-progress-line"
"""The class of the line under a chapter's title ("Op deze pagina: ..."), written by the build
and filled in by js/progress.js."""

CACHE_PREFIX = "isw "
"""The service worker's caches are named this, the site's scope and the build id; the worker
removes the older ones of its own site (static/sw.js, static/sw-off.js)."""


def bands() -> list[dict]:
    """The score bands, lowest first: id, the name a reader sees, and the lowest mean in it."""
    return [{"id": band, "name": BAND_NAMES[band], "floor": BAND_FLOORS[band]} for band in BANDS]


def shared() -> dict:
    """Everything above as JSON-ready values, for the browser code."""
    return {
        "kinds": list(KINDS),
        "scale": list(SCALE),
        "scale_min": SCALE_MIN,
        "scale_max": SCALE_MAX,
        "bands": bands(),
        "storage_prefix": STORAGE_PREFIX,
        "record_fields": list(RECORD_FIELDS),
        "confidence": list(CONFIDENCE),
        "review_intervals": list(REVIEW_INTERVALS),
        "site_meta": SITE_META,
        "catalog_file": CATALOG_FILE,
        "progress_line": PROGRESS_LINE,
        "cache_prefix": CACHE_PREFIX,
    }
