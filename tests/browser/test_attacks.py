"""A reader's data is safe (issue 25), attacked as an attacker would: a crafted import file, a
record planted in localStorage by another page of the origin, a full and a blocked storage, two
tabs, a merge confirmed after another tab saved, and a backup of the course from another address.

Each test proves three things: no script from the data ran (a payload would set
`window.isw_pwned`), nothing outside the reader's choice was lost (the record before and after),
and the reader was told, in Dutch.
"""

from __future__ import annotations

import json

import pytest
from drive import CHAPTER, QUIZ, RESULTS, REVIEW, answer, caught_up, import_file, open_and_answer, status_of, stored
from helpers import BUILD_HTML
from site_checks import BLOCK_STORAGE, Watched, copies_on_one_host

TEAM = "chapters/team.html"
PAYLOAD = "javascript:window.isw_pwned=1"
XSS_TITLE = '<img src=x onerror="window.isw_pwned=1">'
PWNED = "() => window.isw_pwned === undefined && Object.prototype.total === undefined"
AT = "2026-11-02T09:00:00.000Z"

FULL_STORAGE = """
if (sessionStorage.getItem("isw-test-full") === "ja") {
  Storage.prototype.setItem = function () { throw new DOMException("De opslag is vol", "QuotaExceededError"); };
}
"""


def catalog() -> dict:
    return json.loads((BUILD_HTML / "_static" / "widgets" / "catalog.json").read_text(encoding="utf-8"))


def first_of(kind: str) -> str:
    return next(i for i, entry in catalog()["exercises"].items() if entry["kind"] == kind)


def crafted(site: str) -> dict:
    """The hostile file of issue 25, on real exercise ids, beside one honest answer."""
    book = catalog()
    quiz = book["exercises"][QUIZ]
    q1, q2 = list(quiz["questions"])[:2]
    scan, sort = first_of("scan"), first_of("sort")
    question = {"chosen": [0], "checked": True, "correct": True, "confidence": "zeker", "at": AT}
    return {
        "format": 1,
        "site": site,
        "book": book["book_id"],
        "title": XSS_TITLE,
        "path": "/",
        "exercises": {
            QUIZ: {
                "kind": "quiz",
                "title": XSS_TITLE,
                "page": PAYLOAD,
                "fingerprint": quiz["fingerprint"],
                "saved": AT,
                "seed": 1,
                "result": {"score": 1, "total": 3, "answered": 1},
                "answers": {
                    "questions": {
                        q1: {**question, "fingerprint": quiz["questions"][q1]},
                        q2: {**question, "confidence": "__proto__", "fingerprint": quiz["questions"][q2]},
                    }
                },
            },
            scan: {
                "kind": "scan",
                "title": "Scan",
                "page": PAYLOAD,
                "fingerprint": book["exercises"][scan]["fingerprint"],
                "saved": AT,
                "answers": {"scores": {}},
                "result": {"profile": 5},
            },
            sort: {
                "kind": "sort",
                "title": "Sorteer",
                "page": "/x",
                "fingerprint": book["exercises"][sort]["fingerprint"],
                "saved": AT,
                "answers": {},
                "result": None,
            },
        },
        "review": {
            "__proto__/x": {"box": 1, "due": AT, "at": AT, "correct": False, "confidence": None, "fingerprint": None},
            f"{QUIZ}/{q1}": {
                "box": -1,
                "due": AT,
                "at": AT,
                "correct": False,
                "confidence": None,
                "fingerprint": quiz["questions"][q1],
            },
        },
    }


def open_question(page) -> int:
    """The index of the first question of the quiz not yet answered."""
    return page.locator(f"#{QUIZ} fieldset.isw-question").evaluate_all(
        "sets => sets.findIndex((set) => "
        "[...set.querySelectorAll('button')].some((b) => b.textContent === 'Controleer'))"
    )


def assert_safe(page) -> None:
    """No payload ran, no prototype was touched, no link leads to a script."""
    assert page.evaluate(PWNED), "a payload from the data ran"
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("img[src=x]").count() == 0


