"""The site's assets: the widgets' browser code and the Vega bundle in _static/widgets/, their
version stamps and preload links, and lean pages (each page links only the theme's files it
uses; _static keeps only what some page uses). See ARCHITECTURE.md, "Lean pages".
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from . import _sphinx_compat as compat
from ._contract import CONTRACT_ATTRIBUTE, WIDGET_CLASS, shared
from ._static_files import STATIC, publish

STATIC_FILES = (
    "loader.js",
    "store.js",
    "exercise.js",
    "chart.js",
    "vega-interpreter.js",
    "results.js",
    "team.js",
    "review.js",
    "progress.js",
    "exercise.css",
    "storage-guard.js",
    "color-scheme.js",
    "theme.css",
    "theme.js",
    "print.css",
)
TARGET = Path("_static") / "widgets"
STORE_IMPORT = 'from "./store.js"'
"""loader.js imports the reader store statically; the build stamps that import (and the page's
modulepreload of it) with the version, so a returning reader never mixes versions."""
VERSION_CONFIG = "isw_assets_version"
SOURCE_MAP_COMMENT = re.compile(rb"\n?/[/*]# sourceMappingURL=\S+?(?: \*/)?\s*$")


def vl_convert_version() -> str:
    """The vl-convert release, which fixes the Vega bundle's content."""
    import vl_convert

    return str(vl_convert.__version__)  # type: ignore[attr-defined]  # set at run time, absent from its stubs


def version_stamp() -> str:
    """One stamp for all the widgets' browser code: it changes when any of those files does."""
    digest = hashlib.sha256(vl_convert_version().encode())
    for name in STATIC_FILES:
        digest.update((STATIC / name).read_bytes())
    return digest.hexdigest()[:10]


def stamp_version(app: Sphinx, config: Config) -> None:
    """The stamp as an html setting: when it changes, Sphinx writes every page anew (not only
    those it re-reads), so no page keeps links to an older version of the browser code."""
    config[VERSION_CONFIG] = version_stamp()


def vega_bundle(cache_dir: Path) -> Path:
    """Vega, Vega-Lite and Vega-Embed as one ES module, made offline by vl-convert.

    Made once per vl-convert version and kept in .cache/, outside _build, so a clean build
    does not pay for it again: it takes seconds.
    """
    import vl_convert

    path = cache_dir / f"vega-{vl_convert_version()}.js"
    if not path.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        bundle = vl_convert.javascript_bundle(snippet="export { vegaEmbed, vega, vegaLite };")
        path.write_text(bundle, encoding="utf-8")
    return path


def copy_static(app: Sphinx) -> None:
    """The widgets' browser code and the Vega bundle into _static/widgets/.

    Before any page is written: Sphinx stamps each script and stylesheet link with a checksum
    of the file it finds in the output (`?v=…`); the stamp written into loader.js makes its
    checksum change with any of the files, and the loader passes its `?v=` on to every module
    it imports. Pages load vega.js only when they are about to draw a chart (static/chart.js).
    """
    if app.builder.format != "html":
        return
    version = app.config[VERSION_CONFIG]
    target = Path(app.outdir) / TARGET
    publish(STATIC_FILES, target)
    loader = target / "loader.js"
    text = loader.read_text(encoding="utf-8")
    if text.count(STORE_IMPORT) != 1:  # else the page would preload a store the loader does not import
        raise ValueError(f"static/loader.js must have `{STORE_IMPORT}` exactly once")
    text = text.replace(STORE_IMPORT, STORE_IMPORT.replace("store.js", f"store.js?v={version}"))
    loader.write_text(f"// build {version}\n" + text, encoding="utf-8")
    shutil.copyfile(vega_bundle(Path(app.srcdir) / ".cache"), target / "vega.js")


