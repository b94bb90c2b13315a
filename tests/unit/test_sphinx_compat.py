"""Each private detail of Sphinx, MyST, myst-nb or Furo that widgets/_sphinx_compat.py relies on
is still there in the installed versions: an upgrade that changes one fails here."""

from __future__ import annotations

import hashlib
import inspect
import zlib
from pathlib import Path
from types import SimpleNamespace

import docutils.core
import furo
import myst_nb
import myst_nb.sphinx_
import myst_nb.sphinx_ext
import pytest
import sphinx
from furo.navigation import get_navigation_tree
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.html._assets import _JavaScript
from sphinx.domains.std import StandardDomain
from sphinx.highlighting import PygmentsBridge

from widgets import _sphinx_compat as compat

SPHINX = Path(sphinx.__file__).parent
FURO = Path(furo.__file__).parent / "theme" / "furo"


def test_a_deferred_script_keeps_sphinx_s_class_file_priority_and_attributes():
    script = _JavaScript("_static/scripts/furo.js", priority=200, type="module")
    copy = compat.deferred(script)
    assert type(copy) is _JavaScript and copy is not script
    assert (copy.filename, copy.priority) == ("_static/scripts/furo.js", 200)
    assert copy.attributes == {"type": "module", "defer": "defer"}
    assert script.attributes == {"type": "module"}, "the original is left alone"
    assert list(inspect.signature(_JavaScript).parameters) == ["filename", "priority", "attributes"]


def test_the_checksum_is_the_one_sphinx_puts_on_its_script_links(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "a.js").write_bytes(b"let a = 1;\r\n")
    without_cr = zlib.crc32(b"let a = 1;\n")
    assert compat.file_checksum(tmp_path, "_static/a.js") == f"?v={without_cr:08x}"
    assert compat.file_checksum(tmp_path, "_static/missing.js") == ""
    assert "_file_checksum(outdir, js.filename)" in inspect.getsource(StandaloneHTMLBuilder)


def test_myst_nb_keeps_widget_state_where_it_is_dropped():
    collector = myst_nb.sphinx_.NbMetadataCollector
    env = SimpleNamespace()
    collector.add_js_file(env, "p", "ipywidgets_state", None, {"type": "application/json"})
    collector.add_js_file(env, "p", "other", "x.js", {})
    compat.drop_widget_state(env, "p")
    assert collector.get_js_files(env, "p") == {"other": ("x.js", {})}


def test_labels_live_where_sphinx_and_myst_look_them_up():
    assert {"labels", "anonlabels"} <= set(StandardDomain.initial_data)
    from myst_parser.sphinx_ext import myst_refs

    assert '.get("myst_slugs", {})' in inspect.getsource(myst_refs)
    env = SimpleNamespace(
        docname="chapters/h1", domaindata={"std": {"labels": {}, "anonlabels": {}}}, metadata={"chapters/h1": {}}
    )
    compat.add_label(env, "h1-quiz", 12, "Een quiz")
    assert env.domaindata["std"]["labels"]["h1-quiz"] == ("chapters/h1", "h1-quiz", "Een quiz")
    assert env.metadata["chapters/h1"]["myst_slugs"]["h1-quiz"] == (12, "h1-quiz", "Een quiz")


@pytest.mark.parametrize("theirs", [theirs for theirs, _ in compat.BODY_FIXES])
def test_sphinx_and_docutils_still_write_what_the_body_fixes_translate(theirs):
    writers = (SPHINX / "writers" / "html5.py").read_text(encoding="utf-8")
    writers += (Path(docutils.core.__file__).parent / "writers" / "_html_base.py").read_text(encoding="utf-8")
    text = theirs.split('="', 1)[1].rstrip('"')
    # Furo wraps each table in a container of its own (furo/__init__.py), written by docutils.
    furo_wrapper = f'classes=["{text}"]' in Path(furo.__file__).read_text(encoding="utf-8")
    assert f"_('{text}')" in writers or f'role="{text}"' in writers or furo_wrapper


