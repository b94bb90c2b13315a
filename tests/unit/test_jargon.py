"""Sector jargon is explained: the first use of each word of tests/unit/jargon.txt on a page is a
{term} link to the glossary, and the glossary explains it."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from helpers import ROOT

GLOSSARY = ROOT / "chapters" / "begrippenlijst.md"
PAGES = sorted(p for p in (ROOT / "chapters").rglob("*.md") if p != GLOSSARY)
TERM_ROLE = re.compile(r"\{term\}`([^`]*)`")
JARGON = Path(__file__).with_name("jargon.txt")


def jargon(path: Path = JARGON) -> list[tuple[re.Pattern, str]]:
    rows = [
        line.split(" => ")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [(re.compile(pattern), entry.strip()) for pattern, entry in rows]


def glossary_entries() -> set[str]:
    """The terms the glossary defines: unindented lines followed by an indented definition."""
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    return {
        line.strip() for line, after in pairwise(lines) if line and not line[0].isspace() and after.startswith("  ")
    }


def unexplained(text: str, words: list[tuple[re.Pattern, str]]) -> list[str]:
    """The words whose first use in `text` is not inside a {term} link to their glossary entry."""
    links = [(m.start(), m.end(), m.group(1)) for m in TERM_ROLE.finditer(text)]
    found = []
    for pattern, entry in words:
        first = pattern.search(text)
        if first is None:
            continue
        linked = any(
            start <= first.start() < end and re.search(rf"<{re.escape(entry)}>$|^{re.escape(entry)}$", target)
            for start, end, target in links
        )
        if not linked:
            line = text.count("\n", 0, first.start()) + 1
            found.append(f"'{first.group(0)}' (regel {line}; begrippenlijst: {entry})")
    return found


def test_the_glossary_explains_every_word_of_the_list():
    missing = {entry for _, entry in jargon()} - glossary_entries()
    assert not missing, f"not in chapters/begrippenlijst.md: {sorted(missing)}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT / "chapters")))
def test_jargon_is_linked_to_the_glossary_at_first_use(page):
    problems = unexplained(page.read_text(encoding="utf-8"), jargon())
    assert not problems, f"{page.name}: jargon without a glossary link at first use: {problems}"


def test_the_check_finds_an_unexplained_word():
    words = [(re.compile(r"\bmeerwerk\b"), "Meerwerk")]
    assert unexplained("De aannemer vraagt geld voor meerwerk.", words)
    assert not unexplained("De aannemer vraagt geld voor {term}`meerwerk <Meerwerk>`, en later meerwerk.", words)
    assert unexplained("Eerst meerwerk, dan {term}`meerwerk <Meerwerk>`.", words)
