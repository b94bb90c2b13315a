"""The site's root, a page without JavaScript, and what every page hands the loader. (Every
page loaded clean, with every exercise started: test_every_page.py.)"""

from __future__ import annotations

import html
import json
import re

import pytest
from site_checks import PAGES, WIDGET_PAGES, wait_until_ready


def test_site_root_leads_to_the_welcome_page(watched, site_url):
    """The root is a page of its own (no redirect, which costs a phone a second load) whose
    main link leads to the welcome page."""
    page = watched.open(f"{site_url}/")
    page.get_by_role("link", name="Begin met de cursus").click()
    page.wait_for_url("**/chapters/welkom.html")
    wait_until_ready(page)
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