def test_a_crafted_import_file_is_cleaned_and_the_page_keeps_working(watched, site_url, tmp_path):
    page = watched.open(f"{site_url}/{CHAPTER}")
    answer(page, page.locator(f"#{QUIZ}"), 2, right=True, confidence="twijfel")
    before = stored(page)
    path = tmp_path / "aanval.json"
    path.write_text(json.dumps(crafted(before["key"])), encoding="utf-8")

    page = watched.open(f"{site_url}/{RESULTS}")
    results = page.locator("[data-isw-page=results]")
    import_file(page, path)
    preview = results.locator(".isw-import-preview").inner_text()
    assert "onderdelen passen niet bij deze cursus en worden overgeslagen" in preview, preview
    results.get_by_role("button", name="Samenvoegen").click()
    results.locator(".isw-import-preview").wait_for(state="detached")
    assert "samengevoegd" in status_of(results, "samengevoegd")
    after = stored(page)["data"]
    mine = before["data"]["exercises"][QUIZ]["answers"]["questions"]
    kept = after["exercises"][QUIZ]["answers"]["questions"]
    assert all(kept[q] == state for q, state in mine.items()), "the reader's own answer stays"
    assert after["exercises"][QUIZ]["page"].endswith(catalog()["exercises"][QUIZ]["page"]), "the link is the catalog's"
    assert set(after["exercises"]) == {QUIZ, first_of("scan")}, "the sort without answers was left out"
    assert after["exercises"][first_of("scan")]["result"] is None, "profile 5 was left out"
    assert list(after["review"]) == list(before["data"]["review"]), "no __proto__ key, no box -1"
    assert all(state.get("confidence") != "__proto__" for state in kept.values())
    assert results.get_by_role("button", name="Wis al mijn antwoorden").is_enabled(), "the page is not locked"
    hrefs = results.locator("a").evaluate_all("links => links.map((a) => a.href)")
    assert hrefs and all(href.startswith(site_url) for href in hrefs), hrefs
    assert_safe(page)

    page = watched.open(f"{site_url}/{REVIEW}")
    assert page.locator(".isw-review-summary").inner_text().strip()
    assert_safe(page)
    watched.assert_clean()


def test_a_planted_record_is_kept_aside_and_never_runs(watched, site_url):
    page, _ = open_and_answer(watched, f"{site_url}/{CHAPTER}", right=True)
    key = stored(page)["key"]
    planted = json.dumps(crafted(key))
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [key, planted])

    page = watched.open(f"{site_url}/{RESULTS}")
    results = page.locator("[data-isw-page=results]")
    aside = results.locator(".isw-kept-aside")
    assert "apart gezet" in aside.inner_text()
    with page.expect_download() as download:
        aside.get_by_role("button", name="Download apart gezette gegevens").click()
    assert download.value.path().read_text(encoding="utf-8") == planted, "the reader gets the planted record back whole"
    assert results.get_by_role("button", name="Wis al mijn antwoorden").is_enabled()
    assert_safe(page)

    page = watched.open(f"{site_url}/{CHAPTER}")
    answer(page, page.locator(f"#{QUIZ}"), open_question(page), right=True)
    copies = page.evaluate(
        "(key) => Object.keys(localStorage).filter((k) => k.startsWith(key + '|apart|'))"
        ".map((k) => localStorage.getItem(k))",
        key,
    )
    assert copies == [planted], "writing over it kept the copy"
    assert_safe(page)
    page = watched.open(f"{site_url}/{REVIEW}")
    assert_safe(page)
    watched.assert_clean()


def test_a_record_of_another_version_is_kept_aside_not_taken_as_empty(watched, site_url):
    page, _ = open_and_answer(watched, f"{site_url}/{CHAPTER}", right=True)
    before = stored(page)
    newer = json.dumps({**before["data"], "format": 2})
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [before["key"], newer])
    page.reload()
    page.wait_for_selector("html[data-isw-ready]", state="attached")
    answer(page, page.locator(f"#{QUIZ}"), 1, right=False)
    copies = page.evaluate(
        "(key) => Object.keys(localStorage).filter((k) => k.startsWith(key + '|apart|'))"
        ".map((k) => localStorage.getItem(k))",
        before["key"],
    )
    assert copies == [newer]
    page = watched.open(f"{site_url}/{RESULTS}")
    assert "andere versie" in page.locator(".isw-kept-aside").inner_text()
    watched.assert_clean()


