"""The build's checks of the exercises and their links: data/ valid, every exercise, figure and
learning goal a chapter names known, each exercise a link target, every read_more label found.

A bad file stops every build, strict or not, before any page is read, with one Dutch message
naming file, item and field (ARCHITECTURE.md, "Bad input stops the build").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from . import _sphinx_compat as compat
from ._chapters import FIGURE_CALL, GOAL_ROLE, chapter_text, ids_in, page_ids, shown_ids, unchecked_calls
from ._load import DataError, load_all, load_illustration
from ._published import SHOW_CALL
from ._schema import Exercise, WithQuestions

logger = logging.getLogger(__name__)

BOOK_WIDE_CALLS = ("widgets.team_page(", "widgets.review_page(")
"""Pages that know every exercise: they depend on every data file."""


FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
"""A fenced block (code, a code cell, a directive): its text is code or MyST, not raw HTML."""
CODE_SPAN = re.compile(r"(`+)[^`]+?\1")
HTML_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>")
ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
ELSEWHERE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
"""An address with a scheme or of another host: not this site's own file."""


class BookDataError(SystemExit):
    """A bad exercise file or a chapter naming an unknown exercise; stops every build.

    A SystemExit, not a SphinxError: jupyter-book prints a traceback for any Exception, and an
    author needs the message, not the traceback.
    """

    def __init__(self, message: str) -> None:
        print(f"\nFout in de oefeningen (data/), de build stopt:\n{message}\n", file=sys.stderr)
        super().__init__(2)


def _exercises(app: Sphinx) -> dict[str, tuple[Exercise, Path]]:
    """Every exercise of the book (cached by load_all until a data file changes)."""
    return load_all(Path(app.srcdir) / "data")


def chapter_problems(chapter: Path, srcdir: Path, exercises: dict[str, Any]) -> list[str]:
    """What is wrong in a chapter: its encoding, exercises or figures it names that do not exist."""
    try:
        text = chapter_text(chapter)
    except DataError as error:
        return [str(error)]
    name = chapter.relative_to(srcdir)
    problems = [
        f"{name}, regel {line}: oefening '{exercise_id}' bestaat niet in data/"
        for exercise_id, line in ids_in(text)
        if exercise_id not in exercises
    ]
    problems += [
        f"{name}, regel {line}: schrijf de id van de oefening als gewone tekst tussen aanhalingstekens, "
        'zoals widgets.show("h1-quiz"), niet als f-string of variabele: alleen zo controleert de build of ze bestaat'
        for line in unchecked_calls(text)
    ]
    taken = page_ids(text)
    for exercise_id, line in ids_in(text):
        if exercise_id in taken:
            what, where = taken[exercise_id]
            problems.append(
                f"{name}, regel {line}: oefening '{exercise_id}' heeft dezelfde id als {what} (regel {where}); "
                "dan heeft de pagina twee elementen met één HTML-id: kies een andere id of een ander label"
            )
    for figure in FIGURE_CALL.findall(text):
        try:
            load_illustration(figure, srcdir / "data")
        except DataError as error:
            problems.append(f"{name}: figuur '{figure}': {error}")
    return problems


def unknown_goals(app: Sphinx, exercises: dict[str, tuple[Exercise, Path]]) -> list[str]:
    """Items whose `goals` name a learning goal that no chapter marks with {leerdoel}`id`."""
    known: set[str] = set()
    for chapter in Path(app.srcdir, "chapters").rglob("*.md"):
        known.update(GOAL_ROLE.findall(chapter.read_text(encoding="utf-8", errors="replace")))
    problems = []
    for exercise, path in exercises.values():
        items: list[tuple[str, Any]] = [(f"'{exercise.id}'", exercise)]
        items += [(f"'{exercise.id}' > '{q.id}'", q) for q in getattr(exercise, "questions", [])]
        for where, item in items:
            for goal in getattr(item, "goals", []):
                if goal not in known:
                    problems.append(
                        f"data/{path.name}: item {where}, veld goals: leerdoel '{goal}' bestaat niet; "
                        f"geef het in de Leerdoelen van een hoofdstuk aan als {{leerdoel}}`{goal}`"
                    )
    return problems


def validate_book(app: Sphinx) -> None:
    """All of data/ valid, every exercise, figure and goal a chapter names known."""
    srcdir = Path(app.srcdir)
    try:
        exercises = _exercises(app)
    except DataError as error:
        raise BookDataError(str(error)) from None
    chapters = sorted((srcdir / "chapters").rglob("*.md"))
    problems = [problem for chapter in chapters for problem in chapter_problems(chapter, srcdir, exercises)]
    problems += unknown_goals(app, exercises)
    if problems:
        raise BookDataError("\n".join(problems))


def goal_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[Any]]:
    """{leerdoel}`h1-doel-x`: an invisible link target on a learning goal, named by `goals:` in data/."""
    return [nodes.inline("", "", ids=[text.strip()], classes=["isw-leerdoel"])], []


