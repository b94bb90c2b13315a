"""The self-tests need the course: no cue in the wording gives the key away (issue 21).

Three cues a test-wise reader uses without knowing the content, flagged per question:
- echo: a content word of the stem (or the exercise title) that the key repeats and no distractor;
- absolute: an absolute word ("altijd", "nooit", "alleen", …) that only distractors carry;
- length: a key more than 1.5 times as long as the shortest distractor.
And one between questions (crossref): no stem or option holds the key text of another question of
the same chapter. A flagged question may stand only with a reason in data/toetsing/item-exceptions.yml.
"""

from __future__ import annotations

import re
from collections import Counter

import yaml
from helpers import ROOT

import widgets

EXCEPTIONS = ROOT / "data" / "toetsing" / "item-exceptions.yml"
ABSOLUTES = (
    "altijd",
    "nooit",
    "alleen",
    "gewoon",
    "nu eenmaal",
    "iedereen",
    "niemand",
    "alles",
    "niets",
    "helemaal",
    "zeker",
    "per se",
    "uitsluitend",
    "elke keer",
    "meteen",
    "stop",
)
STOPWORDS = {
    "aan",
    "als",
    "ben",
    "bij",
    "dan",
    "dat",
    "de",
    "deze",
    "die",
    "dit",
    "doe",
    "doen",
    "door",
    "een",
    "eens",
    "elk",
    "en",
    "er",
    "ga",
    "gaan",
    "geen",
    "had",
    "heb",
    "hebben",
    "heeft",
    "het",
    "hier",
    "hij",
    "hoe",
    "hun",
    "ik",
    "in",
    "is",
    "je",
    "jij",
    "jou",
    "jouw",
    "kan",
    "komt",
    "kun",
    "kunnen",
    "laat",
    "maar",
    "me",
    "meer",
    "met",
    "mij",
    "mijn",
    "na",
    "naar",
    "niet",
    "nog",
    "nu",
    "of",
    "om",
    "ons",
    "onze",
    "ook",
    "op",
    "over",
    "tot",
    "uit",
    "van",
    "veel",
    "voor",
    "wat",
    "wel",
    "wie",
    "wil",
    "wij",
    "wordt",
    "zal",
    "ze",
    "zelf",
    "zich",
    "zij",
    "zijn",
    "zo",
    "zou",
    "haar",
    "hem",
    "men",
    "daar",
    "waar",
    "want",
    "toen",
    "welke",
    "welk",
    "zie",
    "zien",
    "vooral",
    "eerst",
    "beste",
    "goed",
    "alle",
    "juiste",
    "antwoorden",
    "kies",
}


def exceptions() -> dict[str, dict[str, str]]:
    return yaml.safe_load(EXCEPTIONS.read_text(encoding="utf-8")) or {}


def stems(text: str) -> set[str]:
    """Content words, cut to six letters so that 'samenwerken' and 'samenwerking' meet."""
    return {w[:6] for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) >= 4 and w not in STOPWORDS}


def has_absolute(text: str) -> bool:
    lowered = f" {' '.join(re.findall(r'[a-zà-ÿ]+', text.lower()))} "
    return any(f" {word} " in lowered for word in ABSOLUTES)


def items():
    """(id, chapter, stem with title, keys, distractors, kind) for every question and sort item."""
    for exercise, path in widgets.load_all(ROOT / "data").values():
        chapter = path.stem.split("-")[0]
        for q in getattr(exercise, "questions", []):
            yield (
                q.id,
                chapter,
                f"{exercise.title} {q.text}",
                [o.text for o in q.options if o.correct],
                [o.text for o in q.options if not o.correct],
                "vraag",
            )
        if exercise.kind == "sort":
            names = {c.id: c.name for c in exercise.categories}
            for item in exercise.items:
                yield (
                    f"{exercise.id}/{item.id}",
                    chapter,
                    item.text,
                    [names[item.category]],
                    [n for c, n in names.items() if c != item.category],
                    "sort",
                )


