"""Loading and validating the exercise files: every bad input gets a message an author can use."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import FIXTURE_DATA, ROOT

import widgets
from widgets._schema import Quiz

GOOD_QUESTION = """
      - id: v1
        text: Vraag?
        read_more: sectie
        options:
          - text: Ja
            correct: true
            feedback: Goed.
          - text: Nee
            feedback: Fout.
"""


def write(tmp_path: Path, body: str, name: str = "h9.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


QUIZ_HEAD = "exercises:\n  - id: q\n    kind: quiz\n    title: T\n    questions:\n"


def write_quiz(tmp_path: Path, questions: str) -> Path:
    """A file with one quiz 'q' holding these questions; the first question starts on line 6."""
    return write(tmp_path, QUIZ_HEAD + textwrap.indent(textwrap.dedent(questions).lstrip("\n"), " " * 6))


def error_of(path: Path) -> str:
    with pytest.raises(widgets.DataError) as caught:
        widgets.load_file(path)
    return str(caught.value)


def test_fixture_loads_every_kind():
    exercises = widgets.load_file(FIXTURE_DATA)
    assert [e.kind for e in exercises] == ["quiz", "casus", "scan", "sort", "reflectie"]
    quiz = exercises[0]
    assert isinstance(quiz, Quiz)
    assert [q.multiple for q in quiz.questions] == [False, True]


def test_the_books_own_data_is_valid():
    exercises = widgets.load_all(ROOT / "data")
    assert exercises, "the book has no exercises"


def test_question_without_correct_option(tmp_path):
    path = write_quiz(
        tmp_path,
        """
        - id: zonder-goed
          text: Vraag?
          read_more: sectie
          options:
            - text: A
              feedback: x
            - text: B
              feedback: y
        """,
    )
    message = error_of(path)
    assert str(path) in message and "regel 6" in message
    assert message.count("\n") == 0, "one problem, one line"
    assert "'q' > 'zonder-goed'" in message and "geen optie met correct: true" in message


def test_option_without_feedback_names_file_item_field_and_line(tmp_path):
    path = write_quiz(
        tmp_path,
        """
        - id: v1
          text: Vraag?
          read_more: sectie
          options:
            - text: A
              correct: true
            - text: B
              feedback: y
        """,
    )
    message = error_of(path)
    assert f"{path}, regel 10" in message  # the option that lacks it
    assert "item 'q' > 'v1', veld options[0].feedback: dit veld ontbreekt" in message


def test_question_without_read_more(tmp_path):
    path = write_quiz(tmp_path, GOOD_QUESTION.replace("        read_more: sectie\n", ""))
    assert "item 'q' > 'v1', veld read_more: dit veld ontbreekt" in error_of(path)


def test_misspelt_field(tmp_path):
    path = write(
        tmp_path,
        """
        exercises:
          - id: q
            kind: quiz
            title: T
            qeustions: []
        """,
    )
    message = error_of(path)
    assert "veld qeustions: onbekend veld (een tikfout?)" in message and "regel 5" in message


def test_unknown_kind(tmp_path):
    path = write(
        tmp_path,
        """
        exercises:
          - id: q
            kind: kruiswoord
            title: T
        """,
    )
    message = error_of(path)
    assert "regel 3: item 'q', veld kind: onbekende soort oefening 'kruiswoord'; kies uit quiz, casus" in message


GOOD = "exercises:\n  - id: r\n    kind: reflectie\n    title: Café\n    prompt: P\n"

# Each way a file can be broken as text or YAML: its bytes, the line the message must name,
# and words of the message that say what is wrong and what to do.
BROKEN = {
    "latin-1": (GOOD.encode("latin-1"), 4, ["0xE9 is geen UTF-8", "opnieuw op met de codering UTF-8"]),
    "utf-16": (GOOD.encode("utf-16"), 1, ["opgeslagen als UTF-16", "codering UTF-8"]),
    "utf-8 bom": (GOOD.encode("utf-8-sig"), 1, ["byte-order-mark (BOM)", "zonder BOM"]),
    "tab": (GOOD.replace("    prompt", "\tprompt").encode(), 5, ["springt in met een tab", "vervang de tab"]),
    "control character": (GOOD.replace("P\n", "P\x0c\n").encode(), 5, ["stuurteken (U+000C)", "verwijder het"]),
    "empty": (b"", 1, ["het bestand is leeg", "'exercises:'"]),
    "only comments": (b"# later\n", 1, ["het bestand is leeg", "'exercises:'"]),
    "duplicate key": (
        GOOD.replace("    prompt: P\n", "    prompt: P\n    title: Ander\n").encode(),
        6,
        ["het veld 'title' staat twee keer", "(ook op regel 4)", "haal er één weg"],
    ),
    "undefined alias": (
        GOOD.replace("prompt: P", "prompt: *vraag").encode(),
        5,
        ["'*vraag' verwijst naar een anker '&vraag' dat niet", "tussen aanhalingstekens"],
    ),
    "text that starts with *": (
        GOOD.replace("prompt: P", "prompt: **Let op**, dit").encode(),
        5,
        ["met * begint", "aanhalingstekens"],
    ),
    "duplicate anchor": (
        GOOD.replace("title: Café", "title: &t Café").replace("prompt: P", "prompt: &t P").encode(),
        5,
        ["het anker '&t' staat twee keer"],
    ),
    "list at the top": (b"- id: r\n  kind: reflectie\n", 1, ["begint met een lijst", "moet beginnen met 'exercises:'"]),
    "text at the top": (b"oefeningen\n", 1, ["begint met tekst", "'exercises:'"]),
    "list where a mapping belongs": (
        b"exercises:\n  - - r\n",
        2,
        ["veld exercises[0]: hier horen velden (naam: waarde), gevonden: een lijst"],
    ),
    "mapping where a list belongs": (
        b"exercises:\n  kind: quiz\n",
        2,
        ["veld exercises: hier hoort een lijst", "gevonden: velden"],
    ),
    "colon in text": (
        GOOD.replace("prompt: P", "prompt: Let op: dit").encode(),
        5,
        ["een dubbele punt", "tussen aanhalingstekens"],
    ),
    "unclosed quote": (GOOD.replace("title: Café", "title: 'Café").encode(), 4, ["niet gesloten"]),
    "bad indentation": (b"exercises:\n  - id: q\n    kind: quiz\n   title: [open\n", 4, ["de inspringing klopt niet"]),
    "second document": ((GOOD + "---\n" + GOOD).encode(), 6, ["tweede YAML-document", "haal die regel weg"]),
    "yes read as true": (
        GOOD.replace("title: Café", "title: Yes").encode(),
        4,
        ["item 'r', veld title: YAML leest 'Yes' hier als een ja/nee-waarde", '"Yes"'],
    ),
    "date read as a date": (
        GOOD.replace("title: Café", "title: 2024-03-01").encode(),
        4,
        [
            "item 'r', veld title: YAML leest '2024-03-01' hier als een datum, niet als tekst",
            'zet het tussen aanhalingstekens: "2024-03-01"',
        ],
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_file_gets_file_line_and_what_to_do(tmp_path, case):
    raw, line, words = BROKEN[case]
    path = tmp_path / "h9.yml"
    path.write_bytes(raw)
    message = error_of(path)
    assert message.startswith(f"{path}, regel {line}: "), message
    assert message.count("\n") == 0, "one problem, one line"
    for word in words:
        assert word in message


def test_the_good_file_of_the_broken_cases_loads(tmp_path):
    """The cases above break only what they mean to break."""
    path = tmp_path / "h9.yml"
    path.write_bytes(GOOD.encode())
    assert [e.title for e in widgets.load_file(path)] == ["Café"]


def test_merge_keys_are_no_duplicate_keys(tmp_path):
    path = write(
        tmp_path,
        """
        exercises:
          - &basis
            id: r
            kind: reflectie
            title: T
            prompt: P
          - <<: *basis
            id: r2
            title: Ander
        """,
    )
    assert [e.title for e in widgets.load_file(path)] == ["T", "Ander"]


def test_an_unreadable_file_is_named(tmp_path):
    (tmp_path / "h9.yml").mkdir()
    message = error_of(tmp_path / "h9.yml")
    assert message.startswith(f"{tmp_path / 'h9.yml'}: kan het bestand niet lezen")


def test_a_broken_illustration_names_its_fields(tmp_path):
    (tmp_path / "illustraties").mkdir()
    (tmp_path / "illustraties" / "x.yml").write_text("", encoding="utf-8")
    with pytest.raises(widgets.DataError, match=r"regel 1: het bestand is leeg.*'caption:' en 'points:'"):
        widgets.load_illustration("x", tmp_path)


def test_duplicate_question_id(tmp_path):
    path = write_quiz(tmp_path, GOOD_QUESTION + GOOD_QUESTION)
    assert "vraag-id 'v1' komt twee keer voor" in error_of(path)


def test_duplicate_exercise_id_across_files(tmp_path):
    body = "exercises:\n  - id: zelfde\n    kind: reflectie\n    title: T\n    prompt: P\n"
    write(tmp_path, body, "a.yml")
    write(tmp_path, body, "b.yml")
    with pytest.raises(widgets.DataError) as caught:
        widgets.load_all(tmp_path)
    assert "'zelfde', veld id: deze id staat ook in" in str(caught.value)
    assert "b.yml" in str(caught.value)


def write_scan(tmp_path: Path, dimensions: str, statements: str) -> Path:
    """A file with one scan 's': dimensions are ids, each statement 'id:dimension' (just 'id' for none)."""
    lines = ["exercises:", "  - id: s", "    kind: scan", "    title: T", "    dimensions:"]
    lines += [f"      - {{id: {d}, name: {d.upper()}, laag: l, midden: m, hoog: h}}" for d in dimensions.split()]
    lines.append("    statements:")
    for statement in statements.split():
        ident, _, dimension = statement.partition(":")
        lines.append(f"      - {{id: {ident}, text: Ik" + (f", dimension: {dimension}}}" if dimension else "}"))
    return write(tmp_path, "\n".join(lines) + "\n")


# Each way a scan can be inconsistent: its dimensions, its statements, and what the message must say.
BAD_SCANS = {
    "statement without dimension": (
        "d",
        "s1:d s2:d s3",
        ["item 's' > 's3', veld dimension: dit veld ontbreekt", "regel 10"],
    ),
    "statement with unknown dimension": ("d", "s1:d s2:x", ["stelling 's2' noemt dimensie 'x', die niet bestaat"]),
    "fewer than two statements a dimension": ("d e", "s1:d s2:d s3:e", ["dimensie 'e' heeft minder dan 2 stellingen"]),
}


@pytest.mark.parametrize("case", BAD_SCANS, ids=list(BAD_SCANS))
def test_an_inconsistent_scan_is_named(tmp_path, case):
    dimensions, statements, words = BAD_SCANS[case]
    message = error_of(write_scan(tmp_path, dimensions, statements))
    for word in words:
        assert word in message, message


def test_sort_item_with_unknown_category(tmp_path):
    path = write(
        tmp_path,
        """
        exercises:
          - id: s
            kind: sort
            title: T
            categories: [{id: a, name: A}, {id: b, name: B}]
            items:
              - {id: i1, text: x, category: a, feedback: f}
              - {id: i2, text: y, category: c, feedback: f}
        """,
    )
    assert "item 'i2' noemt categorie 'c', die niet bestaat" in error_of(path)


def test_bad_id_characters(tmp_path):
    path = write(tmp_path, "exercises:\n  - id: Mijn Quiz\n    kind: reflectie\n    title: T\n    prompt: P\n")
    assert "kleine letters, cijfers en streepjes" in error_of(path)


def test_find_unknown_exercise(tmp_path):
    write(tmp_path, "exercises:\n  - id: r\n    kind: reflectie\n    title: T\n    prompt: P\n")
    with pytest.raises(widgets.DataError, match="oefening 'bestaat-niet' bestaat niet"):
        widgets.find("bestaat-niet", tmp_path)


def test_a_number_out_of_range_or_in_words_echoes_what_was_written(tmp_path):
    (tmp_path / "illustraties").mkdir()
    (tmp_path / "illustraties" / "x.yml").write_text(
        "caption: C\npoints:\n  - {vraag: a, complexiteit: 7, intensiteit: drie, vorm: x}\n"
        "  - {vraag: b, complexiteit: 1, intensiteit: 1, vorm: y}\n",
        encoding="utf-8",
    )
    with pytest.raises(widgets.DataError) as caught:
        widgets.load_illustration("x", tmp_path)
    first, second = str(caught.value).splitlines()
    assert first.endswith("regel 3: veld points[0].complexiteit: mag hoogstens 5 zijn (er staat '7')")
    assert second.endswith("regel 3: veld points[0].intensiteit: hier hoort een heel getal (er staat 'drie')")


def test_a_chapter_in_another_encoding_is_named_with_its_line(tmp_path):
    from widgets import sphinx_ext

    chapter = tmp_path / "chapters" / "h9.md"
    chapter.parent.mkdir()
    chapter.write_bytes("# Hoofdstuk\n\nDit is één café.\n".encode("cp1252"))
    [problem] = sphinx_ext._chapter_problems(chapter, tmp_path, {})
    assert problem.startswith(f"{chapter}, regel 3: teken 0xE9 is geen UTF-8")
