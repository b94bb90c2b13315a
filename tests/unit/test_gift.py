"""The GIFT file, read back by pygiftparser (a GIFT parser that did not write it): every quiz and
casus question with its options, key and feedback, every sort as matching, every reflection as
an essay; and GIFT's special characters survive."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
import yaml
from pygiftparser import answer as kinds
from pygiftparser import parser as giftparser
from pygiftparser.utils import transformSpecials
from test_moodle import DATA_SETS, plain
from test_qti import yaml_exercises

from widgets.exports import book, gift


def unescape(text: str) -> str:
    """pygiftparser leaves the escapes in; its own transformSpecials removes them but for \\\\."""
    return transformSpecials(text).replace("\\\\", "\\")


def read(folder: Path) -> dict[str, object]:
    content, count = gift.text(book.chapters(folder))
    questions = giftparser.parseFile(StringIO(content))
    assert len(questions) == count and all(q.valid for q in questions)
    return {q.title: q for q in questions}


@pytest.fixture(scope="module", params=sorted(DATA_SETS))
def data(request) -> tuple[Path, dict]:
    return DATA_SETS[request.param], read(DATA_SETS[request.param])


def check_choice(parsed, exercise: dict, question: dict) -> None:
    text = plain(unescape(parsed.text))
    assert parsed.markup == "html" and text.endswith(plain(question["text"], markdown=True))
    if exercise["kind"] == "casus":
        assert text.startswith(plain(exercise["story"], markdown=True))
    options = parsed.answers.answers
    assert [plain(unescape(o.answer)) for o in options] == [
        plain(o["text"], markdown=True) for o in question["options"]
    ]
    assert [plain(unescape(o.feedback)) for o in options] == [
        plain(o["feedback"], markdown=True) for o in question["options"]
    ]
    assert [o.fraction > 0 for o in options] == [bool(o.get("correct")) for o in question["options"]]
    assert sum(o.fraction for o in options if o.fraction > 0) == pytest.approx(100, abs=0.001)
    single = sum(bool(o.get("correct")) for o in question["options"]) == 1
    assert isinstance(parsed.answers, kinds.SelectSet if single else kinds.MultipleChoicesSet)


def test_every_exercise_reads_back(data):
    folder, parsed = data
    expected = set()
    for exercise in yaml_exercises(folder):
        if exercise["kind"] in ("quiz", "casus"):
            for question in exercise["questions"]:
                expected.add(f"{exercise['id']} / {question['id']}")
                check_choice(parsed[f"{exercise['id']} / {question['id']}"], exercise, question)
        elif exercise["kind"] == "reflectie":
            expected.add(exercise["id"])
            assert isinstance(parsed[exercise["id"]].answers, kinds.Essay)
            assert plain(unescape(parsed[exercise["id"]].text)) == plain(exercise["prompt"], markdown=True)
        elif exercise["kind"] == "sort":
            expected.add(exercise["id"])
            check_matching(parsed[exercise["id"]], exercise)
    assert expected and set(parsed) == expected


def check_matching(parsed, sort: dict) -> None:
    assert isinstance(parsed.answers, kinds.MatchingSet)
    names = {c["id"]: plain(c["name"], markdown=True) for c in sort["categories"]}
    pairs = [(plain(unescape(a.question)), plain(unescape(a.answer))) for a in parsed.answers.answers]
    assert pairs == [(plain(i["text"], markdown=True), names[i["category"]]) for i in sort["items"]]
    general = plain(unescape(parsed.generalFeedback))
    assert all(plain(i["feedback"], markdown=True) in general for i in sort["items"])


def test_one_category_per_chapter(data):
    folder, _ = data
    content, _ = gift.text(book.chapters(folder))
    categories = [line for line in content.splitlines() if line.startswith("$CATEGORY: ")]
    assert categories == [
        f"$CATEGORY: $course$/{book.COURSE}/{c.title}"
        for c in book.chapters(folder)
        if any(e.kind != "scan" for e in c.exercises)
    ]


SPECIAL = "a~b=c#d{e}f:g\\\\h"  # two backslashes: Markdown shows one
# pygiftparser ends the answers at the first "}", escaped or not (Moodle's own parser does not);
# test_escape shows the writer escapes it there too.
IN_ANSWERS = SPECIAL.replace("}", "")


def test_special_characters_survive(tmp_path):
    (tmp_path / "h1-tekens.yml").write_text(
        yaml.safe_dump(
            {
                "exercises": [
                    {
                        "id": "h1-quiz-tekens",
                        "kind": "quiz",
                        "title": "Tekens",
                        "questions": [
                            {
                                "id": "tekens",
                                "text": f"Vraag {SPECIAL}?",
                                "read_more": "x",
                                "options": [
                                    {"text": f"Goed {IN_ANSWERS}", "correct": True, "feedback": f"Ja {IN_ANSWERS}"},
                                    {"text": f"Fout {IN_ANSWERS}", "feedback": f"Nee {IN_ANSWERS}"},
                                ],
                            }
                        ],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    question = yaml.safe_load((tmp_path / "h1-tekens.yml").read_text(encoding="utf-8"))["exercises"][0]
    check_choice(read(tmp_path)["h1-quiz-tekens / tekens"], question, question["questions"][0])


def test_escape():
    assert gift.escape("a~b=c#d{e}f:g\\h\n\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h i"
