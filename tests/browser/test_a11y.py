"""Accessibility (WCAG 2.2 AA) of every built page, in a real browser, checked by two engines.

On every page, before and after its exercises are answered: axe-core (from npm, see
package.json) with the WCAG 2.0, 2.1 and 2.2 A/AA rules, in light and dark mode; pa11y with
HTML_CodeSniffer (WCAG2AA) as a second engine on the same page in the same state; and the size
of every control (2.5.8). The keyboard tests check the skip link, the focus order, a visible
focus that no sticky header covers (2.4.11); further tests check reflow at 320 CSS pixels,
forced colours, reduced motion, and that the sort exercise needs no dragging (2.5.7).
"""

from __future__ import annotations

import json
import re
import select
import socket
import subprocess
import sys

import pytest

from conftest import PAGES, WIDGET_PAGES, Watched, WithoutWorkers
from drive import complete_every_widget
from helpers import BUILD_HTML, ROOT

sys.path.insert(0, str(ROOT / "tools"))
from chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402  (tools/chromium.py)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PA11Y = ROOT / "tests" / "browser" / "pa11y.mjs"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Every page a reader can reach, the landing page at the root too.
ALL_PAGES = PAGES + ["genindex.html", "search.html", "index.html"]


# What a change of colour mode can break; the rest of the page stays the same.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe(page, within: str | None = None, rules: list[str] | None = None) -> dict:
    """axe-core's results for the page as it is now (or the parts `within` selects), WCAG
    2.0-2.2 A and AA rules only, or just `rules`."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_22_AA}
    return page.evaluate(
        "([within, runOnly]) => axe.run(within ?? document, {runOnly, resultTypes: ['violations']})",
        [within, run_only],
    )


@pytest.fixture(scope="module")
def debugging_url() -> str:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{free.getsockname()[1]}"


@pytest.fixture(scope="module")
def browser(browser, debugging_url):
    """The tests' Chromium, with a debugging port on 127.0.0.1: pa11y checks the very pages
    these tests have open, in the state they left them."""
    port = debugging_url.rsplit(":", 1)[1]
    chromium = browser.browser_type.launch(
        executable_path=chromium_path(), args=[*CHROMIUM_ARGS, f"--remote-debugging-port={port}"]
    )
    yield WithoutWorkers(chromium)  # as every other test's browser: no service worker precaching
    chromium.close()


class Pa11y:
    """One node process running pa11y (tests/browser/pa11y.mjs) for all pages."""

    def __init__(self, debugging_url: str):
        self.debugging_url = debugging_url
        self.process = subprocess.Popen(
            ["node", str(PA11Y)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def issues(self, page) -> list[dict]:
        """HTML_CodeSniffer's errors (WCAG2AA) on the page as it is now."""
        request = {"browser": self.debugging_url, "url": page.url, "viewport": page.viewport_size}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        if not select.select([self.process.stdout], [], [], 120)[0]:
            pytest.fail("pa11y gave no answer within 2 minutes")
        reply = json.loads(self.process.stdout.readline() or '{"error": "pa11y stopped"}')
        if "error" in reply:
            pytest.fail(f"pa11y failed: {reply['error']}")
        return reply["issues"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def pa11y(browser, debugging_url):
    if not (ROOT / "node_modules" / "pa11y").is_dir():
        pytest.fail("node_modules/pa11y is missing: run `npm ci` (make test does)")
    checker = Pa11y(debugging_url)
    yield checker
    checker.close()


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


# Every control at least 24 by 24 CSS pixels (WCAG 2.5.8), except a link in a line of text.
SMALL_TARGETS = """() => {
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
  const inline = el => {
    if (el.tagName !== "A") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return block.textContent.trim().length > el.textContent.trim().length;
  };
  return [...document.querySelectorAll(controls)]
    .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .map(el => ({el, box: el.getBoundingClientRect()}))
    .filter(({el, box}) => box.width > 0 && box.height > 0 && (box.width < 23.99 || box.height < 23.99) && !inline(el))
    .map(({el, box}) => `${Math.round(box.width * 10) / 10}x${Math.round(box.height * 10) / 10}: ${el.outerHTML.slice(0, 120)}`);
}"""


def pa11y_described(issues: list[dict]) -> str:
    return "\n".join(f"{i['code']}: {i['message']}\n    {i['selector']}: {i['context'][:150]}" for i in issues)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_wcag_22_aa_before_and_after_answering(watched, site_url, pa11y, path, capsys):
    """One load per page: axe (all rules in light mode, the colour rules in dark mode), pa11y
    and the size of every control; then the same after answering every exercise on the page.
    Answering changes only the exercises: there axe looks again, pa11y at the whole page."""
    page = watched.open(f"{site_url}/{path}")
    exercises = page.locator("section.isw-widget[data-hydrated]").count()
    problems = []
    for when in ("voor", "na") if exercises else ("voor",):
        within = None
        if when == "na":
            set_mode(page, "light")
            complete_every_widget(page)
            within = "section.isw-widget"
        for mode in MODES:
            set_mode(page, mode)
            violations = axe(page, within, rules=COLOUR_RULES if mode == "dark" else None)["violations"]
            if violations:
                problems.append(f"axe, {mode}, {when} antwoorden:\n" + described(violations))
            if mode == "light":
                issues = pa11y.issues(page)
                if issues:
                    problems.append(f"pa11y, {when} antwoorden:\n" + pa11y_described(issues))
        small = page.evaluate(SMALL_TARGETS)
        if small:
            problems.append(f"smaller than 24 by 24 CSS pixels, {when} antwoorden:\n    " + "\n    ".join(small))
        with capsys.disabled():
            print(f"\n{path} [{when} antwoorden]: {len(problems)} problems", end="")
    assert not problems, "\n".join(problems)


def test_pa11y_does_find_an_error(watched, site_url, pa11y):
    """The second engine can fail too: a form field without a label is reported."""
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.evaluate("document.querySelector('main').append(document.createElement('input'))")
    assert any("F68" in issue["code"] or "H44" in issue["code"] for issue in pa11y.issues(page))


def test_a_small_control_is_caught_and_a_link_in_a_sentence_is_not(watched, site_url):
    """The size check can fail: a 16-pixel button is reported; a link inside a sentence is not."""
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.evaluate("""() => {
      const button = Object.assign(document.createElement("button"), {textContent: "x"});
      button.style.cssText = "width: 16px; height: 16px; padding: 0; font-size: 8px";
      const sentence = Object.assign(document.createElement("p"), {innerHTML: 'Lees <a href="#">hier</a> verder.'});
      sentence.style.cssText = "font-size: 12px; line-height: 14px";
      document.querySelector("main").append(button, sentence);
    }""")
    small = page.evaluate(SMALL_TARGETS)
    assert any("<button" in found and ">x<" in found for found in small), small
    assert not any(">hier<" in found for found in small), small


def test_axe_does_find_a_violation(watched, site_url):
    """The check above can fail: an image without text alternative is reported."""
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    assert "image-alt" in {v["id"] for v in axe(page)["violations"]}


FOCUS_STATE = """async () => {
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
  // WCAG 2.4.11: no sticky or fixed bar (a header) covers the focused element. The page's
  // sticky and fixed elements are found once per page: looking at every element on every Tab
  // would make this test slow.
  window.__bars ??= [...document.body.querySelectorAll("*")]
    .filter(bar => ["sticky", "fixed"].includes(getComputedStyle(bar).position));
  const covering = () => {
    const box = el.getBoundingClientRect();
    return window.__bars.filter(bar => {
      if (bar.contains(el) || !bar.checkVisibility()) return false;
      const r = bar.getBoundingClientRect();
      if (!(r.width > 0 && r.height > 0 && box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom)) return false;
      // Overlapping boxes: the bar covers the element where it is drawn above it.
      const stack = document.elementsFromPoint(
        (Math.max(box.left, r.left) + Math.min(box.right, r.right)) / 2, (Math.max(box.top, r.top) + Math.min(box.bottom, r.bottom)) / 2);
      const above = stack.findIndex(e => bar.contains(e));
      const below = stack.findIndex(e => el.contains(e) || e.contains(el));
      return above !== -1 && (below === -1 || above < below);
    });
  };
  let covers = covering();
  if (covers.length) {
    // Look again where things come to rest: a skip link sliding away may cover the next stop
    // briefly, and the theme scrolls smoothly to the focused element.
    await Promise.all(document.getAnimations().filter(a => a.effect?.getTiming().iterations !== Infinity)
      .map(a => a.finished.catch(() => null)));
    for (let last = null, waits = 0; scrollY !== last && waits < 40; waits++) {
      last = scrollY;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    covers = covering();
  }
  return {
    html: el.outerHTML.slice(0, 120),
    inBody: el !== document.body && el !== document.documentElement,
    visible: drawn,
    tabindex: el.tabIndex,
    coveredBy: covers.map(bar => bar.outerHTML.slice(0, 80)),
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
        assert not state["coveredBy"], f"focus under {state['coveredBy']}: {state['html']}"
        current = page.evaluate_handle("document.activeElement")
        if previous is not None:
            assert page.evaluate(FOLLOWS, [previous, current]), f"focus jumped back to {state['html']}"
        previous = current
        seen.append(state["html"])
    else:
        pytest.fail("Tab never left the page: a keyboard trap?")
    assert len(seen) > 5, seen


def longest_page() -> str:
    """The longest chapter: many links and exercises to tab through (the trainers' answer key
    is longer in bytes, but has few stops)."""
    chapters = [path for path in PAGES if re.match(r"chapters/h\d", path)]
    return max(chapters, key=lambda path: (BUILD_HTML / path).stat().st_size)


@pytest.mark.parametrize("width", [1280, 700])
def test_focus_is_never_under_the_header_tabbing_back_up_a_long_page(browser, site_url, width):
    """WCAG 2.4.11, the hard direction: from the end of a long page back up with Shift+Tab, the
    browser scrolls each element just into view, where a sticky header may cover it. At 700
    pixels wide the theme shows its header bar on top of the page."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/{longest_page()}")
    page.keyboard.press("End")
    page.locator("footer, main").last.evaluate("el => el.scrollIntoView({block: 'end'})")
    page.evaluate("document.body.focus()")
    stops = 0
    for _ in range(400):
        page.keyboard.press("Shift+Tab")
        state = page.evaluate(FOCUS_STATE)
        if not state["inBody"]:
            break
        assert not state["coveredBy"], f"focus under {state['coveredBy']}: {state['html']}"
        stops += 1
    context.close()
    assert stops > 50, f"only {stops} stops: not a long page?"


