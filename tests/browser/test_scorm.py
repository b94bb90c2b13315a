"""The SCORM package in a learning platform, played by a real SCORM 1.2 runtime (npm's
scorm-again): a platform page on 127.0.0.1 offers its API and opens a chapter of the unpacked
package in a frame; the learner answers by keyboard; the runtime holds the status, the score and
the answers, and a second visit on an empty browser gets the answers back from suspend_data.
And the public site: no adapter, no call, no request more.

The runtime's file is served from node_modules to this test's platform page only.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from urllib.parse import quote

import pytest
from chromium import serve
from drive import assert_remembered, right_alone, tab_to
from helpers import ROOT, site_pages
from lxml import etree
from scorm_schema import manifest_schema
from site_checks import Watched

from widgets.exports import scorm

RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
CHAPTER = "chapters/h7-van-zeggen-naar-doen.html"  # every kind of exercise, the most answers
TEXT = "Ik bel morgen de wijkverpleging."
# The platform: scorm-again's SCORM 1.2 API as window.API, what it kept from an earlier visit
# (the hash: JSON of cmi values), and the chapter in a frame.
PLATFORM = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Leeromgeving</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script></head><body>
<iframe id="sco" title="Hoofdstuk" style="width:1200px;height:850px"></iframe>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  const kept = location.hash ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : null;
  if (kept) window.API.loadFromJSON(kept);
  window.commits = 0;
  window.API.on("LMSCommit", () => { window.commits += 1; });
  window.sent = {};  // cmi.core.session_time is write only: the runtime tells what was set
  window.API.on("LMSSetValue.cmi.*", (element, value) => { window.sent[element] = value; });
  document.getElementById("sco").src = new URLSearchParams(location.search).get("sco");
</script></body></html>"""  # noqa: E501 (HTML and JavaScript lines)


@pytest.fixture(scope="module")
def platform(built_site, tmp_path_factory):
    """The package made from the built site, unpacked beside the platform page, served."""
    folder = tmp_path_factory.mktemp("lms")
    assert scorm.main([str(built_site), str(folder), "--data", str(ROOT / "data")]) == 0
    with zipfile.ZipFile(folder / scorm.FILENAME) as archive:
        archive.extractall(folder / "pakket")
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        names = set(archive.namelist())
    manifest_schema().assertValid(manifest)
    named = set(manifest.xpath("//cp:file/@href", namespaces={"cp": scorm.CP}))
    assert named == names - {"imsmanifest.xml"}, "the real package names exactly its files"
    (folder / "index.html").write_text(PLATFORM, encoding="utf-8")
    shutil.copy(RUNTIME, folder / "scorm12.min.js")
    server, url = serve(folder)  # a free port: runs side by side never collide
    yield url
    server.shutdown()
    server.server_close()


def cmi(page) -> dict:
    return page.evaluate("""() => ({status: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw,
      min: API.cmi.core.score.min, max: API.cmi.core.score.max, suspend: API.cmi.suspend_data,
      time: window.sent["cmi.core.session_time"], commits: window.commits, initialized: API.isInitialized(),
      terminated: API.isTerminated()})""")


def open_chapter(page, url: str, kept: dict | None = None, chapter: str = CHAPTER):
    hash_part = "#" + quote(json.dumps(kept)) if kept else ""
    page.goto(f"{url}/index.html?sco=pakket/{chapter}{hash_part}")
    frame = page.frame_locator("#sco")
    frame.locator("html[data-isw-ready]").wait_for(state="attached", timeout=15000)
    return frame


def answer_by_keyboard(page, widget) -> int:
    """Answer one exercise by keyboard in the frame: the first option shown, 4 on a scale, the
    first category; returns how many answers are right (for the score the platform gets)."""
    props = json.loads(widget.get_attribute("data-props"))
    right = 0
    if props["kind"] in ("quiz", "casus"):
        for index, question in enumerate(props["questions"]):
            fieldset = widget.locator("fieldset.isw-question").nth(index)
            first = fieldset.locator("input").first
            chosen = int(first.get_attribute("value"))
            first.focus()
            page.keyboard.press("Space")
            tab_to(page, fieldset.get_by_role("button", name="Controleer"))
            page.keyboard.press("Enter")
            widget.locator("fieldset.isw-question").nth(index).locator(".isw-verdict").wait_for()
            right += right_alone(question, chosen)
    elif props["kind"] == "scan":
        for index in range(len(props["statements"])):
            widget.locator("fieldset.isw-statement").nth(index).locator("input").first.focus()
            for _ in range(3):
                page.keyboard.press("ArrowRight")
    elif props["kind"] == "sort":
        selects = widget.locator("select")
        for index in range(selects.count()):
            selects.nth(index).focus()
            page.keyboard.press("ArrowDown")
        tab_to(page, widget.get_by_role("button", name="Controleer"))
        page.keyboard.press("Enter")
        widget.locator(".isw-option-feedback").first.wait_for()
        first = props["categories"][0]["id"]
        right += sum(item["category"] == first for item in props["items"])
    else:
        widget.locator("textarea").focus()
        page.keyboard.type(TEXT)
        widget.get_by_text("Bewaard in deze browser.").wait_for()
        # Saved while typing, too: the platform gets the whole text once the typing stops.
        page.wait_for_function("text => API.cmi.suspend_data.includes(text)", arg=TEXT, timeout=5000)
    return right


