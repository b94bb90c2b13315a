"""Every page, visited once, checked in every state a reader brings it to.

One visit per page serves all page-wide checks: a new reader's load on a phone (layout shift,
no error, nothing from elsewhere, every exercise started, Vega only where a chart is drawn),
reflow at 320 CSS pixels, the focus order and its visibility, accessibility by two engines
(axe-core in light and dark mode, pa11y) and the size of every control; then every exercise
answered by keyboard and announced, the same checks on the answered page, and after a reload
every answer remembered. Each check is a test of its own, so a report names what failed where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from drive import assert_remembered, complete_every_widget
from site_checks import (
    ALL_PAGES,
    COLOUR_RULES,
    MODES,
    MOST_SHIFT,
    PAGES,
    PHONE,
    RECORD_SHIFTS,
    RECORD_VIOLATIONS,
    SMALL_TARGETS,
    WIDGET_PAGES,
    Watched,
    axe_problems,
    csp_violations,
    focus_problems,
    pa11y_described,
    reflow_problems,
    set_mode,
    settled_shifts,
    wait_until_ready,
)

DESKTOP = {"width": 1280, "height": 900}


# The steps of a visit, in order; a step that fails ends the visit. Each check needs the steps
# up to the one named here to have finished: its findings are complete only then.
STEPS = ("load", "focus", "a11y", "answer", "reload")
NEEDS = {
    "shift": "load",
    "load": "load",
    "focus": "focus",
    "a11y": "answer",
    "reflow": "answer",
    "answered": "reload",
    "clean": "reload",
}


@dataclass
class Visit:
    """What one visit of a page found, by check; `failed` names the step that could not finish."""

    path: str
    shift: float = 0.0
    shifts: list = field(default_factory=list)
    load: list[str] = field(default_factory=list)
    reflow: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    a11y: list[str] = field(default_factory=list)
    answered: dict[str, str] = field(default_factory=dict)
    clean: list[str] = field(default_factory=list)
    failed: tuple[str, str] | None = None

    def result(self, check: str):
        """The findings of one check, once the steps it needs have finished."""
        if self.failed and STEPS.index(self.failed[0]) <= STEPS.index(NEEDS[check]):
            pytest.fail(f"{self.path}: the visit stopped at '{self.failed[0]}': {self.failed[1]}")
        return getattr(self, check)

    def assert_no_findings(self, check: str) -> None:
        """The check found nothing; else its report lists every finding, one a line."""
        findings = self.result(check)
        assert not findings, "\n".join(findings)


def vega_check(page, watched: Watched) -> list[str]:
    """Every figure in the text is drawn once it comes near the screen, and Vega is loaded
    exactly on pages that draw a chart."""
    problems = []
    for figure in page.locator(".isw-chart[data-spec]").all():
        figure.scroll_into_view_if_needed()
        figure.locator("svg").wait_for(timeout=15000)
    vega = any(urlparse(url).path.endswith("/vega.js") for url in watched.requests)
    drawn = page.locator(".isw-chart svg").count()
    if vega != (drawn > 0):
        problems.append(f"Vega loaded: {vega}, charts drawn: {drawn}")
    if vega and page.locator(".isw-figure, .isw-scan, [data-isw-page]").count() == 0:
        problems.append("a page without charts loaded Vega")
    return problems


def a11y_check(page, pa11y, when: str, within: str | None) -> list[str]:
    """axe in light mode (all its rules) and dark mode (the colour rules), with what it leaves
    for review and the charts' labels, pa11y, and the size of every control, on the page as it
    is now."""
    problems = []
    for mode in MODES:
        set_mode(page, mode)
        found = axe_problems(page, within, rules=COLOUR_RULES if mode == "dark" else None)
        if found:
            problems.append(f"axe, {mode}, {when} antwoorden:\n" + found)
        if mode == "light":
            issues = pa11y.issues(page)
            if issues:
                problems.append(f"pa11y, {when} antwoorden:\n" + pa11y_described(issues))
    small = page.evaluate(SMALL_TARGETS)
    if small:
        problems.append(f"smaller than 24 by 24 CSS pixels, {when} antwoorden:\n    " + "\n    ".join(small))
    return problems


def visit_page(browser, site_url: str, pa11y, path: str) -> Visit:
    visit = Visit(path)
    # A new reader on a phone, as Lighthouse loads the page.
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    context.add_init_script(RECORD_SHIFTS)
    context.add_init_script(RECORD_VIOLATIONS)
    refused: list[str] = []
    watched = Watched(context.new_page(), site_url)
    page = watched.page
    step = "load"
    try:
        page.goto(f"{site_url}/{path}")
        wait_until_ready(page)
        visit.shift, visit.shifts = settled_shifts(page)
        total = page.locator("section.isw-widget").count()
        hydrated = page.locator("section.isw-widget[data-hydrated]").count()
        if hydrated != total:
            visit.load.append(f"{total - hydrated} of {total} exercises did not start")
        # A part the browser code left out must not show as the word "null" or "undefined".
        if re.search(r"\b(null|undefined)\b", page.locator("main").inner_text()):
            visit.load.append("'null' or 'undefined' in the text")
        visit.load += vega_check(page, watched)
        visit.reflow += reflow_problems(page, "voor antwoorden")
        # The phone's own controls (its header bar) are measured here, the rest at DESKTOP below.
        small = page.evaluate(SMALL_TARGETS)
        if small:
            visit.a11y.append("smaller than 24 by 24 CSS pixels on a phone:\n    " + "\n    ".join(small))

        step = "focus"
        page.set_viewport_size(DESKTOP)
        visit.focus = focus_problems(page)

        step = "a11y"
        visit.a11y += a11y_check(page, pa11y, "voor", None)

        if page.locator("section.isw-widget[data-hydrated]").count():
            step = "answer"
            set_mode(page, "light")
            visit.answered = complete_every_widget(page)
            for scan in page.locator("section.isw-scan .isw-chart").all():  # a scan's profile, drawn once answered
                scan.locator("svg").first.wait_for(timeout=15000)
            visit.a11y += a11y_check(page, pa11y, "na", "section.isw-widget")
            visit.reflow += reflow_problems(page, "na antwoorden")

            step = "reload"
            refused += csp_violations(page)
            page.reload()
            wait_until_ready(page)
            assert_remembered(page, visit.answered)
        refused += csp_violations(page)
        visit.clean = watched.problems() + [f"Content-Security-Policy: {line}" for line in refused]
    except Exception as error:
        visit.failed = (step, f"{type(error).__name__}: {error}")
    finally:
        context.close()
    return visit


# The visits made, by page. pytest keeps only the last value of a parametrised fixture, so
# the tests of one page under several test functions would each visit it anew.
VISITS: dict[str, Visit] = {}


@pytest.fixture(scope="module")
def visit(request, browser, site_url, pa11y) -> Visit:
    """One visit of the page `request.param`, shared by every test of it in this module."""
    if request.param not in VISITS:
        VISITS[request.param] = visit_page(browser, site_url, pa11y, request.param)
    return VISITS[request.param]


def test_the_book_has_pages_with_exercises():
    assert len(WIDGET_PAGES) >= 8, WIDGET_PAGES


@pytest.mark.parametrize("visit", PAGES, indirect=True)
def test_a_page_keeps_still_on_a_phone(visit):
    """Text stays put while the page's scripts draw (layout shift as the browser reports it)."""
    assert visit.result("shift") <= MOST_SHIFT, (
        f"{visit.path}: layout shift {visit.shift:.3f} on a phone: {visit.shifts}"
    )


