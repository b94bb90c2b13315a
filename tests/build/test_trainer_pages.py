"""The built sources page and answer key, read as files: the five articles listed apart from
the works they mention, and every question in the trainers' key with its answer."""

from __future__ import annotations

from bs4 import BeautifulSoup

import widgets
from helpers import ROOT

FIVE_TITLES = (
    "Integraal samenwerken",
    "Hoe kun je meer met integraal werken?",
    "Vier stappen op weg naar een gelijkwaardig samenspel",
    "Van eigen doelen naar gedeelde doelen",
    "Samenwerken is gewoon doen",
)


def page(built_site, name: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_the_sources_page_lists_the_five_articles_apart_from_other_works(built_site):
    sections = {s.find("h2").get_text(strip=True).rstrip("#"): s for s in page(built_site, "chapters/bronnen").select("section section")}
    five = [c.get_text(" ", strip=True) for c in sections["De vijf artikelen"].select(".citation")]
    others = [c.get_text(" ", strip=True) for c in sections["Werken die in de artikelen worden genoemd"].select(".citation")]
    assert len(five) == 5
    for title in FIVE_TITLES:
        assert sum(title in entry for entry in five) == 1, title
    mentioned = ("Goedee", "Rock", "Vonk", "Werk samen!")
    assert all(any(work in entry for entry in others) for work in mentioned)
    assert not any(work in entry for entry in five for work in ("David Rock", "Roos Vonk"))
    assert not any("anoniem" in entry.lower() for entry in five + others)


def test_the_answer_key_holds_every_question_with_its_right_answer():
    """The key is not in the site (tests/build/test_answer_key_absent.py): it is made for the PDF."""
    key = BeautifulSoup(widgets.answer_key().html, "html.parser")
    assert "Voor trainers" in key.select_one(".isw-key-banner").get_text()
    text = key.get_text(" ", strip=True)
    for exercise, _ in widgets.load_all(ROOT / "data").values():
        for question in getattr(exercise, "questions", []):
            assert question.id in text
            right = [o for o in question.options if o.correct]
            assert right, question.id
    marked = key.select(".isw-key-question li strong")
    assert any(m.get_text() == "Juist:" for m in marked) and any(m.get_text() == "Niet juist:" for m in marked)
