"""The answer key numbers and orders chapters as the book does: h2 before h10, and h10 is 10."""

from __future__ import annotations

from helpers import FIXTURE_DATA

from widgets import _answer_key


def test_chapter_ten_is_numbered_ten_and_comes_after_chapter_two(tmp_path, monkeypatch):
    book = tmp_path / "boek"
    (book / "data").mkdir(parents=True)
    (book / "chapters").mkdir()
    (book / "_config.yml").write_text("title: Test\n", encoding="utf-8")
    text = FIXTURE_DATA.read_text(encoding="utf-8")
    for stem in ("h10-tien", "h2-twee"):
        (book / "data" / f"{stem}.yml").write_text(text.replace("t1-", f"{stem}-"), encoding="utf-8")
        (book / "chapters" / f"{stem}.md").write_text(f"# Hoofdstuk {stem}\n", encoding="utf-8")
    monkeypatch.setenv("INTEGRAAL_DATA", str(book / "data"))

    key = _answer_key.chapters()

    assert [(chapter["page"], chapter["number"]) for chapter in key] == [("h2-twee", 2), ("h10-tien", 10)]
    assert key[1]["title"] == "Hoofdstuk h10-tien"
    html = _answer_key.answer_key()._repr_html_()
    assert "Hoofdstuk 10: Hoofdstuk h10-tien" in html and html.index("Hoofdstuk 2:") < html.index("Hoofdstuk 10:")
