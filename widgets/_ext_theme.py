"""The site's theme, language and description: Furo with our page layout, the Dutch texts
Sphinx and Furo leave in English, a meta description on every page and a proper index.html.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config

from . import _sphinx_compat as compat
from ._static_files import STATIC

TEMPLATES = Path(__file__).parent / "templates" / "sphinx"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        # Inline styles stay allowed: Furo writes its colour variables in a <style> element and
        # style attributes on its icons, docutils widths on table columns, Vega-Embed and Vega's
        # SVG renderer set theirs; none can run script. Scripts are the attack, and stay strict.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    )
)
"""Every page's policy: only this site's own files, no inline script and no eval (Vega runs with
its expression interpreter, static/chart.js). frame-ancestors has no effect in a <meta>: the
README gives it, with this policy, as headers for the host."""
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'

REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
{csp}
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="icon" href="_static/favicon.svg">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">Naar de cursus {title}</a></p>
</body>
</html>
"""


def configure_theme(app: Sphinx, config: Config) -> None:
    """Our layout additions (templates/sphinx/) and a favicon served by the site itself."""
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.html_favicon = str(STATIC / "favicon.svg")


def complete_search_texts(app: Sphinx, config: Config) -> None:
    """Sphinx's Dutch search texts, completed, as the book's own translations.js.

    Sphinx takes translations.js from the first locale_dirs entry that has one; this writes
    that file into .cache/ (outside _build) from Sphinx's own nl catalogue, without the
    `new Function` of Sphinx's own (compat.translations_script).
    """
    if config.language != "nl":
        return
    _, catalogue = compat.search_catalogue("nl")
    catalogue["messages"].update(compat.SEARCH_TEXTS_NL)
    folder = Path(app.srcdir) / ".cache" / "locale"
    target = folder / "nl" / "LC_MESSAGES" / "sphinx.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(compat.translations_script(catalogue), encoding="utf-8")
    config.locale_dirs = [str(folder), *config.locale_dirs]


def translate_markup(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """What Sphinx and Furo write in English or with ARIA faults, in Dutch and fixed.

    After Furo's own handler (priority 500), which makes the navigation tree.
    """
    if "body" in context:
        context["body"] = compat.replaced(context["body"], compat.BODY_FIXES)
    if context.get("furo_navigation_tree"):
        context["furo_navigation_tree"] = compat.replaced(context["furo_navigation_tree"], compat.NAVIGATION_FIXES)


def book_description(app: Sphinx) -> str:
    """The description in _config.yml (Jupyter Book passes it on to no Sphinx setting)."""
    config = yaml.safe_load((Path(app.srcdir) / "_config.yml").read_text(encoding="utf-8")) or {}
    return " ".join(str(config.get("description") or app.config.project).split())


def shortened(text: str, limit: int = 160) -> str:
    """At most `limit` characters, cut between words: search engines show no more."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def add_meta_description(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Every page says what it is about, for search engines and link previews.

    A page's description is its first paragraph (a chapter's one-line promise); a page with
    no text of its own (the index, search) gets the book's description from _config.yml.
    """
    paragraph = next(iter(doctree.findall(nodes.paragraph)), None) if doctree is not None else None
    text = " ".join(paragraph.astext().split()) if paragraph is not None else ""
    text = shortened(text or book_description(app))
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text)}">'


def add_content_security_policy(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The policy first among the page's meta tags: before any script or stylesheet it governs."""
    context["metatags"] = f"\n{CSP_META}" + context.get("metatags", "")


def escape_book_title(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The book's title as safe HTML wherever a template writes it: Furo's sidebar brand writes
    it unescaped. As Markup, `|e` leaves it alone and `|striptags` still gives its plain text."""
    for key in ("docstitle", "project"):
        if isinstance(context.get(key), str) and not isinstance(context[key], Markup):
            context[key] = Markup.escape(context[key])


def write_index_redirect(app: Sphinx, exception: Exception | None) -> None:
    """A valid, Dutch index.html when the root page is not called index.

    sphinx-external-toc writes a bare meta tag (no doctype, language or title) in that case;
    it leaves an existing index.html alone, so this runs before it.
    """
    landing = "index" in app.config.html_additional_pages  # a real landing page (landing.html)
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index" or landing:
        return
    title = app.config.html_title or app.config.project
    description = html.escape(shortened(book_description(app)))
    page = REDIRECT_PAGE.format(
        csp=CSP_META,
        title=html.escape(title),
        target=f"{app.config.root_doc}.html",
        description=description,
    )
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def setup_theme(app: Sphinx) -> None:
    # config-inited: before the builder reads templates_path, favicon and locale_dirs
    app.connect("config-inited", configure_theme)
    app.connect("config-inited", complete_search_texts)
    # html-page-context: as each page is written; after Furo's handler (priority 500)
    app.connect("html-page-context", translate_markup, priority=600)
    app.connect("html-page-context", add_meta_description)
    app.connect("html-page-context", add_content_security_policy)
    app.connect("html-page-context", escape_book_title)
    # build-finished: before sphinx-external-toc's own index.html (priority 500)
    app.connect("build-finished", write_index_redirect, priority=400)
