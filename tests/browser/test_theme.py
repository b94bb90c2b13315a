"""The theme in a real browser (issue 13): its icon buttons show a glyph and have a Dutch name
in light and dark mode, its drawers open and close by keyboard, and search finds Dutch words."""

from __future__ import annotations

import pytest
from site_checks import Watched

PAGE = "chapters/h2-valkuilen.html"
MENU = "Menu: hoofdstukken"
CONTENTS = "Inhoud van deze pagina"
MODE = "Kleurmodus: licht, donker of die van het systeem"
# A phone shows all three in its header; a small laptop shows the page's sidebar of chapters
# beside the text, so there only the contents and the colour mode are buttons.
SCREENS = {"telefoon": ((390, 800), (MENU, CONTENTS, MODE)), "laptop": ((1100, 800), (CONTENTS, MODE))}


@pytest.fixture
def open_page(browser, site_url):
    """Open a page at a given size and colour mode; the page is checked for errors after."""
    contexts = []

    def opener(size, scheme="light", path=PAGE):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, color_scheme=scheme)
        contexts.append(context)
        watched = Watched(context.new_page(), site_url)
        page = watched.open(f"{site_url}/{path}")
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        return watched, page

    yield opener
    for context in contexts:
        context.close()


def glyph_drawn(button) -> bool:
    """The button looks different with its icons hidden: something is drawn in it."""
    shown = button.screenshot()
    button.evaluate("b => b.querySelectorAll('svg').forEach(s => s.style.visibility = 'hidden')")
    hidden = button.screenshot()
    button.evaluate("b => b.querySelectorAll('svg').forEach(s => s.style.visibility = '')")
    return shown != hidden


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
def test_icon_buttons_show_a_glyph_and_have_a_dutch_name(open_page, screen, scheme):
    size, names = SCREENS[screen]
    watched, page = open_page(size, scheme)
    for name in names:
        button = page.get_by_role("button", name=name, exact=True)  # only the visible ones
        assert button.count() == 1, f"{screen}: {button.count()} buttons named '{name}'"
        assert glyph_drawn(button), f"{screen}, {scheme}: the button '{name}' shows no icon"
    if MENU not in names:
        assert page.get_by_role("button", name=MENU).count() == 0
    watched.assert_clean()


def test_the_glyph_check_can_fail(open_page):
    """A button whose icon points to a missing symbol draws nothing, and is reported."""
    _watched, page = open_page(SCREENS["telefoon"][0])
    page.evaluate("""() => {
      const button = document.querySelector("button.nav-overlay-icon");
      button.querySelector("use").setAttribute("href", "#svg-bestaat-niet");
    }""")
    assert not glyph_drawn(page.get_by_role("button", name=MENU))


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        """s => { const el = document.querySelector(s); const r = el.getBoundingClientRect();
                  return el.checkVisibility({visibilityProperty: true}) && r.right > 0 && r.left < innerWidth; }""",
        selector,
    )


@pytest.mark.parametrize(
    "name, drawer, link",
    [
        (MENU, ".sidebar-drawer", ".sidebar-drawer a[href$='h3-integraal-bewustzijn.html']"),
        (CONTENTS, ".toc-drawer", ".toc-drawer ul ul a[href^='#']"),
    ],
)
def test_a_drawer_opens_and_closes_by_keyboard_on_a_phone(open_page, name, drawer, link):
    watched, page = open_page(SCREENS["telefoon"][0])
    button = page.get_by_role("button", name=name, exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    assert not in_view(page, link), "a closed drawer's links must not take the focus off screen"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_function("s => document.querySelector(s).getBoundingClientRect().left >= 0", arg=link)
    assert in_view(page, link)
    page.locator(link).first.focus()
    assert page.evaluate("s => document.querySelector(s).contains(document.activeElement)", drawer)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("b => b === document.activeElement", button.element_handle())
    assert not in_view(page, link)
    watched.assert_clean()


def test_the_colour_mode_button_switches_modes_and_remembers(open_page):
    watched, page = open_page(SCREENS["laptop"][0])
    button = page.get_by_role("button", name=MODE, exact=True)
    seen = []
    for _ in range(3):
        button.press("Enter")
        seen.append(page.evaluate("document.body.dataset.theme"))
    assert sorted(seen) == ["auto", "dark", "light"]
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.reload()
    assert page.evaluate("document.body.dataset.theme") == seen[-1]
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    watched.assert_clean()


@pytest.mark.parametrize("query", ["valkuilen", "valkuil"])
def test_search_finds_a_dutch_word_from_a_chapter(open_page, query):
    """From the search field on a chapter page, in Dutch; 'valkuil' finds 'valkuilen' too
    (Dutch stemming). The chapter page itself never loads the search index."""
    watched, page = open_page(SCREENS["laptop"][0], path="chapters/h1-wat-is-integraal-samenwerken.html")
    assert not [url for url in watched.requests if "search" in url]
    field = page.get_by_role("searchbox", name="Zoek in de cursus")
    field.fill(query)
    field.press("Enter")
    page.wait_for_url("**/search.html?**")
    status = page.locator("#search-results .search-summary")
    status.wait_for(state="visible", timeout=15000)
    assert status.inner_text().startswith("Klaar met zoeken")
    assert page.locator("#search-results h2").inner_text() == "Zoekresultaten"
    results = page.locator("#search-results ul.search li a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(href.startswith("chapters/h2-valkuilen.html") for href in hrefs), hrefs
    assert any(url.split("?")[0].endswith("/searchindex.js") for url in watched.requests)
    watched.assert_clean()


def test_search_says_so_in_dutch_when_it_finds_nothing(open_page):
    watched, page = open_page(SCREENS["laptop"][0], path="search.html?q=xyzzyqw")
    status = page.locator("#search-results .search-summary")
    status.wait_for(state="visible", timeout=15000)
    assert status.inner_text().startswith("Niets gevonden")
    watched.assert_clean()
