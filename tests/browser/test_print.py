"""Print: `make pdf` gives the whole book without navigation or answers, and a printed page
shows exercises as questions with empty boxes even after the reader answered them."""

from __future__ import annotations

import io
import sys
from itertools import pairwise

import pytest
from drive import complete_every_widget
from helpers import ROOT
from pypdf import PdfReader

import widgets

sys.path.insert(0, str(ROOT / "tools"))
import pdf

NAVIGATION = ("Zoeken", "Direct naar de inhoud", "Vorige", "Volgende", "Inhoud van deze pagina")
CONTROLS = ("Controleer", "Opnieuw beginnen", "Kopieer link", "Probeer opnieuw", "Score:")


def feedback_texts() -> list[str]:
    """Feedback sentences from the data, which only appear after answering."""
    texts = []
    for exercise, _ in widgets.load_all(ROOT / "data").values():
        for question in getattr(exercise, "questions", []):
            texts += [option.feedback for option in question.options if len(option.feedback) > 60]
    return texts


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def book_pdf(built_site, tmp_path_factory, browser):
    out = tmp_path_factory.mktemp("pdf") / "boek.pdf"
    titles = pdf.build_pdf(built_site, out, browser=browser)
    reader = PdfReader(out)
    return titles, [normalised(page.extract_text()) for page in reader.pages], reader


def test_pdf_holds_every_page_of_the_book_with_a_table_of_contents(book_pdf):
    titles, pages, reader = book_pdf
    assert len(titles) == len(pdf.book_pages())
    whole = " ".join(pages)
    for title in titles:
        assert normalised(title) in whole
    assert "Inhoud" in pages[0]
    outline = [item.title for item in reader.outline]
    assert outline == titles


def test_pdf_has_no_navigation_controls_or_answers(book_pdf):
    _titles, pages, reader = book_pdf
    starts = [reader.get_destination_page_number(item) for item in reader.outline] + [len(pages)]
    for docname, (start, end) in zip(pdf.book_pages(), pairwise(starts), strict=False):
        printed = " ".join(pages[start:end])
        source = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
        for word in NAVIGATION + CONTROLS:
            if word not in source:  # the text itself may name a button
                assert word not in printed, f"'{word}' is printed in {docname}"
    whole = " ".join(pages[1:])
    for feedback in feedback_texts()[:80]:
        assert normalised(feedback)[:60] not in whole, "feedback is printed"
    assert "☐" in whole, "exercises print as questions with empty boxes"


def test_a_printed_page_leaves_the_readers_answers_out(watched, site_url):
    page = watched.open(f"{site_url}/chapters/h2-valkuilen.html")
    complete_every_widget(page)
    text = normalised(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf())).pages))
    assert "Ik bel morgen de wijkverpleging." not in text  # the reflection typed in
    for word in (*CONTROLS, "✓ Juist antwoord", "✗ Onjuist antwoord"):
        assert word not in text
    assert "☐" in text
    watched.assert_clean()


@pytest.fixture(scope="module")
def key_pdf(built_site, tmp_path_factory, browser):
    out = tmp_path_factory.mktemp("pdf") / pdf.KEY_PDF
    pdf.build_key_pdf(built_site, out, browser)
    return normalised(" ".join(page.extract_text() for page in PdfReader(out).pages))


def test_the_trainers_key_is_a_pdf_of_its_own_with_every_question_and_its_answer(key_pdf, book_pdf):
    assert "Voor trainers" in key_pdf
    exercises = [e for e, _ in widgets.load_all(ROOT / "data").values()]
    questions = [q for e in exercises for q in getattr(e, "questions", [])]
    assert len(questions) >= 40
    compact = key_pdf.replace(" ", "")  # a long id may be broken over two lines
    for question in questions:
        assert question.id in compact, f"{question.id} is not in the trainers' key"
    for item in (i for e in exercises if e.kind == "sort" for i in e.items):
        assert item.id in compact
    right = next(o for o in questions[0].options if o.correct)
    assert normalised(right.feedback)[:50] in key_pdf, "the key gives the feedback"
    assert "Juist:" in key_pdf and "Niet juist:" in key_pdf
    titles, _, _ = book_pdf
    assert "Antwoorden voor trainers" not in titles, "the learner's book leaves the key out"
