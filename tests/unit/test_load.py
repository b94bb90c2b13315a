"""Loading and validating the exercise files: every bad input gets a message an author can use."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import widgets
from widgets._schema import Quiz, Scan
from helpers import FIXTURES, ROOT

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


def error_of(path: Path) -> str:
    with pytest.raises(widgets.DataError) as caught:
        widgets.load_file(path)
    return str(caught.value)


def test_fixture_loads_every_kind():
    exercises = widgets.load_file(FIXTURES / "data" / "t1-oefeningen.yml")
    assert [e.kind for e in exercises] == ["quiz", "casus", "scan", "sort", "reflectie"]
    quiz = exercises[0]
    assert isinstance(quiz, Quiz)
    assert [q.multiple for q in quiz.questions] == [False, True]


def test_the_books_own_data_is_valid():
    exercises = widgets.load_all(ROOT / "data")
    assert exercises, "the book has no exercises"


def test_question_without_correct_option(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: q
            kind: quiz
            title: T
            questions:
              - id: zonder-goed
                text: Vraag?
                read_more: sectie
                options:
                  - text: A
                    feedback: x
                  - text: B
                    feedback: y
        """)
    message = error_of(path)
    assert str(path) in message and "regel 6" in message
    assert message.count("\n") == 0, "one problem, one line"
    assert "'q' > 'zonder-goed'" in message and "geen optie met correct: true" in message


def test_option_without_feedback_names_file_item_field_and_line(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: q
            kind: quiz
            title: T
            questions:
              - id: v1
                text: Vraag?
                read_more: sectie
                options:
                  - text: A
                    correct: true
                  - text: B
                    feedback: y
        """)
    message = error_of(path)
    assert f"{path}, regel 10" in message  # the option that lacks it
    assert "item 'q' > 'v1', veld options[0].feedback: dit veld ontbreekt" in message


def test_question_without_read_more(tmp_path):
    path = write(tmp_path, "exercises:\n  - id: q\n    kind: quiz\n    title: T\n    questions:\n"
                 + GOOD_QUESTION.replace("        read_more: sectie\n", ""))
    assert "item 'q' > 'v1', veld read_more: dit veld ontbreekt" in error_of(path)


def test_misspelt_field(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: q
            kind: quiz
            title: T
            qeustions: []
        """)
    message = error_of(path)
    assert "veld qeustions: onbekend veld (een tikfout?)" in message and "regel 5" in message


def test_unknown_kind(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: q
            kind: kruiswoord
            title: T
        """)
    message = error_of(path)
    assert "item 'q'" in message and "onbekende soort oefening" in message


def test_yaml_syntax_error_gives_line(tmp_path):
    path = write(tmp_path, "exercises:\n  - id: q\n    kind: quiz\n   title: [open\n")
    message = error_of(path)
    assert str(path) in message and "geen geldige YAML" in message and "regel" in message


def test_duplicate_question_id(tmp_path):
    path = write(tmp_path, "exercises:\n  - id: q\n    kind: quiz\n    title: T\n    questions:\n"
                 + GOOD_QUESTION + GOOD_QUESTION)
    assert "vraag-id 'v1' komt twee keer voor" in error_of(path)


def test_duplicate_exercise_id_across_files(tmp_path):
    body = "exercises:\n  - id: zelfde\n    kind: reflectie\n    title: T\n    prompt: P\n"
    write(tmp_path, body, "a.yml")
    write(tmp_path, body, "b.yml")
    with pytest.raises(widgets.DataError) as caught:
        widgets.load_all(tmp_path)
    assert "'zelfde', veld id: deze id staat ook in" in str(caught.value)
    assert "b.yml" in str(caught.value)


def test_scan_statement_without_dimension(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: s
            kind: scan
            title: T
            dimensions:
              - {id: d, name: D, laag: l, midden: m, hoog: h}
            statements:
              - {id: s1, text: Ik, dimension: d}
              - {id: s2, text: Ik ook, dimension: d}
              - {id: s3, text: Ik niet}
        """)
    message = error_of(path)
    assert "item 's' > 's3', veld dimension: dit veld ontbreekt" in message and "regel 10" in message


def test_scan_statement_with_unknown_dimension(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: s
            kind: scan
            title: T
            dimensions:
              - {id: d, name: D, laag: l, midden: m, hoog: h}
            statements:
              - {id: s1, text: Ik, dimension: d}
              - {id: s2, text: Ik ook, dimension: x}
        """)
    assert "stelling 's2' noemt dimensie 'x', die niet bestaat" in error_of(path)


def test_sort_item_with_unknown_category(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: s
            kind: sort
            title: T
            categories: [{id: a, name: A}, {id: b, name: B}]
            items:
              - {id: i1, text: x, category: a, feedback: f}
              - {id: i2, text: y, category: c, feedback: f}
        """)
    assert "item 'i2' noemt categorie 'c', die niet bestaat" in error_of(path)


def test_bad_id_characters(tmp_path):
    path = write(tmp_path, "exercises:\n  - id: Mijn Quiz\n    kind: reflectie\n    title: T\n    prompt: P\n")
    assert "kleine letters, cijfers en streepjes" in error_of(path)


def test_find_unknown_exercise(tmp_path):
    write(tmp_path, "exercises:\n  - id: r\n    kind: reflectie\n    title: T\n    prompt: P\n")
    with pytest.raises(widgets.DataError, match="oefening 'bestaat-niet' bestaat niet"):
        widgets.find("bestaat-niet", tmp_path)


def test_scan_has_at_least_two_statements_per_dimension(tmp_path):
    path = write(tmp_path, """
        exercises:
          - id: s
            kind: scan
            title: T
            dimensions:
              - {id: d, name: D, laag: l, midden: m, hoog: h}
              - {id: e, name: E, laag: l, midden: m, hoog: h}
            statements:
              - {id: s1, text: Ik, dimension: d}
              - {id: s2, text: Ik ook, dimension: d}
              - {id: s3, text: Ik, dimension: e}
        """)
    assert "dimensie 'e' heeft minder dan twee stellingen" in error_of(path)
    assert Scan  # the model the message comes from