def test_furo_s_navigation_tree_still_has_what_the_navigation_fixes_replace():
    tree = get_navigation_tree(
        '<ul><li class="toctree-l1"><a href="a.html">A</a><ul><li><a href="b.html">B</a></li></ul></li></ul>'
    )
    assert "Toggle navigation of A" in tree and ' role="switch"' in tree
    fixed = compat.replaced(tree, compat.NAVIGATION_FIXES)
    assert "Onderliggende pagina's van A" in fixed and "switch" not in fixed
    assert "CLASS='caption', ROLE='heading'" in (SPHINX / "writers" / "html5.py").read_text(encoding="utf-8")


def test_the_markup_the_page_edits_lean_on():
    body = docutils.core.publish_parts("Titel\n=====\n\nTekst.\n", writer_name="html5")["html_body"]
    assert compat.after_title(body, "<p>x</p>").count("</h1>\n<p>x</p>") == 1
    assert compat.after_title("<p>geen titel</p>", "<p>x</p>") == "<p>geen titel</p>"
    assert compat.has_code(PygmentsBridge("html").highlight_block("a = 1", "python"))


def test_the_theme_files_the_pages_leave_out_or_defer_exist():
    furo_static = FURO / "static"
    assert (furo_static / "styles" / "furo-extensions.css").is_file()
    assert (Path(myst_nb.__file__).parent / "static" / "mystnb.css").is_file()
    assert 'f"mystnb.{hash}.css"' in inspect.getsource(myst_nb.sphinx_ext), (
        "myst-nb's stylesheet: _static/mystnb.<hash>.css"
    )
    assert {f"_static/scripts/{p.name}" for p in furo_static.joinpath("scripts").iterdir()} >= compat.DEFERRED
    basic = SPHINX / "themes" / "basic" / "static"
    for name in compat.SEARCH_ONLY - {"_static/translations.js"}:
        assert any(p.name.startswith(Path(name).name) for p in basic.iterdir()), name
    assert "'translations.js'" in inspect.getsource(StandaloneHTMLBuilder)
    assert "'pygments.css'" in inspect.getsource(StandaloneHTMLBuilder)


def test_sphinx_s_dutch_search_catalogue_has_the_texts_completed():
    prefix, catalogue = compat.search_catalogue("nl")
    assert prefix == "Documentation.addTranslations" and isinstance(catalogue["messages"], dict)
    search = (SPHINX / "themes" / "basic" / "static" / "searchtools.js").read_text(encoding="utf-8")
    search += (SPHINX / "themes" / "basic" / "search.html").read_text(encoding="utf-8")
    for english in compat.SEARCH_TEXTS_NL:
        assert english.split("\n")[0] in search, english


def test_our_translations_script_does_what_sphinx_s_add_translations_does():
    """doctools.js's addTranslations sets these three (its plural rule with `new Function`, which
    the site's Content-Security-Policy refuses); ours sets the same without it."""
    doctools = (SPHINX / "themes" / "basic" / "static" / "doctools.js").read_text(encoding="utf-8")
    body = doctools[doctools.index("addTranslations: (catalog) => {") :].split("},", 1)[0]
    for assignment in (
        "Object.assign(Documentation.TRANSLATIONS, catalog.messages)",
        "Documentation.PLURAL_EXPR = new Function(",
        "Documentation.LOCALE = catalog.locale",
    ):
        assert assignment in body, assignment
    script = compat.translations_script({"locale": "nl", "messages": {"a": "b"}, "plural_expr": "(n != 1)"})
    assert "Function" not in script and "Documentation.PLURAL_EXPR = (n) => ((n != 1));" in script
    assert 'Object.assign(Documentation.TRANSLATIONS, {\n "a": "b"\n});' in script


@pytest.mark.parametrize("name", sorted(compat.FURO_TEMPLATES))
def test_furo_s_templates_are_the_ones_ours_were_adapted_from(name):
    digest = hashlib.sha256((FURO / name).read_bytes()).hexdigest()
    assert digest == compat.FURO_TEMPLATES[name], f"Furo changed {name}: carry the change over to templates/sphinx/"


def test_sphinx_external_toc_leaves_an_index_html_it_finds():
    from sphinx_external_toc import events

    assert "index_path.exists()" in inspect.getsource(events.ensure_index_file)
