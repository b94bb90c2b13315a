"""The SCORM 1.2 package (widgets/exports/scorm.py): its manifest valid against the IMS Content
Packaging 1.1.2 and ADL SCORM 1.2 schemas, every file it names in the zip, a SCO per chapter
with exercises in the order of _toc.yml, the adapter only in those pages' copies, no service
worker; and every chapter's answers, at their biggest, within suspend_data's 4,096 characters.

A stand-in site made from _toc.yml (a page per entry, as the build writes its script tags)
keeps this test apart from the book's build; tests/browser/test_scorm.py packs the real one.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import ROOT
from lxml import etree
from scorm_schema import manifest_schema

from widgets._props import props
from widgets.exports import book, scorm

NS = {"cp": scorm.CP, "adlcp": scorm.ADLCP}
LOADER = (
    '<script data-isw-contract="{{}}" type="module" src="{up}_static/widgets/loader.js?v=1"></script>\n'
    '<script async="async" type="module" src="{up}_static/widgets/offline.js?v=2"></script>'
)


def toc_pages() -> list[str]:
    return [
        *re.findall(r"file:\s*(\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8")),
        yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"],
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Every page of the table of contents, with the loader and the offline script as built."""
    folder = tmp_path_factory.mktemp("html")
    for page in [*toc_pages(), "index", "search"]:
        path = folder / f"{page}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        up = "../" * page.count("/")
        path.write_text(
            f'<!DOCTYPE html><html lang="nl"><head><title>Pagina {page} - Integraal samenwerken</title>'
            f"{LOADER.format(up=up)}</head><body></body></html>",
            encoding="utf-8",
        )
    for name in ("sw.js", "_static/widgets/offline.js", "_static/widgets/loader.js", "_sources/x.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("//", encoding="utf-8")
    return folder


def pack(site: Path, out: Path, *extra: str) -> tuple[etree._Element, zipfile.ZipFile]:
    assert scorm.main([str(site), str(out), "--data", str(ROOT / "data"), *extra]) == 0
    archive = zipfile.ZipFile(out / scorm.FILENAME)
    return etree.fromstring(archive.read("imsmanifest.xml")), archive


def test_manifest_validates_and_names_exactly_its_files(site, tmp_path):
    manifest, archive = pack(site, tmp_path)
    manifest_schema().assertValid(manifest)
    named = manifest.xpath("//cp:resource/cp:file/@href", namespaces=NS)
    assert len(named) == len(set(named))
    assert sorted(named) == sorted(set(archive.namelist()) - {"imsmanifest.xml"})
    for href in manifest.xpath("//cp:resource/@href", namespaces=NS):
        assert href in named
    refs = set(manifest.xpath("//cp:item/@identifierref | //cp:dependency/@identifierref", namespaces=NS))
    assert refs <= set(manifest.xpath("//cp:resource/@identifier", namespaces=NS))


def test_schema_does_refuse_a_broken_manifest(site, tmp_path):
    manifest, _ = pack(site, tmp_path)
    schema = manifest_schema()
    assert schema.validate(manifest)
    manifest.find(".//cp:resource", NS).set(f"{{{scorm.ADLCP}}}scormtype", "hoofdstuk")
    assert not schema.validate(manifest)


def test_a_sco_per_chapter_with_exercises_in_the_order_of_the_toc(site, tmp_path):
    manifest, _ = pack(site, tmp_path)
    chapters = book.chapters(ROOT / "data")
    scos = manifest.xpath("//cp:resource[@adlcp:scormtype='sco']/@href", namespaces=NS)
    assert scos == [f"chapters/{c.stem}.html" for c in chapters]
    launched = [
        manifest.xpath(f"//cp:resource[@identifier='{ref}']/@href", namespaces=NS)[0]
        for ref in manifest.xpath("//cp:item/@identifierref", namespaces=NS)
    ]
    assert [page.removesuffix(".html") for page in launched] == [toc_pages()[-1], *toc_pages()[:-1]]
    titles = manifest.xpath("//cp:item[@identifierref]/cp:title/text()", namespaces=NS)
    assert titles[launched.index("chapters/h2-valkuilen.html")] == "Hoofdstuk 2 Valkuilen"
    parts = manifest.xpath(
        "/cp:manifest/cp:organizations/cp:organization/cp:item[not(@identifierref)]/cp:title/text()", namespaces=NS
    )
    assert parts == [part["caption"] for part in yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]]