def test_platform_gets_status_score_answers_and_gives_them_back(browser, platform):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watched = Watched(page, platform)
    in_frame = open_chapter(page, platform)
    assert cmi(page)["initialized"], "the adapter found the API and called LMSInitialize"
    assert cmi(page)["status"] == "incomplete"

    widgets = in_frame.locator("section.isw-widget[data-hydrated]")
    kinds, right, total, questions = {}, 0, 0, 0
    for index in range(widgets.count()):
        widget = widgets.nth(index)
        props = json.loads(widget.get_attribute("data-props"))
        before = cmi(page)["commits"]
        right += answer_by_keyboard(page, widget)
        total += len(props.get("questions") or (props["items"] if props["kind"] == "sort" else []))
        kinds[props["id"]] = props["kind"]
        questions += len(props.get("questions", []))
        after = cmi(page)
        assert after["commits"] > before, f"LMSCommit after answering {props['id']}"
        assert after["status"] == ("completed" if index == widgets.count() - 1 else "incomplete"), props["id"]
    assert {"quiz", "casus", "scan", "sort", "reflectie"} <= set(kinds.values())

    reported = cmi(page)
    assert reported["status"] == "completed"
    assert reported["raw"] == str(round(100 * right / total))
    assert (reported["min"], reported["max"]) == ("0", "100")
    suspend = reported["suspend"]
    assert 0 < len(suspend) <= 4096
    assert TEXT in suspend

    # Leaving the chapter: session time and LMSFinish.
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("API.isTerminated()")
    assert re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", cmi(page)["time"])
    watched.assert_clean()
    context.close()

    # Another computer: a new browser context (its localStorage empty), and what the platform kept.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watched = Watched(page, platform)
    # This time the trainer set a mastery score (the platform reads it from the manifest).
    kept = {"cmi": {"suspend_data": suspend, "student_data": {"mastery_score": "100"}}}
    in_frame = open_chapter(page, platform, kept)
    assert_remembered(in_frame, kinds)
    assert in_frame.locator(".isw-verdict").count() == questions > 0, "every question shows its verdict again"
    assert cmi(page)["raw"] == str(round(100 * right / total)), "the same score from the answers given back"
    assert cmi(page)["status"] == ("passed" if right == total else "failed"), "passed or failed with a mastery score"
    watched.assert_clean()

    # A link followed inside the frame brings another chapter into this SCO: it reports nothing.
    reported = cmi(page)
    open_chapter(
        page, platform, kept={"cmi": {"suspend_data": reported["suspend"]}}, chapter="chapters/h2-valkuilen.html"
    )
    assert cmi(page)["suspend"] == reported["suspend"] and cmi(page)["commits"] == 0
    assert cmi(page)["status"] == "not attempted"
    watched.assert_clean()
    context.close()


def test_package_page_outside_a_platform_calls_nothing_and_asks_only_for_the_adapter(browser, platform, site_url):
    """Opened on its own, with no API anywhere: the adapter is fetched, and then nothing."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("Object.defineProperty(window, 'API', {get() { window.asked = (window.asked ?? 0) + 1; }})")
    packaged = Watched(page, platform)
    packaged.open(f"{platform}/pakket/{CHAPTER}")
    assert page.evaluate("window.asked") == 1, "the adapter looked for the API once"
    packaged.assert_clean()
    public_page = context.new_page()
    public = Watched(public_page, site_url)
    public.open(f"{site_url}/{CHAPTER}")
    public.assert_clean()
    path = lambda url: re.sub(r"^http://127\.0\.0\.1:\d+(/pakket)?/", "", url).split("?")[0]  # noqa: E731
    extra = {path(u) for u in packaged.requests} - {path(u) for u in public.requests}
    assert extra == {scorm.ADAPTER_PATH}, extra
    context.close()


def test_public_site_has_no_scorm_call_path(watched, site_url, built_site):
    """The public site never names the adapter; a chapter asks for it nowhere, and no page
    makes an error or a request more without a platform."""
    assert not (built_site / scorm.ADAPTER_PATH).exists()
    for page in site_pages(built_site):
        assert "scorm.js" not in page.read_text(encoding="utf-8"), page
    watched.page.add_init_script("window.API = new Proxy({}, {get(_, name) { window.called = name; }})")
    watched.open(f"{site_url}/{CHAPTER}")
    assert watched.page.evaluate("window.called ?? null") is None, "no SCORM call on the public site"
    assert not [u for u in watched.requests if "scorm" in u.lower()]
    watched.assert_clean()
