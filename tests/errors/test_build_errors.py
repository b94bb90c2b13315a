"""A maintainer's build stops with a clear message on bad input, strict or not."""

from __future__ import annotations

from helpers import FIXTURE_DATA, FIXTURES, build_book, make_book

FAILING_CELL = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# Kapot

```{code-cell} ipython3
raise ValueError("deze cel faalt expres")
```
"""


def test_fixture_book_builds_strictly_with_zero_warnings(tmp_path):
    book = make_book(tmp_path / "book")
    result = build_book(book)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING:" not in result.stderr
    assert "Kernel is running over TCP" not in result.stdout + result.stderr, "kernels must use IPC"
    page = (book / "_build" / "html" / "chapters" / "t1.html").read_text(encoding="utf-8")
    assert page.count('class="isw-widget') == 5
    assert (book / "_build" / "html" / "_static" / "widgets" / "loader.js").is_file()


def test_exception_in_a_code_cell_fails_the_build(tmp_path):
    book = make_book(tmp_path / "book", chapter=FAILING_CELL)
    result = build_book(book, strict=False)
    assert result.returncode != 0
    assert "deze cel faalt expres" in result.stdout + result.stderr
    assert not (book / "_build" / "html" / "chapters" / "t1.html").exists()


def test_bad_data_stops_even_a_plain_build_without_a_traceback(tmp_path):
    bad = FIXTURE_DATA.read_text(encoding="utf-8")
    bad = bad.replace("            feedback: Nee, groen is het gras.\n", "")
    book = make_book(tmp_path / "book", data={"t1-oefeningen.yml": bad})
    result = build_book(book, strict=False)
    assert result.returncode != 0
    assert "t1-oefeningen.yml, regel" in result.stderr
    assert "item 't1-quiz' > 'een', veld options[1].feedback: dit veld ontbreekt" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (book / "_build" / "html" / "chapters" / "t1.html").exists()


def test_data_file_in_another_encoding_stops_a_plain_build_with_file_and_line(tmp_path):
    book = make_book(tmp_path / "book")
    good = (book / "data" / "t1-oefeningen.yml").read_text(encoding="utf-8")
    good = good.replace("t1-", "t2-").replace("title: Testquiz", "title: Testquiz over café")
    (book / "data" / "t2.yml").write_bytes(good.encode("cp1252"))
    result = build_book(book, strict=False)
    assert result.returncode != 0
    line = good[: good.index("é")].count("\n") + 1
    assert f"t2.yml, regel {line}: teken 0xE9 is geen UTF-8" in result.stderr
    assert "opnieuw op met de codering UTF-8" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_chapter_naming_an_unknown_exercise_stops_the_build(tmp_path):
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8").replace('"t1-sort"', '"t1-sorteer"')
    book = make_book(tmp_path / "book", chapter=chapter)
    result = build_book(book, strict=False)
    assert result.returncode != 0
    assert "chapters/t1.md, regel" in result.stderr
    assert "oefening 't1-sorteer' bestaat niet in data/" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_read_more_to_a_missing_label_fails_the_strict_build(tmp_path):
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8").replace("(t1-sectie)=\n", "")
    book = make_book(tmp_path / "book", chapter=chapter)
    result = build_book(book)
    assert result.returncode != 0
    assert "item 't1-quiz' > 'een', veld read_more: label 't1-sectie'" in result.stderr
