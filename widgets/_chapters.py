"""What a chapter's source says about the exercises: which it shows, where, and in what order.

The build reads the chapters' MyST text itself (before Sphinx parses them) to check the
exercises they name and to know, for every page, which exercises it shows.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from ._published import SHOW_CALL
from ._yaml_text import decode

FIGURE_CALL = re.compile(r"""widgets\.figure\(\s*["']([^"']+)["']""")
"""A chapter's call that shows a chart in the text; its group is the illustration's name."""
GOAL_ROLE = re.compile(r"\{leerdoel\}`([^`]+)`")
"""A learning goal's id, marked in a chapter's Leerdoelen."""
CODE_CELL = re.compile(r"^([`~]{3,})\{code-cell\}[^\n]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
"""A MyST-NB code cell: only there does `widgets.show(…)` show an exercise (in prose it is text)."""
ANY_SHOW = re.compile(r"widgets\.show\(")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
LABEL = re.compile(r"^\(([^()\s]+)\)=[ \t]*$", re.MULTILINE)


def chapter_text(path: Path) -> str:
    """A chapter's text; one that is not UTF-8 raises a DataError naming its line."""
    return decode(path, path.read_bytes().removeprefix(codecs.BOM_UTF8))


def line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def show_calls(text: str) -> list[tuple[re.Match[str] | None, int]]:
    """Each `widgets.show(` in a code cell: its plain-string match (None when the id is written
    otherwise, as an f-string or a variable) and its line."""
    calls = []
    for cell in CODE_CELL.finditer(text):
        for call in ANY_SHOW.finditer(text, cell.start(2), cell.end(2)):
            calls.append((SHOW_CALL.match(text, call.start()), line_of(text, call.start())))
    return calls


def ids_in(text: str) -> list[tuple[str, int]]:
    """Exercise ids a chapter's code cells show, with their line numbers."""
    return [(match.group(1), line) for match, line in show_calls(text) if match]


def unchecked_calls(text: str) -> list[int]:
    """Lines of `widgets.show(…)` calls whose id is not a plain string: the build cannot check it."""
    return [line for match, line in show_calls(text) if not match]


def page_ids(text: str) -> dict[str, tuple[str, int]]:
    """The HTML ids a chapter's headings and labels give its page, with what gives each and its line.

    A heading's id is its text as docutils makes it an id; an exercise with the same id would
    give the page two elements with one id.
    """
    from docutils.nodes import make_id

    text = CODE_CELL.sub(lambda cell: "\n" * cell.group(0).count("\n"), text)
    ids = {make_id(m.group(1)): (f"de kop '{m.group(1)}'", line_of(text, m.start())) for m in HEADING.finditer(text)}
    ids.update({m.group(1): (f"het label ({m.group(1)})=", line_of(text, m.start())) for m in LABEL.finditer(text)})
    return ids


def shown_ids(path: Path) -> list[tuple[str, int]]:
    """Exercise ids a page shows, with their lines; none for a page that is not MyST text."""
    if path.suffix != ".md" or not path.is_file():
        return []
    return ids_in(chapter_text(path))


def shown_by_page(env: Any) -> list[tuple[str, list[str]]]:
    """(docname, exercise ids it shows) for every page, in the order of the table of contents."""
    order: list[str] = []

    def walk(docname: str) -> None:  # a page, then its children, at every depth
        if docname not in order:
            order.append(docname)
            for child in env.toctree_includes.get(docname, []):
                walk(child)

    walk(env.config.root_doc)
    order += sorted(env.found_docs - set(order))
    return [(docname, [i for i, _ in shown_ids(Path(env.doc2path(docname)))]) for docname in order]
