"""The built sources page and answer key, read as files: the five articles listed apart from
the works they mention, and every question in the trainers' key with its answer."""

from __future__ import annotations

from bs4 import BeautifulSoup
from helpers import ROOT

import widgets
from widgets._markdown import inline

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
    sections = {
        s.find("h2").get_text(strip=True).rstrip("#"): s
        for s in page(built_site, "chapters/bronnen").select("section section")
    }
    five = [c.get_text(" ", strip=True) for c in sections["De vijf artikelen"].select(".citation")]
    others = [
        c.get_text(" ", strip=True) for c in sections["Werken die in de artikelen worden genoemd"].select(".citation")
    ]
    assert len(five) == 5
    for title in FIVE_TITLES:
        assert sum(title in entry for entry in five) == 1, title
    mentioned = ("Goedee", "Rock", "Vonk", "Werk samen!")
    assert all(any(work in entry for entry in others) for work in mentioned)
    assert not any(work in entry for entry in five for work in ("David Rock", "Roos Vonk"))
    assert not any("anoniem" in entry.lower() for entry in five + others)


def words(html_or_soup) -> str:
    """The text as a reader sees it, spaces made one."""
    soup = html_or_soup if hasattr(html_or_soup, "get_text") else BeautifulSoup(html_or_soup, "html.parser")
    return " ".join(soup.get_text(" ").split())


def test_the_answer_key_marks_exactly_the_right_answers_of_every_question():
    """Each question of each exercise in data/ is in the key, with its options in order, and an
    option is marked "Juist:" exactly when the data says it is correct; each sort item names
    its right category. The key is not in the site (tests/build/test_answer_key_absent.py):
    it is made for the PDF."""
    key = BeautifulSoup(widgets.answer_key().html, "html.parser")
    assert "Voor trainers" in key.select_one(".isw-key-banner").get_text()
    checked = 0
    for exercise, _ in widgets.load_all(ROOT / "data").values():
        questions = getattr(exercise, "questions", None) or []
        items = getattr(exercise, "items", None) or []
        if not questions and not items:
            continue
        section = key.select_one(f'section[aria-labelledby="sleutel-{exercise.id}"]')
        assert section is not None, f"{exercise.id} is not in the answer key"
        entries = {li.select_one(".isw-key-id code").get_text(): li for li in section.select("li.isw-key-question")}
        assert list(entries) == [entry.id for entry in questions or items], exercise.id
        for question in questions:
            options = entries[question.id].select("ul > li")
            assert len(options) == len(question.options), f"{exercise.id}/{question.id}"
            for option, shown in zip(question.options, options, strict=True):
                marked = shown.find("strong").get_text()
                assert marked == ("Juist:" if option.correct else "Niet juist:"), (
                    f"{exercise.id}/{question.id}: '{option.text}' is marked {marked}"
                )
                assert words(inline(option.text)) in words(shown), f"{exercise.id}/{question.id}: {option.text}"
                assert words(inline(option.feedback)) in words(shown), f"{exercise.id}/{question.id}: feedback"
            checked += 1
        categories = {category.id: category.name for category in getattr(exercise, "categories", [])}
        for item in items:
            right = entries[item.id].find("strong", string="Juist:").next_sibling
            assert right.strip() == categories[item.category], f"{exercise.id}/{item.id}: {right!r}"
            checked += 1
    assert checked >= 40, f"only {checked} questions and items in the key"
