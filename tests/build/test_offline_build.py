"""Offline reading in the built site: sw.js lists every file, every page registers it."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml
from bs4 import BeautifulSoup
from helpers import build_book, make_book

from widgets._offline import manifest, written_precache


def reader_pages(site: Path) -> list[Path]:
    """Pages with the theme (index.html only redirects to the root page)."""
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and p != site / "index.html")


def fetched(site: Path, page: Path) -> set[str]:
    """Site files a page loads itself (scripts, styles, preloads, icons, images), from the root."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    urls = [tag["src"] for tag in soup.find_all(["script", "img"], src=True)]
    urls += [
        link["href"]
        for link in soup.find_all("link", href=True)
        if {"stylesheet", "modulepreload", "preload", "icon"} & set(link.get("rel", []))
    ]
    folder = page.parent.relative_to(site).as_posix()
    return {
        posixpath.normpath(posixpath.join(folder, unquote(urlparse(url).path)))
        for url in urls
        if not urlparse(url).scheme
    }


def test_the_worker_lists_every_file_of_the_site_as_built(built_site):
    precache = written_precache(built_site / "sw.js")
    assert precache is not None, "sw.js is the switched-off worker"
    assert precache == manifest(built_site), "sw.js was written before the build's last file"
    assert "index.html" in precache["files"] and "_static/widgets/vega.js" in precache["files"]


def test_every_page_registers_the_worker_and_everything_it_loads_is_kept(built_site):
    kept = set(written_precache(built_site / "sw.js")["files"])
    for page in reader_pages(built_site):
        files = fetched(built_site, page)
        assert "_static/widgets/offline.js" in files, f"{page.name} does not register the worker"
        assert files <= kept, f"{page.name} loads files the worker does not keep: {files - kept}"


def test_switched_off_in_config_no_page_registers_it_and_the_worker_removes_itself(tmp_path):
    """The built site above shows the default (on); a small book shows the switch."""
    book = make_book(tmp_path / "book", chapter="# Zonder oefeningen\n\nEen zin om te lezen.\n")
    config = yaml.safe_load((book / "_config.yml").read_text(encoding="utf-8"))
    config["sphinx"]["config"]["isw_offline"] = False
    (book / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = build_book(book)
    assert result.returncode == 0, result.stdout + result.stderr
    html = book / "_build" / "html"
    assert "offline.js" not in (html / "chapters" / "t1.html").read_text(encoding="utf-8")
    assert written_precache(html / "sw.js") is None
    assert "unregister()" in (html / "sw.js").read_text(encoding="utf-8")
