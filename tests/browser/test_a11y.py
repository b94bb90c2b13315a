"""Accessibility (WCAG 2.2 AA) in a real browser: what the page-wide checks cannot see alone.

The page-wide checks run on every page in test_every_page.py, in one visit per page: axe-core
(from npm, see package.json) with all its rules (WCAG 2.0-2.2 A/AA and best practice; what it
leaves for review must be on site_checks.REVIEWED) in light mode and its colour rules in dark mode,
pa11y with HTML_CodeSniffer (WCAG2AA) as a second engine, the size of every control (2.5.8),
the focus order and its visibility, and reflow at 320 CSS pixels. Here: that each of those
checks can fail, the skip link, focus never under a sticky header tabbing back up a long page
(2.4.11), forced colours, reduced motion, the sort exercise without dragging (2.5.7), help in
the same place (3.2.6) and the meta descriptions.
"""

from __future__ import annotations

import re

import pytest
from helpers import BUILD_HTML
from site_checks import (
    ALL_PAGES,
    CHART_CONTRAST,
    FOCUS_STATE,
    PAGES,
    SMALL_TARGETS,
    WIDGET_PAGES,
    Watched,
    axe,
    axe_problems,
    page_with,
    wait_until_ready,
)


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


def test_a_needs_review_item_off_the_reviewed_list_is_reported(watched, site_url):
    """What axe cannot decide counts too: text on a gradient (contrast axe cannot read, in full
    view too) is reported, unless REVIEWED explains it."""
    page = watched.open(f"{site_url}/{PAGES[0]}")
    page.evaluate("""() => {
      const text = Object.assign(document.createElement("p"), {id: "on-gradient", textContent: "Tekst op een verloop"});
      text.style.background = "linear-gradient(#fff, #ddd)";
      document.querySelector("main").prepend(text);
    }""")
    found = axe(page)
    assert [n["target"] for n in found["unreviewed"]] == [["#on-gradient"]], found["unreviewed"]
    assert "needs review, color-contrast" in axe_problems(page)


def test_a_faint_chart_label_is_reported(watched, site_url):
    """The charts' labels, which axe leaves for review, are checked: a pale label is reported."""
    page = watched.open(f"{site_url}/{page_with_a_figure()}")
    chart = page.locator(".isw-chart").first
    chart.scroll_into_view_if_needed()
    chart.locator("svg text").first.wait_for()
    assert not page.evaluate(CHART_CONTRAST, None)
    chart.locator("svg text").first.evaluate("text => text.style.fill = '#ccc'")
    faint = page.evaluate(CHART_CONTRAST, None)
    assert len(faint) == 1 and "contrast 1.6" in faint[0], faint


def page_with_a_figure() -> str:
    return next(p for p in PAGES if 'class="isw-figure"' in (BUILD_HTML / p).read_text(encoding="utf-8"))


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


def quiz_page() -> str:
    return page_with("quiz")


def differing(image, box, background) -> float:
    """The share of pixels in `box` (left, top, right, bottom) that differ from `background`."""
    region = image.crop(tuple(round(v) for v in box)).convert("RGB")
    pixels = list(region.get_flattened_data())
    differ = sum(1 for px in pixels if max(abs(a - b) for a, b in zip(px, background, strict=True)) > 60)
    return differ / max(len(pixels), 1)


def test_forced_colours_keep_choice_feedback_and_focus_visible(browser, site_url, tmp_path):
    """Windows high contrast (forced colours): an answered quiz still shows which option was
    chosen, right and wrong, and where the focus is, though every background is dropped."""
    from PIL import Image

    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{quiz_page()}")
        wait_until_ready(page)
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

        def edge(b):  # the top edge
            return (b["x"] + 8, b["y"], b["x"] + b["width"] - 2, b["y"] + 2)

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
}"""  # noqa: E501 (JavaScript lines)


def test_reduced_motion_is_respected(browser, site_url):
    """With 'reduce motion' set, nothing on a page slides, fades or scrolls smoothly."""
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        for path in (PAGES[0], quiz_page()):
            page.goto(f"{site_url}/{path}")
            wait_until_ready(page)
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


@pytest.mark.parametrize(
    "path", [p for p in WIDGET_PAGES if 'data-kind="sort"' in (BUILD_HTML / p).read_text(encoding="utf-8")]
)
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
