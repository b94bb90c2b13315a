"""Offline reading after one visit: the service worker the build writes (ARCHITECTURE.md,
"Offline reading").

At the end of an html build, sw.js goes to the root of the site with the list of every file
there and a hash of each file's content. Because that list is in sw.js itself, any change to
any file gives a new sw.js: the reader's browser notices it on the next visit, fetches only
the changed files and offers the new version (static/offline.js). No Node is needed.
`isw_offline: false` (sphinx.config in _config.yml) writes a worker that removes itself.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ._contract import CACHE_PREFIX
from ._static_files import STATIC, publish

WORKER = "sw.js"
PLACEHOLDER = "self.__ISW_PRECACHE"
PREFIX_PLACEHOLDER = "self.__ISW_CACHE_PREFIX"
"""Where both workers get CACHE_PREFIX, the start of their caches' names."""
WRITTEN = re.compile(r"^const PRECACHE = (\{.*\});$", re.MULTILINE)
# Not for readers: the worker itself (the browser checks it anew), Sphinx's inventory of
# labels, the page sources Sphinx may copy, and source maps (only a browser's developer tools
# read them: 3.4 MB with the book theme). Hidden files (.buildinfo) are skipped too.
SKIPPED_NAMES = {WORKER, "objects.inv"}
SKIPPED_FOLDERS = {"_sources"}
SKIPPED_SUFFIXES = {".map"}


def precache_files(site: Path) -> list[str]:
    """Every file a reader may need offline, as paths relative to the site's root."""
    files = []
    for path in site.rglob("*"):
        parts = path.relative_to(site).parts
        if not path.is_file() or path.name in SKIPPED_NAMES or path.suffix in SKIPPED_SUFFIXES:
            continue
        if SKIPPED_FOLDERS & set(parts[:-1]) or any(part.startswith(".") for part in parts):
            continue
        files.append("/".join(parts))
    return sorted(files)


def manifest(site: Path) -> dict[str, Any]:
    """The precache list: a content hash per file, and one build id for all of them."""
    files = {name: hashlib.sha256((site / name).read_bytes()).hexdigest()[:16] for name in precache_files(site)}
    build = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    return {"build": build, "files": files}


def write_service_worker(site: Path, enabled: bool = True) -> Path:
    """sw.js at the root of `site`: the template with the precache list put in (as Workbox's
    injectManifest does), or, switched off, the worker that removes itself."""
    target = site / WORKER
    source = "sw.js" if enabled else "sw-off.js"
    template = (STATIC / source).read_text(encoding="utf-8")
    if template.count(PREFIX_PLACEHOLDER) != 1:
        raise ValueError(f"static/{source} must name {PREFIX_PLACEHOLDER} exactly once")
    text = template.replace(PREFIX_PLACEHOLDER, json.dumps(CACHE_PREFIX))
    if enabled:
        if text.count(PLACEHOLDER) != 1:
            raise ValueError(f"static/sw.js must name {PLACEHOLDER} exactly once")
        text = text.replace(PLACEHOLDER, json.dumps(manifest(site), separators=(",", ":"), sort_keys=True))
    target.write_text(text, encoding="utf-8")
    return target


def written_precache(worker: Path) -> dict[str, Any] | None:
    """The precache list a written sw.js carries (None: offline reading is switched off)."""
    found = WRITTEN.search(worker.read_text(encoding="utf-8"))
    return json.loads(found.group(1)) if found else None


def add_offline_script(app: Sphinx, config: Config) -> None:
    """config-inited: every page registers the worker, unless the book switched it off."""
    if config.isw_offline:
        app.add_js_file("widgets/offline.js", type="module", **{"async": "async"})  # type: ignore[arg-type]  # Sphinx types **kwargs as str but "priority" as int
        app.add_css_file("widgets/offline.css")


def copy_offline_files(app: Sphinx) -> None:
    """builder-inited, before pages are written (Sphinx stamps each file's link with its checksum)."""
    if app.builder.format != "html" or not app.config.isw_offline:
        return
    publish(("offline.js", "offline.css"), Path(app.outdir) / "_static" / "widgets")


def write_worker(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, after every other handler: the list must see every file of the site."""
    if exception is None and app.builder.name == "html":
        write_service_worker(Path(app.outdir), app.config.isw_offline)


def setup_offline(app: Sphinx) -> None:
    app.add_config_value("isw_offline", True, "html", types=[bool])
    app.connect("config-inited", add_offline_script)
    app.connect("builder-inited", copy_offline_files)
    app.connect("build-finished", write_worker, priority=900)
