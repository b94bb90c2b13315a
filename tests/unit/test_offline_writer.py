"""The service worker the build writes: which files it keeps, and that a change shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets._offline import PLACEHOLDER, manifest, precache_files, write_service_worker
from widgets._offline import written_precache as embedded


@pytest.fixture
def site(tmp_path: Path) -> Path:
    files = {
        "index.html": "<p>redirect</p>",
        "chapters/h1.html": "<p>Een zin.</p>",
        "chapters/mijn map/h2.html": "<p>Nog een zin.</p>",
        "_static/widgets/loader.js": "export {};",
        "_static/scripts/theme.js.map": "{}",
        "_sources/chapters/h1.md": "# H1",
        "objects.inv": "inventory",
        ".buildinfo": "config: x",
        "_static/.hidden/file.js": "",
        "sw.js": "an old worker",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_keeps_every_file_a_reader_needs_and_nothing_else(site):
    assert precache_files(site) == [
        "_static/widgets/loader.js",
        "chapters/h1.html",
        "chapters/mijn map/h2.html",
        "index.html",
    ]


def test_the_worker_carries_a_content_hash_per_file(site):
    worker = write_service_worker(site)
    assert worker == site / "sw.js"
    text = worker.read_text(encoding="utf-8")
    assert PLACEHOLDER not in text
    precache = embedded(worker)
    assert precache == manifest(site)
    assert set(precache["files"]) == set(precache_files(site))
    assert len(set(precache["files"].values())) == 4, "different contents, different hashes"


def test_one_changed_sentence_gives_a_new_worker(site):
    before = embedded(write_service_worker(site))
    (site / "chapters/h1.html").write_text("<p>Een andere zin.</p>", encoding="utf-8")
    after = embedded(write_service_worker(site))
    assert after["build"] != before["build"]
    changed = {name for name in before["files"] if before["files"][name] != after["files"][name]}
    assert changed == {"chapters/h1.html"}, "unchanged files keep their hash: not downloaded again"


def test_an_unchanged_site_gives_the_same_worker(site):
    first = write_service_worker(site).read_bytes()
    assert write_service_worker(site).read_bytes() == first, "else every reader is offered a 'new version'"


def test_switched_off_the_worker_removes_itself_and_its_caches(site):
    text = write_service_worker(site, enabled=False).read_text(encoding="utf-8")
    assert "unregister()" in text and "caches.delete" in text
    assert "fetch" not in text, "it must answer no request"
    assert embedded(site / "sw.js") is None