def test_full_storage_says_niet_bewaard_and_loses_nothing(browser, site_url, tmp_path):
    context = browser.new_context()
    context.add_init_script(FULL_STORAGE)
    watched = Watched(context.new_page(), site_url)
    try:
        page, _ = open_and_answer(watched, f"{site_url}/{CHAPTER}", right=True)
        before = stored(page)
        page.evaluate("() => sessionStorage.setItem('isw-test-full', 'ja')")
        page.reload()
        page.wait_for_selector("html[data-isw-ready]", state="attached")

        answer(page, page.locator(f"#{QUIZ}"), 1, right=True)
        alert = page.locator("#isw-not-saved")
        assert alert.inner_text().startswith("Niet bewaard: de opslag van je browser is vol.")
        assert alert.get_attribute("role") == "alert"
        area = page.locator("section.isw-reflectie textarea")
        area.focus()
        page.keyboard.type("Dit raakt kwijt")
        note = page.locator("section.isw-reflectie .isw-hint[id$='-saved']")
        page.wait_for_function("(el) => el.textContent.length > 0", arg=note.element_handle())
        assert note.inner_text().startswith("Niet bewaard"), "never 'Bewaard in deze browser.'"
        assert stored(page) == before

        big = tmp_path / "groot.json"
        with big.open("w", encoding="utf-8") as out:
            out.write('{"format": 1, "exercises": {}, "review": {}, "x": "' + "a" * (50 * 1024 * 1024) + '"}')
        page = watched.open(f"{site_url}/{RESULTS}")
        import_file(page, big)
        page.locator(".isw-refused").wait_for()
        refused = page.locator(".isw-refused").inner_text()
        assert "50 MB" in refused and refused.endswith("Er is niets veranderd.")
        assert stored(page) == before
        assert_safe(page)
        page.get_by_role("button", name="Wis al mijn antwoorden").click()
        page.get_by_role("button", name="Ja, wis alles").click()  # the reader's choice works, even when full
        assert "gewist" in status_of(page.locator("[data-isw-page=results]"), "gewist")
        assert stored(page) is None
    finally:
        context.close()


def test_blocked_storage_never_claims_it_kept_anything(browser, site_url):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    watched = Watched(context.new_page(), site_url)
    try:
        page = watched.open(f"{site_url}/{CHAPTER}")
        page.locator("section.isw-reflectie textarea").focus()
        page.keyboard.type("Alleen voor nu")
        note = page.locator("section.isw-reflectie .isw-hint[id$='-saved']")
        page.wait_for_function("(el) => el.textContent.length > 0", arg=note.element_handle())
        assert note.inner_text().startswith("Niet bewaard: je browser blokkeert lokale opslag.")
        assert "blokkeert lokale opslag" in page.locator("#isw-not-saved").inner_text()
        watched.assert_clean()
    finally:
        context.close()


def test_two_tabs_keep_each_others_answers_and_hear_an_erase(context, site_url):
    one, two, overview = (Watched(context.new_page(), site_url) for _ in range(3))
    first = one.open(f"{site_url}/{CHAPTER}")
    second = two.open(f"{site_url}/{CHAPTER}")
    results = overview.open(f"{site_url}/{RESULTS}")
    answer(first, first.locator(f"#{QUIZ}"), 0, right=True)
    answer(second, second.locator(f"#{QUIZ}"), 1, right=False)  # this tab still shows question 1 open
    questions = stored(caught_up(first, second))["data"]["exercises"][QUIZ]["answers"]["questions"]
    assert sum(state["checked"] for state in questions.values()) == 2, "neither tab wiped the other's answer"
    results.wait_for_function(
        "() => document.querySelector('.isw-results-content').textContent.includes('bewaart 1 oefening')"
    )

    results.get_by_role("button", name="Wis al mijn antwoorden").click()
    results.get_by_role("button", name="Ja, wis alles").click()
    assert "gewist" in status_of(results.locator("[data-isw-page=results]"), "gewist")
    caught_up(first, results)
    answer(first, first.locator(f"#{QUIZ}"), 2, right=True)  # this tab still shows the erased answers
    questions = stored(first)["data"]["exercises"][QUIZ]["answers"]["questions"]
    third = json.loads(first.locator(f"#{QUIZ}").get_attribute("data-props"))["questions"][2]["id"]
    assert [q for q, state in questions.items() if state["checked"]] == [third]
    results.wait_for_function(
        "() => document.querySelector('.isw-results-content').textContent.includes('bewaart 1 oefening')"
    )
    for tab in (first, second, results):
        assert_safe(tab)
    for watched in (one, two, overview):
        watched.assert_clean()


def test_a_merge_is_made_when_confirmed_not_when_previewed(context, site_url, tmp_path):
    chapter, overview = Watched(context.new_page(), site_url), Watched(context.new_page(), site_url)
    page, _ = open_and_answer(chapter, f"{site_url}/{CHAPTER}", right=True)
    key = stored(page)["key"]
    path = tmp_path / "oud.json"
    path.write_text(
        json.dumps({"format": 1, "site": key, "book": catalog()["book_id"], "exercises": {}, "review": {}}),
        encoding="utf-8",
    )
    results = overview.open(f"{site_url}/{RESULTS}")
    import_file(results, path)
    results.locator(".isw-import-preview").wait_for()
    answer(page, page.locator(f"#{QUIZ}"), 1, right=True)  # saved while the preview is open
    before = stored(page)
    caught_up(results, page).get_by_role("button", name="Samenvoegen").click()
    results.locator(".isw-import-preview").wait_for(state="detached")
    assert stored(results)["data"]["exercises"] == before["data"]["exercises"], "the answer saved in between stays"
    assert "samengevoegd" in status_of(results.locator("[data-isw-page=results]"), "samengevoegd")
    chapter.assert_clean()
    overview.assert_clean()


