"""The built site, read as files: self-contained, complete, and every internal link resolves."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, site_pages

sys.path.insert(0, str(ROOT / "tools"))
from pdf import toc_pages

# Every attribute through which a page makes the browser fetch something.
FETCHING = {
    "script": ["src"],
    "link": ["href"],  # stylesheets, preloads, icons; plain navigation links are <a>
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}
NAVIGATION_RELS = {"index", "search", "next", "prev", "canonical", "author", "license", "help"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def is_external(url: str) -> bool:
    parsed = urlparse(url.strip())
    return bool(parsed.scheme and parsed.scheme not in {"data", "blob"}) or url.strip().startswith("//")


def test_no_page_loads_anything_from_another_origin(built_site):
    offenders = []
    for page in site_pages(built_site):
        document = soup(page)
        for tag, attributes in FETCHING.items():
            for element in document.find_all(tag):
                if tag == "link" and set(element.get("rel", [])) <= NAVIGATION_RELS:
                    continue
                for attribute in attributes:
                    for url in str(element.get(attribute, "")).split(","):
                        if url.strip() and is_external(url.split()[0]):
                            offenders.append(f"{page.relative_to(built_site)}: <{tag} {attribute}={url.strip()}>")
        for style in document.find_all("style"):
            if "url(http" in style.get_text() or "@import" in style.get_text():
                offenders.append(f"{page.relative_to(built_site)}: <style> fetches from elsewhere")
    assert not offenders, "\n".join(offenders)


def test_stylesheets_load_no_fonts_or_images_from_elsewhere(built_site):
    offenders = []
    for css in (built_site / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for marker in ("url(http", "url(//", "url('http", 'url("http', "@import url(http"):
            if marker in text:
                offenders.append(f"{css.relative_to(built_site)}: {marker}")
    assert not offenders, "\n".join(offenders)


def test_no_thebe_binder_or_mathjax(built_site):
    for page in site_pages(built_site):
        text = page.read_text(encoding="utf-8")
        for word in ("THEBE_JS_URL", "thebe", "mybinder", "mathjax", "colab"):
            assert word not in text.lower(), f"{page.relative_to(built_site)} mentions {word}"


def test_cell_outputs_carry_no_inline_script(built_site):
    for page in site_pages(built_site):
        for output in soup(page).select(".cell_output, .output"):
            assert output.find("script") is None, f"inline script in an output of {page.name}"


def toc_files() -> list[str]:
    """Every page of _toc.yml, read with sphinx-external-toc as tools/pdf.py reads it."""
    return toc_pages(ROOT / "_toc.yml")


def test_every_toc_entry_exists_and_every_chapter_is_in_the_toc():
    listed = toc_files()
    for entry in listed:
        assert (ROOT / f"{entry}.md").is_file(), f"_toc.yml names {entry}, which does not exist"
    chapters = {
        str(p.relative_to(ROOT).with_suffix(""))
        for p in (ROOT / "chapters").rglob("*.md")
        if not any(part.startswith("_") for part in p.relative_to(ROOT).parts)
    }
    assert chapters - set(listed) == set(), "pages not in _toc.yml"
    assert len(listed) == len(set(listed)), "a page is listed twice"


def test_every_toc_page_is_built(built_site):
    for entry in toc_files():
        assert (built_site / f"{entry}.html").is_file(), f"{entry} was not built"


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            document = soup(page)
            ids[page] = {e["id"] for e in document.find_all(id=True)} | {
                e["name"] for e in document.find_all("a", attrs={"name": True})
            }
        return ids[page]

    broken = []
    for page in site_pages(built_site):
        for link in soup(page).find_all("a", href=True):
            href = link["href"]
            if is_external(href) or href.startswith(("mailto:", "javascript:")):
                continue
            url, fragment = urldefrag(href)
            target = (page.parent / unquote(url)).resolve() if url else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {href} (no such file)")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in anchors(target):
                broken.append(f"{page.relative_to(built_site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_pages_are_dutch(built_site):
    for page in site_pages(built_site):
        html = soup(page).find("html")
        assert html.get("lang") == "nl", f"{page.name} is not marked as Dutch"


@pytest.mark.parametrize("name", ["loader.js", "exercise.js", "exercise.css"])
def test_widget_code_is_served_by_the_site(built_site, name):
    assert (built_site / "_static" / "widgets" / name).is_file()


def test_the_accessibility_statement_says_where_to_report_as_the_config_does(built_site):
    """The contact is a setting in _config.yml (README: Publish the site), not text in the page."""
    import yaml

    from widgets import _markdown

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    where = config["parse"]["myst_substitutions"]["meldpunt_toegankelijkheid"]
    expected = " ".join(BeautifulSoup(_markdown.inline(where), "html.parser").get_text().split())
    section = soup(built_site / "chapters" / "toegankelijkheid.html").find(id="een-probleem-melden")
    assert section is not None, "the statement has no section 'Een probleem melden'"
    assert expected in " ".join(section.get_text().split())


def test_the_loader_imports_the_store_the_page_preloads(built_site):
    """loader.js imports the reader store statically, stamped by the build with its version; the
    page preloads that very URL (another would be fetched twice), and the loader is a deferred
    module, not async, so it runs before DOMContentLoaded."""
    loader = (built_site / "_static" / "widgets" / "loader.js").read_text(encoding="utf-8")
    imported = re.findall(r'from "\./store\.js(\?v=[0-9a-f]+)"', loader)
    assert len(imported) == 1, "the built loader.js does not import a stamped store.js"
    page = (built_site / "chapters" / "h1-wat-is-integraal-samenwerken.html").read_text(encoding="utf-8")
    assert f'rel="modulepreload" href="../_static/widgets/store.js{imported[0]}"' in page
    tag = re.search(r"<script[^>]*widgets/loader\.js[^>]*>", page).group(0)
    assert 'type="module"' in tag and "async" not in tag
