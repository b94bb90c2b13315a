"""A real browser (Chromium driven by Playwright) against the built site served on 127.0.0.1.

Ports: the site's server and Chromium's debugging port are chosen free by the system, so
several test runs on one machine never collide.
"""

from __future__ import annotations

import sys

import pytest
from playwright.sync_api import sync_playwright

from helpers import BUILD_HTML, ROOT

if not (BUILD_HTML / "index.html").is_file():
    # Parametrised over the built pages, the browser tests would silently not run at all.
    raise pytest.UsageError(f"no built site in {BUILD_HTML}: run `make site` (or `make test`) first")

from site_checks import PA11Y, Pa11y, Watched, WithoutWorkers, free_port

sys.path.insert(0, str(ROOT / "tools"))
from chromium import launch, serve  # tools/chromium.py


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`make browser-tests` runs two workers, --dist loadgroup) the tests that
    share a module-scoped fixture stay on one worker: test_every_page's tests of one page share
    its one visit, and a module's shared state (test_csp's reader, the PDFs, the SCORM platform)
    is made once and seen in order. Every other test goes to whichever worker is free."""
    for item in items:
        shared = [name for name, defs in item._fixtureinfo.name2fixturedefs.items() if defs[-1].scope == "module"]
        if shared:
            params = getattr(item, "callspec", None)
            keys = [str(params.params[name]) for name in shared if params and name in params.params]
            item.add_marker(pytest.mark.xdist_group(" ".join([item.module.__name__, *keys])))


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """The tests' Chromium, with a debugging port on 127.0.0.1: pa11y checks the very pages
    the tests have open, in the state they left them."""
    debugging_url = f"http://127.0.0.1:{free_port()}"
    with sync_playwright() as playwright:
        chromium = launch(playwright, f"--remote-debugging-port={debugging_url.rsplit(':', 1)[1]}")
        yield WithoutWorkers(chromium, debugging_url)
        chromium.close()


@pytest.fixture(scope="session")
def pa11y(browser):
    if not (ROOT / "node_modules" / "pa11y").is_dir() or not PA11Y.is_file():
        pytest.fail("node_modules/pa11y is missing: run `npm ci` (make test does)")
    checker = Pa11y(browser.debugging_url)
    yield checker
    checker.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def watched(context, site_url):
    return Watched(context.new_page(), site_url)