def test_mastery_score_only_where_a_trainer_set_one(site, tmp_path):
    manifest, _ = pack(site, tmp_path / "none")
    assert manifest.xpath("//adlcp:masteryscore", namespaces=NS) == []
    manifest, _ = pack(site, tmp_path / "set", "--mastery-score", "70")
    scores = manifest.xpath("//cp:item[adlcp:masteryscore]", namespaces=NS)
    assert [s.find("adlcp:masteryscore", NS).text for s in scores] == ["70"] * len(book.chapters(ROOT / "data"))
    manifest_schema().assertValid(manifest)
    assert scorm.main([str(site), str(tmp_path), "--mastery-score", "130"]) == 1


def test_adapter_only_in_the_chapters_copies_and_no_service_worker(site, tmp_path):
    _, archive = pack(site, tmp_path)
    names = set(archive.namelist())
    assert "sw.js" not in names and "_static/widgets/offline.js" not in names
    assert not any(name.startswith("_sources/") for name in names)
    assert archive.read(scorm.ADAPTER_PATH) == scorm.ADAPTER.read_bytes()
    scos = {f"chapters/{c.stem}.html" for c in book.chapters(ROOT / "data")}
    for name in (n for n in names if n.endswith(".html")):
        text = archive.read(name).decode("utf-8")
        assert "offline.js" not in text, name
        if name in scos:
            assert text.index('src="../_static/widgets/scorm.js"') < text.index("data-isw-contract"), name
        else:
            assert "scorm.js" not in text, name
    assert "scorm.js" not in (site / "chapters/h2-valkuilen.html").read_text(encoding="utf-8"), (
        "the site stays as built"
    )


def test_no_site_no_package(tmp_path, capsys):
    assert scorm.main([str(tmp_path), str(tmp_path / "out")]) == 1
    assert "make build" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# Every chapter of the book answered at its biggest: every question checked with all its options
# and a confidence, every statement scored, every item placed and checked; then again with a
# reflection of 300 words, which may be left out but nothing else.
BIGGEST = """
import { readFileSync } from "node:fs";
import { LIMIT, decode, encode } from "./widgets/js/scorm-data.js";
const saved = "2026-12-03T08:30:00.000Z";
const out = {};
for (const [stem, exercises] of Object.entries(JSON.parse(readFileSync(0, "utf-8")))) {
  const records = (text) => Object.fromEntries(exercises.map((p) => [p.id, {
    kind: p.kind, fingerprint: p.answers_fingerprint, seed: 4294967295, saved,
    answers: p.questions ? { questions: Object.fromEntries(p.questions.map((q) => [q.id, {
      chosen: q.options.map((_, i) => i), checked: true, confidence: p.confidence.at(-1), fingerprint: q.fingerprint, at: saved }])) }
      : p.kind === "scan" ? { scores: Object.fromEntries(p.statements.map((s) => [s.id, p.scale_max])) }
      : p.kind === "sort" ? { placed: Object.fromEntries(p.items.map((i) => [i.id, p.categories.at(-1).id])), checked: true }
      : text ? { text } : null }]));
  const plain = encode(exercises, records(null), `${stem}.html`);
  const long = encode(exercises, records("woord ".repeat(300)), `${stem}.html`);
  out[stem] = { limit: LIMIT, plain: plain.length, long: long.length,
    restored: Object.keys(decode(plain, exercises, "/p")).length,
    kept: Object.keys(decode(long, exercises, "/p")).length,
    expected: exercises.filter((p) => p.kind !== "reflectie").length,
    reflections: exercises.filter((p) => p.kind === "reflectie").length };
}
console.log(JSON.stringify(out));
"""  # noqa: E501 (JavaScript lines)


def test_every_chapter_at_its_biggest_fits_suspend_data():
    chapters = {c.stem: [props(e) for e in c.exercises] for c in book.chapters(ROOT / "data")}
    run = subprocess.run(
        ["node", "--input-type=module", "-e", BIGGEST],
        input=json.dumps(chapters),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    sizes = json.loads(run.stdout)
    assert sizes.keys() == chapters.keys()
    for stem, size in sizes.items():
        assert size["plain"] <= size["limit"] and size["long"] <= size["limit"], (stem, size)
        assert size["restored"] == size["expected"], f"{stem}: an answer did not fit"
        assert size["expected"] <= size["kept"] <= size["expected"] + size["reflections"], (stem, size)
    print({stem: size["plain"] for stem, size in sizes.items()})