# The checks that list what they found:
# load: the page loads clean and every exercise starts;
# clean: no error, nothing from other origins and nothing the site's own Content-Security-Policy
#   refuses, in the whole visit (every chart drawn, every exercise answered, reloaded);
# reflow: WCAG 1.4.10, at 320 px wide nothing scrolls sideways, before and after answering;
# focus: tabbing through the whole page, every stop shows an outline or ring, in reading order;
# a11y: WCAG 2.2 AA and axe's best practice before and after answering: axe (all its rules in
#   light mode, the colour rules in dark mode; what it leaves for review must be on the reviewed
#   list, site_checks.REVIEWED), pa11y and the size of every control (on a phone and a laptop);
#   after answering, which changes only the exercises, axe looks there again and pa11y at the
#   whole page.
# (Stacked on the same page lists as the other tests, so each page is visited once.)


@pytest.mark.parametrize("check", ["load", "clean", "a11y"])
@pytest.mark.parametrize("visit", ALL_PAGES, indirect=True)
def test_every_page_passes(visit, check):
    visit.assert_no_findings(check)


@pytest.mark.parametrize("check", ["reflow", "focus"])
@pytest.mark.parametrize("visit", PAGES, indirect=True)
def test_every_reader_page_passes(visit, check):
    visit.assert_no_findings(check)


@pytest.mark.parametrize("visit", WIDGET_PAGES, indirect=True)
def test_every_widget_by_keyboard_announced_and_remembered(visit):
    assert visit.result("answered")


def test_the_focus_check_finds_a_jump_back_and_a_positive_tabindex(context):
    """The focus check can fail: a tabindex of 1 takes the focus first, then back up the page."""
    page = context.new_page()
    page.set_content(
        "<main>" + "".join(f"<button>{n}</button>" for n in range(6)) + '<a href="#" tabindex="1">x</a></main>'
    )
    problems = focus_problems(page)
    assert any(p.startswith("tabindex > 0") for p in problems), problems
    assert "focus jumped back to <button>0</button>" in problems, problems
