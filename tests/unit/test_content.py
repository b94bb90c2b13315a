"""The course as a whole: enough text and exercises, in the shape WRITING.md asks for."""

from __future__ import annotations

import re
import subprocess
from collections import Counter

import pytest
from helpers import ROOT, SHARED, require_shared

import widgets

CORE = sorted((ROOT / "chapters").glob("h[1-8]-*.md"))
SHOW = re.compile(r"""widgets\.show\(\s*["']([^"']+)["']""")


def prose_words(text: str) -> int:
    """Words a reader reads: no front matter, code cells, directive options, labels or roles."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    text = re.sub(r"^:[\w-]+:.*$", "", text, flags=re.M)
    text = re.sub(r"^\([\w-]+\)=$", "", text, flags=re.M)
    text = re.sub(r"\{[\w:]+\}`[^`]*`", "", text)
    return len(re.findall(r"[^\W\d_]{2,}", text))


def shown() -> dict[str, list[str]]:
    return {path.stem: SHOW.findall(path.read_text(encoding="utf-8")) for path in CORE}


def test_eight_core_chapters():
    assert [p.stem[:2] for p in CORE] == [f"h{i}" for i in range(1, 9)]


@pytest.mark.parametrize("path", CORE[:7], ids=lambda p: p.stem)
def test_core_chapter_has_at_least_900_words(path):
    assert prose_words(path.read_text(encoding="utf-8")) >= 900


def test_course_has_at_least_9000_words():
    pages = [*CORE, ROOT / "chapters" / "welkom.md"]
    assert sum(prose_words(p.read_text(encoding="utf-8")) for p in pages) >= 9000


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.stem)
def test_chapter_follows_the_writing_guide(path):
    text = path.read_text(encoding="utf-8")
    assert "**Leerdoelen**" in text and re.search(r"^- Je kunt ", text, re.M)
    assert re.search(r"\*\*Studietijd:\*\* \{studietijd\}`h[1-8]`", text)  # computed: test_study_time.py
    assert len(re.findall(r"\{admonition\} Casus", text)) >= 2, "fewer than two casussen"
    assert "## Samengevat" in text and "## Om over na te denken" in text
    assert "{cite" in text


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.stem)
def test_chapter_shows_exercises_and_ends_with_a_reflection(path):
    ids = shown()[path.stem]
    assert ids, "no exercise in this chapter"
    last, _ = widgets.load_all(ROOT / "data")[ids[-1]]
    assert last.kind == "reflectie"


def test_every_exercise_is_shown_exactly_once():
    counts = Counter(i for ids in shown().values() for i in ids)
    assert [i for i, n in counts.items() if n > 1] == []
    assert set(widgets.load_all(ROOT / "data")) == set(counts)


def test_how_much():
    exercises = [e for e, _ in widgets.load_all(ROOT / "data").values()]
    kinds = Counter(e.kind for e in exercises)
    assert sum(len(e.questions) for e in exercises if e.kind == "quiz") >= 40
    assert kinds["scan"] >= 2 and kinds["sort"] >= 1 and kinds["casus"] >= 3
    scans = {e.id for e in exercises if e.kind == "scan"}
    assert {"h3-scan-bewustzijn", "h7-scan-scarf"} <= scans


def test_no_text_copied_from_the_sources():
    """Runs the shared check where the sources are at hand (CI and developers have them)."""
    tool = require_shared(SHARED / "tools" / "check-copied-text")
    result = subprocess.run([str(tool), "chapters", "data"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.strip().endswith("0 copied runs of 10+ words")


# Every idea issue 3 lists, with the chapter that must carry it and the source it must cite.
SOURCE_IDEAS = [
    ("h1", ["definitie", "cliënt", "domein", "gedeeld doel"], ["integraal-samenwerken", "eigen-naar-gedeelde-doelen"]),
    (
        "h2",
        ["valkuil", "naast elkaar", "zeggen", "onderhandel", "regie", "missiewerk"],
        [
            "integraal-samenwerken",
            "louweret-gewoon-doen",
            "louweret-integraal-werken",
            "vanderhorst-vier-stappen",
            "eigen-naar-gedeelde-doelen",
        ],
    ),
    (
        "h3",
        ["routine-expertise", "adaptieve expertise", "weten, zien en voelen", "zingeving", "gelijkwaardig"],
        ["integraal-samenwerken"],
    ),
    (
        "h4",
        ["co-creatie", "jezelf", "conflict", "transparan", "eigenaarschap", "vertrouwen"],
        ["integraal-samenwerken"],
    ),
    (
        "h5",
        ["gelijkwaardig", "diepe betrokkenheid", "zingeving", "vertrouwen", "empathie", "vier stappen"],
        ["vanderhorst-vier-stappen", "vanderhorst-werk-samen"],
    ),
    (
        "h6",
        ["vraag", "intensi", "informatie", "samenwerkingsreferentiemodel", "kpi", "regisseur", "buiten"],
        ["eigen-naar-gedeelde-doelen", "goedee-entken-ontketen"],
    ),
    (
        "h7",
        [
            "je bent wat je doet",
            "mensen naar het project",
            "scarf",
            "status",
            "zekerheid",
            "autonomie",
            "verbondenheid",
            "rechtvaardigheid",
            "leergemeenschap",
            "vrijplaats",
            "leidinggevende",
        ],
        ["louweret-gewoon-doen", "louweret-integraal-werken", "rock-scarf", "vonk-je-bent-wat-je-doet"],
    ),
    ("h8", ["actieplan"], []),
]


@pytest.mark.parametrize("prefix, ideas, sources", SOURCE_IDEAS, ids=[i[0] for i in SOURCE_IDEAS])
def test_every_source_idea_is_in_its_chapter_and_cited(prefix, ideas, sources):
    path = next(p for p in CORE if p.stem.startswith(prefix))
    text = path.read_text(encoding="utf-8")
    for idea in ideas:
        assert idea in text.lower(), f"{path.name} does not discuss '{idea}'"
    for key in sources:
        assert re.search(r"\{cite:[pt]\}`[^`]*\b" + re.escape(key) + r"\b", text), f"{path.name} never cites {key}"
    assert "{cite" in text
