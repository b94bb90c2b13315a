"""Every quiz and casus question of the book as Moodle XML, for trainers who teach in Moodle.

Run ``python -m widgets.moodle data _build/moodle`` (or ``make moodle``). It writes one file,
``integraal-samenwerken.xml``: one import in Moodle's question bank brings in every chapter,
each in its own category ("$course$/Integraal samenwerken/Hoofdstuk N …"), because a
``<question type="category">`` switches the category for the questions that follow it. A
trainer who wants one chapter imports the file and uses that chapter's category.

Text goes through the same Markdown rendering as the site (``widgets._markdown``), so it is
safe HTML; ElementTree escapes it for XML.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from . import _markdown
from ._load import DataError
from ._schema import Question, WithQuestions
from .exports import book
from .exports.book import COURSE

FILENAME = "integraal-samenwerken.xml"

# The grade fractions Moodle's XML import accepts (and their negatives), as it writes them.
FRACTIONS = (
    "100",
    "90",
    "83.33333",
    "80",
    "75",
    "70",
    "66.66667",
    "60",
    "50",
    "40",
    "33.33333",
    "30",
    "25",
    "20",
    "16.66667",
    "14.28571",
    "12.5",
    "11.11111",
    "10",
    "5",
    "0",
)
# How far a share may be from one of FRACTIONS: they have five decimals, so a share further off
# is one Moodle cannot grade (and would round silently).
TOLERANCE = 0.001


def fraction(value: float) -> str:
    """The Moodle fraction for value (a percentage), e.g. 100/3 -> "33.33333"."""
    closest = min(FRACTIONS, key=lambda allowed: abs(float(allowed) - abs(value)))
    if abs(float(closest) - abs(value)) > TOLERANCE:
        raise ValueError(f"Moodle kent geen score {value:.5f}%")
    return closest if value >= 0 or closest == "0" else f"-{closest}"


def _text(parent: ET.Element, tag: str, html: str | None = None, **attributes: str) -> ET.Element:
    """<tag ...><text>html</text></tag>, Moodle's wrapper for every text field."""
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = html
    return element


def _category(quiz: ET.Element, name: str) -> None:
    question = ET.SubElement(quiz, "question", type="category")
    # A single "/" separates levels in Moodle's category path; "//" is a literal slash.
    _text(question, "category", f"$course$/{COURSE}/{name.replace('/', '//')}")


def _question(quiz: ET.Element, exercise: WithQuestions, question: Question) -> None:
    element = ET.SubElement(quiz, "question", type="multichoice")
    _text(element, "name", book.question_name(exercise, question))
    _text(element, "questiontext", book.question_html(exercise, question), format="html")
    _text(element, "generalfeedback", "", format="html")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "single").text = "false" if question.multiple else "true"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    for option, score in zip(question.options, book.shares(question), strict=True):
        answer = _text(element, "answer", _markdown.inline(option.text), fraction=fraction(score), format="html")
        _text(answer, "feedback", _markdown.inline(option.feedback), format="html")


def build(data: Path) -> ET.ElementTree[ET.Element]:
    """The Moodle XML for every quiz and casus in the folder data, one category per chapter."""
    with_questions = [chapter for chapter in book.chapters(data) if chapter.questions()]
    if not with_questions:
        raise DataError(f"{data}: geen quiz of casus gevonden")
    quiz = ET.Element("quiz")
    for chapter in with_questions:
        _category(quiz, chapter.title)
        for exercise, question in chapter.questions():
            _question(quiz, exercise, question)
    tree: ET.ElementTree[ET.Element] = ET.ElementTree(quiz)
    ET.indent(tree)
    return tree


def main(argv: list[str] | None = None) -> int:
    given = book.command_line(
        argv,
        "python -m widgets.moodle",
        __doc__.splitlines()[0],
        "de map voor het XML-bestand",
        "er is geen Moodle-bestand gemaakt",
        build,
    )
    if given is None:
        return 1
    tree, out = given
    out.mkdir(parents=True, exist_ok=True)
    target = out / FILENAME
    tree.write(target, encoding="UTF-8", xml_declaration=True)
    questions = len(tree.getroot().findall("question[@type='multichoice']"))
    print(f"{questions} vragen geschreven naar {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