def test_a_covered_focus_is_caught(watched, site_url):
    """The header check can fail: a link under a fixed bar is reported."""
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.evaluate("""() => {
      const bar = Object.assign(document.createElement("div"), {textContent: "balk"});
      bar.style.cssText = "position: fixed; top: 0; left: 0; right: 0; height: 200px; background: #fff; z-index: 1000";
      const link = Object.assign(document.createElement("a"), {href: "#", textContent: "onder de balk"});
      link.style.cssText = "position: fixed; top: 50px; left: 50px; z-index: 1";
      document.body.append(bar, link);
      link.focus();
    }""")
    assert page.evaluate(FOCUS_STATE)["coveredBy"]


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


def quiz_page() -> str:
    return next(p for p in WIDGET_PAGES if 'data-kind="quiz"' in (BUILD_HTML / p).read_text(encoding="utf-8"))


def differing(image, box, background) -> float:
    """The share of pixels in `box` (left, top, right, bottom) that differ from `background`."""
    region = image.crop(tuple(round(v) for v in box)).convert("RGB")
    pixels = list(region.get_flattened_data())
    return sum(1 for px in pixels if max(abs(a - b) for a, b in zip(px, background)) > 60) / max(len(pixels), 1)


def test_forced_colours_keep_choice_feedback_and_focus_visible(browser, site_url, tmp_path):
    """Windows high contrast (forced colours): an answered quiz still shows which option was
    chosen, right and wrong, and where the focus is, though every background is dropped."""
    from PIL import Image

    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{quiz_page()}")
        page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        quiz = page.locator("section.isw-widget[data-kind=quiz][data-hydrated]").first
        question = quiz.locator("fieldset.isw-question").first
        question.locator(".isw-option input").nth(1).focus()
        page.keyboard.press("Space")
        question.get_by_role("button", name="Controleer").focus()
        page.keyboard.press("Enter")
        question = quiz.locator("fieldset.isw-question").first
        question.locator(".isw-result .isw-verdict").wait_for()
        # Focus is on the verdict (not on "Probeer opnieuw", which a second Enter would press).
        retry = question.locator(".isw-result")
        assert retry.evaluate("el => el === document.activeElement")
        question.scroll_into_view_if_needed()
        shot = tmp_path / "forced-colours.png"
        page.screenshot(path=shot)
        focused = Image.open(shot)
        retry.evaluate("el => el.blur()")
        page.screenshot(path=tmp_path / "blurred.png")
        blurred = Image.open(tmp_path / "blurred.png")
        canvas = focused.convert("RGB").getpixel((2, focused.height - 2))

        rows = question.locator(".isw-option")
        chosen = question.locator(".isw-option.isw-was-chosen")
        assert chosen.count() == 1
        other = question.locator(".isw-option:not(.isw-was-chosen)").first
        edge = lambda b: (b["x"] + 8, b["y"], b["x"] + b["width"] - 2, b["y"] + 2)  # the top edge
        assert differing(focused, edge(chosen.bounding_box()), canvas) > 0.8, f"the chosen option has no frame: {shot}"
        assert differing(focused, edge(other.bounding_box()), canvas) < 0.2, f"every option has a frame: {shot}"
        for index in range(rows.count()):
            assert rows.nth(index).locator(".isw-option-feedback").inner_text()[0] in "✓✗"

        box = retry.bounding_box()
        ring = (box["x"] - 5, box["y"], box["x"] - 2, box["y"] + box["height"])  # just left of the verdict
        assert differing(focused, ring, canvas) > 0.5, f"no visible focus in forced colours: {shot}"
        assert differing(blurred, ring, canvas) < 0.1, "the ring check sees something that is not the focus"
    finally:
        context.close()


