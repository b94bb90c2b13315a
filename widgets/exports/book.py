"""The book's chapters and their exercises in reading order: what every export walks."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .. import _markdown
from .._load import DataError, load_all
from .._schema import Casus, Exercise, Question, Sort, WithQuestions

COURSE = "Integraal samenwerken"

Made = TypeVar("Made")


@dataclass(frozen=True)
class Chapter:
    stem: str  # the data file's name without .yml, also the chapter page's
    title: str  # "Hoofdstuk 2 Valkuilen"
    exercises: tuple[Exercise, ...]

    def questions(self) -> list[tuple[WithQuestions, Question]]:
        """Every quiz and casus question of the chapter, with the exercise it belongs to."""
        return [(e, q) for e in self.exercises if isinstance(e, WithQuestions) for q in e.questions]


def natural_order(name: str) -> tuple[int | str, ...]:
    """h2 before h10: digits compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def _toc_order(book: Path) -> list[str]:
    """The page names of _toc.yml in reading order; empty without a table of contents."""
    toc = book / "_toc.yml"
    if not toc.is_file():
        return []
    return [Path(f).name for f in re.findall(r"file:\s*(\S+)", toc.read_text(encoding="utf-8"))]


def chapter_heading(data_file: Path) -> str:
    """The title of the chapter a data file belongs to (data/hN-x.yml -> chapters/hN-x.md's
    `# ` heading), the data file's name as fallback."""
    chapter = data_file.parent.parent / "chapters" / f"{data_file.stem}.md"
    if chapter.is_file():
        heading = re.search(r"^# (.+)$", chapter.read_text(encoding="utf-8"), re.MULTILINE)
        if heading:
            return heading.group(1).strip()
    return data_file.stem


def chapter_title(data_file: Path) -> str:
    """'Hoofdstuk 2 Valkuilen' from the chapter's heading, the data file's name as fallback."""
    title = chapter_heading(data_file)
    number = re.match(r"h(\d+)-", data_file.stem)
    return f"Hoofdstuk {number.group(1)} {title}" if number else title


def chapters(data: Path) -> list[Chapter]:
    """Every data file with exercises as a chapter, in the order of _toc.yml (files the
    table of contents does not name come last, h2 before h10)."""
    by_file: dict[Path, list[Exercise]] = {}
    for exercise, path in load_all(data).values():
        by_file.setdefault(path, []).append(exercise)
    if not by_file:
        raise DataError(f"{data}: geen oefeningen gevonden")
    toc = _toc_order(data.parent)
    rank = {name: i for i, name in enumerate(toc)}
    ordered = sorted(by_file, key=lambda p: (rank.get(p.stem, len(toc)), natural_order(p.name)))
    return [Chapter(p.stem, chapter_title(p), tuple(by_file[p])) for p in ordered]


def question_html(exercise: WithQuestions, question: Question) -> str:
    """The question as a learner reads it: a casus's story first."""
    story = _markdown.blocks(exercise.story) if isinstance(exercise, Casus) else ""
    return f"{story}<p>{_markdown.inline(question.text)}</p>"


def question_name(exercise: Exercise, question: Question | None = None) -> str:
    """The name a platform lists: the ids, so a trainer finds the question back in the book."""
    return f"{exercise.id} / {question.id}" if question else exercise.id


def shares(question: Question) -> list[float]:
    """Each option's score in percent, as Moodle's and GIFT's partial credit: one right answer
    100 or 0; several: the right ones share 100 and the wrong ones share -100, so ticking every
    box scores 0 (the site scores such a question all or nothing, which Moodle cannot)."""
    right = sum(option.correct for option in question.options)
    wrong = len(question.options) - right
    return [100 / right if o.correct else (-100 / wrong if question.multiple else 0) for o in question.options]


def sort_html(sort: Sort) -> str:
    """What a sort asks, above its items: its intro, else its title."""
    return _markdown.blocks(sort.intro) if sort.intro else f"<p>{_markdown.inline(sort.title)}</p>"


def sort_feedback(sort: Sort) -> str:
    """Every item with its right category and why, as one list: the general feedback of a
    matching question, since neither QTI nor GIFT has feedback per pair."""
    names = {category.id: category.name for category in sort.categories}
    rows = "".join(
        f"<li>{_markdown.inline(i.text)} → <strong>{_markdown.inline(names[i.category])}</strong>: "
        f"{_markdown.inline(i.feedback)}</li>"
        for i in sort.items
    )
    return f"<ul>{rows}</ul>"


def command_line(
    argv: Sequence[str] | None, prog: str, description: str, out_help: str, not_made: str, make: Callable[[Path], Made]
) -> tuple[Made, Path] | None:
    """DATA and OUT for an export command, and what make(DATA) gives: None, after a Dutch message
    on stderr instead of a traceback, when DATA is missing or its exercises are wrong."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("data", type=Path, help="de map met de oefeningen (data/)")
    parser.add_argument("out", type=Path, help=out_help)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"Fout: de map {args.data} bestaat niet", file=sys.stderr)
        return None
    try:
        return make(args.data), args.out
    except DataError as error:
        print(f"Fout in de oefeningen ({args.data}/), {not_made}:\n{error}", file=sys.stderr)
        return None
