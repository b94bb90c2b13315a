"""Two tabs of one course in one browser (one context: they share localStorage), issue 25:
each tab shows what the other saves or erases, for every kind of exercise, and no tab writes
back an older state than the one stored: not after another tab's answer, not after "Wis al mijn
antwoorden", not even in a tab that missed the news (the `storage` event).

Each test shows the record before and after (nothing outside the reader's choice is lost or
brought back) and the Dutch words the reader is told where the page tells them something.
"""

from __future__ import annotations

import json
import time

import pytest
from drive import RESULTS, answer, caught_up, status_of, stored
from helpers import BUILD_HTML
from site_checks import Watched

KINDS = ("quiz", "casus", "scan", "sort", "reflectie")
BEFORE_ERASE = 2  # answers given before the erase (a reflection: its one text)
ONE_KEPT = "() => document.querySelector('.isw-results-content').textContent.includes('bewaart 1 oefening')"
TEXTS = ("Eerst bel ik de huisarts.", "Eerst bel ik de huisarts, dan de wijkverpleging.", "Een nieuwe start.")
UPDATED = "Bijgewerkt: in een ander tabblad is dit antwoord veranderd."
KEPT = "Let op: in een ander tabblad is dit antwoord intussen veranderd. Hier blijft staan wat je nu typt"
# A tab that misses the news (frozen, or its event lost): a listener registered before the
# page's own stops every `storage` event, so the store never hears of the other tab.
DEAF = """window.addEventListener("storage", (event) => event.stopImmediatePropagation())"""

# The reader is still typing: the reflection's save, due 400 ms after the last keystroke, waits
# until the test lets the reader pause (the page's clock is the whole context's, so not that).
MID_TYPING = """() => {
  const held = [];
  const later = window.setTimeout;
  window.setTimeout = (callback, ms, ...rest) => (ms === 400 ? -held.push(callback) : later(callback, ms, ...rest));
  window.iswPause = () => { for (const callback of held.splice(0)) callback(); };
}"""


def first_of(kind: str) -> tuple[str, str]:
    """The id and page of the book's first exercise of `kind`."""
    book = json.loads((BUILD_HTML / "_static" / "widgets" / "catalog.json").read_text(encoding="utf-8"))
    return next((i, e["page"]) for i, e in book["exercises"].items() if e["kind"] == kind)


def props(widget) -> dict:
    return json.loads(widget.get_attribute("data-props"))


def change(page, widget, kind: str, index: int) -> None:
    """The reader's change number `index`: a question, a statement, an item; a reflection's text."""
    if kind in ("quiz", "casus"):
        answer(page, widget, index, right=True)
    elif kind == "scan":
        widget.locator("fieldset.isw-statement").nth(index).locator("input[value='4']").check()
    elif kind == "sort":
        widget.locator("select").nth(index).select_option(index=1)
    else:
        widget.locator("textarea").fill(TEXTS[index])
        page.wait_for_function(
            "el => el.querySelector('[id$=-text-saved]').textContent === 'Bewaard in deze browser.'",
            arg=widget.element_handle(),
        )


def entries(page, exercise: str) -> dict:
    """What the store keeps of one exercise's answers, per entry (a reflection: its text)."""
    answers = (stored(page)["data"]["exercises"].get(exercise) or {}).get("answers") or {}
    for field in ("questions", "scores", "placed"):
        if field in answers:
            return answers[field] if field != "questions" else {q: s for q, s in answers[field].items() if s["checked"]}
    return {"text": answers["text"]} if "text" in answers else {}


def key_of(widget, kind: str, index: int) -> str:
    """The store's name of change `index`'s entry."""
    listed = {"quiz": "questions", "casus": "questions", "scan": "statements", "sort": "items"}
    return props(widget)[listed[kind]][index]["id"] if kind in listed else "text"


def shown(widget, kind: str) -> int:
    """How many answers the tab shows (a reflection: 1 when its field has text)."""
    selector = {"quiz": ".isw-verdict", "casus": ".isw-verdict", "scan": "fieldset.isw-statement input:checked"}
    if kind in selector:
        return widget.locator(selector[kind]).count()
    if kind == "sort":
        return sum(1 for value in widget.locator("select").evaluate_all("s => s.map((x) => x.value)") if value)
    return int(bool(widget.locator("textarea").input_value()))


def wait_shown(widget, kind: str, count: int) -> None:
    deadline = time.monotonic() + 5
    while shown(widget, kind) != count and time.monotonic() < deadline:
        widget.page.wait_for_timeout(50)
    assert shown(widget, kind) == count, f"the tab shows {shown(widget, kind)} answers, not the stored {count}"


