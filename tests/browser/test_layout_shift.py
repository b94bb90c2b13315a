"""Text that stays put while the page's scripts draw (issue 13): a layout shift moves what the
reader is reading, and it was most of what Lighthouse still took off on a phone. Measured as
the browser itself reports it (the Layout Instability API that Lighthouse reads too), for a
new reader, whose page Lighthouse loads. Every page on a phone: test_every_page.py.

The parts drawn after load keep their room: the progress line under a chapter's title and
the heading of Herhalen are in the page from the start, and Mijn resultaten keeps the height
of its overview (exercise.css) until results.js has drawn it.
"""

from __future__ import annotations

import re

import pytest
from site_checks import MOST_SHIFT, PHONE, RECORD_SHIFTS, Watched, settled_shifts

RESULTS = "chapters/mijn-resultaten.html"


def shifts(browser, site_url: str, path: str, size: tuple[int, int], route=None) -> tuple[float, list[dict]]:
    """Load a page as a new reader and let its scripts finish; the sum of its layout shifts."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        context.add_init_script(RECORD_SHIFTS)
        if route:
            context.route(*route)
        watched = Watched(context.new_page(), site_url)
        page = watched.open(f"{site_url}/{path}")
        found = settled_shifts(page)
        watched.assert_clean()
        return found
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 360, 412, 480, 600, 768, 1280, 1700])
def test_my_results_keep_their_room_at_every_width(browser, site_url, width):
    total, found = shifts(browser, site_url, RESULTS, (width, 900))
    assert total <= MOST_SHIFT, f"{width} px wide: layout shift {total:.3f}: {found}"


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
