"""Exercises in situations of their own: storage blocked, a fresh start, a wrong answer, a link
to an exercise, options in each reader's own order. (Every exercise on every page, completed by
keyboard, announced and remembered: test_every_page.py.)"""

from __future__ import annotations

import re

from drive import complete_every_widget, status_of
from site_checks import BLOCK_STORAGE, WIDGET_PAGES, Watched, wait_until_ready

# A reader's random numbers, fixed per test reader so the test is deterministic; the exercise
# draws its seed from them (widgets/js/logic.js newSeed).
FIXED_RANDOM = """
(() => {{
  let state = {start};
  Math.random = () => (state = (state * 16807) % 2147483647) / 2147483647;
}})();
"""
QUIZ_PAGE = "chapters/h2-valkuilen.html"


def shown_orders(widget) -> list[list[int]]:
    """Per question, the authored index of each option in the order shown."""
    return widget.locator("fieldset.isw-question").evaluate_all(
        "sets => sets.map(set => [...set.querySelectorAll('.isw-option input')].map(input => Number(input.value)))"
    )


def test_widgets_work_with_storage_blocked(browser, site_url):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    context.add_init_script(FIXED_RANDOM.format(start=2024))
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/{WIDGET_PAGES[0]}")
    orders = shown_orders(page.locator("section.isw-quiz[data-hydrated]").first)
    assert any(order != sorted(order) for order in orders), "options are shuffled without storage too"
    assert complete_every_widget(page)
    page.reload()
    wait_until_ready(page)
    assert page.locator(".isw-verdict").count() == 0, "nothing can be remembered without storage"
    watched.assert_clean()
    context.close()


def test_reset_forgets_the_answers(watched, site_url):
    path = next(p for p in WIDGET_PAGES if "h2-" in p)
    page = watched.open(f"{site_url}/{path}")
    widget = page.locator("section.isw-quiz[data-hydrated]").first
    widget.locator("input").first.focus()
    page.keyboard.press("Space")
    widget.get_by_role("button", name="Controleer").first.click()
    widget.get_by_role("button", name="Opnieuw beginnen").click()
    assert "gewist" in status_of(widget)
    assert widget.locator(".isw-verdict").count() == 0
    page.reload()
    wait_until_ready(page)
    assert page.locator("section.isw-quiz").first.locator(".isw-verdict").count() == 0
    watched.assert_clean()


def test_a_wrong_answer_explains_why_and_links_back(watched, site_url):
    path = next(p for p in WIDGET_PAGES if "h1-" in p)
    page = watched.open(f"{site_url}/{path}")
    widget = page.locator("section.isw-quiz[data-hydrated]").first
    question = widget.locator("fieldset.isw-question").first
    # choose a wrong option: the props say which ones are wrong; inputs carry authored indices
    options = widget.evaluate("el => JSON.parse(el.dataset.props).questions[0].options.map(o => o.correct)")
    index = options.index(False)
    wrong = question.locator(".isw-option").filter(has=page.locator(f"input[value='{index}']"))
    wrong.locator("input").check()
    question.get_by_role("button", name="Controleer").click()
    said = status_of(widget)
    assert said.startswith("Vraag 1: niet goed.")
    answered = widget.locator("fieldset.isw-question").first
    assert answered.locator(".isw-was-chosen").inner_text().startswith(wrong.locator("label").inner_text())
    assert "✗ Onjuist antwoord (jouw keuze):" in answered.locator(".isw-was-chosen").inner_text()
    assert answered.get_by_text("✓ Juist antwoord", exact=True).count() >= 1
    link = answered.locator(".isw-read-more a")
    assert link.count() == 1, "every question links back to its section (read_more is required)"
    href = link.get_attribute("href")
    assert page.locator(href).count() == 1
    assert "de tekst hierboven" not in link.inner_text()


