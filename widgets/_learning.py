"""Learning that lasts: what the browser needs to review, to show progress and to keep a
reader's answers safe across rebuilds.

The browser keeps one record per site (static/store.js). Two things come from here:

- the *catalog* (`_static/widgets/catalog.json`, written by _ext_learning.py): every
  exercise's page and fingerprints, the exercises per page for "n van m oefeningen gedaan",
  and each read_more label's page and section title, so a question shown away from its
  chapter (on Herhalen) still links back to the section that explains it;
- the *Herhalen* page: every quiz and casus question as props, rendered by the same
  exercise.js as in the chapters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ._load import load_all
from ._pages import Page
from ._props import answers_fingerprint, props, props_json, question_fingerprint, render_template
from ._schema import Casus, Exercise, WithQuestions


def _reviewable(exercise: Exercise) -> bool:
    return isinstance(exercise, WithQuestions)


def catalog(
    shown: Iterable[tuple[str, list[str]]],
    exercises: dict[str, Exercise],
    uri: Callable[[str], str],
    titles: dict[str, str],
    labels: dict[str, tuple[str, str, str]],
    review: str | None = None,
) -> dict[str, Any]:
    """The site's exercises as the browser needs them on every page.

    `shown`: (docname, exercise ids it shows) in reading order; `uri`: a docname's page
    relative to the site root; `titles`: page titles; `labels`: Sphinx's std labels
    (label -> docname, anchor, section title); `review`: the Herhalen page, if the book has one.
    """
    pages: dict[str, list[str]] = {}
    entries: dict[str, dict[str, Any]] = {}
    read_more: set[str] = set()
    for docname, ids in shown:
        known = [i for i in ids if i in exercises]
        if not known:
            continue
        pages[uri(docname)] = known
        for exercise_id in known:
            exercise = exercises[exercise_id]
            entry = entries.setdefault(
                exercise_id,
                {
                    "kind": exercise.kind,
                    "page": uri(docname),
                    "chapter": titles.get(docname, ""),
                    "fingerprint": answers_fingerprint(exercise),
                },
            )
            if isinstance(exercise, WithQuestions):
                entry["questions"] = {q.id: question_fingerprint(q) for q in exercise.questions}
                read_more.update(q.read_more for q in exercise.questions)
    sections = {
        label: {"href": f"{uri(labels[label][0])}#{labels[label][1]}", "title": labels[label][2]}
        for label in sorted(read_more)
        if label in labels
    }
    return {"pages": pages, "exercises": entries, "sections": sections, "review": review}


def _review_props(exercise: Exercise) -> dict[str, Any]:
    """A casus's questions lean on its story, which Herhalen shows with each; a quiz's stand alone."""
    data = props(exercise)
    return data if isinstance(exercise, Casus) else data | {"intro": ""}


def review_page() -> Page:
    """Every quiz and casus question of the book, for the reader's own review schedule."""
    questions = {exercise.id: _review_props(exercise) for exercise, _ in load_all().values() if _reviewable(exercise)}
    return Page(render_template("review.html.j2", props_json=props_json(questions)), "herhalen")
