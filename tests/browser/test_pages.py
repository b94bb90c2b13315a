"""Every page in a real browser: no error, nothing from elsewhere, every exercise hydrated."""

from __future__ import annotations

import html
import json
import re

import pytest
from urllib.parse import urlparse

from conftest import PAGES, WIDGET_PAGES


def test_the_book_has_pages_with_exercises():
    assert len(WIDGET_PAGES) >= 8, WIDGET_PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_clean(watched, site_url, path):
    page = watched.open(f"{site_url}/{path}")
    total = page.locator("section.isw-widget").count()
    hydrated = page.locator("section.isw-widget[data-hydrated]").count()
    assert hydrated == total, f"{total - hydrated} of {total} exercises did not start"
    page.mouse.wheel(0, 50000)  # bring every figure near the screen
    page.wait_for_timeout(200)
    vega = any(urlparse(url).path.endswith("/vega.js") for url in watched.requests)
    drawn = page.locator(".isw-chart svg").count()
    assert vega == (drawn > 0), "Vega is loaded exactly on pages that draw a chart"
    if page.locator(".isw-figure, .isw-scan, [data-isw-page]").count() == 0:
        assert not vega, "a page without charts loaded Vega"
    # A part the browser code left out must not show as the word "null" or "undefined".
    assert not re.search(r"\b(null|undefined)\b", page.locator("main").inner_text())
    watched.assert_clean()


def test_site_root_leads_to_the_welcome_page(watched, site_url):
    """The root is a page of its own (no redirect, which costs a phone a second load) whose
    main link leads to the welcome page."""
    page = watched.open(f"{site_url}/")
    page.get_by_role("link", name="Begin met de cursus").click()
    page.wait_for_url("**/chapters/welkom.html")
    page.wait_for_selector("html[data-isw-ready]", state="attached")
    watched.assert_clean()


@pytest.mark.parametrize("path", WIDGET_PAGES[:1])
def test_without_javascript_the_questions_are_readable(browser, site_url, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    first = page.locator("section.isw-widget").first
    assert "werkt pas als de pagina via een webadres is geopend" in first.inner_text()
    assert first.locator(".isw-title").inner_text().strip()
    context.close()


def test_every_page_gives_the_loader_what_python_defines(built_site):
    """The loader reads the storage prefix and the saved record's fields from its script tag."""
    from widgets._contract import shared

    for path in PAGES:
        text = (built_site / path).read_text(encoding="utf-8")
        found = re.findall(r'<script[^>]*data-isw-contract="([^"]*)"[^>]*src="[^"]*widgets/loader\.js', text)
        assert len(found) == 1, path
        assert json.loads(html.unescape(found[0])) == shared(), path
