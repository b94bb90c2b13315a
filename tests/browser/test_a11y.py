"""Accessibility (WCAG 2.1 AA) of every built page, in a real browser.

axe-core (from npm, see package.json) checks every page in light and dark mode, before and
after its exercises are answered; the keyboard tests check the skip link, the focus order and
a visible focus; the reflow test checks that nothing scrolls sideways at 320 CSS pixels.
"""

from __future__ import annotations

import pytest

from conftest import PAGES
from drive import complete_every_widget
from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every page a reader can reach; index.html only redirects to the welcome page.
ALL_PAGES = PAGES + ["genindex.html", "search.html"]


def axe(page) -> dict:
    """axe-core's results for the page as it is now, WCAG 2.1 A and AA rules only."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_21_AA
    )


def described(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


MODES = ("light", "dark")


def set_mode(page, mode: str) -> None:
    """Switch the theme's colour mode as its own toggle does (no transitions: axe reads the
    colours at once)."""
    page.evaluate("""mode => {
      if (!document.getElementById("no-transitions")) {
        const style = Object.assign(document.createElement("style"), {id: "no-transitions"});
        style.textContent = "*, *::before, *::after { transition: none !important; }";
        document.head.append(style);
      }
      document.body.dataset.theme = mode;
    }""", mode)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_axe_finds_no_violation_before_or_after_answering(watched, site_url, path, capsys):
    """One load per page: axe in light and dark mode, then the same after answering."""
    page = watched.open(f"{site_url}/{path}")
    results = {}
    for when in ("voor", "na"):
        if when == "na":
            set_mode(page, "light")
            complete_every_widget(page)
        for mode in MODES:
            set_mode(page, mode)
            results[(mode, when)] = axe(page)
    with capsys.disabled():
        for (mode, when), result in results.items():
            print(
                f"\naxe {path} [{mode}, {when} antwoorden]: {len(result['passes'])} passes, "
                f"{len(result['violations'])} violations, {len(result['incomplete'])} incomplete",
                end="",
            )
    for (mode, when), result in results.items():
        assert not result["violations"], f"{mode}, {when} antwoorden:\n" + described(result["violations"])


def test_axe_does_find_a_violation(watched, site_url):
    """The check above can fail: an image without text alternative is reported."""
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    assert "image-alt" in {v["id"] for v in axe(page)["violations"]}


FOCUS_STATE = """() => {
  const el = document.activeElement;
  const clear = color => color === "transparent" || /rgba\\(\\d+, \\d+, \\d+, 0\\)/.test(color);
  const ring = e => {
    const style = getComputedStyle(e);
    const box = e.getBoundingClientRect();
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !clear(style.outlineColor);
    const shadow = style.boxShadow !== "none" && !clear(style.boxShadow);
    return box.width > 0 && box.height > 0 && (outline || shadow);
  };
  // The theme draws the ring of a fold-out arrow (an empty <summary>) on the arrow inside it.
  const drawn = [el, ...(el.tagName === "SUMMARY" ? el.children : [])].some(ring);
  return {
    html: el.outerHTML.slice(0, 120),
    inBody: el !== document.body && el !== document.documentElement,
    visible: drawn,
    tabindex: el.tabIndex,
  };
}"""

FOLLOWS = "([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)"


@pytest.mark.parametrize("path", PAGES)
def test_focus_is_always_visible_and_follows_the_page(watched, site_url, path):
    """Tab through the whole page: every stop shows an outline or ring, in reading order."""
    page = watched.open(f"{site_url}/{path}")
    seen = []
    previous = None
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if not state["inBody"] or (seen and state["html"] == seen[0]):
            break  # round the page and back to the browser's own controls
        assert state["visible"], f"no visible focus (outline or ring) on {state['html']}"
        assert state["tabindex"] <= 0, f"tabindex > 0 breaks the reading order: {state['html']}"
        current = page.evaluate_handle("document.activeElement")
        if previous is not None:
            assert page.evaluate(FOLLOWS, [previous, current]), f"focus jumped back to {state['html']}"
        previous = current
        seen.append(state["html"])
    else:
        pytest.fail("Tab never left the page: a keyboard trap?")
    assert len(seen) > 5, seen


def test_an_invisible_focus_is_caught(watched, site_url):
    """The focus check can fail: a button without outline or ring is reported."""
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.evaluate("""() => {
      const button = Object.assign(document.createElement("button"), {textContent: "x"});
      button.style.cssText = "outline: none; box-shadow: none";
      document.querySelector("main").append(button);
    }""")
    page.locator("main > button").last.focus()
    assert not page.evaluate(FOCUS_STATE)["visible"]


def test_skip_link_is_dutch_first_and_leads_to_the_content(watched, site_url):
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.keyboard.press("Tab")
    link = page.locator(":focus")
    assert link.inner_text() == "Direct naar de inhoud"
    # It slides into view when focused.
    page.wait_for_function("el => el.getBoundingClientRect().top >= 0", arg=link.element_handle(), timeout=2000)
    assert page.evaluate(FOCUS_STATE)["visible"]
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


# Code and the theme's tables may scroll inside their own box (WCAG 1.4.10 excepts content that
# needs two dimensions); anything else wider than the screen, or cut off, fails.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrollsInItsBox = el => {
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === "visible") continue;
      return box.matches("pre, .highlight, .table-wrapper, .isw-table-scroll") && box.getBoundingClientRect().right <= width + 1;
    }
    return false;
  };
  const wide = [...document.querySelectorAll("main *")]
    .filter(el => el.checkVisibility({visibilityProperty: true}))
    .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
    .filter(el => !scrollsInItsBox(el));
  return {
    page: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
    widgets: [...document.querySelectorAll("section.isw-widget")]
      .filter(el => el.getBoundingClientRect().right > width + 1).map(el => el.id),
    wide: wide.slice(0, 5).map(el => el.outerHTML.slice(0, 100)),
  };
}"""


@pytest.mark.parametrize("path", PAGES)
def test_reflow_at_320_css_pixels(browser, site_url, path):
    """WCAG 1.4.10: at 320 px wide nothing scrolls sideways, before or after answering."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)
    try:
        for when in ("voor", "na"):
            if when == "na":
                complete_every_widget(page)
            found = page.evaluate(OVERFLOW)
            assert found["page"] <= 0, f"{when} antwoorden: page scrolls {found['page']} px sideways: {found['wide']}"
            assert not found["widgets"], f"{when} antwoorden: wider than the screen: {found['widgets']}"
            assert not found["wide"], f"{when} antwoorden: wider than the screen: {found['wide']}"
    finally:
        context.close()
