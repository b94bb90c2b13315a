"""Study times are computed by the build ({studietijd}`hN`), never written by hand, and the
trainers' page states the assumptions the computation uses."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

from widgets import _study_time as study

CHAPTERS = sorted((ROOT / "chapters").glob("h[1-8]-*.md"))
TRAINERS = ROOT / "chapters" / "trainers"
PLANS = sorted(TRAINERS.glob("sessie-h[1-8].md"))
HAND_WRITTEN = re.compile(r"studietijd[^\n|]*?\b\d+\s*(?:minuten|min|uur)\b|\|\s*ongeveer \d+ minuten\s*\|", re.I)


@pytest.mark.parametrize("page", [*CHAPTERS, *PLANS, TRAINERS / "programma.md"], ids=lambda p: p.name)
def test_no_study_time_is_written_by_hand(page):
    text = page.read_text(encoding="utf-8")
    assert not HAND_WRITTEN.search(text), (
        f"{page.name}: a study time written by hand: {HAND_WRITTEN.search(text).group(0)!r}"
    )


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem[:2])
def test_each_chapter_and_its_plan_show_the_computed_time(chapter):
    number = chapter.stem[:2]
    assert f"**Studietijd:** {{studietijd}}`{number}`" in chapter.read_text(encoding="utf-8")
    plan = (TRAINERS / f"sessie-{number}.md").read_text(encoding="utf-8")
    assert f"**Studietijd vooraf:** {{studietijd}}`{number}`" in plan


def test_the_programme_adds_up_the_two_chapters_of_each_meeting():
    programme = (TRAINERS / "programma.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"\{doc\}`\.\./(h\d)-[^`]+` en \{doc\}`\.\./(h\d)-[^`]+` \|[^|]+\| \{studietijd\}`(h\d) (h\d)` \|", programme
    )
    assert len(rows) == 4 and all((a, b) == (c, d) for a, b, c, d in rows)
    assert study.minutes(ROOT, "h1 h2") == study.minutes(ROOT, "h1") + study.minutes(ROOT, "h2")


def test_the_time_grows_with_words_and_questions():
    counts = study.counts(ROOT, "h2")
    assert counts["text_words"] > 1000 and counts["exercise_words"] > 500 and counts["exercise_minutes"] > 5
    expected = (counts["text_words"] + counts["exercise_words"]) / study.READING + counts["exercise_minutes"]
    assert study.minutes(ROOT, "h2") == 5 * -(-expected // 5)
    assert study.words("Een {term}`wijkteam` en drie-hoeken, 12 keer") == 6


def test_an_unknown_chapter_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="geen hoofdstuk"):
        study.minutes(ROOT, "h9")


def test_the_trainers_page_states_the_assumptions():
    text = (TRAINERS / "index.md").read_text(encoding="utf-8")
    assert f"Lezen: {study.READING} woorden per minuut" in text
    assert f"Per vraag van een quiz of casus: {study.PER_QUESTION:g} minuut" in text
    assert f"Per reflectie: {study.PER_REFLECTIE:g} minuten" in text
    assert "naar boven afgerond op vijf minuten" in text and study.ROUND_TO == 5
