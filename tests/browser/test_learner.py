"""What a learner notices (issue 26), on a phone (390 px) and a laptop (1280 px), by keyboard.

Each test checks what a reader sees or hears: where a message stands, where focus goes, how
cards are numbered, whether a chart's labels lie inside its box, whether the layout moves.
"""

from __future__ import annotations

import json
import re

import pytest
from drive import CHAPTER, QUIZ, RESULTS, REVIEW, answer, answer_scan, status_of, tab_to
from site_checks import MODES, Watched, chart_labels, set_mode

WIDTHS = (390, 1280)
SCAN_CHAPTER = "chapters/h3-integraal-bewustzijn.html"
QUIZ_CHAPTER = "chapters/h2-valkuilen.html"


@pytest.fixture
def contexts():
    """Every context a test opens, closed after it."""
    opened = []
    yield opened
    for context in opened:
        context.close()


@pytest.fixture
def open_at(browser, site_url, contexts):
    """Opens a page of the book at a width and colour mode, in a context closed after the test."""

    def open_page(width: int, path: str, mode: str = "light"):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        watched = Watched(context.new_page(), site_url)
        page = watched.open(f"{site_url}/{path}")
        set_mode(page, mode)
        return watched, page

    return open_page


def seen(locator) -> bool:
    """Shown on the screen, not only to screen readers (a visually hidden region is 1 px)."""
    box = locator.bounding_box()
    return box is not None and box["width"] > 1 and box["height"] > 1


def first_quiz(page):
    return page.locator("section.isw-quiz[data-hydrated], section.isw-casus[data-hydrated]").first


# ------------------------------------------------------------------- 1 the results chart

INSIDE = """chart => {
  const box = chart.getBoundingClientRect();
  return [...chart.querySelectorAll("svg text")].filter((t) => t.textContent.trim()).flatMap((t) => {
    const r = t.getBoundingClientRect();
    const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    return inside ? [] : [`${t.textContent}: ${Math.round(r.left)}..${Math.round(r.right)} x ${Math.round(r.top)}..${Math.round(r.bottom)}`
      + ` outside ${Math.round(box.left)}..${Math.round(box.right)} x ${Math.round(box.top)}..${Math.round(box.bottom)}`];
  });
}"""  # noqa: E501 (JavaScript lines)

