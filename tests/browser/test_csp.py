"""The site works under its own Content-Security-Policy: the browser enforces it and reports a
breach; the charts of Mijn resultaten are drawn after a reader's answers, the figures in the
text by the interpreter without eval, and the offline worker registers with the policy in force.

That no page breaks the policy before or after a reader answers every exercise on it is checked
in the one visit test_every_page makes of each page (its "clean" check)."""

from __future__ import annotations

import pytest
from drive import complete_every_widget
from site_checks import ALL_PAGES, RECORD_VIOLATIONS, csp_violations, page_with, wait_until_ready

RESULT_PAGES = [p for p in ALL_PAGES if "resultaten" in p or "team" in p]


def draw_every_chart(page) -> int:
    """Scroll each chart into view and wait for Vega's SVG; return how many were drawn."""
    charts = page.locator(".isw-chart[data-spec]")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
        charts.nth(index).locator("svg").first.wait_for(timeout=15000)
    return charts.count()


@pytest.fixture(scope="module")
def reader(browser, site_url):
    """One reader who answered every exercise of a page with quizzes and of a page with a scan:
    Mijn resultaten then has every kind of chart to draw."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    for path in dict.fromkeys(page_with(kind) for kind in ("quiz", "scan")):
        page = context.new_page()
        page.goto(f"{site_url}/{path}")
        wait_until_ready(page)
        assert complete_every_widget(page)
        page.close()
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
    assert "script-src" in csp_violations(page)[0]
    page.close()


@pytest.mark.parametrize("path", RESULT_PAGES)
def test_result_pages_draw_their_charts_under_the_policy_after_answers(reader, site_url, path):
    page = reader.new_page()
    page.goto(f"{site_url}/{path}")
    wait_until_ready(page)
    charts = page.locator(".isw-chart")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    drawn = page.locator(".isw-chart svg, .isw-chart canvas").count()
    found = csp_violations(page)
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
    assert not csp_violations(page)
    page.close()


def test_the_offline_worker_registers_under_the_policy(browser, site_url):
    context = browser.new_context(service_workers="allow")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{site_url}/{ALL_PAGES[0]}")
    wait_until_ready(page)
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    found = csp_violations(page)
    context.close()
    assert scope == f"{site_url}/"
    assert not found, "\n".join(found)