MOTION = """() => {
  const seconds = value => Math.max(0, ...value.split(",").map(v => v.trim().endsWith("ms") ? parseFloat(v) / 1000 : parseFloat(v)));
  return [document.documentElement, ...document.querySelectorAll("body, body *")].flatMap(el => {
    const style = getComputedStyle(el);
    const moving = [];
    if (seconds(style.transitionDuration) > 0.01 && style.transitionProperty !== "none") moving.push(`transition ${style.transitionDuration}`);
    if (style.animationName !== "none" && seconds(style.animationDuration) > 0.01) moving.push(`animation ${style.animationName}`);
    if (style.scrollBehavior === "smooth") moving.push("smooth scrolling");
    return moving.length ? [`${moving.join(", ")}: ${el.outerHTML.slice(0, 80)}`] : [];
  });
}"""


def test_reduced_motion_is_respected(browser, site_url):
    """With 'reduce motion' set, nothing on a page slides, fades or scrolls smoothly."""
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        for path in (PAGES[0], quiz_page()):
            page.goto(f"{site_url}/{path}")
            page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)
            moving = page.evaluate(MOTION)
            assert not moving, f"{path}:\n" + "\n".join(moving[:10])
    finally:
        context.close()


def test_motion_check_can_fail(browser, site_url):
    """The motion check sees a transition the page has without 'reduce motion'."""
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{PAGES[0]}")
        page.evaluate("document.querySelector('main').style.transition = 'opacity 0.5s'")
        assert page.evaluate(MOTION)
    finally:
        context.close()


