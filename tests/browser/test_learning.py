"""Learning that lasts (issue 14): Herhalen with Leitner boxes, "Hoe zeker ben je?" and its
calibration, progress, and answers kept safe (export, import, fingerprints), in Chromium.

The reader store is read straight from localStorage, so each test checks what was kept, not
only what the page says. Everything is done by keyboard, except choosing a file to import.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from drive import (
    CHAPTER,
    QUIZ,
    REFLECTION,
    RESULTS,
    REVIEW,
    answer,
    answer_reflection,
    import_file,
    open_and_answer,
    status_of,
    stored,
    tab_to,
)
from site_checks import (
    BLOCK_STORAGE,
    Watched,
    assert_no_axe_violation,
    assert_reflows,
    chart_labels,
    copies_on_one_host,
    wait_until_ready,
)

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def test_wrong_answer_goes_to_herhalen_and_a_right_one_there_moves_it_on(context, site_url):  # noqa: PLR0915 (one scenario)
    page = context.new_page()
    page.clock.install(time=START)
    watched = Watched(page, site_url)
    page = watched.open(f"{site_url}/{CHAPTER}")
    quiz = page.locator(f"#{QUIZ}")
    props = json.loads(quiz.get_attribute("data-props"))
    first = props["questions"][0]
    said = answer(page, quiz, 0, right=False, confidence="zeker")
    assert said.startswith("Vraag 1: niet goed. Je was zeker, maar dit klopt niet."), said
    assert "0 van 3 oefeningen gedaan" in page.locator(".isw-progress-line").inner_text()
    assert_no_axe_violation(page, "hoofdstuk na een fout antwoord met zekerheid")

    record = stored(page)["data"]
    box = record["review"][f"{QUIZ}/{first['id']}"]
    assert (box["box"], box["correct"], box["confidence"]) == (1, False, "zeker")
    assert record["exercises"][QUIZ]["answers"]["questions"][first["id"]]["fingerprint"] == first["fingerprint"]

    # The end of the chapter links to Herhalen.
    link = page.locator("aside.isw-review-link a")
    assert link.get_attribute("href") == "herhalen.html"
    page = watched.open(f"{site_url}/{REVIEW}")
    review = page.locator("[data-isw-page=review]")
    assert review.locator(".isw-review-summary").inner_text().startswith("Er staat 1 vraag klaar om te herhalen.")
    item = review.locator(f"#herhaal-{QUIZ}-{first['id']}")
    assert "Bak 1 van 4. Je wist het zeker, maar had hem fout." in item.locator(".isw-box").inner_text()
    assert item.locator(".isw-from a").get_attribute("href").endswith(CHAPTER)
    assert_no_axe_violation(page, "Herhalen met een vraag die klaarstaat")
    assert_reflows(page, "Herhalen met een vraag die klaarstaat")

    # Answer it right, by keyboard (every right option of a "kies alle juiste" question), with the
    # same feedback and a link to the section in its chapter.
    for right in (i for i, option in enumerate(first["options"]) if option["correct"]):
        item.locator(f".isw-option input[value='{right}']").focus()
        page.keyboard.press("Space")
    tab_to(page, item.get_by_role("button", name="Controleer"))
    page.keyboard.press("Enter")
    assert status_of(item).startswith("Vraag 1: goed.")
    read_more = item.locator(".isw-read-more a")
    assert read_more.get_attribute("href").endswith(f"{CHAPTER}#{first['read_more']}")
    assert "de tekst hierboven" not in read_more.inner_text()
    assert "Bak 2 van 4" in item.locator(".isw-box").inner_text()
    assert "over 3 dagen" in item.locator(".isw-box").inner_text()
    assert review.locator(".isw-review-summary").inner_text().startswith("Er staan nu geen vragen klaar")
    assert_no_axe_violation(page, "Herhalen na een goed antwoord")
    record = stored(page)["data"]
    assert record["review"][f"{QUIZ}/{first['id']}"]["box"] == 2
    assert record["exercises"][QUIZ]["answers"]["questions"][first["id"]]["correct"] is True

    # Two days later it is not due yet; four days later it is, in box 2.
    page.clock.fast_forward("48:00:00")
    page = watched.open(f"{site_url}/{REVIEW}")
    assert page.locator(".isw-review-list section").count() == 0
    assert "De volgende komt terug op" in page.locator(".isw-review-summary").inner_text()
    page.clock.fast_forward("48:00:00")
    page = watched.open(f"{site_url}/{REVIEW}")
    item = page.locator(f"#herhaal-{QUIZ}-{first['id']}")
    assert "Bak 2 van 4. Je had hem goed." in item.locator(".isw-box").inner_text()

    # Wrong again: back to box 1, due at once.
    wrong = [o["correct"] for o in first["options"]].index(False)
    item.locator(f".isw-option input[value='{wrong}']").focus()
    page.keyboard.press("Space")
    item.get_by_role("button", name="Controleer").focus()
    page.keyboard.press("Enter")
    assert status_of(item).startswith("Vraag 1: niet goed.")
    assert stored(page)["data"]["review"][f"{QUIZ}/{first['id']}"]["box"] == 1
    watched.assert_clean()


def test_confidence_is_stored_and_calibration_follows_it(watched, site_url):
    page = watched.open(f"{site_url}/{CHAPTER}")
    quiz = page.locator(f"#{QUIZ}")
    answer(page, quiz, 0, right=True, confidence="zeker")
    answer(page, quiz, 1, right=False, confidence="zeker")
    answer(page, quiz, 2, right=False, confidence="gok")
    answers = stored(page)["data"]["exercises"][QUIZ]["answers"]["questions"]
    assert sorted(a["confidence"] for a in answers.values()) == ["gok", "zeker", "zeker"]

    page = watched.open(f"{site_url}/{RESULTS}")
    results = page.locator("[data-isw-page=results]")
    calibration = results.locator(".isw-calibration")
    rows = calibration.locator("tbody tr")
    assert rows.nth(0).inner_text().split("\t") == ["zeker", "2", "1", "50%"]
    assert rows.nth(1).inner_text().split("\t") == ["twijfel", "0", "0", "–"]
    assert rows.nth(2).inner_text().split("\t") == ["gok", "1", "0", "0%"]
    chart = calibration.locator(".isw-chart")
    chart.locator("svg").wait_for()
    labels = chart_labels(chart)
    assert "1 van 2 goed" in labels and "0 van 1 goed" in labels
    assert_no_axe_violation(page, "Mijn resultaten met kalibratie")
    assert_reflows(page, "Mijn resultaten met kalibratie")

    # Answer the wrong one again, now right and with doubt: chart and table follow.
    page = watched.open(f"{site_url}/{CHAPTER}")
    quiz = page.locator(f"#{QUIZ}")
    quiz.locator("fieldset.isw-question").nth(1).get_by_role("button", name="Probeer opnieuw").click()
    answer(page, quiz, 1, right=True, confidence="twijfel")
    page = watched.open(f"{site_url}/{RESULTS}")
    calibration = page.locator(".isw-calibration")
    assert calibration.locator("tbody tr").nth(0).inner_text().split("\t") == ["zeker", "1", "1", "100%"]
    assert calibration.locator("tbody tr").nth(1).inner_text().split("\t") == ["twijfel", "1", "1", "100%"]
    calibration.locator(".isw-chart svg").wait_for()
    page.wait_for_function(
        "el => [...el.querySelectorAll('svg text')].some(t => t.textContent === '1 van 1 goed')",
        arg=calibration.locator(".isw-chart").element_handle(),
    )
    watched.assert_clean()


def test_export_erase_import_restores_exactly_what_there_was(watched, site_url, tmp_path):
    page = watched.open(f"{site_url}/{CHAPTER}")
    quiz = page.locator(f"#{QUIZ}")
    answer(page, quiz, 0, right=False, confidence="twijfel")
    answer(page, quiz, 1, right=True)
    answer_reflection(page, page.locator("section.isw-reflectie"))
    before = stored(page)

    page = watched.open(f"{site_url}/{RESULTS}")
    results = page.locator("[data-isw-page=results]")
    with page.expect_download() as download:
        results.get_by_role("button", name="Download mijn antwoorden (JSON)").click()
    exported = tmp_path / "antwoorden.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["exercises"] == before["data"]["exercises"]

    results.get_by_role("button", name="Wis al mijn antwoorden").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # "Ja, wis alles" has the focus
    assert "gewist" in status_of(results, "gewist")
    assert stored(page)["data"]["exercises"] == {}, "an erase is a write every open tab hears of"

    import_file(page, exported)
    preview = results.locator(".isw-import-preview")
    assert "2 oefeningen en 2 vragen om te herhalen" in preview.inner_text()
    assert_no_axe_violation(page, "voorbeeld van een import")
    assert_reflows(page, "voorbeeld van een import")
    page.keyboard.press("Tab")  # from "Samenvoegen" to "Vervangen"
    page.keyboard.press("Enter")
    assert "teruggezet" in status_of(results, "teruggezet")
    after = stored(page)
    assert after["key"] == before["key"]
    assert {k: after["data"][k] for k in ("format", "exercises", "review")} == before["data"], "restored exactly"

    page = watched.open(f"{site_url}/{CHAPTER}")
    assert page.locator(f"#{QUIZ} .isw-verdict").count() == 2
    assert page.locator("section.isw-reflectie textarea").input_value() == REFLECTION
    watched.assert_clean()


def test_import_merges_keeping_the_newest(watched, site_url, tmp_path):
    page = watched.open(f"{site_url}/{CHAPTER}")
    quiz = page.locator(f"#{QUIZ}")
    answer(page, quiz, 0, right=True)
    mine = stored(page)["data"]
    theirs = {"format": mine["format"], "site": stored(page)["key"], "review": {}}
    theirs["exercises"] = {
        "h1-quiz-doelen": {
            **mine["exercises"][QUIZ],
            "title": "Doelen",
            "saved": "2026-01-01T00:00:00.000Z",
            "answers": {"questions": {}},
        },
        QUIZ: {**mine["exercises"][QUIZ], "saved": "2020-01-01T00:00:00.000Z", "answers": {"questions": {}}},
    }
    path = tmp_path / "ouder.json"
    path.write_text(json.dumps(theirs), encoding="utf-8")

    page = watched.open(f"{site_url}/{RESULTS}")
    import_file(page, path)
    preview = page.locator(".isw-import-preview").inner_text()
    assert "1 oefening komt erbij, 0 oefeningen worden vervangen" in preview
    page.get_by_role("button", name="Samenvoegen").press("Enter")
    data = stored(page)["data"]
    assert data["exercises"][QUIZ] == mine["exercises"][QUIZ], "the newer answers in this browser stay"
    assert data["exercises"]["h1-quiz-doelen"]["title"] == "Doelen"
    assert data["review"] == mine["review"]
    watched.assert_clean()


REFUSED = [
    ('{"format": 1, "exercises": {', "geen leesbaar JSON-bestand"),
    ("[1, 2, 3]", "geen bestand met antwoorden van deze site"),
    ('{"format": 1, "site": "isw:Een andere cursus@/", "exercises": {}, "review": {}}', "hoort bij een andere cursus"),
    ('{"format": 7, "site": "x", "exercises": {}, "review": {}}', "andere versie van de site"),
    (
        '{"format": 1, "site": "SITE", "exercises": {"h1-quiz-definitie": {"kind": "quiz"}}, "review": {}}',
        "de oefening 'h1-quiz-definitie' is onleesbaar",
    ),
    (
        '{"format": 1, "site": "SITE", "exercises": {}, "review": {"a/b": {"box": "twee"}}}',
        "de herhaling 'a/b' is onleesbaar",
    ),
]


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(watched, site_url, tmp_path):
    page, _ = open_and_answer(watched, f"{site_url}/{CHAPTER}", right=True, confidence="zeker")
    before = stored(page)

    page = watched.open(f"{site_url}/{RESULTS}")
    results = page.locator("[data-isw-page=results]")
    for number, (content, reason) in enumerate(REFUSED):
        path = tmp_path / f"bestand-{number}.json"
        path.write_text(content.replace("SITE", before["key"]), encoding="utf-8")
        import_file(page, path)
        page.wait_for_function(
            "([el, reason]) => el.textContent.includes(reason)",
            arg=[results.locator(".isw-import-message").element_handle(), reason],
        )
        message = results.locator(".isw-refused").inner_text()
        assert message.startswith("Dit bestand kan niet worden teruggezet: ") and reason in message, message
        assert message.endswith("Er is niets veranderd.")
        assert results.locator(".isw-import-preview").count() == 0
        assert reason in status_of(results)
        assert stored(page) == before, content
    assert_no_axe_violation(page, "een geweigerd bestand")
    watched.assert_clean()


def test_a_changed_question_is_shown_as_changed_not_answered(watched, site_url):
    """After a rebuild with a changed question its fingerprint differs from the saved one."""
    page = watched.open(f"{site_url}/{CHAPTER}")
    quiz = page.locator(f"#{QUIZ}")
    for index in range(3):
        answer(page, quiz, index, right=True)
    page.reload()
    wait_until_ready(page)
    assert "1 van 3 oefeningen gedaan" in page.locator(".isw-progress-line").inner_text()

    # What a rebuild with an edited first question gives: the same ids, another fingerprint.
    first = json.loads(quiz.get_attribute("data-props"))["questions"][0]
    assert page.content().count(first["fingerprint"]) == 1

    def rebuilt(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(first["fingerprint"], "nieuwe-vraag"))

    page.route(f"{site_url}/{CHAPTER}", rebuilt)
    page.reload()
    wait_until_ready(page)
    quiz = page.locator(f"#{QUIZ}")
    assert json.loads(quiz.get_attribute("data-props"))["questions"][0]["fingerprint"] == "nieuwe-vraag"
    changed = quiz.locator("fieldset.isw-question").nth(0)
    assert "Deze vraag is aangepast sinds je hem beantwoordde" in changed.locator(".isw-changed").inner_text()
    assert changed.locator(".isw-verdict").count() == 0
    assert changed.locator(".isw-option input").first.is_enabled()
    assert quiz.locator(".isw-verdict").count() == 2, "the other questions keep their answers"
    assert quiz.locator(".isw-score").inner_text() == "Score: 2 van 3 vragen goed (2 beantwoord)."
    assert_no_axe_violation(page, "een aangepaste vraag")

    said = answer(page, quiz, 0, right=True)
    assert said.startswith("Vraag 1: goed.")
    saved = stored(page)["data"]["exercises"][QUIZ]["answers"]["questions"][first["id"]]
    assert saved["fingerprint"] == "nieuwe-vraag"
    assert quiz.locator(".isw-changed").count() == 0
    watched.assert_clean()


def test_progress_in_the_navigation_and_under_the_heading(watched, site_url):
    page = watched.open(f"{site_url}/{CHAPTER}")
    nav = page.locator("nav.sidebar-tree")
    link = nav.locator("a.current", has_text="Wat is integraal samenwerken?")
    assert link.locator(".isw-progress").text_content() == " (0 van 3 oefeningen gedaan)"
    quiz = page.locator(f"#{QUIZ}")
    for index in range(3):
        answer(page, quiz, index, right=index > 0)
    assert link.locator(".isw-progress").text_content() == " (1 van 3 oefeningen gedaan)"
    line = page.locator(".isw-progress-line")
    assert line.inner_text() == "Op deze pagina: 1 van 3 oefeningen gedaan."
    # Screen readers read it: plain text in the link's name and right under the heading.
    assert "1 van 3 oefeningen gedaan" in link.evaluate("a => a.textContent")
    assert page.evaluate("el => el.previousElementSibling.tagName", line.element_handle()) == "H1"
    page = watched.open(f"{site_url}/{REVIEW}")
    link = page.locator("nav.sidebar-tree a", has_text="Wat is integraal samenwerken?")
    assert link.inner_text().endswith("(1 van 3 oefeningen gedaan)")
    watched.assert_clean()


def test_everything_works_with_storage_blocked(browser, site_url):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    watched = Watched(context.new_page(), site_url)
    page, said = open_and_answer(watched, f"{site_url}/{CHAPTER}", right=False, confidence="gok")
    assert said.startswith("Vraag 1: niet goed. Je zei vooraf: gok.")
    assert "0 van 3" in page.locator(".isw-progress-line").inner_text()
    page = watched.open(f"{site_url}/{REVIEW}")
    assert "nog geen vragen klaar" in page.locator(".isw-review-summary").inner_text()
    page = watched.open(f"{site_url}/{RESULTS}")
    assert "blokkeert lokale opslag" in page.locator(".isw-keeping").inner_text()
    watched.assert_clean()
    context.close()


def test_two_courses_on_one_host_never_mix(browser, built_site, tmp_path):
    """The same host serves two copies of the book under /a/ and /b/: each keeps its own."""
    with copies_on_one_host(browser, built_site, tmp_path, "a", "b") as (url, watched):
        page, _ = open_and_answer(watched, f"{url}/a/{CHAPTER}", right=False)
        assert stored(page)["key"] == "isw:Integraal samenwerken@/a/"
        page = watched.open(f"{url}/b/{CHAPTER}")
        assert page.locator(f"#{QUIZ} .isw-verdict").count() == 0
        page = watched.open(f"{url}/b/{REVIEW}")
        assert "nog geen vragen klaar" in page.locator(".isw-review-summary").inner_text()
        page = watched.open(f"{url}/a/{REVIEW}")
        assert page.locator(".isw-review-list section").count() == 1
        watched.assert_clean()


ASK_TO_KEEP = """
window.persistCalls = 0;
Object.defineProperty(navigator, "storage", { configurable: true, value: {
  persist: async () => { window.persistCalls += 1; return true; },
  persisted: async () => window.persistCalls > 0 || sessionStorage.getItem("kept") === "ja",
}});
"""


def test_the_site_asks_the_browser_to_keep_its_data_and_says_so(browser, site_url):
    context = browser.new_context()
    context.add_init_script(ASK_TO_KEEP)
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/{CHAPTER}")
    assert page.evaluate("window.persistCalls") == 0, "asked only once there is something to keep"
    answer(page, page.locator(f"#{QUIZ}"), 0, right=True)
    answer(page, page.locator(f"#{QUIZ}"), 1, right=True)
    assert page.evaluate("window.persistCalls") == 1, "asked once per visit"
    page.evaluate("sessionStorage.setItem('kept', 'ja')")
    page = watched.open(f"{site_url}/{RESULTS}")
    assert "heeft beloofd de gegevens van deze site te bewaren" in page.locator(".isw-keeping").inner_text()
    watched.assert_clean()
    context.close()

    context = browser.new_context()  # a browser that promises nothing
    watched = Watched(context.new_page(), site_url)
    page = watched.open(f"{site_url}/{RESULTS}")
    said = page.locator(".isw-keeping").inner_text()
    assert "Safari na zeven dagen zonder bezoek" in said and "reservekopie" in said
    context.close()
