"""The trainers' answer key: every quiz, casus and sorting exercise with its right answers and
all feedback, on one page that prints as a PDF of its own (`make pdf`).

It reads the exercises through the same loader as the chapters, so the key never drifts from
the questions. It is plain HTML: nothing to hydrate, nothing hidden on paper.
"""

from __future__ import annotations

import re
from typing import Any

from ._load import data_dir, load_all
from ._markdown import blocks, inline
from ._pages import Page
from ._props import render_template
from ._schema import Casus, Exercise, Quiz, Sort
from .exports.book import chapter_heading

CHAPTER_FILE = re.compile(r"^h(\d+)-")
"""A chapter's data file, data/hN-short-name.yml; N is the chapter's number."""


def chapter_number(stem: str) -> int | None:
    """The chapter's number in a data file's name (h10-x -> 10); None for a file of no chapter."""
    found = CHAPTER_FILE.match(stem)
    return int(found.group(1)) if found else None


def _in_book_order(stem: str) -> tuple[int, str]:
    """h2 before h10 (by number, not by text); files of no chapter last."""
    number = chapter_number(stem)
    return (number if number is not None else 1_000_000, stem)


def _options(question: Any) -> list[dict[str, Any]]:
    return [{"html": inline(o.text), "correct": o.correct, "feedback": inline(o.feedback)} for o in question.options]


def _entry(exercise: Exercise, page: str) -> dict[str, Any] | None:
    """One exercise as the key shows it; None for kinds without a right answer."""
    common = {"id": exercise.id, "title": exercise.title, "page": page, "kind": exercise.kind}
    if isinstance(exercise, (Quiz, Casus)):
        return common | {
            "story": blocks(exercise.story) if isinstance(exercise, Casus) else "",
            "items": [],
            "questions": [
                {"id": q.id, "html": inline(q.text), "read_more": q.read_more, "options": _options(q)}
                for q in exercise.questions
            ],
        }
    if isinstance(exercise, Sort):
        names = {c.id: c.name for c in exercise.categories}
        return common | {
            "story": "",
            "questions": [],
            "items": [
                {"id": i.id, "html": inline(i.text), "category": names[i.category], "feedback": inline(i.feedback)}
                for i in exercise.items
            ],
        }
    return None


def chapters() -> list[dict[str, Any]]:
    """The key per chapter, in the order of the book and of each chapter's data file."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for exercise, path in load_all().values():
        entry = _entry(exercise, path.stem)
        if entry is not None:
            grouped.setdefault(path.stem, []).append(entry)
    return [
        {
            "number": chapter_number(stem) or "",
            "title": chapter_heading(data_dir() / f"{stem}.yml"),
            "page": stem,
            "exercises": grouped[stem],
        }
        for stem in sorted(grouped, key=_in_book_order)
    ]


def answer_key() -> Page:
    """The answer key as a page in the book (chapters/trainers/antwoorden.md)."""
    return Page(render_template("answer_key.html.j2", chapters=chapters()), "antwoorden")
