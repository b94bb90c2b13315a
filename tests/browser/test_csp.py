"""The site works under its own Content-Security-Policy: on no page, before or after a reader
answers every exercise, does the browser report a violation; charts are drawn and the offline
worker registers with the policy in force."""

from __future__ import annotations

import pytest

from drive import complete_every_widget
from site_checks import ALL_PAGES, WIDGET_PAGES, wait_until_ready

# Recorded from the first script on: a violation by the page's own start-up counts too.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || "inline"} `
    + `(${event.sourceFile || "?"}:${event.lineNumber}) ${event.sample || ""}`);
});
"""
RESULT_PAGES = [p for p in ALL_PAGES if "resultaten" in p or "team" in p]


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def draw_every_chart(page) -> int:
    """Scroll each chart into view and wait for Vega's SVG; return how many were drawn."""
    charts = page.locator(".isw-chart[data-spec]")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
        charts.nth(index).locator("svg").first.wait_for(timeout=15000)
    return charts.count()


@pytest.fixture(scope="module")
def reader(browser):
    """One reader's browser for all pages: answers given on one page reach Mijn resultaten."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


def test_the_policy_is_in_force_and_a_violation_is_recorded(reader, site_url):
    """The recorder works: an inline script injected into a page is refused and reported."""
    page = reader.new_page()
    page.goto(f"{site_url}/{ALL_PAGES[0]}")
    wait_until_ready(page)
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__ran = true";
      document.body.append(script);
    }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")  # a function: no eval
    assert page.evaluate("window.__ran") is None
    assert "script-src" in violations(page)[0]
    page.close()


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_violation_before_and_after_answering(reader, site_url, path):
    page = reader.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/{path}")
    wait_until_ready(page)
    draw_every_chart(page)
    before = violations(page)
    if path in WIDGET_PAGES:
        assert complete_every_widget(page)
        for scan in page.locator("section.isw-scan .isw-chart").all():  # the scan's profile chart
            scan.locator("svg").first.wait_for(timeout=15000)
    after = violations(page)
    page.close()
    assert not before, f"{path}, voor antwoorden:\n" + "\n".join(before)
    assert not after, f"{path}, na antwoorden:\n" + "\n".join(after)
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", RESULT_PAGES)
def test_result_pages_draw_their_charts_under_the_policy_after_answers(reader, site_url, path):
    """Run after the pages above were answered (same reader): the result charts are drawn."""
    page = reader.new_page()
    page.goto(f"{site_url}/{path}")
    wait_until_ready(page)
    charts = page.locator(".isw-chart")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    drawn = page.locator(".isw-chart svg, .isw-chart canvas").count()
    found = violations(page)
    page.close()
    assert not found, "\n".join(found)
    if "resultaten" in path:
        assert drawn > 0, f"{path}: no chart drawn after every exercise was answered"


def test_charts_in_the_text_are_drawn_by_the_interpreter_without_eval(reader, site_url, built_site):
    """At least one page draws a figure; Vega ran there without 'unsafe-eval'."""
    page = reader.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    path = next(p for p in ALL_PAGES if "data-spec=" in (built_site / p).read_text(encoding="utf-8"))
    page.goto(f"{site_url}/{path}")
    wait_until_ready(page)
    assert draw_every_chart(page) > 0
    assert any("/vega-interpreter.js" in url for url in requests)
    assert not violations(page)
    page.close()


def test_the_offline_worker_registers_under_the_policy(browser, site_url):
    context = browser.new_context(service_workers="allow")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{site_url}/{ALL_PAGES[0]}")
    wait_until_ready(page)
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    found = violations(page)
    context.close()
    assert scope == f"{site_url}/"
    assert not found, "\n".join(found)
