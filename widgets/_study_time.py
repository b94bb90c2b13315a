"""Study times the build computes: {studietijd}`h2` in a page becomes "ongeveer 55 minuten".

A chapter's time is its reading time plus the time its exercises take, rounded up to five
minutes. `{studietijd}`h3 h4`` adds chapters up (the programme's preparation per meeting).
The assumptions, and why (they are also stated for trainers in chapters/trainers/index.md):

- READING: 150 words a minute for all text on the page, the exercises' stories, questions,
  options and feedback included. Adults read Dutch or English study text silently at about
  200 to 240 words a minute; a B1 reader studying a text, with rereading, needs about one and a
  half times as long, so about 150.
- PER_QUESTION: 1 minute to think and choose, on top of reading a quiz or casus question.
- PER_STATEMENT: a quarter of a minute to weigh a self-scan statement on its 1-5 scale.
- PER_SORT_ITEM: half a minute to place a situation in a category.
- PER_REFLECTIE: 5 minutes to write a few sentences.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ._load import load_all
from ._published import SHOW_CALL
from ._schema import Exercise, Reflectie, Scan, Sort, WithQuestions

READING = 150
PER_QUESTION = 1.0
PER_STATEMENT = 0.25
PER_SORT_ITEM = 0.5
PER_REFLECTIE = 5.0
ROUND_TO = 5

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Not read as text: front matter, code cells (an exercise's words are counted from data/),
# comments, the markup of directives and roles, and label lines.
NOT_READ = re.compile(
    r"\A---\n.*?\n---\n|^```\{code-cell\}.*?^```|<!--.*?-->|^```\{[\w-]+\}|\{(?:leerdoel|cite:\w+)\}`[^`]*`|\{[\w:-]+\}(?=`)|^:[\w-]+:[^\n]*$|^\([^\n]+\)=$",
    re.S | re.M,
)
SHOWN_FIELDS = {"title", "intro", "story", "prompt", "text", "feedback", "name"}


def chapter_file(srcdir: Path, chapter: str) -> Path:
    """chapters/hN-*.md for 'hN'; a clear error for any other name."""
    found = sorted((srcdir / "chapters").glob(f"{chapter}-*.md"))
    if not re.fullmatch(r"h[1-8]", chapter) or len(found) != 1:
        raise ValueError(f"studietijd: '{chapter}' is geen hoofdstuk (verwacht h1 tot h8)")
    return found[0]


def words(text: str) -> int:
    return len(WORD.findall(text))


def _shown_text(node: object, key: str = "") -> list[str]:
    """The texts of an exercise a reader sees (not ids, categories or score bands)."""
    if isinstance(node, str):
        return [node] if key in SHOWN_FIELDS else []
    if isinstance(node, dict):
        return [t for k, v in node.items() if k not in {"laag", "midden", "hoog"} for t in _shown_text(v, k)]
    if isinstance(node, list):
        return [t for item in node for t in _shown_text(item, key)]
    return []


def exercise_minutes(exercise: Exercise) -> float:
    """What an exercise takes beyond reading its text."""
    if isinstance(exercise, WithQuestions):
        return PER_QUESTION * len(exercise.questions)
    if isinstance(exercise, Scan):
        return PER_STATEMENT * len(exercise.statements)
    if isinstance(exercise, Sort):
        return PER_SORT_ITEM * len(exercise.items)
    if isinstance(exercise, Reflectie):
        return PER_REFLECTIE
    return 0.0


def counts(srcdir: Path, chapter: str) -> dict[str, float]:
    """A chapter's words (text and exercises) and exercise minutes: what its time is made of."""
    text = chapter_file(srcdir, chapter).read_text(encoding="utf-8")
    exercises = load_all(srcdir / "data")
    shown = [exercises[i][0] for i in SHOW_CALL.findall(text) if i in exercises]
    exercise_words = sum(words(t) for e in shown for t in _shown_text(e.model_dump()))
    return {
        "text_words": words(NOT_READ.sub(" ", text)),
        "exercise_words": exercise_words,
        "exercise_minutes": sum(exercise_minutes(e) for e in shown),
    }


def minutes(srcdir: Path, chapters: str) -> int:
    """Study time of one or more chapters ('h2', 'h3 h4'), each rounded up to 5 minutes."""
    total = 0
    for chapter in chapters.split():
        c = counts(srcdir, chapter)
        raw = (c["text_words"] + c["exercise_words"]) / READING + c["exercise_minutes"]
        total += ROUND_TO * math.ceil(raw / ROUND_TO)
    return total


def study_time_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[Any]]:
    """{studietijd}`h2`: the chapter's computed study time, as "ongeveer 55 minuten"."""
    env = inliner.document.settings.env
    srcdir = Path(env.srcdir)
    try:
        total = minutes(srcdir, text)
    except ValueError as error:
        return [], [inliner.reporter.error(str(error), line=lineno)]
    for chapter in text.split():  # a page with the role is read again when a chapter or its data changes
        env.note_dependency(str(chapter_file(srcdir, chapter)))
        for path in (srcdir / "data").glob(f"{chapter}-*.yml"):
            env.note_dependency(str(path))
    return [nodes.inline(rawtext, f"ongeveer {total} minuten", classes=["isw-studietijd"])], []


def setup_study_time(app: Sphinx) -> None:
    app.add_role("studietijd", study_time_role)
