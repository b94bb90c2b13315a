"""What the offline copy costs a first visit (issue 26): on a phone the worker keeps the shell and
the pages read, not the whole course; the whole course only on a fast unmetered connection or
when the reader asks ("Bewaar de hele cursus voor offline" on the privacy page).

Bytes are counted by the server itself: every body it sends, to the page and to the worker.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading

import pytest
from helpers import BUILD_HTML
from site_checks import PAGES, WIDGET_PAGES, Watched

FIRST = next((p for p in WIDGET_PAGES if 'data-kind="quiz"' in (BUILD_HTML / p).read_text(encoding="utf-8")), "")
SECOND = "chapters/privacy.html"
BUDGET = 300_000
# A function, not an expression: Playwright evaluates an expression with eval, which the CSP refuses.
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
KEPT = """path => caches.keys().then(async (names) => {
  for (const name of names.filter((n) => n.startsWith('isw '))) {
    const keys = await (await caches.open(name)).keys();
    if (keys.some((r) => new URL(r.url).pathname.endsWith(path) && !r.url.includes('?v='))) return true;
  }
  return false;
})"""
WHOLE = (
    "() => caches.keys().then(n => Promise.all(n.map(x => caches.open(x)"
    ".then(c => c.match(new URL('isw-whole-course', location.origin + '/').href))))).then(r => r.some(Boolean))"
)
PHONE_CONNECTION = """Object.defineProperty(Navigator.prototype, "connection", {
  get: () => ({effectiveType: "%s", saveData: %s, type: "%s", addEventListener() {}}), configurable: true});"""


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the site and adds up the bytes of every body it sends."""

    sent: list[tuple[str, int]]

    def copyfile(self, source, outputfile):
        self.sent.append((self.path, os.fstat(source.fileno()).st_size))
        super().copyfile(source, outputfile)

    def log_message(self, *args):
        pass


@pytest.fixture
def counted_site(built_site):
    sent: list[tuple[str, int]] = []
    handler = functools.partial(type("Handler", (Counting,), {"sent": sent}), directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}", sent
    server.shutdown()
    server.server_close()


def phone(browser, connection: tuple[str, str, str] = ("4g", "false", "cellular")):
    """A phone (390 px, touch) with the connection navigator.connection reports."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
        service_workers="allow",
    )
    context.add_init_script(PHONE_CONNECTION % connection)
    return context


def settle(page, path: str) -> None:
    page.wait_for_function(CONTROLLED, timeout=60000)
    page.wait_for_function(KEPT, arg=path, timeout=30000)
    page.wait_for_timeout(1500)  # anything the worker would still fetch in the background


def test_a_first_visit_on_a_phone_keeps_little_and_the_pages_read(browser, counted_site):
    _server, url, sent = counted_site
    context = phone(browser)
    try:
        watched = Watched(context.new_page(), url)
        page = watched.open(f"{url}/{FIRST}")
        settle(page, FIRST)
        total = sum(size for _, size in sent)
        assert total <= BUDGET, f"{total} bytes on a first visit: {sent}"
        assert not page.evaluate(WHOLE)
        assert not page.evaluate(KEPT, SECOND), "a page not read is not fetched"
        watched.open(f"{url}/{SECOND}")
        page.wait_for_function(KEPT, arg=SECOND, timeout=30000)

        context.set_offline(True)
        for path in (FIRST, SECOND):  # both pages read work offline, the exercises too
            response = page.goto(f"{url}/{path}")
            assert response.ok
            page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)
        page.goto(f"{url}/{FIRST}")
        page.locator("section.isw-widget[data-hydrated]").first.wait_for(timeout=15000)
        watched.assert_clean()
    finally:
        context.close()


def test_the_whole_course_only_when_the_reader_asks(browser, counted_site):
    _server, url, _sent = counted_site
    context = phone(browser, ("3g", "false", "unknown"))
    try:
        watched = Watched(context.new_page(), url)
        page = watched.open(f"{url}/{SECOND}")
        settle(page, SECOND)
        assert not page.evaluate(WHOLE)
        button = page.get_by_role("button", name="Bewaar de hele cursus voor offline")
        button.focus()
        page.keyboard.press("Enter")
        page.get_by_text("De hele cursus is bewaard in deze browser.").wait_for(timeout=60000)
        assert page.evaluate(WHOLE)

        context.set_offline(True)
        for path in [*PAGES, "index.html", "search.html"]:
            response = page.goto(f"{url}/{path}")
            assert response is not None and response.ok, path
            page.wait_for_selector("html[data-isw-ready]", state="attached", timeout=15000)
        watched.assert_clean()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("connection", "whole"),
    [
        (("4g", "false", "wifi"), True),  # fast, not metered: the whole course
        (("4g", "true", "wifi"), False),  # the reader saves data
        (("4g", "false", "cellular"), False),  # a phone's data plan
        (("3g", "false", "wifi"), False),  # slow
    ],
)
def test_the_connection_decides_without_the_reader(browser, counted_site, connection, whole):
    _server, url, _sent = counted_site
    context = phone(browser, connection)
    try:
        page = Watched(context.new_page(), url).open(f"{url}/{FIRST}")
        settle(page, FIRST)
        if whole:
            page.wait_for_function(WHOLE, timeout=60000)
        assert page.evaluate(WHOLE) == whole
    finally:
        context.close()
