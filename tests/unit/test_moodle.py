"""The Moodle export: every quiz and casus question, read back from the XML, matches the YAML."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import FIXTURES, ROOT
from markdown_it import MarkdownIt

from widgets import moodle

DATA_SETS = {"book": ROOT / "data", "fixture": FIXTURES / "data"}
# The fractions Moodle's import accepts, as numbers (its list, and the negatives).
ALLOWED = {
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
    0,
}
_md = MarkdownIt("commonmark", {"html": False})  # HTML in the data is text


def plain(markdown_or_html: str, markdown: bool = False) -> str:
    """What a reader sees of a text: tags dropped, white space folded."""
    html = _md.render(markdown_or_html) if markdown else markdown_or_html
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def yaml_questions(folder: Path) -> list[dict]:
    """Every quiz and casus question straight from the YAML files, in file order."""
    found = []
    for path in sorted(folder.glob("*.yml")):
        for exercise in yaml.safe_load(path.read_text(encoding="utf-8"))["exercises"]:
            if exercise["kind"] in ("quiz", "casus"):
                for question in exercise["questions"]:
                    found.append({"file": path, "exercise": exercise, "question": question})
    return found


@pytest.fixture(scope="module", params=sorted(DATA_SETS))
def exported(request, tmp_path_factory) -> tuple[Path, ET.Element]:
    folder = DATA_SETS[request.param]
    out = tmp_path_factory.mktemp("moodle")
    assert moodle.main([str(folder), str(out)]) == 0
    return folder, ET.parse(out / moodle.FILENAME).getroot()  # fails if not well-formed


def questions_of(root: ET.Element) -> list[ET.Element]:
    return root.findall("question[@type='multichoice']")


def test_one_question_per_yaml_question(exported):
    folder, root = exported
    expected = yaml_questions(folder)
    assert expected, "no quiz or casus questions in the data"
    assert root.tag == "quiz"
    assert len(questions_of(root)) == len(expected)
    names = [q.findtext("name/text") for q in questions_of(root)]
    assert names == [f"{e['exercise']['id']} / {e['question']['id']}" for e in expected]


def test_one_category_per_chapter_before_its_questions(exported):
    folder, root = exported
    files = list(dict.fromkeys(e["file"] for e in yaml_questions(folder)))
    categories = [q for q in root if q.get("type") == "category"]
    assert len(categories) == len(files)
    # Each category is followed by exactly that file's questions.
    current, seen = None, {}
    for element in root:
        if element.get("type") == "category":
            current = element.findtext("category/text")
            assert current.startswith("$course$/Integraal samenwerken/")
        else:
            assert current is not None, "a question before any category"
            seen.setdefault(current, []).append(element.findtext("name/text").split(" / ")[0])
    for category, path in zip(seen, files, strict=False):
        ids = {e["id"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))["exercises"]}
        assert set(seen[category]) <= ids
        number = re.match(r"h(\d+)-", path.name)
        if number:
            assert category.split("/")[2].startswith(f"Hoofdstuk {number.group(1)} ")


def test_questions_parse_back_to_the_yaml(exported):
    folder, root = exported
    for element, source in zip(questions_of(root), yaml_questions(folder), strict=False):
        question, exercise = source["question"], source["exercise"]
        text = plain(element.findtext("questiontext/text"))
        assert text.endswith(plain(question["text"], markdown=True))
        if exercise["kind"] == "casus":
            assert text.startswith(plain(exercise["story"], markdown=True))
        answers = element.findall("answer")
        assert len(answers) == len(question["options"])
        for answer, option in zip(answers, question["options"], strict=True):
            assert plain(answer.findtext("text")) == plain(option["text"], markdown=True)
            feedback = answer.findtext("feedback/text")
            assert feedback, f"option without feedback in {question['id']}"
            assert plain(feedback) == plain(option["feedback"], markdown=True)
            assert (float(answer.get("fraction")) > 0) == bool(option.get("correct"))


def test_scores_follow_moodles_rules(exported):
    _, root = exported
    for element in questions_of(root):
        fractions = [float(a.get("fraction")) for a in element.findall("answer")]
        assert all(abs(f) in ALLOWED for f in fractions), fractions
        right = [f for f in fractions if f > 0]
        assert math.isclose(sum(right), 100, abs_tol=0.001)
        single = element.findtext("single")
        assert single == ("true" if len(right) == 1 else "false")
        if single == "false":
            assert all(f < 0 for f in fractions if f <= 0), "a wrong box must cost points"
        assert element.findtext("shuffleanswers") == "true"
        assert element.findtext("answernumbering") == "abc"
        for answer in element.findall("answer"):
            assert answer.get("format") == "html"
            assert answer.find("feedback").get("format") == "html"


def test_html_in_the_data_stays_text():
    out_root = ET.fromstring(ET.tostring(moodle.build(FIXTURES / "data").getroot()))
    first = questions_of(out_root)[0]
    soup = BeautifulSoup(first.findtext("questiontext/text"), "html.parser")
    assert soup.find("img") is None
    assert "<img src=x" in soup.get_text()


@pytest.mark.parametrize(
    "fraction, moodle_text",
    [
        (100, "100"),
        (50, "50"),
        (100 / 3, "33.33333"),
        (100 / 6, "16.66667"),
        (-25, "-25"),
        (0, "0"),
    ],
)
def test_fraction_uses_moodles_spelling(fraction, moodle_text):
    assert moodle.fraction(fraction) == moodle_text


def test_fraction_moodle_does_not_know_is_refused():
    with pytest.raises(ValueError):
        moodle.fraction(100 / 7 * 2)


def test_bad_data_gives_a_message_not_a_traceback(tmp_path, capsys):
    (tmp_path / "h9-kapot.yml").write_text(
        "exercises:\n  - id: q\n    kind: quiz\n    title: T\n    questions: []\n", encoding="utf-8"
    )
    assert moodle.main([str(tmp_path), str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert "h9-kapot.yml" in error and "Traceback" not in error
    assert not (tmp_path / "out").exists()
