"""The built site as a SCORM 1.2 package (``make scorm``): what every learning platform plays.

``python -m widgets.exports.scorm _build/html _build/scorm`` writes
``integraal-samenwerken-scorm12.zip``: the whole site, with ``imsmanifest.xml`` (IMS Content
Packaging 1.1.2 with ADL's SCORM 1.2 extensions). Each chapter with exercises is a SCO, which
reports to the platform through ``_static/widgets/scorm.js`` (widgets/js/scorm.js); every other
page is an asset. The organisation follows ``_toc.yml``.

Only the copies in the package change: each SCO page gets the adapter's script tag, and no page
registers the offline service worker (platforms serve a package from their own paths and
caches), so ``sw.js`` and ``offline.js`` stay out. The public site never names the adapter.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml

from .._load import DataError
from . import book, package

FILENAME = "integraal-samenwerken-scorm12.zip"
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
SCHEMA = f"{CP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd"
ET.register_namespace("adlcp", ADLCP)
ADAPTER = Path(__file__).parent.parent / "static" / "scorm.js"
ADAPTER_PATH = "_static/widgets/scorm.js"
# The offline reading of the public site: not in a package.
LEFT_OUT = {"sw.js", "_static/widgets/offline.js", ".buildinfo"}
_OFFLINE_TAG = re.compile(r'<script[^>]*src="[^"]*_static/widgets/offline\.js[^"]*"[^>]*></script>\s*')
_LOADER_TAG = re.compile(r"<script data-isw-contract=")
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
SHARED = "gedeeld"
MAX_SCORE = 100  # SCORM 1.2's cmi.core.score.raw and a mastery score run from 0 to 100


def toc(book_dir: Path) -> dict[str, Any]:
    return yaml.safe_load((book_dir / "_toc.yml").read_text(encoding="utf-8"))


def page_title(page_html: str) -> str:
    """The page's own title, as the site shows it in the browser's tab, without the book's name."""
    found = _TITLE.search(page_html)
    title = html.unescape(found.group(1)).strip() if found else ""
    return title.removesuffix(f" - {book.COURSE}") or book.COURSE


def for_package(page: str, page_html: str, sco: bool) -> str:
    """The copy of a page that goes into the package: no service worker; a SCO loads the adapter
    as a module just before the loader (modules run in document order: the adapter is first)."""
    page_html = _OFFLINE_TAG.sub("", page_html)
    if sco:
        if not _LOADER_TAG.search(page_html):
            raise ValueError(f"{page}: de pagina heeft oefeningen maar laadt loader.js niet")
        up = "../" * page.count("/")
        page_html = _LOADER_TAG.sub(
            f'<script type="module" src="{up}{ADAPTER_PATH}"></script>\n'
            r"\g<0>",
            page_html,
            count=1,
        )
    return page_html


def _id(kind: str, page: str) -> str:
    return package.ident(f"{kind}-{page.replace('/', '.')}")