BARS_SHOWN = """chart => {
  const box = chart.getBoundingClientRect();
  return [...chart.querySelectorAll("svg .mark-rect path")].filter((bar) => {
    const r = bar.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  }).length;
}"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
def test_results_chart_keeps_every_label_inside_with_every_scan_bar_and_its_scale(
    open_at, site_url, width, mode, tmp_path
):
    watched, page = open_at(width, QUIZ_CHAPTER, mode)
    quiz = first_quiz(page)
    answer(page, quiz, 0, True)
    page = watched.open(f"{site_url}/{SCAN_CHAPTER}")
    scan = page.locator("section.isw-scan[data-hydrated]").first
    answer_scan(page, scan)
    rows = scan.locator(".isw-profile-table tbody tr").count()

    page = watched.open(f"{site_url}/{RESULTS}")
    set_mode(page, mode)
    chart = page.locator("[data-isw-page=results] .isw-chart").first
    chart.locator("svg").wait_for()
    page.wait_for_timeout(200)
    page.screenshot(path=str(tmp_path / f"mijn-resultaten-{width}-{mode}.png"), full_page=True)
    assert chart.evaluate(INSIDE) == []
    texts = chart_labels(chart)
    assert "Score (1 tot 5)" in texts and all(str(n) in texts for n in range(1, 6)), texts
    assert chart.evaluate(BARS_SHOWN) == rows + 1, "one bar per dimension and the quiz's bar, all inside the box"
    # The chart follows the colour scheme: its card is the page's background, its text the page's.
    colours = chart.evaluate("""c => [getComputedStyle(c).backgroundColor, getComputedStyle(document.body).backgroundColor,
      getComputedStyle(c.querySelector('svg text')).fill, getComputedStyle(document.body).color]""")  # noqa: E501 (JavaScript lines)
    assert colours[0] == colours[1] and colours[2] == colours[3], colours
    watched.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_results_chart_without_a_scan_draws_no_empty_scale(open_at, site_url, width):
    watched, page = open_at(width, QUIZ_CHAPTER)
    answer(page, first_quiz(page), 0, True)
    page = watched.open(f"{site_url}/{RESULTS}")
    chart = page.locator("[data-isw-page=results] .isw-chart").first
    chart.locator("svg").wait_for()
    texts = chart_labels(chart)
    assert "Score (1 tot 5)" not in texts and "Zelfscans: je profielen" not in texts, texts
    assert chart.evaluate(INSIDE) == []


# ------------------------------------------------------------------- 2 nothing chosen


@pytest.mark.parametrize("width", WIDTHS)
def test_checking_without_a_choice_says_so_beside_the_question(open_at, width):
    _, page = open_at(width, QUIZ_CHAPTER)
    quiz = first_quiz(page)
    question = quiz.locator("fieldset.isw-question").first
    button = question.get_by_role("button", name="Controleer")
    button.focus()
    page.keyboard.press("Enter")
    message = question.get_by_text("Kies eerst een antwoord.")
    message.wait_for()
    assert message.is_visible()
    # Near the button the reader pressed: within the same screen, not questions further down.
    gap = page.evaluate(
        "([a, b]) => Math.abs(a.getBoundingClientRect().top - b.getBoundingClientRect().top)",
        [message.element_handle(), button.element_handle()],
    )
    assert gap < 200, gap
    assert "Vraag 1: kies eerst een antwoord." in status_of(quiz, "kies eerst")
    assert not seen(quiz.locator(".isw-status")), "said beside the question only, not again under the score"


# ------------------------------------------------------------------- 3 a second Enter


@pytest.mark.parametrize("width", WIDTHS)
def test_a_second_enter_does_not_erase_the_answer(open_at, width):
    _, page = open_at(width, QUIZ_CHAPTER)
    quiz = first_quiz(page)
    question = quiz.locator("fieldset.isw-question").first
    question.locator(".isw-option input").first.focus()
    page.keyboard.press("Space")
    tab_to(page, question.get_by_role("button", name="Controleer"))
    page.keyboard.press("Enter")
    quiz.locator("fieldset.isw-question").first.locator(".isw-verdict").wait_for()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    answered = quiz.locator("fieldset.isw-question").first
    assert answered.locator(".isw-verdict").count() == 1, "the answer is still checked"
    assert answered.locator("input:checked").count() == 1
    assert quiz.locator(".isw-score").inner_text().startswith("Score:")
    # "Probeer opnieuw" is still there for who chooses it.
    tab_to(page, answered.get_by_role("button", name="Probeer opnieuw"))
    page.keyboard.press("Enter")
    quiz.locator("fieldset.isw-question").first.get_by_role("button", name="Controleer").wait_for()


# ------------------------------------------------------------------- 4 one verdict, by its question


@pytest.mark.parametrize("width", WIDTHS)
def test_feedback_stands_by_its_question_and_says_its_verdict_once(open_at, width):
    _, page = open_at(width, QUIZ_CHAPTER)
    quiz = first_quiz(page)
    count = quiz.locator("fieldset.isw-question").count()
    for index in range(count):
        answer(page, quiz, index, index % 2 == 0)
    said = status_of(quiz, f"Vraag {count}:")
    assert said.startswith(f"Vraag {count}:"), "still read out"
    assert not seen(quiz.locator(".isw-status")), "not shown again under the score"
    lines = quiz.locator(".isw-option-feedback").all_inner_texts()
    assert len(lines) == quiz.locator(".isw-option").count()
    for line in lines:
        verdict, _, feedback = line.partition(": ")
        assert verdict.startswith(("✓ Juist antwoord", "✗ Onjuist antwoord")), line
        # The authored feedback opens with "Juist." or "Niet juist.": said once, by the line's start.
        assert not re.match(r"(Niet juist|Onjuist|Juist)\b", feedback), line


# ------------------------------------------------------------------- 5 Herhalen's numbers


@pytest.mark.parametrize("width", WIDTHS)
def test_herhalen_numbers_its_cards_in_order(open_at, site_url, width):
    watched, page = open_at(width, CHAPTER)
    widget = page.locator(f"#{QUIZ}")
    count = widget.locator("fieldset.isw-question").count()
    assert count >= 2
    for index in range(count):
        answer(page, widget, index, False)
    page = watched.open(f"{site_url}/{REVIEW}")
    numbers = page.locator(".isw-review-list .isw-count").all_inner_texts()
    assert numbers == [f"Vraag {n} van {len(numbers)}: " for n in range(1, len(numbers) + 1)], numbers
    assert len(numbers) == count


# ------------------------------------------------------------------- 7 layout


@pytest.mark.parametrize("mode", MODES)
def test_progress_labels_do_not_push_the_sidebar_down(browser, site_url, contexts, mode):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    contexts.append(context)
    page = context.new_page()
    page.route("**/_static/widgets/loader.js*", lambda route: route.abort())  # the page as built
    page.goto(f"{site_url}/{CHAPTER}")
    set_mode(page, mode)
    before = page.locator(".sidebar-tree a.reference").evaluate_all(
        "links => links.map(l => l.getBoundingClientRect().top)"
    )
    page.unroute("**/_static/widgets/loader.js*")
    page.reload()
    page.wait_for_selector("html[data-isw-ready]", state="attached")
    page.locator(".sidebar-tree .isw-progress").first.wait_for(state="attached")
    set_mode(page, mode)
    after = page.locator(".sidebar-tree a.reference").evaluate_all(
        "links => links.map(l => l.getBoundingClientRect().top)"
    )
    assert max(abs(a - b) for a, b in zip(before, after, strict=False)) < 1, list(zip(before, after, strict=False))
    labels = page.locator(".sidebar-tree .isw-progress").all_inner_texts()
    assert labels and all("oefening" in label for label in labels), "the full text is still there for screen readers"


def test_search_placeholder_fits_its_box(open_at):
    _, page = open_at(1280, CHAPTER)
    fits = page.locator("input.sidebar-search").evaluate("""input => {
      const style = getComputedStyle(input);
      const canvas = document.createElement("canvas").getContext("2d");
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return canvas.measureText(input.placeholder).width <= room;
    }""")
    assert fits


@pytest.mark.parametrize("width", (1280, 1350))
def test_on_this_page_links_are_24_px_targets(open_at, width):
    _, page = open_at(width, CHAPTER)
    heights = page.locator(".toc-tree a.reference").evaluate_all(
        "links => links.filter(l => l.offsetParent).map(l => [l.textContent, l.getBoundingClientRect().height])"
    )
    assert heights and all(h >= 24 for _, h in heights), [x for x in heights if x[1] < 24]


@pytest.mark.parametrize("mode", MODES)
def test_the_phone_menu_takes_the_focus_when_opened_by_keyboard(open_at, mode):
    _, page = open_at(390, CHAPTER, mode)
    menu = page.get_by_role("button", name="Menu: hoofdstukken")
    tab_to(page, menu)
    page.keyboard.press("Enter")
    inside = "() => !!document.activeElement.closest('.sidebar-drawer')"
    assert page.evaluate(inside)
    page.keyboard.press("Tab")
    assert page.evaluate(inside)
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Menu: hoofdstukken"


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_fixed_covers_quiz_text_when_scrolling_up(open_at, width):
    _, page = open_at(width, QUIZ_CHAPTER)
    quiz = first_quiz(page)
    quiz.scroll_into_view_if_needed()
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)  # scrolling up is when Furo showed "Naar boven"
    page.wait_for_timeout(300)
    covered = page.evaluate("""() => [...document.querySelectorAll('.isw-widget label, .isw-widget legend, .isw-widget p')]
      .flatMap((el) => {
        const r = el.getBoundingClientRect();
        if (r.bottom < 60 || r.top > innerHeight || r.width === 0) return [];
        const x = r.left + Math.min(r.width / 2, 40), y = Math.max(r.top, 60) + 2;
        const hit = document.elementFromPoint(x, y);
        return hit && !el.contains(hit) && !hit.contains(el) && hit.closest('.back-to-top, header') ? [el.textContent.slice(0, 40)] : [];
      })""")  # noqa: E501 (JavaScript lines)
    assert covered == []
    assert page.locator(".back-to-top").count() == 0 or not page.locator(".back-to-top").is_visible()


# ------------------------------------------------------------------- markup (8)


def test_the_profile_region_has_a_role_with_its_name(open_at):
    _, page = open_at(1280, SCAN_CHAPTER)
    profile = page.locator("div.isw-profile").first
    assert profile.get_attribute("role") == "region"
    assert page.get_by_role("region", name="Jouw profiel").count() >= 1


def test_the_root_is_a_real_page_not_a_redirect(browser, site_url, contexts):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    contexts.append(context)
    page = context.new_page()
    response = page.goto(f"{site_url}/index.html")
    assert response.ok and page.url == f"{site_url}/index.html"
    page.wait_for_timeout(500)
    assert page.url == f"{site_url}/index.html", "no redirect"
    assert page.locator("h1").count() == 1
    start = page.get_by_role("link", name="Begin met de cursus")
    assert json.dumps(start.get_attribute("href")).endswith('welkom.html"')