def test_copy_link_gives_a_stable_link_to_the_exercise(browser, site_url):
    """Trainers link to "hoofdstuk 3, zelfscan": the button copies page URL + exercise id."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/chapters/h3-integraal-bewustzijn.html")
    scan = page.locator("#h3-scan-bewustzijn")
    scan.get_by_role("button", name="Kopieer link naar deze oefening").click()
    link = f"{site_url}/chapters/h3-integraal-bewustzijn.html#h3-scan-bewustzijn"
    assert status_of(scan) == f"Link gekopieerd: {link}"
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.goto(link)
    wait_until_ready(page)
    assert page.evaluate("document.querySelector('#h3-scan-bewustzijn').getBoundingClientRect().top") < 200
    watched.assert_clean()
    context.close()


def test_each_reader_sees_options_in_an_own_order_that_is_scored_right_and_kept(browser, site_url):
    """Two fresh readers: different orders, right feedback and score for what they pick, and
    after a reload the same order, from the seed saved with the answers."""
    orders = []
    for start in (12345, 67890):
        context = browser.new_context()
        context.add_init_script(FIXED_RANDOM.format(start=start))
        watched = Watched(context.new_page(), site_url)
        page = watched.open(f"{site_url}/{QUIZ_PAGE}")
        widget = page.locator("section.isw-quiz[data-hydrated]").first
        props = widget.evaluate("el => JSON.parse(el.dataset.props)")
        questions = props["questions"]
        assert len(questions) >= 2
        order = shown_orders(widget)
        assert [sorted(o) for o in order] == [list(range(len(q["options"]))) for q in questions]
        # The static form (no scripts, print) keeps the authored order.
        static = widget.locator(".isw-static .isw-static-options").first.locator("li").all_inner_texts()
        assert len(static) == len(questions[0]["options"])

        # First question right, second wrong, picked by what the options say, wherever they stand.
        picks = [
            next(i for i, o in enumerate(questions[0]["options"]) if o["correct"]),
            next(i for i, o in enumerate(questions[1]["options"]) if not o["correct"]),
        ]
        for number, (question, pick) in enumerate(zip(questions, picks, strict=False)):
            fieldset = widget.locator("fieldset.isw-question").nth(number)
            fieldset.locator(f"input[value='{pick}']").check()
            fieldset.get_by_role("button", name="Controleer").click()
            said = status_of(widget)
            verdict = "goed" if number == 0 else "niet goed"
            assert said.startswith(f"Vraag {number + 1}: {verdict}. "), said
            chosen = widget.locator("fieldset.isw-question").nth(number).locator(".isw-was-chosen")
            expected_feedback = page.evaluate(
                "html => { const d = document.createElement('div'); d.innerHTML = html; return d.textContent; }",
                question["options"][pick]["feedback"],
            )
            # Shown without its opening "Juist." / "Niet juist.": the line before it gives the verdict.
            expected_feedback = re.sub(r"^(Niet juist|Onjuist|Juist)\.\s*", "", expected_feedback.strip())
            assert chosen.locator(".isw-feedback-text").inner_text().strip() == expected_feedback
            assert expected_feedback in said
        score = f"Score: 1 van {len(questions)} vragen goed"
        assert widget.locator(".isw-score").inner_text().startswith(score)

        # Other random numbers after a reload: the order must come from the saved seed.
        context.add_init_script(FIXED_RANDOM.format(start=999))
        page.reload()
        wait_until_ready(page)
        widget = page.locator("section.isw-quiz[data-hydrated]").first
        assert shown_orders(widget) == order
        assert widget.locator(".isw-verdict").all_inner_texts()[:2] == [
            "✓ Goed",
            "✗ Niet goed Lees de toelichting bij de antwoorden.",
        ]
        assert widget.locator(".isw-score").inner_text().startswith(score)
        watched.assert_clean()
        context.close()
        orders.append(order)
    assert orders[0] != orders[1], "two readers saw the options in the same order"


def test_a_fresh_start_may_bring_a_fresh_order(browser, site_url):
    context = browser.new_context()
    context.add_init_script(FIXED_RANDOM.format(start=424242))
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/{QUIZ_PAGE}")
    widget = page.locator("section.isw-quiz[data-hydrated]").first
    before = shown_orders(widget)
    widget.get_by_role("button", name="Opnieuw beginnen").click()
    assert "gewist" in status_of(widget)
    assert shown_orders(widget) != before
    watched.assert_clean()
    context.close()