class Manifest:
    """imsmanifest.xml, built while the table of contents is walked."""

    def __init__(self, titles: dict[str, str], scos: dict[str, str], mastery_score: int | None):
        self.titles, self.scos, self.mastery_score = titles, scos, mastery_score
        self.root = ET.Element("manifest", identifier=package.ident("integraal-samenwerken-scorm12"), version="1.0")
        self.root.set(package.SCHEMA_LOCATION, SCHEMA)
        metadata = ET.SubElement(self.root, "metadata")
        ET.SubElement(metadata, "schema").text = "ADL SCORM"
        ET.SubElement(metadata, "schemaversion").text = "1.2"
        organizations = ET.SubElement(self.root, "organizations", default="organisatie")
        self.organization = ET.SubElement(organizations, "organization", identifier="organisatie")
        ET.SubElement(self.organization, "title").text = book.COURSE
        self.resources = ET.SubElement(self.root, "resources")

    def item(self, parent: ET.Element, page: str) -> None:
        """An item that launches the page; a SCO's with the trainer's mastery score."""
        path = f"{page}.html"
        element = ET.SubElement(parent, "item", identifier=_id("item", page), identifierref=_id("res", page))
        ET.SubElement(element, "title").text = self.scos.get(page) or self.titles[path]
        if page in self.scos and self.mastery_score is not None:
            ET.SubElement(element, f"{{{ADLCP}}}masteryscore").text = str(self.mastery_score)
        resource = ET.SubElement(self.resources, "resource", identifier=_id("res", page), type="webcontent", href=path)
        resource.set(f"{{{ADLCP}}}scormtype", "sco" if page in self.scos else "asset")
        ET.SubElement(resource, "file", href=path)
        ET.SubElement(resource, "dependency", identifierref=SHARED)

    def entries(self, parent: ET.Element, entries: list[dict[str, Any]]) -> None:
        """Pages in the order of the table of contents; a page with sections becomes a group
        whose first item is the page itself (a platform launches no item that has children)."""
        for entry in entries:
            page = entry["file"]
            if "sections" not in entry:
                self.item(parent, page)
                continue
            group = ET.SubElement(parent, "item", identifier=_id("groep", page))
            ET.SubElement(group, "title").text = self.titles[f"{page}.html"]
            self.item(group, page)
            self.entries(group, entry["sections"])

    def walk(self, contents: dict[str, Any]) -> None:
        self.item(self.organization, contents["root"])
        for number, part in enumerate(contents.get("parts", []), 1):
            group = ET.SubElement(self.organization, "item", identifier=package.ident(f"deel-{number}"))
            ET.SubElement(group, "title").text = part["caption"]
            self.entries(group, part["chapters"])

    def shared(self, files: list[str]) -> None:
        """Everything the pages use (styles, scripts, images, the other pages) as one asset."""
        resource = ET.SubElement(self.resources, "resource", identifier=SHARED, type="webcontent")
        resource.set(f"{{{ADLCP}}}scormtype", "asset")
        for path in files:
            ET.SubElement(resource, "file", href=path)

    def bytes(self) -> bytes:
        return package.xml_bytes(self.root, CP)


def build(site: Path, data: Path, mastery_score: int | None = None) -> tuple[bytes, dict[str, tuple[str, bytes]]]:
    """The manifest and every file of the package (path: (title, content)), from the built site."""
    contents = toc(data.parent)
    scos = {f"chapters/{chapter.stem}": chapter.title for chapter in book.chapters(data)}
    files: dict[str, tuple[str, bytes]] = {}
    titles: dict[str, str] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name in LEFT_OUT or name.startswith("_sources/"):
            continue
        content = path.read_bytes()
        if name.endswith(".html"):
            text = content.decode("utf-8")
            titles[name] = page_title(text)
            content = for_package(name, text, name.removesuffix(".html") in scos).encode("utf-8")
        files[name] = ("", content)
    files[ADAPTER_PATH] = ("", ADAPTER.read_bytes())
    manifest = Manifest(titles, scos, mastery_score)
    manifest.walk(contents)
    launched = {element.get("href") for element in manifest.resources}
    manifest.shared([name for name in files if name not in launched])
    return manifest.bytes(), files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m widgets.exports.scorm", description="De gebouwde site als SCORM 1.2-pakket."
    )
    parser.add_argument("site", type=Path, help="de gebouwde site (_build/html)")
    parser.add_argument("out", type=Path, help="de map voor het pakket")
    parser.add_argument("--data", type=Path, default=Path("data"), help="de map met de oefeningen (data/)")
    parser.add_argument(
        "--mastery-score",
        type=int,
        default=None,
        help="de score (0-100) waarmee een hoofdstuk 'geslaagd' is; zonder: alleen voltooid",
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"Fout: {args.site} is geen gebouwde site: bouw eerst met make build", file=sys.stderr)
        return 1
    if args.mastery_score is not None and not 0 <= args.mastery_score <= MAX_SCORE:
        print(f"Fout: de beheersingsscore moet tussen 0 en 100 liggen, niet {args.mastery_score}", file=sys.stderr)
        return 1
    try:
        manifest, files = build(args.site, args.data, args.mastery_score)
    except (DataError, ValueError) as error:
        print(f"Fout, er is geen SCORM-pakket gemaakt:\n{error}", file=sys.stderr)
        return 1
    target = args.out / FILENAME
    package.write_zip(target, manifest, files)
    print(f"SCORM 1.2-pakket geschreven naar {target}: {len(files)} bestanden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
