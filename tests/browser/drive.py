"""Completing exercises the way a keyboard user does, and reading what they are told."""

from __future__ import annotations

import json
from contextlib import suppress

from playwright.sync_api import TimeoutError as PlaywrightTimeout


def tab_to(page, locator, limit: int = 40) -> None:
    """Press Tab until `locator` has focus: proves it is reachable in the tab order."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def status_of(widget, expected: str = "") -> str:
    """What the widget's live region says, once it says something. With `expected`, wait a
    while for that part: a redraw may announce after an earlier message is still showing."""
    status = widget.locator("[role=status]")
    with suppress(PlaywrightTimeout):  # the caller's assertion says what was said instead
        status.page.wait_for_function(
            "([el, part]) => el.textContent.trim().length > 0 && el.textContent.includes(part)",
            arg=[status.element_handle(), expected],
            timeout=5000,
        )
    return status.inner_text()


def right_alone(question: dict, index: int) -> bool:
    """Choosing only option `index` (authored order) is right exactly when it alone is correct."""
    return [o["correct"] for o in question["options"]] == [i == index for i in range(len(question["options"]))]


def answer_questions(page, widget, props: dict | None = None) -> int:
    """Answer every question by keyboard and check what is said against the authored answers:
    `props`, or on the site the data-props the page hands the browser code."""
    props = props or json.loads(widget.get_attribute("data-props"))
    questions = widget.locator("fieldset.isw-question")
    assert questions.count() == len(props["questions"])
    right = 0
    for index in range(questions.count()):
        question = questions.nth(index)
        first = question.locator("input").first
        chosen = int(first.get_attribute("value"))  # the option's authored index, wherever it is shown
        first.focus()
        page.keyboard.press("Space")  # choose the first option shown
        tab_to(page, question.get_by_role("button", name="Controleer"))
        page.keyboard.press("Enter")
        answered = widget.locator("fieldset.isw-question").nth(index)
        answered.locator(".isw-result").wait_for()
        assert "null" not in answered.locator(".isw-result").inner_text()  # no empty part written as text
        said = status_of(widget)
        good = right_alone(props["questions"][index], chosen)
        right += good
        assert said.startswith(f"Vraag {index + 1}: {'goed' if good else 'niet goed'}. "), said
        assert answered.get_by_text("Probeer opnieuw").is_visible()
    score = widget.locator(".isw-score").inner_text()
    assert score.startswith(f"Score: {right} van {questions.count()} vragen goed"), score
    return questions.count()


def answer_scan(page, widget) -> int:
    statements = widget.locator("fieldset.isw-statement")
    for index in range(statements.count()):
        statements.nth(index).locator("input").first.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")  # 4: grotendeels
        assert statements.nth(index).locator("input:checked").get_attribute("value") == "4"
    said = status_of(widget)
    assert ": 4, " in said, said
    rows = widget.locator(".isw-profile-table tbody tr")
    for index in range(rows.count()):
        assert rows.nth(index).locator("td").first.inner_text() == "4"
    assert widget.locator(".isw-profile-texts p").count() == rows.count()
    return statements.count()


def answer_sort(page, widget) -> int:
    selects = widget.locator("select")
    for index in range(selects.count()):
        selects.nth(index).focus()
        page.keyboard.press("ArrowDown")
        assert selects.nth(index).input_value() != ""
    tab_to(page, widget.get_by_role("button", name="Controleer"))
    page.keyboard.press("Enter")
    said = status_of(widget)
    assert f"van {selects.count()} goed" in said, said
    assert widget.locator(".isw-option-feedback").count() == selects.count()
    return selects.count()


REFLECTION = "Ik bel morgen de wijkverpleging."

# Notes when the reader last typed and when the widget last said it saved: it saves a while
# after the last keystroke, so only a save after the last input holds the whole text.
WATCH_SAVES = """el => {
  el.querySelector("textarea").addEventListener("input", () => { el.iswLastInput = performance.now(); });
  new MutationObserver(() => { el.iswLastSave = performance.now(); })
    .observe(el.querySelector("[id$='-text-saved']"), {childList: true, characterData: true, subtree: true});
}"""


def answer_reflection(page, widget) -> int:
    widget.evaluate(WATCH_SAVES)
    widget.locator("textarea").focus()
    page.keyboard.type(REFLECTION)
    page.wait_for_function("el => el.iswLastSave > el.iswLastInput", arg=widget.element_handle(), timeout=10000)
    # With storage blocked the page keeps it in memory only, and says so.
    blocked = page.evaluate("() => document.documentElement.dataset.iswStorage === 'memory'")
    said = widget.locator("[id$='-text-saved']").inner_text()
    assert said.startswith("Niet bewaard: je browser blokkeert" if blocked else "Bewaard in deze browser."), said
    return 1


ANSWER = {
    "quiz": answer_questions,
    "casus": answer_questions,
    "scan": answer_scan,
    "sort": answer_sort,
    "reflectie": answer_reflection,
}


def complete_every_widget(page) -> dict[str, str]:
    """Answer every exercise on the page by keyboard; return each one's kind by id."""
    kinds = {}
    widgets = page.locator("section.isw-widget[data-hydrated]")
    for index in range(widgets.count()):
        widget = widgets.nth(index)
        kind = widget.get_attribute("data-kind")
        assert ANSWER[kind](page, widget) > 0
        kinds[widget.get_attribute("id")] = kind
    return kinds