def test_a_backup_travels_with_the_course_to_another_address(browser, built_site, tmp_path):
    with copies_on_one_host(browser, built_site, tmp_path, "oud", "nieuw") as (url, watched):
        page, _ = open_and_answer(watched, f"{url}/oud/{CHAPTER}", right=True)
        page = watched.open(f"{url}/oud/{RESULTS}")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download mijn antwoorden (JSON)").click()
        backup = tmp_path / "backup.json"
        download.value.save_as(backup)
        exported = json.loads(backup.read_text(encoding="utf-8"))
        assert exported["book"] == catalog()["book_id"] and exported["path"] == "/oud/"

        page = watched.open(f"{url}/nieuw/{RESULTS}")
        results = page.locator("[data-isw-page=results]")
        import_file(page, backup)
        results.get_by_text("Toch inlezen?").first.wait_for()
        question = results.locator(".isw-import-message").inner_text()
        assert "Dit bestand komt van 'Integraal samenwerken' op /oud/" in question and "Toch inlezen?" in question
        assert "isw:" not in question, "never the internal storage key"
        results.get_by_role("button", name="Ja, lees het in").click()
        results.get_by_role("button", name="Samenvoegen").click()
        results.locator(".isw-import-preview").wait_for(state="detached")
        moved = {
            "data": page.evaluate(
                "() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith('@/nieuw/'))))"
            )
        }
        assert moved["data"]["exercises"][QUIZ]["answers"] == exported["exercises"][QUIZ]["answers"]
        assert moved["data"]["exercises"][QUIZ]["page"].startswith("/nieuw/"), "links point to where the course is now"

        other = tmp_path / "ander.json"
        other.write_text(
            json.dumps({**exported, "book": "een-andere-cursus", "title": "Andere cursus"}), encoding="utf-8"
        )
        import_file(page, other)
        results.locator(".isw-refused").wait_for()
        refused = results.locator(".isw-refused").inner_text()
        assert "hoort bij een andere cursus (Andere cursus)" in refused and "isw:" not in refused
        assert (
            page.evaluate(
                "() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith('@/nieuw/'))))"
            )
            == moved["data"]
        )
        assert_safe(page)
        watched.assert_clean()


def checksum(text: str) -> str:
    """widgets/js/logic.js checksum, so a crafted code gets past the typing check."""
    total = 0
    for char in text:
        total = (total * 31 + ord(char)) % 1296
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    return digits[total // 36] + digits[total % 36]


@pytest.mark.parametrize(
    "line, times, said",
    [
        (
            f"IS2.__proto__.x.30.{checksum('IS2.__proto__.x.30')}",
            1,
            "Regel 1: de zelfscan '__proto__' bestaat niet in deze cursus",
        ),
        ("IS2.nietsbestaat.x.30.zz", 50_000, "Alleen de eerste 200 codes"),
    ],
)
def test_the_team_page_refuses_hostile_pastes_in_dutch(watched, site_url, line, times, said):
    page = watched.open(f"{site_url}/{TEAM}")
    page.locator("#team-codes").evaluate(
        "(area, [line, times]) => { area.value = Array(times).fill(line).join('\\n'); }", [line, times]
    )
    page.get_by_role("button", name="Vergelijk").click()
    problems = page.locator("#team-problems")
    problems.get_by_text(said).first.wait_for(timeout=3000)
    assert "undefined" not in problems.inner_text()
    assert problems.locator("li").count() <= 200
    assert_safe(page)
    watched.assert_clean()


def test_a_reflection_typed_just_before_a_reload_is_kept(watched, site_url):
    page = watched.open(f"{site_url}/{CHAPTER}")
    page.locator("section.isw-reflectie textarea").focus()
    page.keyboard.type("Net op tijd")
    page.reload()  # well within the 400 ms the reflection waits before it saves
    page.wait_for_selector("html[data-isw-ready]", state="attached")
    assert page.locator("section.isw-reflectie textarea").input_value() == "Net op tijd"
    watched.assert_clean()