@pytest.mark.parametrize("path", [p for p in WIDGET_PAGES if 'data-kind="sort"' in (BUILD_HTML / p).read_text(encoding="utf-8")])
def test_sort_exercise_needs_no_dragging(watched, site_url, path):
    """WCAG 2.5.7: every sort exercise is done with single clicks (a choice list per item);
    nothing on it can be dragged."""
    page = watched.open(f"{site_url}/{path}")
    for sort in page.locator("section.isw-widget[data-kind=sort][data-hydrated]").all():
        assert sort.locator("[draggable=true]").count() == 0
        selects = sort.locator("select")
        for index in range(selects.count()):
            selects.nth(index).select_option(index=1)  # a pointer picks from the list, no drag
        sort.get_by_role("button", name="Controleer").click()
        assert sort.locator(".isw-option-feedback").count() == selects.count()
    watched.assert_clean()


def test_help_is_in_the_same_place_on_every_page():
    """WCAG 3.2.6: the way to help (the accessibility statement, with how to report a problem)
    sits in the same navigation, in the same order, on every page."""
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    navigations = {}
    for path in ALL_PAGES:
        soup = BeautifulSoup((BUILD_HTML / path).read_text(encoding="utf-8"), "html.parser")
        links = soup.select(".sidebar-tree a[href]")
        navigations[path] = [urljoin(f"/{path}", a["href"]).split("#")[0] for a in links]
    first = navigations[ALL_PAGES[0]]
    assert "/chapters/toegankelijkheid.html" in first
    different = [path for path, links in navigations.items() if links != first]
    assert not different, f"another navigation than on {ALL_PAGES[0]}: {different}"


def test_every_page_has_a_meta_description():
    """Search engines and link previews say what each page is about (Lighthouse SEO): a page's
    own first paragraph, or the book's description on pages without text of their own."""
    from bs4 import BeautifulSoup

    descriptions = {}
    for path in [*ALL_PAGES, "index.html"]:
        meta = BeautifulSoup((BUILD_HTML / path).read_text(encoding="utf-8"), "html.parser").select(
            'head meta[name="description"]'
        )
        assert len(meta) == 1, f"{path}: {len(meta)} meta descriptions"
        descriptions[path] = meta[0]["content"]
        assert 20 <= len(descriptions[path]) <= 160, f"{path}: {descriptions[path]!r}"
    chapters = [d for p, d in descriptions.items() if p.startswith("chapters/h")]
    assert len(set(chapters)) == len(chapters), "chapters share a description"
