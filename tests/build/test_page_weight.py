"""The built site carries only what its pages use (issue 13): no icon font, no source maps, no
theme files that no page loads, and the search index only on the search page."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from helpers import ROOT

import widgets.sphinx_ext as ext

TEXT_FILES = (".html", ".js", ".css")


def static_files(site: Path) -> list[Path]:
    return sorted(p for p in (site / "_static").rglob("*") if p.is_file())


def texts(site: Path) -> dict[Path, str]:
    """Every page, script and stylesheet of the site: what can name a file in _static."""
    return {p: p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in TEXT_FILES}


def test_no_source_maps_and_no_pointers_to_them(built_site):
    maps = list(built_site.rglob("*.map"))
    assert not maps, maps
    pointing = [p for p, text in texts(built_site).items() if "sourceMappingURL=" in text]
    assert not pointing, pointing


def unused(site: Path) -> list[str]:
    """Files in _static that no page, script or stylesheet (other than itself) names."""
    named = texts(site)
    return [
        str(p.relative_to(site))
        for p in static_files(site)
        if not any(p.name in text for other, text in named.items() if other != p)
    ]


def test_every_static_file_is_used_by_the_site(built_site):
    assert static_files(built_site)
    assert unused(built_site) == []


def test_the_unused_file_check_can_fail(built_site, tmp_path):
    """The check above finds a file that nothing names."""
    site = tmp_path / "site"
    (site / "_static").mkdir(parents=True)
    (site / "index.html").write_text('<link rel="stylesheet" href="_static/used.css">', encoding="utf-8")
    (site / "_static" / "used.css").write_text("p {}", encoding="utf-8")
    (site / "_static" / "vendor.js").write_text("var x;", encoding="utf-8")
    assert unused(site) == ["_static/vendor.js"]


def test_cleanup_keeps_what_is_named_and_drops_maps_and_the_rest(tmp_path):
    """drop_unused_static keeps what a page names (scripts without their source-map comment),
    and drops maps, files nothing names, and files only a dropped file names."""
    static = tmp_path / "_static"
    (static / "scripts").mkdir(parents=True)
    (tmp_path / "page.html").write_text('<script src="_static/scripts/a.js"></script><link href="_static/s.css">')
    (static / "scripts" / "a.js").write_bytes(b"var a = 1;\n//# sourceMappingURL=a.js.map")
    (static / "scripts" / "a.js.map").write_bytes(b"{}")
    (static / "s.css").write_bytes(b"p{color:red}\n/*# sourceMappingURL=s.css.map*/")
    (static / "basic.css").write_bytes(b"p{background:url(file.png)}")
    (static / "file.png").write_bytes(b"png")

    class App:
        outdir = str(tmp_path)
        builder = type("Builder", (), {"format": "html"})()

    ext.drop_unused_static(App(), None)
    assert (static / "scripts" / "a.js").read_bytes().strip() == b"var a = 1;"
    assert (static / "s.css").read_bytes().strip() == b"p{color:red}"
    assert sorted(p.name for p in static.rglob("*") if p.is_file()) == ["a.js", "s.css"]


def test_no_icon_font_and_no_search_index_on_chapter_pages(built_site):
    """Icons are inline SVG; only the search page loads the search index and its scripts."""
    for path in built_site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        loaded = [tag.get("src") or tag.get("href") or "" for tag in page.find_all(["script", "link"])]
        assert not [u for u in loaded if re.search(r"fontawesome|\.woff2?\b|\.ttf\b", u)], path
        searching = [u for u in loaded if re.search(r"searchindex\.js|searchtools\.js", u)]
        if path.name == "search.html":
            assert len(searching) == 2, searching
        else:
            assert not searching, path
    assert not list(built_site.rglob("*.woff*")), "a web font in the site"


def test_our_stylesheets_are_served_without_comments_and_spaces(built_site):
    """widgets/static/*.css are written to be read; the site sends them minified, with the
    same rules (the build's copy is shorter, and no comment or indentation is left)."""
    sources = sorted((ROOT / "widgets" / "static").glob("*.css"))
    assert sources
    for source in sources:
        served = (built_site / "_static" / "widgets" / source.name).read_text(encoding="utf-8")
        written = source.read_text(encoding="utf-8")
        assert "/*" not in served and "\n  " not in served, f"{source.name} is served as written"
        assert len(served) < 0.9 * len(written), f"{source.name}: {len(served)} of {len(written)} characters"
        assert names(served) == names(written), f"{source.name} lost or changed classes, ids or colours"


def names(css: str) -> list[str]:
    """The classes, ids and hex colours of a stylesheet, in order, without its comments."""
    return re.findall(r"[.#][\w-]+", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
