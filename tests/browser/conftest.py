"""A real browser (Chromium driven by Playwright) against the built site served on 127.0.0.1.

Ports: the site's server and Chromium's debugging port are chosen free by the system, so
several test runs on one machine never collide.
"""

from __future__ import annotations

import re
import sys

import pytest
from helpers import BUILD_HTML, ROOT
from playwright.sync_api import sync_playwright

if not (BUILD_HTML / "index.html").is_file():
    # Parametrised over the built pages, the browser tests would silently not run at all.
    raise pytest.UsageError(f"no built site in {BUILD_HTML}: run `make site` (or `make test`) first")

from site_checks import PA11Y, Pa11y, Watched, WithoutWorkers, free_port

sys.path.insert(0, str(ROOT / "tools"))
from chromium import launch, serve  # tools/chromium.py

# The modules whose tests share module-scoped state (test_csp's reader, the PDFs, the SCORM
# platform, JupyterLab): all their tests run on one worker, which makes it once. Each page of
# test_every_page has its own visit: that page's tests (its path is in their ids) go together.
WHOLE_MODULE = {"test_csp", "test_jupyterlab", "test_print", "test_scorm"}
BY_PAGE = {"test_every_page"}


def shared_scope(nodeid: str) -> str:
    """The work unit of a test under pytest-xdist: its module, its module and page, or itself."""
    module, _, test = nodeid.partition("::")
    name = module.rsplit("/", 1)[-1].removesuffix(".py")
    if name in WHOLE_MODULE:
        return module
    page = re.search(r"\[([^\]]+?\.html)", test) if name in BY_PAGE else None
    return f"{module} {page.group(1)}" if page else nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` with the groups of shared_scope. (pytest-xdist 3.8 marks a group by
    appending it to a test's `_nodeid`, which pytest 9 no longer reads: its own loadgroup then
    splits a page's tests over both workers, and each worker visits the page.)"""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedScopes(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return shared_scope(nodeid)

    return SharedScopes(config, log)


def pytest_collection_modifyitems(items):
    """Every test that uses a module-scoped fixture has a shared scope above: else a second
    worker would make the same state again, or a module's state would be seen out of order."""
    for item in items:
        shared = [name for name, defs in item._fixtureinfo.name2fixturedefs.items() if defs[-1].scope == "module"]
        if shared and shared_scope(item.nodeid) == item.nodeid:
            raise pytest.UsageError(
                f"{item.nodeid} uses the module-scoped {', '.join(shared)}: add its module to WHOLE_MODULE "
                "or BY_PAGE in tests/browser/conftest.py"
            )


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
