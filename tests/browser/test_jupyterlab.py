"""The exercises live in a real JupyterLab (pinned in requirements-test.txt), by keyboard alone.

JupyterLab runs headless on 127.0.0.1 with a random port and a token, on a copy of a small
book (the test exercises, a chapter that shows them, a _config.yml with a base URL) and a
notebook that shows one exercise of each kind. Playwright drives it as a keyboard user: the
choices follow the arrow keys, no notebook shortcut fires from inside an exercise (no cell is
added or moved), feedback appears, and the answers reach the kernel.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading

import pytest
from drive import ANSWER, answer_questions, tab_to
from helpers import FIXTURES, fixture_exercises
from site_checks import ANYWIDGET_HOST, free_port

import widgets

BASE_URL = "https://cursus.example.org/integraal"
KINDS = ("quiz", "casus", "scan", "sort", "reflectie")
SETTINGS = {
    # No news or update checks: JupyterLab would ask for them in a pop-up (and over the network).
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # Every cell in the page, also those out of view, so the test sees them all.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """JupyterLab serving a small book; yields the notebook's URL (with the token)."""
    book = tmp_path_factory.mktemp("boek")
    shutil.copytree(FIXTURES / "data", book / "data")
    (book / "chapters").mkdir()
    shutil.copy(FIXTURES / "chapter.md", book / "chapters" / "t1.md")
    (book / "_config.yml").write_text(f"title: Testboek\nhtml:\n  baseurl: {BASE_URL}/\n", encoding="utf-8")
    shutil.copy(FIXTURES / "jupyterlab" / "oefeningen.ipynb", book / "oefeningen.ipynb")
    home = tmp_path_factory.mktemp("jupyter")
    for name, values in SETTINGS.items():
        path = home / "settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = free_port(), secrets.token_hex(16)
    env = os.environ | {
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    env.pop("INTEGRAAL_DATA", None)  # the kernel finds the book's data/ from the notebook's folder
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--LabApp.extension_manager=readonly",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={book}",
            f"--LabApp.user_settings_dir={home / 'settings'}",
            f"--LabApp.workspaces_dir={home / 'workspaces'}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    log = home / "server.log"
    listening = threading.Event()

    def read_log():
        """Keep the server's log; JupyterLab says where it serves once it is listening."""
        with log.open("w", encoding="utf-8") as kept:
            for line in server.stderr:
                kept.write(line)
                kept.flush()
                if re.search(rf"{re.escape(base)}/lab\b", line):
                    listening.set()
        listening.set()  # the server stopped: nothing more to wait for

    threading.Thread(target=read_log, daemon=True).start()
    try:
        if not listening.wait(timeout=90):
            pytest.fail("JupyterLab did not start within 90 seconds:\n" + log.read_text(encoding="utf-8"))
        if server.poll() is not None:
            pytest.fail("JupyterLab stopped:\n" + log.read_text(encoding="utf-8"))
        yield f"{base}/lab/tree/oefeningen.ipynb?token={token}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def cell_sources(page) -> list[str]:
    return page.locator(".jp-Notebook .jp-Cell .jp-InputArea-editor").all_inner_texts()


def kernel_says(page, cell) -> str:
    """Run a cell by keyboard (Ctrl+Enter: in place, no new cell) and return what it printed."""
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Control+Enter")
    output = cell.locator(".jp-OutputArea-output")
    output.wait_for(timeout=60000)
    return output.inner_text()


def test_every_exercise_by_keyboard_live_in_jupyterlab(jupyterlab, browser):  # noqa: PLR0915 (one scenario, step by step)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(jupyterlab)
        cells = page.locator(".jp-Notebook .jp-Cell")
        cells.nth(2).wait_for(timeout=60000)
        # The kernel is ready: a run before that would skip the cell.
        page.locator(".jp-StatusBar-TextItem", has_text="| Idle").wait_for(timeout=60000)
        before = cell_sources(page)
        # Run the first two cells from the notebook's command mode, as a keyboard user does.
        cells.first.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        page.keyboard.press("Shift+Enter")
        exercises = page.locator(".isw-widget.isw-hydrated")
        exercises.nth(len(KINDS) - 1).wait_for(timeout=90000)
        assert exercises.count() == len(KINDS)

        # Tab goes from the first exercise into the last: none holds the focus.
        exercises.first.locator("input").first.focus()
        tab_to(page, exercises.nth(len(KINDS) - 1).locator("textarea"), limit=80)

        # The arrow keys change the choice and keep the focus; `b` adds no cell.
        quiz = exercises.nth(0)
        first = quiz.locator("fieldset.isw-question").first.locator("input")
        shown_first = int(first.first.get_attribute("value"))  # its authored index: options are shuffled
        first.first.focus()
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
        assert first.nth(1).is_checked() and not first.first.is_checked()
        assert first.nth(1).evaluate("el => el === document.activeElement")
        page.keyboard.press("ArrowUp")
        assert first.first.is_checked()
        page.keyboard.press("b")
        page.keyboard.press("a")
        assert cell_sources(page) == before, "a notebook shortcut fired from inside an exercise"

        # Every exercise completed by keyboard, with its feedback: as on the site (tests/browser/drive.py).
        # Live there is no data-props in the page: the driver checks what the widget says
        # against the authored answers of the fixture data, which the kernel loaded too.
        assert page.locator(".isw-widget[data-props]").count() == 0
        authored = {exercise.kind: widgets.props(exercise) for exercise in fixture_exercises().values()}
        for index, kind in enumerate(KINDS):
            exercise = exercises.nth(index)
            assert f"isw-{kind}" in exercise.get_attribute("class")
            if kind in ("quiz", "casus"):
                assert answer_questions(page, exercise, authored[kind]) > 0
            else:
                assert ANSWER[kind](page, exercise) > 0
        assert cell_sources(page) == before, "typing in an exercise added, moved or changed a cell"
        assert quiz.locator(".isw-verdict").count() == 2

        # Nothing hidden takes room: the scan's chart stays hidden (there is no Vega bundle here).
        hidden = page.locator(".isw-widget [hidden]")
        assert hidden.count() >= 1
        for index in range(hidden.count()):
            assert hidden.nth(index).bounding_box() is None, hidden.nth(index).evaluate("e => e.outerHTML.slice(0, 80)")

        # "Lees meer" leads to the published chapter, not to an anchor the notebook lacks.
        links = quiz.locator(".isw-read-more a")
        assert links.count() == 2
        assert links.first.get_attribute("href") == f"{BASE_URL}/chapters/t1.html#t1-sectie"
        assert page.locator(".isw-read-more a[href^='#']").count() == 0

        # The answers reached the kernel.
        answers = json.loads(kernel_says(page, cells.nth(2)))
        first_question = answers["t1-quiz"]["questions"]["een"]
        assert first_question["chosen"] == [shown_first] and first_question["checked"] is True
        assert answers["t1-casus"]["questions"]["wat"]["checked"] is True
        assert set(answers["t1-scan"]["scores"].values()) == {4}
        assert len(answers["t1-scan"]["scores"]) == 4
        assert answers["t1-sort"]["checked"] is True and len(answers["t1-sort"]["placed"]) == 2
        assert answers["t1-reflectie"] == {"text": "Ik bel morgen de wijkverpleging."}
        assert cell_sources(page) == before
        assert not errors, errors
    finally:
        context.close()


def test_without_a_base_url_read_more_is_advice_not_a_dead_link(browser):
    """With no html.baseurl (the fixture book has none) the notebook gets no link to nowhere."""
    props = widgets.props(fixture_exercises()["t1-quiz"])
    assert props["page_url"] is None
    page = browser.new_page()
    page.set_content("<!DOCTYPE html><html lang='nl'><body></body></html>")
    page.evaluate(ANYWIDGET_HOST, [widgets.ExerciseWidget(props={})._esm, [props]])
    quiz = page.locator("#jupyter-t1-quiz")
    quiz.locator("fieldset").first.locator("input").first.check()
    quiz.get_by_role("button", name="Controleer").first.click()
    assert quiz.locator(".isw-read-more").inner_text() == "Lees de uitleg bij deze vraag nog eens na in de tekst."
    assert quiz.locator(".isw-read-more a").count() == 0
    page.close()
