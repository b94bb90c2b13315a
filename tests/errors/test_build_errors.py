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


def stopped_clearly(book) -> str:
    """Build `book` as a maintainer does (plain, not strict): it must stop with a message and
    no traceback, and write no page. Returns what it printed on stderr."""
    result = build_book(book, strict=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert not (book / "_build" / "html" / "chapters" / "t1.html").exists()
    return result.stderr


def test_fixture_book_builds_strictly_with_zero_warnings(tmp_path):
    book = make_book(tmp_path / "book")
    result = build_book(book)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING:" not in result.stderr
    assert "Kernel is running over TCP" not in result.stdout + result.stderr, "kernels must use IPC"
    page = (book / "_build" / "html" / "chapters" / "t1.html").read_text(encoding="utf-8")
    assert page.count('class="isw-widget') == 5
    assert '<span class="isw-leerdoel" id="t1-kleur"></span>' in page  # {leerdoel}`t1-kleur`
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
    stderr = stopped_clearly(make_book(tmp_path / "book", data={"t1-oefeningen.yml": bad}))
    assert "t1-oefeningen.yml, regel" in stderr
    assert "item 't1-quiz' > 'een', veld options[1].feedback: dit veld ontbreekt" in stderr


def test_data_file_in_another_encoding_stops_a_plain_build_with_file_and_line(tmp_path):
    book = make_book(tmp_path / "book")
    good = (book / "data" / "t1-oefeningen.yml").read_text(encoding="utf-8")
    good = good.replace("t1-", "t2-").replace("title: Testquiz", "title: Testquiz over café")
    (book / "data" / "t2.yml").write_bytes(good.encode("cp1252"))
    stderr = stopped_clearly(book)
    line = good[: good.index("é")].count("\n") + 1
    assert f"t2.yml, regel {line}: teken 0xE9 is geen UTF-8" in stderr
    assert "opnieuw op met de codering UTF-8" in stderr


def test_chapter_naming_an_unknown_exercise_stops_the_build(tmp_path):
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8").replace('"t1-sort"', '"t1-sorteer"')
    stderr = stopped_clearly(make_book(tmp_path / "book", chapter=chapter))
    assert "chapters/t1.md, regel" in stderr
    assert "oefening 't1-sorteer' bestaat niet in data/" in stderr


def test_read_more_to_a_missing_label_fails_the_strict_build(tmp_path):
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8").replace("(t1-sectie)=\n", "")
    book = make_book(tmp_path / "book", chapter=chapter)
    result = build_book(book)
    assert result.returncode != 0
    assert "item 't1-quiz' > 'een', veld read_more: label 't1-sectie'" in result.stderr


def test_unknown_learning_goal_stops_the_build_naming_file_and_item(tmp_path):
    """A `goals:` id must be a learning goal that a chapter marks with {leerdoel}`id`."""
    data = FIXTURE_DATA.read_text(encoding="utf-8")
    data = data.replace("        read_more: t1-sectie\n", "        read_more: t1-sectie\n        goals: [t1-kleur]\n", 1)
    data = data.replace("    title: Testreflectie\n", "    title: Testreflectie\n    goals: [t1-kleur]\n")
    book = make_book(tmp_path / "good", data={"t1-oefeningen.yml": data})
    assert build_book(book, strict=False).returncode == 0  # the fixture chapter marks t1-kleur

    data = data.replace("goals: [t1-kleur]\n    prompt", "goals: [t1-kleur, t1-vorm]\n    prompt")
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8").replace("`t1-kleur`", "`t1-kleuren`")
    stderr = stopped_clearly(make_book(tmp_path / "book", chapter=chapter, data={"t1-oefeningen.yml": data}))
    assert "data/t1-oefeningen.yml: item 't1-quiz' > 'een', veld goals: leerdoel 't1-kleur' bestaat niet" in stderr
    assert "item 't1-reflectie', veld goals: leerdoel 't1-vorm' bestaat niet" in stderr
