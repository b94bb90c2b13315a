"""One cast of characters: every case person comes from data/cast/personen.yml, and a name is
one person, with one age, role and story, wherever the course shows them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

CAST = yaml.safe_load((ROOT / "data" / "cast" / "personen.yml").read_text(encoding="utf-8"))
PEOPLE = CAST["personen"]
NAMES = {person["name"]: person for person in PEOPLE}
NOT_PEOPLE = set(CAST["geen_personen"])

CHAPTERS = sorted((ROOT / "chapters").glob("h[1-8]-*.md"))
DATA = sorted((ROOT / "data").glob("h[1-8]-*.yml"))
TRAINER_PAGES = sorted((ROOT / "chapters" / "trainers").rglob("*.md"))
CASUS = re.compile(r"```\{admonition\} Casus.*?\n```", re.S)
# A capitalised word (or two) after a lower-case word: in Dutch, mostly a name.
CAPITALISED = re.compile(r"(?<=[a-zà-ÿ] )((?:De |Van der )?[A-Z][a-zà-ÿ]+)")
ROLE = re.compile(r"\{[\w:]+\}`[^`]*`")


def chapter_of(path: Path) -> str | None:
    """h1..h8 for a chapter, its exercises or its session plan; None for pages about all."""
    found = re.search(r"(?:^|-)(h[1-8])(?:-|$)", path.stem)
    return found.group(1) if found else None


def strings(node) -> list[str]:
    """Every text in a YAML document."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return []


def cases() -> list[tuple[str, str]]:
    """Each case of the course as (where, text): chapter casussen and exercises with a story."""
    found = []
    for path in CHAPTERS:
        for block in CASUS.findall(path.read_text(encoding="utf-8")):
            found.append((f"{path.name}: {block.splitlines()[0][14:]}", ROLE.sub("", block)))
    for path in DATA:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["exercises"]:
            found.append((f"{path.name}: {item['id']}", " | ".join(strings(item))))
    return found


def mentions(name: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def test_a_name_belongs_to_one_person():
    counts = Counter(person["name"] for person in PEOPLE)
    assert [name for name, n in counts.items() if n > 1] == []
    for person in PEOPLE:
        assert person["role"] and person["story"], person["name"]
        assert set(person["chapters"]) <= {f"h{i}" for i in range(1, 9)}, person["name"]


@pytest.mark.parametrize("where, text", cases(), ids=[w for w, _ in cases()])
def test_every_name_in_a_case_is_in_the_cast(where, text):
    unknown = {
        word
        for word in CAPITALISED.findall(text)
        if word not in NAMES and word not in NOT_PEOPLE and word.removesuffix("s") not in NAMES
    }
    assert unknown <= ALLOWED_WORDS, f"{where}: not in data/cast/personen.yml: {sorted(unknown - ALLOWED_WORDS)}"


# Capitalised words the course uses mid-sentence that are neither people nor places.
ALLOWED_WORDS = {
    "Van der Horst",
    "Horst",
    "Louweret",
    "Roos",
    "Vonk",
    "Rock",
    "David",
    "Amerikaanse",
    "Nederlandse",
    "Engelse",
}


def test_every_case_uses_the_cast():
    for path in CHAPTERS:
        for block in CASUS.findall(path.read_text(encoding="utf-8")):
            assert any(mentions(name, block) for name in NAMES), f"{path.name}: a casus without a cast member"
    for path in DATA:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["exercises"]:
            if item["kind"] == "casus":
                assert any(mentions(name, item["story"]) for name in NAMES), (
                    f"{item['id']}: a casus without a cast member"
                )


@pytest.mark.parametrize("path", [*CHAPTERS, *DATA, *TRAINER_PAGES], ids=lambda p: p.name)
def test_a_person_keeps_to_their_own_story(path):
    """A name shows up only in the chapters of that person's story, with that person's age."""
    text = path.read_text(encoding="utf-8")
    chapter = chapter_of(path)
    for name, person in NAMES.items():
        if not mentions(name, text):
            continue
        if chapter is not None:
            assert chapter in person["chapters"], f"{name} ({person['role']}) appears in {path.name}"
        if "age" in person:
            for age in re.findall(rf"\b{re.escape(name)} \((\d+)\)|\b{re.escape(name)} is (\d+)\b", text):
                assert int("".join(age)) == person["age"], f"{name} has another age in {path.name}"


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p["name"])
def test_every_person_in_the_cast_appears_where_the_list_says(person):
    for chapter in person["chapters"]:
        files = [p for p in [*CHAPTERS, *DATA, *TRAINER_PAGES] if chapter_of(p) == chapter]
        assert any(mentions(person["name"], p.read_text(encoding="utf-8")) for p in files), (
            f"{person['name']} is listed for {chapter} but not in it"
        )


# One case per situation: the situatie of each case in data/cast/personen.yml.
CASES = CAST["casussen"]
DOMAINS = {"zorg", "welzijn", "wonen", "onderwijs", "veiligheid", "bouw"}


def same_situations(cases: list[dict]) -> list[tuple[str, str]]:
    """Pairs of cases with the same kind of problem and the same set of partners."""
    seen: dict[tuple, str] = {}
    pairs = []
    for case in cases:
        key = (case["situatie"]["probleem"].strip().lower(), frozenset(p.lower() for p in case["situatie"]["partners"]))
        if key in seen:
            pairs.append((seen[key], case["casus"]))
        seen.setdefault(key, case["casus"])
    return pairs


def test_no_two_cases_share_a_situation():
    assert same_situations(CASES) == []


def test_the_situation_check_finds_a_repeated_case():
    bakker = next(case for case in CASES if case["casus"] == "mevrouw Bakker wil thuis blijven wonen")
    again = {
        **bakker,
        "casus": "meneer X wil thuis blijven wonen",
        "situatie": {**bakker["situatie"], "partners": list(reversed(bakker["situatie"]["partners"]))},
    }
    assert same_situations([*CASES, again]) == [(bakker["casus"], again["casus"])]


def test_every_case_has_a_situation_with_known_people():
    for case in CASES:
        situation = case["situatie"]
        assert situation["probleem"] and len(situation["partners"]) >= 2, case["casus"]
        assert set(situation["domeinen"]) <= DOMAINS | {"werk en inkomen"}, case["casus"]
        assert set(case["personen"]) <= set(NAMES), f"{case['casus']}: {set(case['personen']) - set(NAMES)}"
        assert case["waar"] in {f"h{i}" for i in range(1, 9)}


def test_every_case_of_the_book_is_listed():
    listed = {case["casus"] for case in CASES}
    for path in CHAPTERS:
        for block in CASUS.findall(path.read_text(encoding="utf-8")):
            assert block.splitlines()[0][len("```{admonition} Casus: ") :] in listed, (
                f"{path.name}: {block.splitlines()[0]}"
            )
    for path in DATA:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["exercises"]:
            if item["kind"] == "casus":
                assert item["id"] in listed, f"{item['id']} has no situatie in data/cast/personen.yml"


def test_the_cases_together_cover_every_domain():
    covered = {domain for case in CASES for domain in case["situatie"]["domeinen"]}
    assert covered >= DOMAINS, f"no case about {sorted(DOMAINS - covered)}"
