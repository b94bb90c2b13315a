"""The book's questions as GIFT, Moodle's text format, for trainers who paste questions.

One category per chapter, as in the Moodle XML. Quiz and casus questions keep their feedback per
option and Moodle's partial credit; a sort becomes a matching question whose general feedback
explains every item (GIFT has no feedback per pair); a reflection becomes an essay question.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import _markdown
from .._schema import Question, Reflectie, Sort, WithQuestions
from ..moodle import fraction
from . import book

FILENAME = "integraal-samenwerken.gift.txt"
_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """text with GIFT's special characters escaped (a backslash first), on one line: a blank
    line ends a question in GIFT."""
    return " ".join(_SPECIAL.sub(r"\\\1", text).split())


def _head(name: str, html: str) -> str:
    return f"::{escape(name)}::[html]{escape(html)}"


def choice(exercise: WithQuestions, question: Question) -> str:
    """One right answer: = before it; several: each option's share of the score, as in Moodle XML."""
    lines = [_head(book.question_name(exercise, question), book.question_html(exercise, question)) + " {"]
    for option, score in zip(question.options, book.shares(question), strict=True):
        mark = f"~%{fraction(score)}%" if question.multiple else "=" if option.correct else "~"
        lines.append(f"\t{mark}{escape(_markdown.inline(option.text))}#{escape(_markdown.inline(option.feedback))}")
    return "\n".join([*lines, "}"])


def matching(sort: Sort) -> str:
    names = {category.id: _markdown.inline(category.name) for category in sort.categories}
    lines = [_head(book.question_name(sort), book.sort_html(sort)) + " {"]
    lines += [f"\t={escape(_markdown.inline(i.text))} -> {escape(names[i.category])}" for i in sort.items]
    return "\n".join([*lines, f"\t####{escape(book.sort_feedback(sort))}", "}"])


def essay(reflection: Reflectie) -> str:
    return _head(book.question_name(reflection), _markdown.blocks(reflection.prompt)) + " {}"


def text(chapters: list[book.Chapter]) -> tuple[str, int]:
    """The GIFT file and the number of questions in it."""
    blocks = [f"// {book.COURSE}: vragen per hoofdstuk, om in Moodle te importeren (GIFT)."]
    count = 0
    for chapter in chapters:
        questions = []
        for exercise in chapter.exercises:
            if isinstance(exercise, WithQuestions):
                questions += [choice(exercise, question) for question in exercise.questions]
            elif isinstance(exercise, Sort):
                questions.append(matching(exercise))
            elif isinstance(exercise, Reflectie):
                questions.append(essay(exercise))
        if questions:
            blocks.append(f"$CATEGORY: $course$/{book.COURSE}/{chapter.title.replace('/', '//')}")
            blocks += questions
            count += len(questions)
    return "\n\n".join(blocks) + "\n", count


def write(chapters: list[book.Chapter], target: Path) -> int:
    content, count = text(chapters)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return count
