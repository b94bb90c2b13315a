"""Readable offline after one visit (issue 15): the service worker the build writes.

The site is served under a sub-path (/cursus/), as on a GitHub Pages project site. "Offline"
is both Playwright's offline mode and the server shut down: whatever loads then comes from
the worker's cache.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from contextlib import suppress
from pathlib import Path

import pytest
from chromium import _Quiet, serve
from drive import answer_questions, answer_scan, complete_every_widget
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from site_checks import Watched, assert_no_axe_violation, page_with, wait_until_ready

from widgets._offline import write_service_worker

ROOT_PAGE = "index.html"  # the landing page at the site's root
PRIVACY_PAGE = "chapters/privacy.html"  # where the reader asks to keep the whole course
WIDGET_PAGE = page_with("quiz")
SCAN_PAGE = page_with("scan")  # its chart appears once it is answered
RESULTS_PAGE = "chapters/mijn-resultaten.html"
NEW_SENTENCE = "Deze zin staat alleen in de nieuwe versie van de cursus."
# A function, not an expression: Playwright evaluates an expression with eval, which the
# site's Content-Security-Policy refuses.
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
OUR_CACHES = "caches.keys().then(names => names.filter(n => n.startsWith('isw ')))"


@pytest.fixture
def offline_context(browser):
    """A fresh browser (no worker yet) that records every request of its pages that fails.

    The worker's own requests fail too when offline (network first); those are in `tried`.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    context.failed, context.tried = [], []
    context.on(
        "requestfailed",
        lambda r: (context.tried if r.service_worker else context.failed).append(f"{r.url}: {r.failure}"),
    )
    yield context
    context.close()


def under_subpath(folder: Path, site: Path) -> tuple[object, str]:
    """Serve `site` as {origin}/cursus/; returns the server and the site's URL."""
    server, origin = serve(folder)
    return server, f"{origin}/{site.relative_to(folder).as_posix()}"


def visit_once(watched: Watched, url: str):
    """The first visit: the worker installs (keeps every file), then controls the page."""
    page = watched.open(url)
    page.wait_for_function(CONTROLLED, timeout=60000)
    return page


def go_offline(context, server) -> None:
    """Offline from here on; what failed before (a favicon cut off by index.html's redirect) is
    not this test's concern."""
    context.failed.clear()
    context.set_offline(True)
    server.shutdown()
    server.server_close()


def keep_whole_course(watched: Watched, url: str) -> None:
    """The reader asks for the whole course ("Bewaar de hele cursus voor offline"), and waits."""
    page = watched.open(f"{url}/{PRIVACY_PAGE}")
    page.get_by_role("button", name="Bewaar de hele cursus voor offline").click()
    page.get_by_text("De hele cursus is bewaard in deze browser.").wait_for(timeout=60000)


def test_the_whole_course_works_offline_once_the_reader_asks(offline_context, built_site, tmp_path):
    (tmp_path / "cursus").symlink_to(built_site)
    server, url = under_subpath(tmp_path, tmp_path / "cursus")
    origin = url.rsplit("/", 1)[0]
    watched = Watched(offline_context.new_page(), origin)
    page = visit_once(watched, f"{url}/{ROOT_PAGE}")
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)") == f"{url}/"
    keep_whole_course(watched, url)
    go_offline(offline_context, server)

    page = watched.open(f"{url}/{WIDGET_PAGE}")
    assert complete_every_widget(page)

    page = watched.open(f"{url}/{SCAN_PAGE}")
    scan = page.locator("section.isw-scan[data-hydrated]").first
    answer_scan(page, scan)
    scan.locator(".isw-chart svg").wait_for()  # Vega, from the cache

    page = watched.open(f"{url}/{RESULTS_PAGE}")
    results = page.locator("[data-isw-page=results]")
    results.locator(".isw-chart svg").wait_for()
    assert "H1" in results.inner_text()

    page.reload()  # a page visited offline, reloaded offline
    wait_until_ready(page)
    watched.assert_clean()
    assert not offline_context.failed, "\n".join(offline_context.failed)


def test_the_worker_answers_only_requests_to_its_own_site(offline_context, built_site, tmp_path):
    """Also for another origin: the site's Content-Security-Policy keeps its pages from asking,
    but the worker must not answer it either (a test page without the policy asks)."""
    (tmp_path / "cursus").symlink_to(built_site)
    (tmp_path / "elders.txt").write_text("buiten de cursus", encoding="utf-8")
    server, url = under_subpath(tmp_path, tmp_path / "cursus")
    other, other_origin = serve(tmp_path)  # another port: another origin
    try:
        page = visit_once(Watched(offline_context.new_page(), url.rsplit("/", 1)[0]), f"{url}/{WIDGET_PAGE}")
        answered = {}
        page.on("response", lambda r: answered.__setitem__(r.url, r.from_service_worker))
        targets = {
            f"{url}/_static/widgets/loader.js": True,  # the site's own file
            f"{url.rsplit('/', 1)[0]}/elders.txt": False,  # same origin, outside the site
            f"{other_origin}/elders.txt": False,  # another origin
        }
        page.route(f"{url}/zonder-csp.html", lambda route: route.fulfill(content_type="text/html", body="<p>test</p>"))
        page.goto(f"{url}/zonder-csp.html")  # in the worker's scope, without the site's policy
        for target in targets:
            page.evaluate("url => fetch(url, {mode: 'no-cors'}).then(r => r.status)", target)
        assert {target: answered.get(target) for target in targets} == targets
    finally:
        server.shutdown()
        other.shutdown()


