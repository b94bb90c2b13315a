"""The book's Sphinx extension: validates the exercises and serves the widgets' browser code.

Listed in _config.yml (sphinx.config.extensions). Each handler below says where it sits in
Sphinx's event order.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import html
import json
import re
import shutil
import sys
import zlib
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ._contract import CATALOG_FILE, PROGRESS_LINE, SITE_META, shared
from ._kernel import use_ipc_kernels
from ._learning import catalog
from ._load import DataError, decode, load_all, load_illustration
from ._offline import setup_offline
from ._published import SHOW_CALL
from ._schema import WithQuestions
from ._static_files import STATIC, publish

logger = logging.getLogger(__name__)

FIGURE_CALL = re.compile(r"""widgets\.figure\(\s*["']([^"']+)["']""")
BOOK_WIDE_CALLS = ("widgets.team_page(", "widgets.review_page(")  # pages that know every exercise
REVIEW_DOC = "chapters/herhalen"
STATIC_FILES = (
    "loader.js", "store.js", "exercise.js", "chart.js", "results.js", "team.js", "review.js", "progress.js",
    "exercise.css", "storage-guard.js", "theme.css", "theme.js", "print.css",
)
TEMPLATES = Path(__file__).parent / "templates" / "sphinx"


def _version_stamp() -> str:
    """One stamp for all the widgets' browser code: it changes when any of those files does.

    It is written into loader.js, so Sphinx's own checksum of the loader (`loader.js?v=…`)
    changes with any of them; the loader passes that `?v=` on to every module it imports.
    """
    import vl_convert

    digest = hashlib.sha256(vl_convert.__version__.encode())
    for name in STATIC_FILES:
        digest.update((STATIC / name).read_bytes())
    return digest.hexdigest()[:10]


VERSION = _version_stamp()
# loader.js imports the reader store statically; the build stamps that import (and the page's
# modulepreload of it) with the build's version, so a returning reader never mixes versions.
STORE_IMPORT = 'from "./store.js"'
STORE_QUERY = f"?v={VERSION}"
PACKAGE_SOURCES = sorted(
    p for p in Path(__file__).parent.rglob("*") if p.suffix in {".py", ".j2"} and "__pycache__" not in p.parts
)


class BookDataError(SystemExit):
    """A bad exercise file or a chapter naming an unknown exercise; stops every build.

    A SystemExit, not a SphinxError: jupyter-book prints a traceback for any Exception, and an
    author needs the message, not the traceback.
    """

    def __init__(self, message: str) -> None:
        print(f"\nFout in de oefeningen (data/), de build stopt:\n{message}\n", file=sys.stderr)
        super().__init__(2)


def _chapter_text(path: Path) -> str:
    """A chapter's text; one that is not UTF-8 stops the build with its line (not a traceback)."""
    return decode(path, path.read_bytes().removeprefix(codecs.BOM_UTF8))


def _shown_ids(path: Path) -> list[tuple[str, int]]:
    """Exercise ids a chapter shows, with their line numbers."""
    return _ids_in(_chapter_text(path))


def _ids_in(text: str) -> list[tuple[str, int]]:
    return [(m.group(1), text.count("\n", 0, m.start()) + 1) for m in SHOW_CALL.finditer(text)]


def _chapter_problems(chapter: Path, srcdir: Path, exercises: dict) -> list[str]:
    """What is wrong in a chapter: its encoding, exercises or figures it names that do not exist."""
    try:
        text = _chapter_text(chapter)
    except DataError as error:
        return [str(error)]
    name = chapter.relative_to(srcdir)
    problems = [
        f"{name}, regel {line}: oefening '{exercise_id}' bestaat niet in data/"
        for exercise_id, line in _ids_in(text)
        if exercise_id not in exercises
    ]
    for figure in FIGURE_CALL.findall(text):
        try:
            load_illustration(figure, srcdir / "data")
        except DataError as error:
            problems.append(f"{name}: figuur '{figure}': {error}")
    return problems


def validate_book(app: Sphinx) -> None:
    """builder-inited (before any page is read): all of data/ valid, every shown id known.

    A bad file stops the build here, strict or not, with one message naming file, item and
    field, instead of a traceback in a code cell or a warning a plain build lets pass.
    """
    srcdir = Path(app.srcdir)
    try:
        exercises = load_all(srcdir / "data")
    except DataError as error:
        raise BookDataError(str(error)) from None
    chapters = sorted((srcdir / "chapters").rglob("*.md"))
    problems = [problem for chapter in chapters for problem in _chapter_problems(chapter, srcdir, exercises)]
    problems += unknown_goals(app, exercises)
    if problems:
        raise BookDataError("\n".join(problems))


GOAL_ROLE = re.compile(r"\{leerdoel\}`([^`]+)`")


def unknown_goals(app: Sphinx, exercises: dict) -> list[str]:
    """Items whose `goals` name a learning goal that no chapter marks with {leerdoel}`id`."""
    known = set()
    for chapter in Path(app.srcdir, "chapters").rglob("*.md"):
        known.update(GOAL_ROLE.findall(chapter.read_text(encoding="utf-8", errors="replace")))
    problems = []
    for exercise, path in exercises.values():
        items = [(f"'{exercise.id}'", exercise)]
        items += [(f"'{exercise.id}' > '{q.id}'", q) for q in getattr(exercise, "questions", [])]
        for where, item in items:
            for goal in getattr(item, "goals", []):
                if goal not in known:
                    problems.append(
                        f"data/{path.name}: item {where}, veld goals: leerdoel '{goal}' bestaat niet; "
                        f"geef het in de Leerdoelen van een hoofdstuk aan als {{leerdoel}}`{goal}`"
                    )
    return problems


def goal_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{leerdoel}`h1-doel-x`: an invisible link target on a learning goal, named by `goals:` in data/."""
    return [nodes.inline("", "", ids=[text.strip()], classes=["isw-leerdoel"])], []


def note_data_dependencies(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read (as each page is read): a page depends on the data files it shows.

    Sphinx re-reads a page only when its own source changes; with this an edited question, or
    an edit in this package, shows up after a plain incremental rebuild too.
    """
    folder = Path(app.srcdir) / "data"
    exercises = load_all(folder)
    if "import widgets" in source[0]:  # its outputs come from this package's code
        for path in PACKAGE_SOURCES:
            app.env.note_dependency(str(path))
    for exercise_id in SHOW_CALL.findall(source[0]):
        if exercise_id in exercises:
            app.env.note_dependency(str(exercises[exercise_id][1]))
    for name in FIGURE_CALL.findall(source[0]):
        app.env.note_dependency(str(folder / "illustraties" / f"{name}.yml"))
    if any(call in source[0] for call in BOOK_WIDE_CALLS):  # the team and review pages know them all
        for path in sorted(folder.glob("*.yml")):
            app.env.note_dependency(str(path))


def drop_widget_state(app: Sphinx, doctree) -> None:
    """doctree-read (after a page is parsed): keep myst-nb from embedding widget state.

    That state carries each widget's whole JS source; the site hydrates from its own markup.
    """
    docs = getattr(app.env, "nb_metadata", {})
    js_files = docs.get(app.env.docname, {}).get("js_files", {})
    for key in [k for k in js_files if k.startswith("ipywidgets")]:
        del js_files[key]


def register_exercise_anchors(app: Sphinx, doctree) -> None:
    """doctree-read: each exercise's id is a link target, like a section label.

    Trainers link to "hoofdstuk 3, zelfscan" as `[zelfscan](h3-….md#h3-scan-bewustzijn)` or
    {ref}`h3-scan-bewustzijn`; the widget's own element carries the id in the HTML.
    """
    env = app.env
    path = Path(env.doc2path(env.docname))
    if path.suffix != ".md" or not path.is_file():
        return
    exercises = load_all(Path(app.srcdir) / "data")
    std = env.domaindata["std"]
    slugs = env.metadata[env.docname].setdefault("myst_slugs", {})
    for exercise_id, line in _shown_ids(path):
        if exercise_id not in exercises:
            continue
        title = exercises[exercise_id][0].title
        std["labels"][exercise_id] = (env.docname, exercise_id, title)
        std["anonlabels"][exercise_id] = (env.docname, exercise_id)
        slugs[exercise_id] = (line, exercise_id, title)


def check_read_more(app: Sphinx, env) -> None:
    """env-check-consistency (all pages read): every read_more label exists on its own page."""
    labels = env.domaindata["std"]["labels"]
    exercises = load_all(Path(app.srcdir) / "data")  # cached: validated at builder-inited
    for docname in sorted(env.found_docs):
        path = Path(env.doc2path(docname))
        if path.suffix != ".md" or not path.is_file():
            continue
        for exercise_id, line in _shown_ids(path):
            exercise, data_file = exercises[exercise_id]
            if not isinstance(exercise, WithQuestions):
                continue
            for question in exercise.questions:
                target = labels.get(question.read_more)
                if target is None or target[0] != docname:
                    logger.warning(
                        f"{data_file.name}: item '{exercise_id}' > '{question.id}', veld read_more: "
                        f"label '{question.read_more}' staat niet op de pagina {docname}",
                        location=(docname, line),
                        type="widgets",
                    )


def vega_bundle(cache_dir: Path) -> Path:
    """Vega, Vega-Lite and Vega-Embed as one ES module, made offline by vl-convert.

    Made once per vl-convert version and kept in .cache/, outside _build, so a clean build
    does not pay for it again: it takes seconds.
    """
    import vl_convert

    path = cache_dir / f"vega-{vl_convert.__version__}.js"
    if not path.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        bundle = vl_convert.javascript_bundle(snippet="export { vegaEmbed, vega, vegaLite };")
        path.write_text(bundle, encoding="utf-8")
    return path


def copy_static(app: Sphinx) -> None:
    """builder-inited: the widgets' browser code and the Vega bundle into _static/widgets/.

    Before any page is written: Sphinx stamps each script and stylesheet link with a checksum
    of the file it finds in the output (`?v=…`), so a returning reader's browser fetches a
    changed file instead of its cached copy. Pages load vega.js only when they are about to
    draw a chart (see static/chart.js).
    """
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / "widgets"
    publish(STATIC_FILES, target)
    loader = target / "loader.js"
    text = loader.read_text(encoding="utf-8")
    if text.count(STORE_IMPORT) != 1:  # else the page would preload a store the loader does not import
        raise ValueError(f"static/loader.js must have `{STORE_IMPORT}` exactly once")
    text = text.replace(STORE_IMPORT, STORE_IMPORT.replace("store.js", f"store.js{STORE_QUERY}"))
    loader.write_text(f"// build {VERSION}\n" + text, encoding="utf-8")
    shutil.copyfile(vega_bundle(Path(app.srcdir) / ".cache"), target / "vega.js")


REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
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


def write_index_redirect(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, before sphinx-external-toc's own: a valid, Dutch index.html.

    sphinx-external-toc writes a bare meta tag (no doctype, language or title) when the root
    page is not called index; it leaves an existing index.html alone.
    """
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    target = f"{app.config.root_doc}.html"
    (Path(app.outdir) / "index.html").write_text(
        REDIRECT_PAGE.format(
            title=app.config.html_title or app.config.project, target=target, description=html.escape(shortened(book_description(app)))
        ),
        encoding="utf-8",
    )


@functools.lru_cache(maxsize=4)
def _loader_query(loader: Path, written: int) -> str:
    """`?v=…` as Sphinx stamps loader.js (its checksum), the stamp it passes on to exercise.js.
    Read once per build (copy_static writes the loader anew, so `written`, its mtime, changes)."""
    checksum = zlib.crc32(loader.read_bytes().replace(b"\r", b""))
    return f"?v={checksum:08x}"


def preload_modules(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: the modules the loader will import are fetched at once, beside it.

    The same URLs the loader imports, so a returning reader never mixes versions: the reader
    store (on every page) as the build stamped the loader's static import of it, exercise.js
    (on pages with exercises) with the loader's own `?v=`, passed on when it runs.
    """
    if doctree is None:
        return
    modules = {"store.js": STORE_QUERY}
    if 'class="isw-widget' in context.get("body", ""):
        loader = Path(app.outdir) / "_static" / "widgets" / "loader.js"
        modules["exercise.js"] = _loader_query(loader, loader.stat().st_mtime_ns)
    for module, query in modules.items():
        href = context["pathto"](f"_static/widgets/{module}", 1) + query
        context["metatags"] = context.get("metatags", "") + f'\n<link rel="modulepreload" href="{href}">'


def _shown_by_page(app: Sphinx) -> list[tuple[str, list[str]]]:
    """(docname, exercise ids it shows) for every page, in the order of the table of contents."""
    env = app.env
    order: list[str] = []

    def walk(docname: str) -> None:  # a page, then its children, at every depth
        if docname not in order:
            order.append(docname)
            for child in env.toctree_includes.get(docname, []):
                walk(child)

    walk(env.config.root_doc)
    order += sorted(env.found_docs - set(order))
    shown = []
    for docname in order:
        path = Path(env.doc2path(docname))
        if path.suffix == ".md" and path.is_file():
            shown.append((docname, [exercise_id for exercise_id, _ in _shown_ids(path)]))
    return shown


def write_catalog(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: _static/widgets/catalog.json, what every page's scripts need to know of
    the whole book (progress per chapter, fingerprints, where each read_more section is)."""
    if exception is not None or app.builder.format != "html":
        return
    env = app.env
    exercises = {i: exercise for i, (exercise, _) in load_all(Path(app.srcdir) / "data").items()}
    data = catalog(
        _shown_by_page(app),
        exercises,
        uri=app.builder.get_target_uri,
        titles={docname: title.astext() for docname, title in env.titles.items()},
        labels=env.domaindata["std"]["labels"],
        review=app.builder.get_target_uri(REVIEW_DOC) if REVIEW_DOC in env.found_docs else None,
    )
    data["book_id"] = app.config.isw_book_id  # an export's origin (js/validate.js), not its path
    target = Path(app.outdir) / "_static" / "widgets" / CATALOG_FILE
    target.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def add_learning_markup(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: the site's name for the reader store; under the title of every page
    with exercises the line progress.js fills in; at the end of every page with quiz or casus
    questions a link to Herhalen.

    The store's key is made of this name and the site's base path, so two courses on one host
    never mix their readers' answers. The progress line is in the page from the start (saying
    how many exercises there are) so the text does not move down when the reader's progress
    arrives.
    """
    site = html.escape(app.config.html_title or app.config.project or "", quote=True)
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="{SITE_META}" content="{site}">'
    if doctree is None:
        return
    path = Path(app.env.doc2path(pagename))
    exercises = load_all(Path(app.srcdir) / "data")
    shown = [exercises[i][0] for i, _ in _shown_ids(path) if i in exercises] if path.suffix == ".md" and path.is_file() else []
    if shown and "</h1>" in context["body"]:
        count = f"{len(shown)} {'oefening' if len(shown) == 1 else 'oefeningen'}"
        line = f'<p class="{PROGRESS_LINE}">Op deze pagina: {count}.</p>'
        context["body"] = context["body"].replace("</h1>", "</h1>\n" + line, 1)
    if pagename == REVIEW_DOC or REVIEW_DOC not in app.env.found_docs:
        return
    if any(isinstance(exercise, WithQuestions) for exercise in shown):
        href = context["pathto"](REVIEW_DOC)
        context["body"] += (
            '<aside class="isw-review-link" aria-label="Herhalen">'
            f'<p>Wil je onthouden wat je hier hebt geleerd? Op de pagina <a href="{href}">Herhalen</a> komen '
            "de vragen terug die je fout had, en na een paar dagen ook de vragen die je goed had.</p></aside>"
        )


def book_description(app: Sphinx) -> str:
    """The description in _config.yml (Jupyter Book passes it on to no Sphinx setting)."""
    config = yaml.safe_load((Path(app.srcdir) / "_config.yml").read_text(encoding="utf-8")) or {}
    return " ".join(str(config.get("description") or app.config.project).split())


def shortened(text: str, limit: int = 160) -> str:
    """At most `limit` characters, cut between words: search engines show no more."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def add_meta_description(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: every page says what it is about, for search engines and link previews.

    A page's description is its first paragraph (a chapter's one-line promise); a page with
    no text of its own (the index, search) gets the book's description from _config.yml.
    """
    paragraph = next(iter(doctree.findall(nodes.paragraph)), None) if doctree is not None else None
    text = " ".join(paragraph.astext().split()) if paragraph is not None else ""
    text = shortened(text or book_description(app))
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text)}">'


def configure_theme(app: Sphinx, config) -> None:
    """config-inited: our layout additions and a favicon served by the site itself."""
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.html_favicon = str(STATIC / "favicon.svg")


def run_kernels_over_ipc(app: Sphinx, config) -> None:
    """config-inited (before any notebook is executed): kernels use IPC, not TCP ports."""
    if not use_ipc_kernels():
        logger.info("widgets: kernels use TCP (the package is not installed, so no IPC provisioner)")


# The search page's texts that Sphinx's Dutch catalogue leaves empty or says formally: without
# them the page says nothing at all after a search (an empty status for screen readers too).
SEARCH_TEXTS_NL = {
    "Search finished, found ${resultCount} page(s) matching the search query.":
        "Klaar met zoeken: ${resultCount} pagina('s) gevonden.",
    "Your search did not match any documents. Please make sure that all words are spelled "
    "correctly and that you've selected enough categories.":
        "Niets gevonden. Kijk of alle woorden goed gespeld zijn, of zoek op een ander woord.",
    "Searching for multiple words only shows matches that contain\n    all words.":
        "Zoek je op meer woorden, dan zie je alleen pagina's met al die woorden.",
}


def complete_search_texts(app: Sphinx, config) -> None:
    """config-inited: Sphinx's Dutch search texts, completed, as the book's own translations.js.

    Sphinx takes translations.js from the first locale_dirs entry that has one; this writes
    that file into .cache/ (outside _build) from Sphinx's own nl catalogue.
    """
    if config.language != "nl":
        return
    import sphinx

    source = Path(sphinx.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "sphinx.js"
    prefix, _, rest = source.read_text(encoding="utf-8").partition("(")
    catalogue = json.loads(rest.rstrip().removesuffix(";").removesuffix(")"))
    catalogue["messages"].update(SEARCH_TEXTS_NL)
    folder = Path(app.srcdir) / ".cache" / "locale"
    target = folder / "nl" / "LC_MESSAGES" / "sphinx.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"{prefix}({json.dumps(catalogue, ensure_ascii=False, indent=1)});\n", encoding="utf-8")
    config.locale_dirs = [str(folder), *config.locale_dirs]


# Stylesheets that no page of this book needs: Furo's for other extensions (design elements,
# tabs, copy buttons) and myst-nb's (43 kB for code cells, collapsed and scrolled outputs: the
# book shows only outputs, spaced by theme.css). The search's helpers: on the search page only.
NOT_LINKED = ("_static/styles/furo-extensions.css", "_static/mystnb.")
SEARCH_ONLY = {
    "_static/documentation_options.js", "_static/doctools.js", "_static/sphinx_highlight.js",
    "_static/translations.js",
}
DEFERRED = {"_static/scripts/furo.js"}  # it acts on DOMContentLoaded: it need not block parsing


def lighten_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: each page links only the theme's CSS and JavaScript it uses.

    The code highlighting styles only where there is code; the search's scripts only on the
    search page (which also loads the index itself); Furo's script deferred.
    """
    body = context.get("body", "")
    context["css_files"] = [
        css for css in context.get("css_files", [])
        if not css.filename.startswith(NOT_LINKED)
        and (css.filename != "_static/pygments.css" or 'class="highlight' in body)
    ]
    scripts = []
    for js in context.get("script_files", []):
        if js.filename in SEARCH_ONLY and pagename != "search":
            continue
        if js.filename in DEFERRED:
            js = type(js)(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})
        scripts.append(js)
    context["script_files"] = scripts


SOURCE_MAP_COMMENT = re.compile(rb"\n?/[/*]# sourceMappingURL=\S+?(?: \*/)?\s*$")


def drop_unused_static(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: _build/html/_static keeps only the files that the site uses.

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
            path for path in (site / "_static").rglob("*")
            if path.is_file() and not any(path.name.encode() in data for other, data in texts.items() if other != path)
        ]
        if not unused:
            break
        for path in unused:
            path.unlink()
            texts.pop(path, None)


def setup(app: Sphinx) -> dict:
    app.add_config_value("isw_book_id", "", "html", types=[str])
    app.connect("config-inited", configure_theme)
    app.connect("config-inited", run_kernels_over_ipc)
    app.connect("config-inited", complete_search_texts)
    app.connect("builder-inited", validate_book)
    app.add_role("leerdoel", goal_role)  # the learning goals' ids, checked by validate_book
    app.connect("builder-inited", copy_static)
    app.connect("source-read", note_data_dependencies)
    app.connect("doctree-read", drop_widget_state)
    app.connect("doctree-read", register_exercise_anchors)
    app.connect("env-check-consistency", check_read_more)
    app.connect("html-page-context", preload_modules)
    app.connect("html-page-context", add_learning_markup)
    app.connect("html-page-context", add_meta_description)
    app.connect("html-page-context", lighten_page)
    app.connect("build-finished", write_index_redirect, priority=400)
    app.connect("build-finished", write_catalog)
    # after every other writer but the service worker's, whose list must see the final site
    app.connect("build-finished", drop_unused_static, priority=850)
    # Not async: Chromium ran the async loader only after DOMContentLoaded, behind the theme's
    # work there; as a deferred module it runs as soon as the page is parsed.
    # data-isw-contract: what the browser must agree on with Python (widgets/_contract.py)
    app.add_js_file("widgets/loader.js", type="module",
                    **{"data-isw-contract": json.dumps(shared(), ensure_ascii=False)})
    app.add_js_file("widgets/theme.js", type="module")
    app.add_css_file("widgets/exercise.css")
    app.add_css_file("widgets/theme.css")
    app.add_css_file("widgets/print.css", media="print")
    setup_offline(app)  # offline reading: sw.js, written at build-finished after everything else
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
