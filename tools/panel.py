"""Panels for the self-tests: the questions without keys to hand out, and a scorer for the answers.

Why: a question that a reader who never opened the course answers right tests common sense, not the
course (issue 21). A *blind* panel (someone given only the keyless file) should score near chance; an
*informed* panel (someone who read only that chapter) should score high. data/README.md says how to
hold both.

    python tools/panel.py write [--seed N] [--out _build/panel]
        writes panel-alle-vragen.md (every question of the book) and panel-hN.md (one per chapter):
        options shuffled with a fixed seed and lettered A, B, C…; no keys, no feedback.
    python tools/panel.py score ANSWERS [--seed N]
        scores an answers file against the keys, per chapter and overall, with chance beside it.

The panel file names each question by a neutral label, its chapter and number (`h2-03`), not by
its id: an id such as `h2-q-cijfers` beside the option "Vooral sturen op cijfers" gives the key away.

Answers file (plain text, UTF-8): one line per question, `h2-03: B`, or `h2-03: B, D` for a question
with more than one right answer ("kies alle juiste"); the question's id works in place of its label.
Blank lines and lines starting with `#` are ignored; a question that is missing counts as wrong. The
letters are those of the panel file written with the same seed.

Chance: one option among n for a single-answer question (1/n); for a multiple-answer question, one
non-empty subset among 2^n - 1 (a guesser who knows that at least one option is right and ticks any
combination); for a sort item, one category among the categories. Chance over a chapter or the book
is the mean over its questions: the score a blind guesser expects.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import widgets  # noqa: E402  (the package lives beside tools/)
from widgets._schema import Sort  # noqa: E402

DEFAULT_SEED = 2026
LETTERS = "ABCDEF"
T = TypeVar("T")
ANSWER_LINE = re.compile(r"^\s*([\w/-]+)\s*:\s*([A-Fa-f](?:\s*,\s*[A-Fa-f])*)\s*$")


@dataclass(frozen=True)
class PanelQuestion:
    """One question as the panel sees it: the options in shuffled order, with the key letters."""

    id: str
    label: str
    chapter: str
    exercise: str
    story: str | None
    text: str
    options: tuple[str, ...]
    keys: frozenset[str]
    multiple: bool

    @property
    def chance(self) -> float:
        n = len(self.options)
        return 1 / (2**n - 1) if self.multiple else 1 / n


def shuffled(items: list[T], seed: int, key: str) -> list[T]:
    """The same order for the same seed and question id; independent of the other questions."""
    order = list(items)
    random.Random(f"{seed}:{key}").shuffle(order)
    return order


def panel_questions(data: Path, seed: int = DEFAULT_SEED) -> list[PanelQuestion]:
    """Every quiz, casus and sort question of the book, chapter by chapter in the order written."""
    found = widgets.load_all(data)
    result: list[PanelQuestion] = []

    def label(chapter: str) -> str:
        return f"{chapter}-{sum(q.chapter == chapter for q in result) + 1:02d}"

    for exercise, path in sorted(found.values(), key=lambda pair: pair[1].name):
        chapter = path.stem.split("-")[0]
        story = getattr(exercise, "story", None)
        for question in getattr(exercise, "questions", []):
            options = shuffled(question.options, seed, question.id)
            result.append(
                PanelQuestion(
                    question.id,
                    label(chapter),
                    chapter,
                    exercise.title,
                    story,
                    question.text,
                    tuple(o.text for o in options),
                    frozenset(LETTERS[i] for i, o in enumerate(options) if o.correct),
                    question.multiple,
                )
            )
        if isinstance(exercise, Sort):
            for item in exercise.items:
                qid = f"{exercise.id}/{item.id}"
                categories = shuffled(exercise.categories, seed, qid)
                result.append(
                    PanelQuestion(
                        qid,
                        label(chapter),
                        chapter,
                        exercise.title,
                        exercise.intro,
                        item.text,
                        tuple(c.name for c in categories),
                        frozenset(LETTERS[i] for i, c in enumerate(categories) if c.id == item.category),
                        False,
                    )
                )
    return result


def markdown(questions: list[PanelQuestion], title: str) -> str:
    """A readable file for a panel member: questions and lettered options, never a key."""
    lines = [
        f"# {title}",
        "",
        "Kies bij elke vraag de letter van het beste antwoord; bij *kies alle juiste* één of meer letters.",
        "Schrijf je antwoorden in een tekstbestand, één regel per vraag: `h1-01: B` of `h1-01: B, D`.",
        "",
    ]
    exercise = story = None
    for q in questions:
        if q.exercise != exercise:
            exercise = q.exercise
            lines += [f"## {q.chapter}: {exercise}", ""]
        if q.story and q.story != story:
            lines += [q.story.strip(), ""]
        story = q.story
        hint = " *(kies alle juiste)*" if q.multiple else ""
        lines += [f"**{q.label}**{hint}", "", q.text.strip(), ""]
        lines += [f"- {LETTERS[i]}. {text.strip()}" for i, text in enumerate(q.options)]
        lines.append("")
    return "\n".join(lines)


def write(data: Path, out: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    questions = panel_questions(data, seed)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "panel-alle-vragen.md"]
    written[0].write_text(markdown(questions, f"Alle vragen (seed {seed})"), encoding="utf-8")
    for chapter in dict.fromkeys(q.chapter for q in questions):
        path = out / f"panel-{chapter}.md"
        path.write_text(
            markdown([q for q in questions if q.chapter == chapter], f"Vragen van {chapter} (seed {seed})"),
            encoding="utf-8",
        )
        written.append(path)
    return written


class AnswersError(ValueError):
    """An answers file that cannot be read; the message names the line."""


def read_answers(text: str) -> dict[str, frozenset[str]]:
    answers = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = ANSWER_LINE.match(line)
        if not match:
            raise AnswersError(f"regel {number}: '{line.strip()}' is niet 'h1-01: B' of 'h1-01: B, D'")
        answers[match[1]] = frozenset(re.findall(r"[A-F]", match[2].upper()))
    return answers


@dataclass(frozen=True)
class Score:
    label: str
    right: int
    total: int
    chance: float

    def line(self) -> str:
        return (
            f"{self.label:8} {self.right:3d} van {self.total:3d} goed ({self.right / self.total:4.0%})"
            f"   kans {self.chance:4.0%}"
        )


def score(questions: list[PanelQuestion], answers: dict[str, frozenset[str]]) -> list[Score]:
    """Per chapter, then overall: how many answers match the key exactly, and what chance gives."""
    by_name = {name: q.id for q in questions for name in (q.label, q.id)}
    unknown = sorted(set(answers) - set(by_name))
    if unknown:
        raise AnswersError(f"onbekende vragen: {', '.join(unknown)}")
    answers = {by_name[name]: letters for name, letters in answers.items()}
    groups = {
        chapter: [q for q in questions if q.chapter == chapter]
        for chapter in dict.fromkeys(q.chapter for q in questions)
    }
    # An informed panel answers one chapter: a chapter with no answer at all is left out; within a
    # chapter that was answered, a question left open counts as wrong.
    asked = {c: qs for c, qs in groups.items() if any(q.id in answers for q in qs)}
    asked["totaal"] = [q for qs in asked.values() for q in qs]
    return [
        Score(label, sum(answers.get(q.id) == q.keys for q in qs), len(qs), sum(q.chance for q in qs) / len(qs))
        for label, qs in asked.items()
        if qs
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("write").add_argument("--out", type=Path, default=ROOT / "_build" / "panel")
    commands.add_parser("score").add_argument("answers", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        for path in write(args.data, args.out, args.seed):
            print(path)
        return 0
    try:
        scores = score(panel_questions(args.data, args.seed), read_answers(args.answers.read_text(encoding="utf-8")))
    except AnswersError as error:
        print(f"{args.answers}: {error}", file=sys.stderr)
        return 1
    print("\n".join(s.line() for s in scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
