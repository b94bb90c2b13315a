"""A real browser (Chromium driven by Playwright) against the built site served on 127.0.0.1."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from helpers import BUILD_HTML, ROOT, site_pages

sys.path.insert(0, str(ROOT / "tools"))
from chromium import launch, serve  # noqa: E402  (tools/chromium.py)


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


class Watched:
    """A page that records JavaScript errors and every request that leaves 127.0.0.1."""

    def __init__(self, page, origin: str):
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.requests: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page.on("request", self._request)
        page.on("response", lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        self.origin = origin

    def _request(self, request):
        self.requests.append(request.url)
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.foreign.append(request.url)

    def open(self, url: str):
        self.page.goto(url)
        self.page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)
        return self.page

    def assert_clean(self):
        assert not self.errors, "\n".join(self.errors)
        assert not self.foreign, "requests to other origins:\n" + "\n".join(self.foreign)


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def watched(context, site_url):
    return Watched(context.new_page(), site_url)


def reader_pages(site: Path) -> list[str]:
    """The pages a reader reads, as paths in the site (not the index, search or redirect)."""
    skip = {"genindex.html", "search.html", "index.html"}
    return [str(p.relative_to(site)) for p in site_pages(site) if str(p.relative_to(site)) not in skip]


def widget_pages(site: Path) -> list[str]:
    return [p for p in reader_pages(site) if 'class="isw-widget' in (site / p).read_text(encoding="utf-8")]


PAGES = reader_pages(BUILD_HTML) if BUILD_HTML.is_dir() else []
WIDGET_PAGES = widget_pages(BUILD_HTML) if BUILD_HTML.is_dir() else []
