"""Every use of a private detail of Sphinx, MyST or Furo, in one place.

The book bends a few things that these packages do not offer as settings: the markup they
write, their file names, their internal records. Each detail is named here once, and
tests/unit/test_sphinx_compat.py fails when the installed version no longer has it, so an
upgrade breaks a test, not the site. See ARCHITECTURE.md, "Leaning on Sphinx and Furo".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# ---- Sphinx's script class and file checksum (sphinx.builders.html._assets) ----


def deferred(script: Any) -> Any:
    """A copy of a script entry of the page context with `defer` set.

    Sphinx gives no public way to change an entry it made: the copy is made with the entry's
    own class (a private one), whose constructor takes (filename, *, priority, **attributes).
    """
    return type(script)(script.filename, priority=script.priority, **{**script.attributes, "defer": "defer"})


def file_checksum(outdir: Path, filename: str) -> str:
    """The `?v=…` Sphinx adds to a link to a file in the output (empty if it finds none)."""
    from sphinx.builders.html._assets import _file_checksum

    checksum = _file_checksum(Path(outdir), filename)
    return f"?v={checksum}" if checksum else ""


# ---- what myst-nb and MyST keep in the build environment ----


def drop_widget_state(env: Any, docname: str) -> None:
    """Forget the ipywidgets state myst-nb keeps for a page (it would embed it in the page)."""
    js_files = getattr(env, "nb_metadata", {}).get(docname, {}).get("js_files", {})
    for key in [k for k in js_files if k.startswith("ipywidgets")]:
        del js_files[key]


def add_label(env: Any, label: str, line: int, title: str) -> None:
    """Make `label` a link target on the page being read, as a section label is.

    Sphinx's std domain keeps labels in its data ("labels", "anonlabels"), and MyST resolves
    `page.md#label` through the page's "myst_slugs"; neither has an API to add one.
    """
    std = env.domaindata["std"]
    std["labels"][label] = (env.docname, label, title)
    std["anonlabels"][label] = (env.docname, label)
    env.metadata[env.docname].setdefault("myst_slugs", {})[label] = (line, label, title)


# ---- the markup Sphinx and Furo write ----

BODY_FIXES = (
    ('title="Link to this heading"', 'title="Link naar deze kop"'),
    ('title="Link to this definition"', 'title="Link naar deze definitie"'),
    ('title="Link to this table"', 'title="Link naar deze tabel"'),
    ('title="Link to this image"', 'title="Link naar deze afbeelding"'),
    ('title="Link to this term"', 'title="Link naar deze term"'),
    ('role="doc-biblioentry"', 'role="listitem"'),
    ('<div class="table-wrapper', '<div tabindex="0" class="table-wrapper'),
)
"""What Sphinx writes into a page's body in English (its nl catalogue lacks these), docutils'
role doc-biblioentry (deprecated in ARIA) as listitem, and Furo's box round a table, which
scrolls sideways on a phone, reachable by keyboard so the arrow keys can scroll it (WCAG 2.1.1)."""

NAVIGATION_FIXES = (
    ("Toggle navigation of ", "Onderliggende pagina's van "),
    (' role="switch"', ""),
    ('class="caption" role="heading"', 'class="caption" role="heading" aria-level="2"'),
)
"""Furo's navigation tree: its fold-out checkboxes in Dutch and without role="switch" (theme.css
shows every sub-page instead), and Sphinx's part captions with the aria-level ARIA requires."""


def replaced(html: str, fixes: tuple[tuple[str, str], ...]) -> str:
    for theirs, ours in fixes:
        html = html.replace(theirs, ours)
    return html


def after_title(body: str, html: str) -> str:
    """`html` right under the page's title (the first </h1> of the body Sphinx writes)."""
    return body.replace("</h1>", "</h1>\n" + html, 1) if "</h1>" in body else body


def has_code(body: str) -> bool:
    """Does the page show highlighted code (Pygments' markup as Sphinx writes it)?"""
    return 'class="highlight' in body


# ---- file names in Sphinx's, myst-nb's and Furo's static folders ----

NOT_LINKED = ("_static/styles/furo-extensions.css", "_static/mystnb.")
"""Stylesheets no page of this book needs: Furo's for other extensions, myst-nb's (43 kB for
code cells, collapsed and scrolled outputs: the book shows only outputs)."""
SEARCH_ONLY = frozenset(
    {
        "_static/documentation_options.js",
        "_static/doctools.js",
        "_static/sphinx_highlight.js",
        "_static/translations.js",
    }
)
"""Sphinx's scripts that only its search page uses."""
DEFERRED = frozenset({"_static/scripts/furo.js"})
"""Furo's script acts on DOMContentLoaded: it need not block parsing."""
PYGMENTS_CSS = "_static/pygments.css"


# ---- Sphinx's Dutch catalogue for the search page ----

SEARCH_TEXTS_NL = {
    "Search finished, found ${resultCount} page(s) matching the search query.": (
        "Klaar met zoeken: ${resultCount} pagina('s) gevonden."
    ),
    (
        "Your search did not match any documents. Please make sure that all words are spelled "
        "correctly and that you've selected enough categories."
    ): "Niets gevonden. Kijk of alle woorden goed gespeld zijn, of zoek op een ander woord.",
    "Searching for multiple words only shows matches that contain\n    all words.": (
        "Zoek je op meer woorden, dan zie je alleen pagina's met al die woorden."
    ),
}
"""The search page's texts that Sphinx's Dutch catalogue leaves empty or says formally: without
them the page says nothing at all after a search (an empty status for screen readers too)."""


def search_catalogue(language: str) -> tuple[str, dict[str, Any]]:
    """Sphinx's own translations.js for `language`: the call around it, and its catalogue."""
    import sphinx

    source = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    prefix, _, rest = source.read_text(encoding="utf-8").partition("(")
    return prefix, json.loads(rest.rstrip().removesuffix(";").removesuffix(")"))


def translations_script(catalogue: dict[str, Any]) -> str:
    """translations.js doing what Sphinx's `Documentation.addTranslations(catalogue)` does
    (doctools.js), without its `new Function` for the plural rule, which the site's
    Content-Security-Policy refuses: the rule (a JavaScript expression in n) is written out here."""
    messages = json.dumps(catalogue["messages"], ensure_ascii=False, indent=1)
    return (
        f"Object.assign(Documentation.TRANSLATIONS, {messages});\n"
        f"Documentation.PLURAL_EXPR = (n) => ({catalogue['plural_expr']});\n"
        f"Documentation.LOCALE = {json.dumps(catalogue['locale'])};\n"
    )


# ---- Furo's templates that templates/sphinx/ replaces ----

FURO_TEMPLATES = {
    "page.html": "ad8bad98317b2e09e018cde7113e90a32b3a87e0440cfab385d1bb7ca1c9cd6d",
    "sidebar/navigation.html": "276383fe9ec54080f23e9150e0289c073f9733c00a5ce6b06c1ac9643d285e2b",
    "sidebar/search.html": "d0cc1cbc08f56a5473af0c083edf2232554f068de2f3e73f304f4be946060887",
}
"""Furo's templates (furo/theme/furo/) that ours replace, with the SHA-256 of the version ours
were adapted from (Furo 2025.12.19). When Furo changes one, compare and carry the change over."""
