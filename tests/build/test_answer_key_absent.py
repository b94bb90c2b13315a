"""The trainers' answer key is not in the learners' site (no page, no menu entry, no search
hit, no sitemap or offline entry), while `make pdf` still makes it with every question; the
built pages show the study times the build computed and the colofon link in every footer."""

from __future__ import annotations

import re
import sys

from helpers import ROOT, site_pages

import widgets
from widgets import _study_time as study

sys.path.insert(0, str(ROOT / "tools"))
import pdf

# (the trainer pages may name the PDF file, antwoorden-voor-trainers.pdf, that `make pdf` writes)
KEY_WORDS = ("trainers/antwoorden", "Antwoorden voor trainers", "isw-answer-key", "isw-key-banner")


def test_no_page_of_the_site_is_the_answer_key(built_site):
    assert not list(built_site.rglob("antwoorden*")), "a file of the answer key is in the site"
    for page in site_pages(built_site):
        html = page.read_text(encoding="utf-8")
        found = [word for word in KEY_WORDS if word in html]
        assert not found, f"{page.relative_to(built_site)} shows or links the answer key: {found}"


def test_the_search_index_sitemap_and_offline_list_leave_it_out(built_site):
    for name in ("searchindex.js", "sitemap.xml", "sw.js", "objects.inv"):
        path = built_site / name
        if path.is_file():
            data = path.read_bytes()
            assert b"trainers/antwoorden" not in data and b"Antwoorden voor trainers" not in data, name
    assert (built_site / "searchindex.js").is_file()


def test_the_check_would_see_a_key_page(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "antwoorden.html").write_text('<div class="isw-answer-key"></div>')
    assert list(tmp_path.rglob("antwoorden*"))


def test_the_pdfs_key_has_every_question_with_its_answer():
    document = pdf.key_document()
    assert "Antwoorden voor trainers" in document and "data-isw-ready" in document
    for exercise, _ in widgets.load_all(ROOT / "data").values():
        for question in getattr(exercise, "questions", []):
            assert f"<code>{question.id}</code>" in document, question.id
    assert document.count("<strong>Juist:</strong>") >= sum(
        1 for e, _ in widgets.load_all(ROOT / "data").values() for q in getattr(e, "questions", [])
    )
    assert "chapters/trainers/antwoorden" not in pdf.book_pages()


def test_every_page_links_the_colofon_in_its_footer(built_site):
    for page in site_pages(built_site):
        html = page.read_text(encoding="utf-8")
        if "<footer>" in html and page.name != "colofon.html":
            footer = html.split("<footer>", 1)[1]
            assert re.search(r'href="[^"]*colofon\.html"', footer), page.relative_to(built_site)
    colofon = (built_site / "chapters" / "colofon.html").read_text(encoding="utf-8")
    assert (
        "CC BY-SA 4.0" in colofon
        and "MIT" in colofon
        and re.search(r"gebouwd op \d+ \w+ \d{4}, (uit commit \w+|buiten git)", colofon)
    )


def test_the_built_pages_show_the_computed_time(built_site):
    page = built_site / "chapters" / "h2-valkuilen.html"
    html = page.read_text(encoding="utf-8")
    assert f'isw-studietijd">ongeveer {study.minutes(ROOT, "h2")} minuten<' in html
    programme = (built_site / "chapters" / "trainers" / "programma.html").read_text(encoding="utf-8")
    assert f"ongeveer {study.minutes(ROOT, 'h7 h8')} minuten" in programme
