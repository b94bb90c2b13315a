"""Charts drawn offline: they follow the reader's answers, have a text alternative, and Vega
loads only where a chart is drawn."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from drive import answer_questions, answer_scan, status_of
from site_checks import chart_labels, wait_until_ready

SCAN_PAGE = "chapters/h7-van-zeggen-naar-doen.html"
FIGURE_PAGE = "chapters/h6-samenwerken-inrichten.html"


def vega_requested(watched) -> bool:
    return any(urlparse(url).path.endswith("/vega.js") for url in watched.requests)


def test_answering_a_scan_changes_its_chart_and_its_table(watched, site_url):
    page = watched.open(f"{site_url}/{SCAN_PAGE}")
    scan = page.locator("#h7-scan-scarf")
    chart = scan.locator(".isw-chart")
    assert chart.is_hidden(), "no chart before any dimension is complete"
    assert not vega_requested(watched), "Vega loaded before a chart was needed"

    answer_scan(page, scan)  # every statement: 4
    chart.locator("svg").wait_for()
    assert vega_requested(watched)
    assert "4,0" in chart_labels(chart)
    table = scan.locator(".isw-profile-table")
    assert table.locator("tbody tr").first.locator("td").first.inner_text() == "4"

    first = scan.locator("fieldset.isw-statement").first
    first.locator("input:checked").focus()
    page.keyboard.press("ArrowLeft")  # from 4 back to 3 for the first statement
    row = table.locator("tbody tr").first.locator("td").first
    assert row.inner_text() not in ("4", "–")
    assert f": {row.inner_text()}, " in status_of(scan)
    page.wait_for_function(
        "([el, v]) => [...el.querySelectorAll('svg text')].some(t => t.textContent === v)",
        arg=[chart.element_handle(), row.inner_text()],
    )
    assert chart.get_attribute("role") == "img" and "tabel" in chart.get_attribute("aria-label")
    watched.assert_clean()


def test_the_figure_in_the_text_is_drawn_with_its_data_table(watched, site_url):
    page = watched.open(f"{site_url}/{FIGURE_PAGE}")
    figure = page.locator("#figuur-intensiteit")
    figure.scroll_into_view_if_needed()
    figure.locator(".isw-chart svg").wait_for()
    labels = chart_labels(figure.locator(".isw-chart"))
    assert "informeren" in labels and "één gezamenlijk proces" in labels
    assert "illustratie" in figure.locator("figcaption").inner_text()
    assert figure.locator("table tbody tr").count() == 5
    watched.assert_clean()


def test_results_page_gathers_answers_from_other_pages(watched, site_url):
    page = watched.open(f"{site_url}/chapters/h1-wat-is-integraal-samenwerken.html")
    quiz = page.locator("section.isw-quiz").first
    answer_questions(page, quiz)
    score = re.match(r"Score: (\d+) van (\d+) vragen goed", quiz.locator(".isw-score").inner_text())
    page = watched.open(f"{site_url}/{SCAN_PAGE}")
    answer_scan(page, page.locator("#h7-scan-scarf"))

    page = watched.open(f"{site_url}/chapters/mijn-resultaten.html")
    results = page.locator("[data-isw-page=results]")
    results.locator(".isw-chart svg").wait_for()
    text = results.inner_text()
    assert "H1" in text and f"{score[1]} van {score[2]} goed" in text, "the quiz's own score"
    assert "Zekerheid" in text
    labels = chart_labels(results.locator(".isw-chart"))
    assert any("Zekerheid" in label for label in labels)

    with page.expect_download() as download:
        results.get_by_role("button", name="Download mijn antwoorden (JSON)").click()
    saved = download.value.path().read_text(encoding="utf-8")
    assert "h7-scan-scarf" in saved and "h1-quiz" in saved
    with page.expect_download() as download:
        results.get_by_role("button", name="Download grafiek (SVG)").click()
    assert download.value.path().read_text(encoding="utf-8").lstrip().startswith("<svg")

    results.get_by_role("button", name="Wis al mijn antwoorden").click()
    results.get_by_role("button", name="Ja, wis alles").click()
    assert "gewist" in status_of(results, "gewist")
    assert "bewaart nog niets" in results.inner_text()
    page.goto(f"{site_url}/{SCAN_PAGE}")
    wait_until_ready(page)
    assert page.locator("#h7-scan-scarf input:checked").count() == 0
    watched.assert_clean()


def test_team_page_compares_three_codes_and_rejects_a_broken_one(watched, site_url):
    page = watched.open(f"{site_url}/{SCAN_PAGE}")
    scan = page.locator("#h7-scan-scarf")
    codes = []
    for value in ("1", "3", "5"):
        scan.get_by_role("button", name="Opnieuw beginnen").click()
        for statement in scan.locator("fieldset.isw-statement").all():
            statement.locator(f"input[value='{value}']").check()
        codes.append(scan.locator(".isw-code").input_value())
    assert len(set(codes)) == 3 and all(code.startswith("IS2.h7-scan-scarf.") for code in codes)
    broken = codes[0][:-1] + ("x" if codes[0][-1] != "x" else "y")

    page = watched.open(f"{site_url}/chapters/team.html")
    team = page.locator("[data-isw-page=team]")
    team.get_by_label("Plak hier de resultaatcodes, één per regel").fill("\n".join([*codes, broken, "onzin"]))
    team.get_by_role("button", name="Vergelijk").click()
    said = status_of(team)
    assert "3 profielen vergeleken" in said and "2 codes zijn afgewezen" in said
    problems = team.locator(".isw-problems li").all_inner_texts()
    assert problems[0].startswith("Regel 4: de code is beschadigd of aangepast")
    assert problems[1].startswith("Regel 5: dit is geen resultaatcode")
    table = team.locator("table")
    first_row = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert first_row == ["1", "3", "5", "1", "5", "3"]  # three people, lowest, highest, mean
    team.locator(".isw-chart svg").wait_for()
    watched.assert_clean()
