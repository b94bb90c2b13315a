"""The trainers' answer key: every quiz, casus and sorting exercise with its right answers and
all feedback, on one page that prints as a PDF of its own (`make pdf`).

It reads the exercises through the same loader as the chapters, so the key never drifts from
the questions. It is plain HTML: nothing to hydrate, nothing hidden on paper.
"""

from __future__ import annotations

from ._load import data_dir, load_all
from ._markdown import blocks, inline
from ._pages import Page
from ._props import render_template
from ._schema import Casus, Quiz, Sort



def _chapter_title(stem: str) -> str:
    """The title of the chapter a data file belongs to (data/hN-x.yml -> chapters/hN-x.md)."""
    chapter = data_dir().parent / "chapters" / f"{stem}.md"
    if chapter.is_file():
        for line in chapter.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return stem


def _options(question) -> list[dict]:
    return [
        {"html": inline(o.text), "correct": o.correct, "feedback": inline(o.feedback)}
        for o in question.options
    ]


def _entry(exercise, page: str) -> dict | None:
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


def chapters() -> list[dict]:
    """The key per chapter, in the order of the book and of each chapter's data file."""
    grouped: dict[str, list[dict]] = {}
    for exercise, path in load_all().values():
        entry = _entry(exercise, path.stem)
        if entry is not None:
            grouped.setdefault(path.stem, []).append(entry)
    return [
        {"number": stem[1], "title": _chapter_title(stem), "page": stem, "exercises": entries}
        for stem, entries in sorted(grouped.items())
    ]


def answer_key() -> Page:
    """The answer key as a page in the book (chapters/trainers/antwoorden.md)."""
    return Page(render_template("answer_key.html.j2", chapters=chapters()), "antwoorden")
