"""What the browser code does when something is wrong (issue 24), in Chromium: one broken
exercise does not stop the others, a chart that cannot be drawn says so, and Mijn resultaten
and Herhalen count the same saved answers after a question has left the book.
"""

from __future__ import annotations

import json

from drive import answer_scan
from site_checks import Watched

CHAPTER = "chapters/h1-wat-is-integraal-samenwerken.html"
QUIZ = "h1-quiz-definitie"
SCAN_PAGE = "chapters/h7-van-zeggen-naar-doen.html"
REVIEW = "chapters/herhalen.html"
RESULTS = "chapters/mijn-resultaten.html"


def test_one_broken_exercise_leaves_the_others_working(watched, site_url):
    """Its props unreadable (a damaged page, a bad proxy): that one keeps its readable markup."""
    page = watched.page

    def damaged(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('data-props="', 'data-props="{kapot', 1))

    page.route(f"{site_url}/{CHAPTER}", damaged)
    watched.open(f"{site_url}/{CHAPTER}")
    sections = page.locator("section.isw-widget[data-props]")
    assert sections.count() >= 2, "the test needs a page with more than one exercise"
    broken = sections.first
    assert broken.get_attribute("data-props").startswith("{kapot")
    assert broken.get_attribute("data-hydrated") is None
    assert broken.locator(".isw-static").is_visible(), "the broken one still shows its questions as text"
    page.wait_for_function(
        "n => document.querySelectorAll('section.isw-widget[data-hydrated]').length === n",
        arg=sections.count() - 1,
        timeout=10000,
    )
    assert [e for e in watched.errors if "kon niet starten" in e], watched.errors
    assert not [e for e in watched.errors if e.startswith("pageerror")], watched.errors


def test_a_chart_that_cannot_be_drawn_says_so_in_its_place(watched, site_url):
    page = watched.page
    page.route("**/_static/widgets/chart.js*", lambda route: route.abort())
    watched.open(f"{site_url}/{SCAN_PAGE}")
    scan = page.locator("#h7-scan-scarf")
    answer_scan(page, scan)  # a complete profile: the chart would appear now
    message = scan.locator(".isw-chart-failed")
    message.wait_for(timeout=10000)
    assert "De grafiek kan hier niet worden getekend" in message.inner_text()
    assert "tabel" in message.inner_text(), "it says where the same figures are"
    assert scan.locator(".isw-chart").is_hidden()
    assert scan.locator(".isw-profile-table tbody tr").count() > 0
    assert [e for e in watched.errors if "grafiek" in e and e.startswith("console.error")], watched.errors


def test_results_and_review_count_the_same_due_questions(context, site_url):
    """A saved box of a question the book no longer has (an author removed it): neither page
    counts it. Mijn resultaten used to count every due box, Herhalen only those in the book."""
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/{CHAPTER}")
    quiz = page.locator(f"#{QUIZ}")
    first = json.loads(quiz.get_attribute("data-props"))["questions"][0]
    wrong = [o["correct"] for o in first["options"]].index(False)
    quiz.locator("fieldset.isw-question").first.locator(f".isw-option input[value='{wrong}']").check()
    quiz.locator("fieldset.isw-question").first.get_by_role("button", name="Controleer").click()
    quiz.locator(".isw-verdict").first.wait_for()
    page.evaluate(
        """([exercise, gone]) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("isw:"));
      const data = JSON.parse(localStorage.getItem(key));
      const box = data.review[`${exercise}/${gone.question}`] = { ...Object.values(data.review)[0] };
      box.fingerprint = gone.fingerprint;
      localStorage.setItem(key, JSON.stringify(data));
    }""",
        [QUIZ, {"question": "een-vraag-die-weg-is", "fingerprint": "oud"}],
    )

    page = watched.open(f"{site_url}/{REVIEW}")
    review = page.locator(".isw-review-summary").inner_text()
    page = watched.open(f"{site_url}/{RESULTS}")
    results = page.locator(".isw-review-due").inner_text()
    assert review.startswith("Er staat 1 vraag klaar om te herhalen."), review
    assert results.startswith("Er staat 1 vraag klaar om te herhalen."), results
    watched.assert_clean()
