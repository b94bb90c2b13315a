"""After a rebuild in which only the browser code changed, every page links the new version:
Sphinx re-reads no page then, but it must write each one anew (their `?v=` and preloads)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import ROOT
from sphinx.application import Sphinx

from widgets import _ext_assets
from widgets._sphinx_compat import file_checksum

CONF = 'extensions = ["widgets.sphinx_ext"]\nhtml_theme = "furo"\nproject = "Proef"\nlanguage = "nl"\n'


def build(src: Path, out: Path) -> None:
    app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=None, warning=None)
    app.build()


def links(page: Path) -> tuple[str, str]:
    """The page's ?v= of the loader and of its preload of the reader store."""
    text = page.read_text(encoding="utf-8")
    loader = re.search(r'src="_static/widgets/loader\.js(\?v=[0-9a-f]+)"', text)
    store = re.search(r'<link rel="modulepreload" href="_static/widgets/store\.js(\?v=[0-9a-f]+)"', text)
    assert loader and store, "the page links the loader and preloads the store"
    return loader.group(1), store.group(1)


def test_a_change_in_the_browser_code_alone_reaches_every_page(tmp_path, monkeypatch):
    src, out = tmp_path / "boek", tmp_path / "html"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "_config.yml").write_text("description: Een proef.\n", encoding="utf-8")
    (src / "index.rst").write_text("Proef\n=====\n\nEen pagina.\n", encoding="utf-8")
    for bundle in (ROOT / ".cache").glob("vega-*.js"):  # made once per vl-convert version
        shutil.copy(bundle, (src / ".cache").mkdir(exist_ok=True) or src / ".cache" / bundle.name)

    monkeypatch.setattr(_ext_assets, "version_stamp", lambda: "1111111111")
    build(src, out)
    assert links(out / "index.html")[1] == "?v=1111111111"

    monkeypatch.setattr(_ext_assets, "version_stamp", lambda: "2222222222")  # only the JS changed
    build(src, out)
    loader, store = links(out / "index.html")
    assert store == "?v=2222222222", "the page preloads the store the loader now imports"
    assert loader == file_checksum(out, "_static/widgets/loader.js"), "and links the loader as it is now"
    assert 'from "./store.js?v=2222222222"' in (out / "_static" / "widgets" / "loader.js").read_text(encoding="utf-8")
