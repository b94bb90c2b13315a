"""The build's part in learning that lasts: catalog.json for every page's scripts, the progress
line under each chapter's title, the link to Herhalen, and Herhalen's intervals in words.

The browser does the rest with the reader's own answers (ARCHITECTURE.md, "Learning that lasts").
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import _sphinx_compat as compat
from ._chapters import shown_by_page, shown_ids
from ._contract import CATALOG_FILE, PROGRESS_LINE, REVIEW_INTERVALS, SITE_META
from ._learning import catalog
from ._load import load_all
from ._schema import WithQuestions

REVIEW_DOC = "chapters/herhalen"
NUMBERS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def in_words(days: int) -> str:
    """'een dag', 'drie dagen', 'een week', 'drie weken': an interval as the text says it."""
    count, one, more = (days // 7, "week", "weken") if days % 7 == 0 else (days, "dag", "dagen")
    number = NUMBERS[count] if count < len(NUMBERS) else str(count)
    return f"{number} {one if count == 1 else more}"


def review_substitutions(intervals: tuple[int, ...] = REVIEW_INTERVALS) -> dict[str, str]:
    """{{ herhaal_eerste }} and {{ herhaal_daarna }} for chapters/herhalen.md, from the contract.

    herhaal_daarna: 'eerst na een dag, dan na drie dagen, na een week en na drie weken'.
    """
    words = [f"na {in_words(days)}" for days in intervals]
    rest = words[1:]
    listed = f"{', '.join(rest[:-1])} en {rest[-1]}" if len(rest) > 1 else "".join(rest)
    then = f"eerst {words[0]}, dan {listed}" if rest else words[0]
    return {"herhaal_eerste": in_words(intervals[0]), "herhaal_daarna": then}


def add_review_substitutions(app: Sphinx, config: Config) -> None:
    """The intervals, as MyST substitutions the chapters may use."""
    config.myst_substitutions = {**getattr(config, "myst_substitutions", {}), **review_substitutions()}


def write_catalog(app: Sphinx, exception: Exception | None) -> None:
    """_static/widgets/catalog.json: what every page's scripts need to know of the whole book
    (progress per chapter, fingerprints, where each read_more section is)."""
    if exception is not None or app.builder.format != "html":
        return
    env = app.env
    exercises = {i: exercise for i, (exercise, _) in load_all(Path(app.srcdir) / "data").items()}
    data = catalog(
        shown_by_page(env),
        exercises,
        uri=app.builder.get_target_uri,
        titles={docname: title.astext() for docname, title in env.titles.items()},
        labels=env.domaindata["std"]["labels"],
        review=app.builder.get_target_uri(REVIEW_DOC) if REVIEW_DOC in env.found_docs else None,
    )
    data["book_id"] = app.config.isw_book_id  # an export's origin (js/validate.js), not its path
    target = Path(app.outdir) / "_static" / "widgets" / CATALOG_FILE
    target.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def add_learning_markup(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The site's name for the reader store on every page; under the title of every page with
    exercises the line the progress script fills in; at the end of every page with quiz or
    casus questions a link to Herhalen.

    The store's key is made of this name and the site's base path, so two courses on one host
    never mix their readers' answers. The progress line is in the page from the start (saying
    how many exercises there are) so the text does not move down when the reader's progress
    arrives.
    """
    site = html.escape(app.config.html_title or app.config.project or "", quote=True)
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="{SITE_META}" content="{site}">'
    if doctree is None:
        return
    exercises = load_all(Path(app.srcdir) / "data")
    shown = [exercises[i][0] for i, _ in shown_ids(Path(app.env.doc2path(pagename))) if i in exercises]
    if shown:
        count = f"{len(shown)} {'oefening' if len(shown) == 1 else 'oefeningen'}"
        context["body"] = compat.after_title(
            context["body"], f'<p class="{PROGRESS_LINE}">Op deze pagina: {count}.</p>'
        )
    if pagename == REVIEW_DOC or REVIEW_DOC not in app.env.found_docs:
        return
    if any(isinstance(exercise, WithQuestions) for exercise in shown):
        href = context["pathto"](REVIEW_DOC)
        context["body"] += (
            '<aside class="isw-review-link" aria-label="Herhalen">'
            f'<p>Wil je onthouden wat je hier hebt geleerd? Op de pagina <a href="{href}">Herhalen</a> komen '
            "de vragen terug die je fout had, en na een paar dagen ook de vragen die je goed had.</p></aside>"
        )


def setup_learning(app: Sphinx) -> None:
    # The book's own identifier (_config.yml): a reader's backup imports under another path or title.
    app.add_config_value("isw_book_id", "", "html", types=[str])
    # config-inited: before MyST reads its settings (at builder-inited)
    app.connect("config-inited", add_review_substitutions)
    # html-page-context: as each page is written
    app.connect("html-page-context", add_learning_markup)
    # build-finished: every page written, every label known
    app.connect("build-finished", write_catalog)
