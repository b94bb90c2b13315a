"""True to the sources: the bibliography gives no detail the sources do not, and the sources
page lists the five articles the course is based on apart from the works they mention."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT, SHARED, require_shared
from pybtex.database import parse_file

BIB = parse_file(str(ROOT / "references.bib"))
SOURCES = SHARED / "sources"
FIVE = {
    "integraal-samenwerken": "000",
    "louweret-integraal-werken": "001",
    "vanderhorst-vier-stappen": "002",
    "eigen-naar-gedeelde-doelen": "003",
    "louweret-gewoon-doen": "004",
}


def is_basis(key: str) -> bool:
    return BIB.entries[key].fields.get("keywords", "") == "basis"


def test_the_five_articles_are_marked_apart_from_the_works_they_mention():
    assert {key for key in BIB.entries if is_basis(key)} == set(FIVE)
    page = (ROOT / "chapters" / "bronnen.md").read_text(encoding="utf-8")
    filters = re.findall(r"^:filter: (.+)$", page, re.M)
    assert filters == ['keywords % "basis"', 'not keywords % "basis"']
    assert ":all:" not in page


def test_no_invented_authors_years_or_isbns():
    for key, entry in BIB.entries.items():
        authors = " ".join(str(p) for p in entry.persons.get("author", []))
        assert "anoniem" not in authors.lower(), f"{key}: 'anoniem' is not an author"
        assert "isbn" not in entry.fields, f"{key}: an ISBN no source gives"
        assert "uitgever niet vermeld" not in entry.fields.get("publisher", "")
    # The Van der Horst article gives no year of its own; the book it comes from does (2023).
    assert BIB.entries["vanderhorst-vier-stappen"].fields["year"] == "z.d."
    assert BIB.entries["vanderhorst-werk-samen"].fields["year"] == "2023"
    # Details from outside the five articles say where they were checked.
    assert "Nagekeken" in BIB.entries["rock-scarf"].fields["note"]


@pytest.mark.parametrize("key, prefix", FIVE.items())
def test_each_of_the_five_is_the_article_it_says(key, prefix):
    text = next(require_shared(SOURCES).glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    entry = BIB.entries[key]
    authors = [p.last_names[-1] for p in entry.persons.get("author", [])]
    for name in authors:
        assert name in text, f"{key}: {name} is not named in the article"
    if not authors:
        assert "Over Auteur" not in text and "Jos van der Horst" not in text
    if "geen titel" not in entry.fields.get("note", ""):
        assert entry.fields["title"].rstrip("?") in text, f"{key}: the title is not the article's"


def test_the_course_says_where_it_adds_its_own_material():
    chapters = ROOT / "chapters"
    h4 = (chapters / "h4-stevige-professionals.md").read_text(encoding="utf-8")
    assert "hard op de inhoud" not in h4, "a phrase of Fisher and Ury, uncredited"
    assert "gesprekszetten" in h4 and "vier stappen" not in h4.lower()
    h5 = (chapters / "h5-vier-stappen.md").read_text(encoding="utf-8")
    title, promise = h5.split("\n# ", 1)[1].split("\n\n")[:2]
    assert "deze cursus" in title and "deze cursus" in " ".join(promise.split())
    assert "werkt de stappen uit in zijn boek" not in h5
    for path in chapters.glob("h[1-8]-*.md"):
        text = path.read_text(encoding="utf-8")
        for wrong in (
            "samen uitleggen",
            "samen uitlegden",
            "leg de vraag samen uit",
            "een voor een",
            "accepteren het niet meer",
        ):
            assert not re.search(rf"\b{wrong}\b", text.lower()), f"{path.name}: '{wrong}'"
        lines = text.split("\n# ", 1)[1].split("\n")
        assert lines[2].startswith("*") and lines[2] != "**Leerdoelen**", (
            f"{path.name}: the promise is not in italics under the title"
        )


def test_roos_vonk_is_described_once_the_same_way_in_both_chapters():
    """Only what Louweret says of her: no profession, her own examples, cited as he quotes her."""
    chapters = ROOT / "chapters"
    description = (
        "Roos Vonk, uit haar boek *Je bent wat je doet* {cite:p}`vonk-je-bent-wat-je-doet`. "
        "Deze cursus kent dat boek alleen via Louweret."
    )
    for name in ("h2-valkuilen", "h7-van-zeggen-naar-doen"):
        text = " ".join((chapters / f"{name}.md").read_text(encoding="utf-8").split())
        assert description in text, name
        assert "psycholoog" not in text
    h7 = " ".join((chapters / "h7-van-zeggen-naar-doen.md").read_text(encoding="utf-8").split())
    assert all(example in h7 for example in ("auto", "fiets", "vergadering", "training", "borrel"))