def change_one_sentence(page: Path) -> None:
    """The first paragraph after the page's title, as an author's edit would change it."""
    html = page.read_text(encoding="utf-8")
    start = html.index("<h1")
    paragraph = re.compile(r"<p>.*?</p>", re.DOTALL).search(html, start)
    page.write_text(html[: paragraph.start()] + f"<p>{NEW_SENTENCE}</p>" + html[paragraph.end() :], encoding="utf-8")


def test_a_new_version_is_offered_and_loaded(offline_context, built_site, tmp_path):
    site = tmp_path / "cursus"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.map", "_sources"))
    server, url = under_subpath(tmp_path, site)
    watched = Watched(offline_context.new_page(), url.rsplit("/", 1)[0])
    page = visit_once(watched, f"{url}/{WIDGET_PAGE}")
    answer_questions(page, page.locator("section.isw-quiz[data-hydrated]").first)
    old_caches = page.evaluate(OUR_CACHES)
    assert len(old_caches) == 1
    notice = page.locator(".isw-update[role=status]")
    assert notice.inner_text() == "", "no notice while nothing new is published"

    change_one_sentence(site / WIDGET_PAGE)  # publish a new version: one sentence changed
    write_service_worker(site)  # and the build's last step
    page.reload()
    button = notice.get_by_role("button", name="Nieuwe versie laden")
    button.wait_for(timeout=60000)
    assert "nieuwe versie" in notice.inner_text()
    notice.get_by_role("button", name="Later").click()
    assert notice.inner_text() == ""
    watched.open(f"{url}/{WIDGET_PAGE}")  # the next visit offers it again
    button.wait_for(timeout=60000)
    assert_no_axe_violation(page, "the notice of a new version")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    wait_until_ready(page)
    page.wait_for_function(CONTROLLED)
    assert page.get_by_text(NEW_SENTENCE).is_visible()
    assert notice.inner_text() == ""
    new_caches = page.evaluate(OUR_CACHES)
    assert len(new_caches) == 1 and new_caches != old_caches, "the old version's cache is removed"
    assert page.locator("section.isw-quiz").first.locator(".isw-verdict").count() > 0, "answers kept"

    go_offline(offline_context, server)
    page.reload()  # the new version is what is kept
    wait_until_ready(page)
    assert page.get_by_text(NEW_SENTENCE).is_visible()
    watched.assert_clean()
    assert not offline_context.failed, "\n".join(offline_context.failed)


def test_switched_off_the_worker_removes_the_kept_copy(offline_context, built_site, tmp_path):
    site = tmp_path / "cursus"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.map", "_sources"))
    server, url = under_subpath(tmp_path, site)
    try:
        page = visit_once(Watched(offline_context.new_page(), url.rsplit("/", 1)[0]), f"{url}/{WIDGET_PAGE}")
        assert len(page.evaluate(OUR_CACHES)) == 1
        write_service_worker(site, enabled=False)  # a new build with isw_offline: false
        page.reload()
        left = "Promise.all([navigator.serviceWorker.getRegistrations(), %s]).then(([r, c]) => r.length + c.length)"
        # Each poll starts a count when none is running and looks at the last one that finished.
        gone = f"""() => {{
          window.iswCounting ??= {left % OUR_CACHES}.then(n => {{ window.iswLeft = n; window.iswCounting = null; }});
          return window.iswLeft === 0;
        }}"""
        with suppress(PlaywrightTimeout):  # reported below
            page.wait_for_function(gone, polling=100, timeout=30000)
        assert page.evaluate(left % OUR_CACHES) == 0, "the worker or its cache is still there"
    finally:
        server.shutdown()


class _Failing(_Quiet):
    """The site's host, which can be switched to answering every request with its own 503 page."""

    failing = False

    def do_GET(self) -> None:  # noqa: N802 (http.server's name for it)
        if not _Failing.failing:
            super().do_GET()
            return
        body = b"<!doctype html><title>Onderhoud</title><h1>Even onderhoud</h1>"
        self.send_response(503)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_host_error_page_gives_way_to_the_kept_copy(offline_context, built_site, tmp_path):
    """A 5xx answer (maintenance, an overloaded host) is treated as no network: the page read
    before comes from the kept copy, exercises and all."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    write_service_worker(site)  # the worker as this checkout writes it
    handler = functools.partial(_Failing, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        watched = Watched(offline_context.new_page(), url)
        visit_once(watched, f"{url}/{ROOT_PAGE}")
        page = watched.open(f"{url}/{WIDGET_PAGE}")  # read once: kept
        page.locator("section.isw-widget[data-hydrated]").first.wait_for()
        _Failing.failing = True
        page = watched.page.context.new_page()
        page.goto(f"{url}/{WIDGET_PAGE}?opnieuw")  # past the browser's HTTP cache, to the host
        page.locator("section.isw-widget[data-hydrated]").first.wait_for(timeout=20000)
        assert "Even onderhoud" not in page.content()
        page.close()
    finally:
        _Failing.failing = False
        server.shutdown()
        server.server_close()
