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
    data = data.replace(
        "        read_more: t1-sectie\n", "        read_more: t1-sectie\n        goals: [t1-kleur]\n", 1
    )
    data = data.replace("    title: Testreflectie\n", "    title: Testreflectie\n    goals: [t1-kleur]\n")
    book = make_book(tmp_path / "good", data={"t1-oefeningen.yml": data})
    assert build_book(book, strict=False).returncode == 0  # the fixture chapter marks t1-kleur

    data = data.replace("goals: [t1-kleur]\n    prompt", "goals: [t1-kleur, t1-vorm]\n    prompt")
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8").replace("`t1-kleur`", "`t1-kleuren`")
    stderr = stopped_clearly(make_book(tmp_path / "book", chapter=chapter, data={"t1-oefeningen.yml": data}))
    assert "data/t1-oefeningen.yml: item 't1-quiz' > 'een', veld goals: leerdoel 't1-kleur' bestaat niet" in stderr
    assert "item 't1-reflectie', veld goals: leerdoel 't1-vorm' bestaat niet" in stderr


RAW_HTML = """
<img src="https://pixel.example/t.gif" alt="">

<iframe src="https://video.example/embed/1" title="video"></iframe>

<script>document.title = "gekaapt";</script>

<button type="button" onclick="go()">Klik</button>

Een `<script>` in een codefragment wordt getoond, niet uitgevoerd:

```html
<script src="https://cdn.example/x.js"></script>
```
"""


def test_raw_html_with_inline_script_or_another_origin_fails_the_strict_build(tmp_path):
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8").replace("Tekst.\n", "Tekst.\n" + RAW_HTML)
    result = build_book(make_book(tmp_path / "book", chapter=chapter))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = chapter[: chapter.index("<img")].count("\n") + 1
    assert (
        f"chapters/t1.md, regel {line}: <img src=https://pixel.example/t.gif> laadt iets van een andere website"
        in output
    )
    assert f"regel {line + 2}: <iframe src=https://video.example/embed/1> laadt iets van een andere website" in output
    assert f"regel {line + 4}: een <script> met code in de pagina zelf (inline script)" in output
    assert f"regel {line + 6}: een onclick=-attribuut op <button> (inline script)" in output
    assert "cdn.example" not in output  # in a code block: shown, not run
    assert "Traceback" not in output


def test_exercise_id_not_written_as_plain_text_stops_the_build_without_a_traceback(tmp_path):
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8")
    chapter = chapter.replace('widgets.show("t1-sort")', 'soort = "sort"\nwidgets.show(f"t1-{soort}")')
    stderr = stopped_clearly(make_book(tmp_path / "book", chapter=chapter))
    line = chapter[: chapter.index('widgets.show(f"')].count("\n") + 1
    assert (
        f"chapters/t1.md, regel {line}: schrijf de id van de oefening als gewone tekst tussen aanhalingstekens"
        in stderr
    )
    assert "niet als f-string of variabele" in stderr


def test_exercise_id_equal_to_a_heading_or_label_on_its_page_stops_the_build(tmp_path):
    chapter = (FIXTURES / "chapter.md").read_text(encoding="utf-8")
    chapter = chapter.replace("Tekst.\n", "Tekst.\n\n## T1 quiz\n\n(t1-casus)=\nMeer tekst.\n")
    stderr = stopped_clearly(make_book(tmp_path / "book", chapter=chapter))
    heading = chapter[: chapter.index("## T1 quiz")].count("\n") + 1
    shown = chapter[: chapter.index('widgets.show("t1-quiz")')].count("\n") + 1
    assert (
        f"chapters/t1.md, regel {shown}: oefening 't1-quiz' heeft dezelfde id als de kop 'T1 quiz' (regel {heading}); "
        "dan heeft de pagina twee elementen met één HTML-id"
    ) in stderr
    assert f"oefening 't1-casus' heeft dezelfde id als het label (t1-casus)= (regel {heading + 2})" in stderr


def test_a_call_mentioned_in_prose_is_text_and_the_book_builds(tmp_path):
    """Only a code cell shows an exercise: `widgets.show("…")` in the text is an example."""
    chapter = (
        (FIXTURES / "chapter.md")
        .read_text(encoding="utf-8")
        .replace(
            "Tekst.\n", 'Tekst. Een auteur schrijft widgets.show("h9-voorbeeld") in een cel, of `widgets.show("x")`.\n'
        )
    )
    result = build_book(make_book(tmp_path / "book", chapter=chapter))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING:" not in result.stderr


def test_the_book_title_is_text_in_every_place_a_page_shows_it(tmp_path):
    book = make_book(tmp_path / "book")
    config = (book / "_config.yml").read_text(encoding="utf-8")
    (book / "_config.yml").write_text(
        config.replace("title: Integraal samenwerken", 'title: "Samen <b>sterk</b> & <script>x()</script>"'),
        encoding="utf-8",
    )
    result = build_book(book)
    assert result.returncode == 0, result.stdout + result.stderr
    escaped = "Samen &lt;b&gt;sterk&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;"
    index = (book / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    page = (book / "_build" / "html" / "chapters" / "t1.html").read_text(encoding="utf-8")
    assert f"<title>{escaped}</title>" in index and f"<h1>{escaped}</h1>" in index  # the landing page
    assert f'<span class="brand">{escaped}</span>' in page  # the mobile header
    assert f'<span class="sidebar-brand-text">{escaped}</span>' in page
    for text in (index, page):
        assert "<b>sterk" not in text and "<script>x()" not in text