def assert_remembered(page, kinds: dict[str, str]) -> None:
    """After a reload, every exercise shows the answers given before."""
    for widget_id, kind in kinds.items():
        widget = page.locator(f"section#{widget_id}")
        if kind in ("quiz", "casus"):
            questions = widget.locator("fieldset.isw-question")
            assert widget.locator(".isw-verdict").count() == questions.count()
        elif kind == "scan":
            assert widget.locator("input:checked").count() == widget.locator("fieldset").count()
        elif kind == "sort":
            assert widget.locator(".isw-option-feedback").count() == widget.locator("select").count()
        else:
            assert widget.locator("textarea").input_value() == REFLECTION


# The quiz of chapter 1, as the learning, attack and learner tests drive it.
CHAPTER = "chapters/h1-wat-is-integraal-samenwerken.html"
QUIZ = "h1-quiz-definitie"
REVIEW = "chapters/herhalen.html"
RESULTS = "chapters/mijn-resultaten.html"

STORED = """() => {
  const key = Object.keys(localStorage).find((k) => k.startsWith("isw:"));
  return key ? {key, raw: localStorage.getItem(key), data: JSON.parse(localStorage.getItem(key))} : null;
}"""


def stored(page) -> dict | None:
    """The reader store's one record for this site, as localStorage holds it."""
    return page.evaluate(STORED)


def caught_up(reader, writer):
    """`reader` once it sees what `writer` last stored. Chromium gives each tab its own copy of
    localStorage and passes another tab's writes on a moment later: a test that reads (or
    answers) in one tab right after another tab saved must wait for that, as no reader could
    act so fast. Returns `reader`."""
    now = stored(writer)
    reader.wait_for_function(
        "([key, raw]) => localStorage.getItem(key) === raw", arg=[now["key"], now["raw"]], timeout=5000
    )
    return reader


def answer(page, widget, index: int, right: bool, confidence: str | None = None) -> str:
    """Answer question `index` of a quiz by keyboard: a right or a wrong option, optionally
    saying how sure; returns what the live region said."""
    question = widget.locator("fieldset.isw-question").nth(index)
    props = json.loads(widget.get_attribute("data-props"))
    options = props["questions"][index]["options"]
    # Right: every right option (a "kies alle juiste" question needs them all); wrong: the first wrong one.
    choices = (
        [i for i, o in enumerate(options) if o["correct"]] if right else [[o["correct"] for o in options].index(False)]
    )
    for choice in choices:
        question.locator(f".isw-option input[value='{choice}']").focus()
        page.keyboard.press("Space")
    if confidence:
        question.locator(f"fieldset.isw-confidence input[value='{confidence}']").focus()
        page.keyboard.press("Space")
    tab_to(page, question.get_by_role("button", name="Controleer"))
    page.keyboard.press("Enter")
    widget.locator("fieldset.isw-question").nth(index).locator(".isw-result p").first.wait_for()
    return status_of(widget)


def open_and_answer(watched, url: str, right: bool, confidence: str | None = None):
    """Open a chapter and answer the first question of its quiz; returns the page and what it said."""
    page = watched.open(url)
    return page, answer(page, page.locator(f"#{QUIZ}"), 0, right=right, confidence=confidence)


def import_file(page, path) -> None:
    page.locator("#isw-import-file").set_input_files(str(path))