@pytest.mark.parametrize("kind", KINDS)
def test_a_tab_shows_what_another_tab_saved_and_keeps_both(context, site_url, kind):
    exercise, page_path = first_of(kind)
    one, two = Watched(context.new_page(), site_url), Watched(context.new_page(), site_url)
    first, second = (tab.open(f"{site_url}/{page_path}") for tab in (one, two))
    mine, theirs = first.locator(f"#{exercise}"), second.locator(f"#{exercise}")

    change(first, mine, kind, 0)
    before = entries(first, exercise)
    wait_shown(theirs, kind, 1)  # without a reload
    if kind == "reflectie":
        assert theirs.locator("textarea").input_value() == TEXTS[0]
        assert theirs.locator("[id$=-text-saved]").inner_text().startswith(UPDATED)
    change(second, theirs, kind, 1)
    after = entries(caught_up(first, second), exercise)
    if kind == "reflectie":
        assert after == {"text": TEXTS[1]}, "the text as the reader last wrote it"
    else:
        assert set(after) == {key_of(mine, kind, 0), key_of(mine, kind, 1)}, "neither tab's answer is lost"
        assert {k: after[k] for k in before} == before
    wait_shown(mine, kind, 1 if kind == "reflectie" else 2)
    one.assert_clean()
    two.assert_clean()


def test_a_reflection_being_typed_stays_when_another_tab_saves_it(context, site_url):
    exercise, page_path = first_of("reflectie")
    one, two = Watched(context.new_page(), site_url), Watched(context.new_page(), site_url)
    first, second = (tab.open(f"{site_url}/{page_path}") for tab in (one, two))
    second.evaluate(MID_TYPING)
    theirs = second.locator(f"#{exercise}")
    theirs.locator("textarea").focus()
    second.keyboard.type(TEXTS[2])  # typed, not yet kept
    change(first, first.locator(f"#{exercise}"), "reflectie", 0)
    assert entries(first, exercise) == {"text": TEXTS[0]}
    second.wait_for_function(
        "([el, said]) => el.querySelector('[id$=-text-saved]').textContent.startsWith(said)",
        arg=[theirs.element_handle(), KEPT],
    )
    assert theirs.locator("textarea").input_value() == TEXTS[2], "what the reader is typing stays"
    assert KEPT in status_of(theirs, "Let op")
    second.evaluate("() => window.iswPause()")  # the reader pauses: their typing is kept, as the message said
    second.wait_for_function(
        "el => el.querySelector('[id$=-text-saved]').textContent === 'Bewaard in deze browser.'",
        arg=theirs.element_handle(),
    )
    assert entries(caught_up(first, second), exercise) == {"text": TEXTS[2]}
    mine = first.locator(f"#{exercise}")
    first.wait_for_function(
        "([el, text]) => el.querySelector('textarea').value === text", arg=[mine.element_handle(), TEXTS[2]]
    )
    one.assert_clean()
    two.assert_clean()


@pytest.mark.parametrize(
    ("kind", "hears"), [(kind, True) for kind in KINDS] + [(kind, False) for kind in ("quiz", "scan", "sort")]
)
def test_an_erase_reaches_an_open_tab_of_every_kind(context, site_url, kind, hears):
    exercise, page_path = first_of(kind)
    chapter, overview = Watched(context.new_page(), site_url), Watched(context.new_page(), site_url)
    if not hears:
        chapter.page.add_init_script(DEAF)
    page = chapter.open(f"{site_url}/{page_path}")
    results = overview.open(f"{site_url}/{RESULTS}")
    widget = page.locator(f"#{exercise}")
    change(page, widget, kind, 0)
    if kind != "reflectie":
        change(page, widget, kind, 1)
    assert len(entries(page, exercise)) == (1 if kind == "reflectie" else BEFORE_ERASE)

    results.get_by_role("button", name="Wis al mijn antwoorden").click()
    results.get_by_role("button", name="Ja, wis alles").click()
    assert "gewist" in status_of(results.locator("[data-isw-page=results]"), "gewist")
    assert stored(results)["data"]["exercises"] == {}
    assert stored(caught_up(page, results))["data"]["exercises"] == {}
    if hears:
        wait_shown(widget, kind, 0)  # the open tab shows the erase at once
        if kind == "reflectie":
            assert widget.locator("[id$=-text-saved]").inner_text().startswith(UPDATED)
    else:
        assert shown(widget, kind) == BEFORE_ERASE, "this tab missed the erase: it still shows the old answers"

    change(page, widget, kind, 2)
    after = entries(page, exercise)
    expected = {"text": TEXTS[2]} if kind == "reflectie" else {key_of(widget, kind, 2)}
    assert (after if kind == "reflectie" else set(after)) == expected, "only the change after the erase is kept"
    assert list(stored(page)["data"]["exercises"]) == [exercise]
    wait_shown(widget, kind, 1)  # and the tab now shows what is kept
    results.wait_for_function(ONE_KEPT)  # Mijn resultaten follows too
    chapter.assert_clean()
    overview.assert_clean()
