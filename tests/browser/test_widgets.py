"""Every exercise on every page, completed by keyboard alone, announced, and remembered."""

from __future__ import annotations

import pytest

from conftest import WIDGET_PAGES, Watched
from drive import assert_remembered, complete_every_widget, status_of

BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,  // as in a real browser
  get() { throw new DOMException("Opslag geblokkeerd", "SecurityError"); },
});
"""


@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_every_widget_by_keyboard_announced_and_remembered(watched, site_url, path):
    page = watched.open(f"{site_url}/{path}")
    kinds = complete_every_widget(page)
    assert kinds
    page.reload()
    page.wait_for_selector("html[data-isw-ready]", state="attached")
    assert_remembered(page, kinds)
    watched.assert_clean()


def test_widgets_work_with_storage_blocked(browser, site_url):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/{WIDGET_PAGES[0]}")
    assert complete_every_widget(page)
    page.reload()
    page.wait_for_selector("html[data-isw-ready]", state="attached")
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
    page.wait_for_selector("html[data-isw-ready]", state="attached")
    assert page.locator("section.isw-quiz").first.locator(".isw-verdict").count() == 0
    watched.assert_clean()


def test_a_wrong_answer_explains_why_and_links_back(watched, site_url):
    path = next(p for p in WIDGET_PAGES if "h1-" in p)
    page = watched.open(f"{site_url}/{path}")
    widget = page.locator("section.isw-quiz[data-hydrated]").first
    question = widget.locator("fieldset.isw-question").first
    wrong = question.locator(".isw-option")
    # choose a wrong option: the props say which ones are wrong
    options = widget.evaluate("el => JSON.parse(el.dataset.props).questions[0].options.map(o => o.correct)")
    index = options.index(False)
    wrong.nth(index).locator("input").check()
    question.get_by_role("button", name="Controleer").click()
    said = status_of(widget)
    assert said.startswith("Vraag 1: niet goed.")
    answered = widget.locator("fieldset.isw-question").first
    assert answered.locator(".isw-was-chosen").inner_text().startswith(wrong.nth(index).locator("label").inner_text())
    assert "✗ Onjuist antwoord (jouw keuze)." in answered.locator(".isw-was-chosen").inner_text()
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
    page.wait_for_selector("html[data-isw-ready]", state="attached")
    assert page.evaluate("document.querySelector('#h3-scan-bewustzijn').getBoundingClientRect().top") < 200
    watched.assert_clean()
    context.close()
