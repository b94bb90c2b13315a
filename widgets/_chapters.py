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


def chapter_text(path: Path) -> str:
    """A chapter's text; one that is not UTF-8 raises a DataError naming its line."""
    return decode(path, path.read_bytes().removeprefix(codecs.BOM_UTF8))


def ids_in(text: str) -> list[tuple[str, int]]:
    """Exercise ids a chapter's text shows, with their line numbers."""
    return [(m.group(1), text.count("\n", 0, m.start()) + 1) for m in SHOW_CALL.finditer(text)]


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
