"""The built site speaks Dutch and has clean markup (issue 26): no English left over from the
theme or Sphinx, no raw LaTeX from the bibliography, one viewport tag and one h1 per page, and
no published page sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from helpers import BUILD_HTML, site_pages

PAGES = site_pages(BUILD_HTML) if BUILD_HTML.is_dir() else []

# What Furo and Sphinx write in English where their Dutch catalogue has nothing (or our templates
# replace theirs): a whole text or attribute that is one of these, or one of the longer phrases
# anywhere.
ENGLISH_WHOLE = {
    "Next",
    "Previous",
    "Search",
    "Contents",
    "On this page",
    "Back to top",
    "Skip to content",
    "Copyright",
    "Error",
    "Search Results",
    "Hide Search Matches",
    "Expand",
    "Collapse",
    "Home",
}
ENGLISH_ANYWHERE = (
    "Please activate JavaScript",
    "Toggle navigation",
    "Toggle site navigation",
    "Toggle table of contents",
    "Toggle Light",
    "color theme",
    "Made with",
    "Link to this",
    "Hide navigation sidebar",
    "Hide table of contents sidebar",
    "Skip to content",
    "Back to top",
    "Searching",
    "Search finished",
    "Preparing search",
    "search did not match",
    "Built with",
)
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "content")
LATEX = re.compile(r"\\[A-Za-z]+\b|\{\\[a-z]+ ")


def readable(path: Path) -> tuple[list[str], list[str]]:
    """The page's texts and the attribute values a reader sees or hears, without scripts."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in page(["script", "style", "svg"]):
        hidden.decompose()
    texts = [t.strip() for t in page.find_all(string=True) if not isinstance(t, Comment) and t.strip()]
    attributes = [
        str(tag[name]).strip()
        for tag in page.find_all(True)
        for name in READ_ATTRIBUTES
        if tag.has_attr(name) and not (tag.name == "meta" and tag.get("name") in ("viewport", "color-scheme"))
    ]
    return texts, attributes


def english(strings: list[str]) -> list[str]:
    return [s for s in strings if s in ENGLISH_WHOLE or any(phrase in s for phrase in ENGLISH_ANYWHERE)]


def test_the_check_finds_english_and_latex():
    assert english(["Next", "Volgende", "Please activate JavaScript to enable the search functionality."]) == [
        "Next",
        "Please activate JavaScript to enable the search functionality.",
    ]
    assert LATEX.search(r"boek \emph Werk samen!") and not LATEX.search("boek ‘Werk samen!’ (SWP, 2023)")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(BUILD_HTML)))
def test_no_english_interface_text_and_no_latex(path):
    texts, attributes = readable(path)
    assert english(texts + attributes) == []
    assert [s for s in texts + attributes if LATEX.search(s)] == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(BUILD_HTML)))
def test_one_viewport_tag_and_one_h1(path):
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert len(page.find_all("meta", attrs={"name": "viewport"})) == 1
    assert len(page.find_all("h1")) == 1
    assert all(aside.get("aria-label") or aside.get("aria-labelledby") for aside in page.find_all("aside"))
    assert not page.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)}), "a real page, not a redirect"


def test_page_sources_are_not_published(built_site):
    assert not (built_site / "_sources").exists()