def cues(stem: str, keys: list[str], distractors: list[str], kind: str) -> dict[str, str]:
    flags = {}
    shared = stems(stem) & set().union(*map(stems, keys)) - set().union(*map(stems, distractors))
    if shared:
        flags["echo"] = ", ".join(sorted(shared))
    if any(map(has_absolute, distractors)) and not any(map(has_absolute, keys)):
        flags["absolute"] = "alleen in afleiders"
    if kind == "vraag":
        shortest = min(len(d) for d in distractors)
        if any(len(k) > 1.5 * shortest for k in keys):
            flags["length"] = f"sleutel {max(map(len, keys))} tekens, kortste afleider {shortest}"
    return flags


def test_no_question_gives_its_key_away_by_its_wording(capsys):
    allowed = exceptions()
    flagged = {qid: cues(stem, keys, ds, kind) for qid, _, stem, keys, ds, kind in items()}
    flagged = {qid: f for qid, f in flagged.items() if f}
    counts = Counter(rule for f in flagged.values() for rule in f)
    with capsys.disabled():
        print(f"\nAanwijzingen in de formulering (vóór uitzonderingen): {dict(counts) or 'geen'}")
        for qid, f in sorted(flagged.items()):
            print(
                f"  {qid}: "
                + "; ".join(f"{r} ({why})" for r, why in f.items())
                + ("  [uitzondering]" if set(f) <= set(allowed.get(qid, {})) else "")
            )
    assert {q: f for q, f in flagged.items() if not set(f) <= set(allowed.get(q, {}))} == {}


def normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_no_question_holds_the_key_of_another_in_its_chapter():
    """A stem, or an option that is not the very same option, may not contain another key's text."""
    allowed = exceptions()
    questions = [i for i in items() if i[5] == "vraag"]
    found = []
    for qid, chapter, _, keys, _, _ in questions:
        for key in map(normalised, keys):
            if len(key.split()) < 3:
                continue  # a one- or two-word key (a pitfall's name, a SCARF domain) is shared vocabulary
            for other, other_chapter, stem, okeys, ods, _ in questions:
                if other == qid or other_chapter != chapter or "crossref" in allowed.get(other, {}):
                    continue
                texts = [stem] + [t for t in okeys + ods if normalised(t) != key]
                if any(key in normalised(t) for t in texts):
                    found.append(f"{other} bevat de sleutel van {qid}: '{key}'")
    assert found == []


def test_the_cue_check_flags_what_it_should():
    assert cues("Welke valkuil zie je bij de cijfers?", ["Sturen op cijfers."], ["Eigen doelen.", "Aanpak."], "vraag")
    assert "absolute" in cues("Wat doe je?", ["Je vraagt het na."], ["Je doet het altijd zelf."], "vraag")
    assert "length" in cues(
        "Wat doe je?", ["Een heel lange sleutel met veel woorden."], ["Kort.", "Ook kort."], "vraag"
    )
    assert cues("Wat doe je?", ["Je vraagt het na."], ["Je zoekt het op."], "vraag") == {}


def verdict_problems(options: list[tuple[bool, str]]) -> list[str]:
    """Feedback that does not open with the one verdict of its scoring rule: "Juist." for a right
    option, "Niet juist." for a wrong one (no "Niet helemaal", no "Juist, al …"): the site puts
    its own ✓/✗ before the feedback and must be able to drop the verdict word, never a second one."""
    return [
        feedback[:40]
        for correct, feedback in options
        if not feedback.startswith("Juist. " if correct else "Niet juist. ")
        and feedback not in ("Juist.", "Niet juist.")
    ]


def test_every_option_s_feedback_opens_with_the_verdict_of_its_scoring_rule():
    found = {}
    for exercise, _ in widgets.load_all(ROOT / "data").values():
        for question in getattr(exercise, "questions", None) or []:
            problems = verdict_problems([(o.correct, o.feedback) for o in question.options])
            if problems:
                found[question.id] = problems
    assert found == {}


def test_the_verdict_check_flags_a_second_verdict():
    assert verdict_problems([(True, "Juist, al klinkt het vreemd."), (False, "Niet helemaal. Bijna.")]) == [
        "Juist, al klinkt het vreemd.",
        "Niet helemaal. Bijna.",
    ]
    assert verdict_problems([(True, "Juist. Zo is het."), (False, "Niet juist. Want.")]) == []
