"""Text that stays put while the page's scripts draw (issue 13): a layout shift moves what the
reader is reading, and it was most of what Lighthouse still took off on a phone. Measured as
the browser itself reports it (the Layout Instability API that Lighthouse reads too), for a
new reader, whose page Lighthouse loads.

The parts drawn after load keep their room: the progress line under a chapter's title and
the heading of Herhalen are in the page from the start, and Mijn resultaten keeps the height
of its overview (exercise.css) until results.js has drawn it.
"""

from __future__ import annotations

import re

import pytest

from conftest import PAGES, Watched

RESULTS = "chapters/mijn-resultaten.html"
PHONE = (412, 823)  # Lighthouse's mobile preset
# Google calls up to 0.1 good; a quarter of that keeps Lighthouse's layout-shift part at full
# marks. Before the parts above kept their room, chapter pages shifted 0.045 and Mijn
# resultaten 0.31.
MOST = 0.025

RECORD_SHIFTS = """
window.iswShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const moved = entry.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName || "?");
    window.iswShifts.push({ value: entry.value, moved: moved.join(", ") });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def shifts(browser, site_url: str, path: str, size: tuple[int, int], route=None) -> tuple[float, list[dict]]:
    """Load a page as a new reader and let its scripts finish; the sum of its layout shifts."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        context.add_init_script(RECORD_SHIFTS)
        if route:
            context.route(*route)
        watched = Watched(context.new_page(), site_url)
        page = watched.open(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # a frame or two for what the last response drew
        watched.assert_clean()
        found = page.evaluate("window.iswShifts")
        return sum(shift["value"] for shift in found), found
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_a_page_keeps_still_on_a_phone(browser, site_url, path):
    total, found = shifts(browser, site_url, path, PHONE)
    assert total <= MOST, f"{path}: layout shift {total:.3f} on a phone: {found}"


@pytest.mark.parametrize("width", [320, 360, 412, 480, 600, 768, 1280, 1700])
def test_my_results_keep_their_room_at_every_width(browser, site_url, width):
    total, found = shifts(browser, site_url, RESULTS, (width, 900))
    assert total <= MOST, f"{width} px wide: layout shift {total:.3f}: {found}"


def test_the_shift_check_can_fail(browser, site_url):
    """Without the room exercise.css keeps for it, Mijn resultaten pushes the text down: the
    check above sees that."""

    def without_room(route):
        css = route.fetch().text()
        kept = re.sub(r"[^{}]*\.isw-results:not\(\.isw-hydrated\)\s*\{[^}]*\}", "", css)
        assert kept != css, "exercise.css no longer keeps room for Mijn resultaten this way"
        route.fulfill(body=kept, content_type="text/css")

    total, _ = shifts(browser, site_url, RESULTS, PHONE, route=("**/exercise.css*", without_room))
    assert total > 0.1, f"with no room kept, the shift was only {total:.3f}"
