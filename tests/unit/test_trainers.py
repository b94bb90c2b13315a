"""The trainer pages add up: each session plan fills its stated length block by block, names
only werkvormen it describes and printable material that exists, and asks the preparation the
programme table promises."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from helpers import ROOT

TRAINERS = ROOT / "chapters" / "trainers"
PLANS = sorted(TRAINERS.glob("sessie-h[1-8].md"))
ROW = re.compile(r"^\| (\d+):(\d\d)–(\d+):(\d\d) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", re.M)
DOC = re.compile(r"\{doc\}`(?:[^`<]*<)?([^`>]+)>?`")
PRINTED = re.compile(r"rolkaart|werkblad|weerstandskaart|kaartjes met zinnen", re.I)


def minutes(hours: str, mins: str) -> int:
    return int(hours) * 60 + int(mins)


def blocks(text: str) -> list[tuple[int, int, str, str, str]]:
    return [
        (minutes(a, b), minutes(c, d), part.strip(), form.strip(), needs.strip())
        for a, b, c, d, part, form, needs in ROW.findall(text)
    ]


def chapter_numbers(text: str) -> set[str]:
    """The chapters a piece of text names: 'hoofdstuk 3', 'Hoofdstuk 5 en 6'."""
    found = re.findall(r"hoofdstuk(?:ken)?\s+(\d)(?:\s+en\s+(\d))?", text, re.I)
    return {number for pair in found for number in pair if number}


def test_there_is_a_plan_per_chapter():
    assert [p.stem for p in PLANS] == [f"sessie-h{i}" for i in range(1, 9)]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_the_blocks_of_a_plan_add_up_to_its_length(plan):
    text = plan.read_text(encoding="utf-8")
    length = int(re.search(r"\*Een sessie van (\d+) minuten", text).group(1))
    rows = blocks(text)
    assert len(rows) >= 4
    assert rows[0][0] == 0, "the plan does not start at 0:00"
    for (_, end, part, _, _), (start, _, following, _, _) in pairwise(rows):
        assert end == start, f"a gap or overlap between '{part}' and '{following}'"
    assert rows[-1][1] == length, f"the blocks end at {rows[-1][1]} minutes, the plan says {length}"
    for start, end, part, _, _ in rows:
        assert 5 <= end - start <= 35, f"block '{part}' lasts {end - start} minutes"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_every_werkvorm_in_the_table_is_described(plan):
    text = plan.read_text(encoding="utf-8")
    named = {int(n) for n in re.findall(r"\(werkvorm (\d)", text)}
    described = {int(n) for n in re.findall(r"^\*\*(\d)\. ", text, re.M)}
    assert named and named <= described, f"werkvorm {sorted(named - described)} is not described"
    assert described <= named, f"werkvorm {sorted(described - named)} has no block in the plan"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_printed_material_is_linked_and_exists(plan):
    text = plan.read_text(encoding="utf-8")
    for _, _, part, _form, needs in blocks(text):
        if PRINTED.search(needs):
            assert "materiaal/" in needs, f"'{part}' needs {needs!r} without a link to the material"
    linked = [target for target in DOC.findall(text) if "materiaal/" in target]
    for target in linked:
        assert (plan.parent / f"{target}.md").is_file(), f"{plan.name} links to {target}, which does not exist"


def test_every_material_page_belongs_to_a_plan_and_is_in_the_overview():
    materials = sorted((TRAINERS / "materiaal").glob("*-h[1-8].md"))
    assert {m.stem.split("-")[0] for m in materials} >= {"rolkaarten", "werkblad", "weerstandskaarten"}
    overview = (TRAINERS / "materiaal" / "index.md").read_text(encoding="utf-8")
    for material in materials:
        plan = TRAINERS / f"sessie-{material.stem.rsplit('-', 1)[1]}.md"
        assert f"materiaal/{material.stem}" in plan.read_text(encoding="utf-8"), (
            f"{plan.name} never links {material.stem}"
        )
        assert material.stem in overview
        text = material.read_text(encoding="utf-8")
        assert f"{{doc}}`../{plan.stem}`" in text, f"{material.name} does not say which session it is for"


def test_each_meeting_prepares_its_two_chapters():
    """The study times themselves are computed by the build: tests/unit/test_study_time.py."""
    programme = (TRAINERS / "programma.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d) \| \{doc\}`\.\./(h\d)-[^`]+` en \{doc\}`\.\./(h\d)-[^`]+` \|", programme, re.M)
    assert len(rows) == 4
    for meeting, first, second in rows:
        section = programme.split(f"## Bijeenkomst {meeting}:")[1].split("## ")[0]
        before = section.split("**Vooraf.**")[1].split("**")[0]
        assert chapter_numbers(before) == {first[1], second[1]}, f"meeting {meeting} prepares other chapters"


def test_homework_sets_what_the_next_meeting_prepares():
    programme = (TRAINERS / "programma.md").read_text(encoding="utf-8")
    for meeting in (1, 2, 3):
        homework = programme.split(f"## Bijeenkomst {meeting}:")[1].split("**Huiswerk.**")[1].split("##")[0]
        following = programme.split(f"## Bijeenkomst {meeting + 1}:")[1].split("**Vooraf.**")[1].split("**")[0]
        missing = chapter_numbers(following) - chapter_numbers(homework)
        assert not missing, (
            f"meeting {meeting + 1} prepares chapter {sorted(missing)}, which meeting {meeting} does not set"
        )


def test_a_material_names_the_werkvorm_whose_block_links_it():
    for material in sorted((TRAINERS / "materiaal").glob("*-h[1-8].md")):
        number = re.search(r"werkvorm (\d)", material.read_text(encoding="utf-8")).group(1)
        plan = (TRAINERS / f"sessie-{material.stem.rsplit('-', 1)[1]}.md").read_text(encoding="utf-8")
        rows = [form for _, _, _, form, needs in blocks(plan) if f"materiaal/{material.stem}" in needs]
        assert rows, f"no block of the plan links {material.stem}"
        assert any(f"werkvorm {number}" in form for form in rows), f"{material.stem} is for werkvorm {number}"