def package_sources() -> list[Path]:
    """This package's Python modules and templates: the outputs of a page with widgets come from them."""
    return sorted(
        p for p in Path(__file__).parent.rglob("*") if p.suffix in {".py", ".j2"} and "__pycache__" not in p.parts
    )


def note_data_dependencies(app: Sphinx, docname: str, source: list[str]) -> None:
    """A page depends on the data files it shows (and on this package, if it imports it).

    Sphinx re-reads a page only when its own source changes; with this an edited question, or
    an edit in this package, shows up after a plain incremental rebuild too.
    """
    folder = Path(app.srcdir) / "data"
    exercises = _exercises(app)
    text = source[0]
    if "import widgets" in text:
        for path in package_sources():
            app.env.note_dependency(str(path))
    for exercise_id in SHOW_CALL.findall(text):
        if exercise_id in exercises:
            app.env.note_dependency(str(exercises[exercise_id][1]))
    for name in FIGURE_CALL.findall(text):
        app.env.note_dependency(str(folder / "illustraties" / f"{name}.yml"))
    if any(call in text for call in BOOK_WIDE_CALLS):
        for path in sorted(folder.glob("*.yml")):
            app.env.note_dependency(str(path))


def blanked(match: re.Match[str]) -> str:
    """The matched text as spaces, its line breaks kept: line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def unsafe_html(text: str) -> list[tuple[int, str]]:
    """Raw HTML in a chapter that the site's Content-Security-Policy forbids, with its line.

    Inline script (a <script> without src, an on…= attribute, a javascript: address) and a
    resource of another origin (a script, frame, image, … whose address is not this site's).
    Code blocks and code spans are left out: there HTML is shown, not run.
    """
    text = CODE_SPAN.sub(blanked, FENCE.sub(blanked, text))
    found = []
    for tag in HTML_TAG.finditer(text):
        line = text.count("\n", 0, tag.start()) + 1
        name = tag.group(1).lower()
        attributes = {key.lower(): (value or "").strip("\"'") for key, value in ATTRIBUTE.findall(tag.group(2))}
        if name == "script" and not attributes.get("src"):
            found.append((line, "een <script> met code in de pagina zelf (inline script)"))
        for key, value in attributes.items():
            if key.startswith("on"):
                found.append((line, f"een {key}=-attribuut op <{name}> (inline script)"))
            elif key in {"src", "href", "data", "srcset", "poster", "action", "formaction"}:
                if value.lower().startswith("javascript:"):
                    found.append((line, f"een javascript:-adres in {key}= van <{name}> (inline script)"))
                elif (key != "href" or name == "link") and any(
                    ELSEWHERE.match(url) and not url.strip().startswith("data:") for url in value.split(",")
                ):
                    found.append((line, f"<{name} {key}={value}> laadt iets van een andere website"))
    return found


def check_raw_html(app: Sphinx, docname: str, source: list[str]) -> None:
    """Raw HTML that would run inline script or load another site's files fails a strict build.

    The site runs under a strict Content-Security-Policy (_ext_theme): such HTML would not work,
    and it would break the promise that nothing leaves the reader's browser.
    """
    for line, what in unsafe_html(source[0]):
        logger.warning(
            f"{app.env.doc2path(docname, False)}, regel {line}: {what}; dat mag niet op deze site "
            "(alleen eigen bestanden, geen script in de tekst): zet het bestand in de cursus of laat het weg",
            location=(docname, line),
            type="widgets",
        )


def register_exercise_anchors(app: Sphinx, doctree: nodes.document) -> None:
    """Each exercise's id is a link target, like a section label.

    Trainers link to "hoofdstuk 3, zelfscan" as `[zelfscan](h3-….md#h3-scan-bewustzijn)` or
    {ref}`h3-scan-bewustzijn`; the widget's own element carries the id in the HTML.
    """
    env = app.env
    exercises = _exercises(app)
    for exercise_id, line in shown_ids(Path(env.doc2path(env.docname))):
        if exercise_id in exercises:
            compat.add_label(env, exercise_id, line, exercises[exercise_id][0].title)


def check_read_more(app: Sphinx, env: Any) -> None:
    """Every read_more label of a question exists on the page that shows the question."""
    labels = env.domaindata["std"]["labels"]
    exercises = _exercises(app)
    for docname in sorted(env.found_docs):
        for exercise_id, line in shown_ids(Path(env.doc2path(docname))):
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


def setup_checks(app: Sphinx) -> None:
    # builder-inited: before any page is read, so a bad file stops the build at once
    app.connect("builder-inited", validate_book)
    app.add_role("leerdoel", goal_role)  # the learning goals' ids, checked by validate_book
    # source-read: as each page is read, before it is parsed
    app.connect("source-read", note_data_dependencies)
    app.connect("source-read", check_raw_html)
    # doctree-read: after a page is parsed, while its labels are collected
    app.connect("doctree-read", register_exercise_anchors)
    # env-check-consistency: all pages read, all labels known
    app.connect("env-check-consistency", check_read_more)