def preload_modules(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The modules the loader will import are fetched at once, beside it.

    The same URLs the loader imports: the reader store (on every page) as the build stamped
    the loader's import of it, exercise.js (on pages with exercises) with the loader's `?v=`.
    """
    if doctree is None:
        return
    modules = {"store.js": f"?v={app.config[VERSION_CONFIG]}"}
    if f'class="{WIDGET_CLASS}' in context.get("body", ""):
        modules["exercise.js"] = compat.file_checksum(Path(app.outdir), (TARGET / "loader.js").as_posix())
    for module, query in modules.items():
        href = context["pathto"]((TARGET / module).as_posix(), 1) + query
        context["metatags"] = context.get("metatags", "") + f'\n<link rel="modulepreload" href="{href}">'


def drop_widget_state(app: Sphinx, doctree: nodes.document) -> None:
    """Keep myst-nb from embedding widget state: it carries each widget's whole JS source, and
    the site hydrates from its own markup."""
    compat.drop_widget_state(app.env, app.env.docname)


def lighten_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Each page links only the theme's CSS and JavaScript it uses.

    The code highlighting styles only where there is code; the search's scripts only on the
    search page (which also loads the index itself); Furo's script deferred.
    """
    body = context.get("body", "")
    context["css_files"] = [
        css
        for css in context.get("css_files", [])
        if not css.filename.startswith(compat.NOT_LINKED)
        and (css.filename != compat.PYGMENTS_CSS or compat.has_code(body))
    ]
    context["script_files"] = [
        compat.deferred(js) if js.filename in compat.DEFERRED else js
        for js in context.get("script_files", [])
        if js.filename not in compat.SEARCH_ONLY or pagename == "search"
    ]


def drop_unused_static(app: Sphinx, exception: Exception | None) -> None:
    """_build/html/_static keeps only the files that the site uses.

    Sphinx copies all of each theme's static files (the basic themes' CSS and images, the
    stemmers that language_data.js already holds, source maps); the pages use part of them.
    A file stays when a page, script or stylesheet names it, until nothing more goes. The
    comments that point to the removed source maps go too (else a browser's tools ask for them).
    """
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    for path in (site / "_static").rglob("*.map"):
        path.unlink()
    texts = {}
    for path in site.rglob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            data = path.read_bytes()
            if b"sourceMappingURL=" in data[-300:]:
                data = SOURCE_MAP_COMMENT.sub(b"\n", data)
                path.write_bytes(data)
            texts[path] = data
    while True:
        unused = [
            path
            for path in (site / "_static").rglob("*")
            if path.is_file() and not any(path.name.encode() in data for other, data in texts.items() if other != path)
        ]
        if not unused:
            break
        for path in unused:
            path.unlink()
            texts.pop(path, None)


def setup_assets(app: Sphinx) -> None:
    app.add_config_value(VERSION_CONFIG, "", "html", types=[str])
    # config-inited: before the html builder records its settings (.buildinfo)
    app.connect("config-inited", stamp_version)
    # builder-inited: before any page is written, so Sphinx's checksums see the files
    app.connect("builder-inited", copy_static)
    # doctree-read: after a page is parsed, before myst-nb hands the page its scripts
    app.connect("doctree-read", drop_widget_state)
    # html-page-context: as each page is written
    app.connect("html-page-context", preload_modules)
    app.connect("html-page-context", lighten_page)
    # build-finished: after every other writer but the service worker's (priority 900),
    # whose list must see the final site
    app.connect("build-finished", drop_unused_static, priority=850)
    # Not async: Chromium ran an async loader only after DOMContentLoaded, behind the theme's
    # work there; as a deferred module it runs as soon as the page is parsed. Its
    # data-isw-contract: what it must agree on with Python (ARCHITECTURE.md, "The contract").
    app.add_js_file(
        "widgets/loader.js",
        type="module",
        **{CONTRACT_ATTRIBUTE: json.dumps(shared(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))},  # type: ignore[arg-type]
    )
    app.add_js_file("widgets/theme.js", type="module")
    app.add_css_file("widgets/exercise.css")
    app.add_css_file("widgets/theme.css")
    app.add_css_file("widgets/print.css", media="print")
