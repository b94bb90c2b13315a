"""The whole book as one PDF, printed by headless Chromium from the built site.

Usage: python tools/pdf.py SITE_DIR OUT.pdf   (`make pdf`)

Beside OUT.pdf it writes antwoorden-voor-trainers.pdf: the trainers' answer key. The site does
not hold the key (learners would find it there); it is made from data/ here, for the PDF only.
Each page of the table of contents is printed with the site's print stylesheet (no
navigation; exercises as questions with empty boxes, without answers or feedback), in the
order of _toc.yml. A title page with a table of contents comes first, and the PDF gets
bookmarks per page, so a reader can jump to any chapter.
"""

from __future__ import annotations

import html
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, Page, PdfMargins, sync_playwright
from pypdf import PdfReader, PdfWriter
from sphinx_external_toc.parsing import parse_toc_yaml

sys.path.insert(0, str(Path(__file__).parent))
from chromium import launch, serve  # tools/chromium.py

ROOT = Path(__file__).resolve().parents[1]
TRAINER_KEY = "chapters/trainers/antwoorden"
KEY_PDF = "antwoorden-voor-trainers.pdf"
BOOK_INTRO = "Een open cursus over samenwerken over de grenzen van je eigen team en organisatie."
KEY_INTRO = "Voor trainers: de juiste antwoorden en de uitleg bij elke oefening. Niet voor deelnemers."
MARGIN: PdfMargins = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}


def printed(page: Page) -> bytes:
    """The page as PDF on A4, the same for every page of the book."""
    return page.pdf(format="A4", margin=MARGIN)


def key_document() -> str:
    """The answer key as a page with the site's stylesheets, as if it sat in chapters/trainers/."""
    import widgets

    styles = "".join(
        f'<link rel="stylesheet" href="../../_static/{name}"{media}>'
        for name, media in (
            ("styles/furo.css", ""),
            ("widgets/exercise.css", ""),
            ("widgets/theme.css", ""),
            ("widgets/print.css", ' media="print"'),
        )
    )
    return (
        f'<!DOCTYPE html><html lang="nl" data-isw-ready><head><meta charset="utf-8">'
        f"<title>Antwoorden voor trainers</title>{styles}</head><body><main><article>"
        f"<h1>Antwoorden voor trainers</h1><p><em>{html.escape(KEY_INTRO)}</em></p>"
        f"{widgets.answer_key().html}</article></main></body></html>"
    )


def toc_pages(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """Every page of the book, in reading order."""
    site_map = parse_toc_yaml(str(toc))

    def walk(docname: str) -> Iterator[str]:
        yield docname
        for child in site_map[docname].child_files():
            yield from walk(child)

    return list(walk(site_map.root.docname))


def book_pages(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """The learner's book: every page of the table of contents."""
    return toc_pages(toc)


def _contents_page(title: str, entries: list[tuple[str, int]], intro: str = BOOK_INTRO) -> str:
    rows = "\n".join(f"<li><span>{html.escape(name)}</span><span>{number}</span></li>" for name, number in entries)
    return f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; color: #000; }}
h1 {{ font-size: 2.4rem; margin: 30mm 0 4mm; }}
p {{ font-size: 1.1rem; margin-bottom: 16mm; }}
ol {{ list-style: none; padding: 0; }}
li {{ display: flex; justify-content: space-between; border-bottom: 1px dotted #888; padding: 1.2mm 0; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(intro)}</p>
<h2>Inhoud</h2><ol>{rows}</ol></body></html>"""


def build_pdf(
    site: Path,
    out: Path,
    title: str = "Integraal samenwerken",
    browser: Browser | None = None,
    pages: list[str] | None = None,
    intro: str = BOOK_INTRO,
) -> list[str]:
    """Print `pages` (default: the learner's book) of the site at `site` into `out`; returns
    the page titles.

    Pass a running Playwright `browser` to reuse it (the tests do); else one is started.
    """
    if browser is None:
        with sync_playwright() as playwright:
            running = launch(playwright)
            try:
                return build_pdf(site, out, title, running, pages, intro)
            finally:
                running.close()
    server, base = serve(site)
    chapters: list[tuple[str, bytes]] = []
    page = browser.new_page()
    page.route(f"{base}/{TRAINER_KEY}.html", lambda route: route.fulfill(body=key_document(), content_type="text/html"))
    try:
        for docname in pages if pages is not None else book_pages():
            page.goto(f"{base}/{docname}.html")
            page.wait_for_selector("html[data-isw-ready]", state="attached")
            name = page.locator("main h1").first.evaluate(
                "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(e => e.remove());"
                " return c.textContent.trim(); }"
            )
            chapters.append((name, printed(page)))
        counts = [len(PdfReader(io.BytesIO(pdf)).pages) for _, pdf in chapters]
        front_pages = 1
        while True:  # the contents page may itself take more than one page
            starts, number = [], front_pages + 1
            for count in counts:
                starts.append(number)
                number += count
            page.set_content(_contents_page(title, [(n, s) for (n, _), s in zip(chapters, starts, strict=True)], intro))
            front = printed(page)
            if len(PdfReader(io.BytesIO(front)).pages) == front_pages:
                break
            front_pages = len(PdfReader(io.BytesIO(front)).pages)
    finally:
        page.close()
        server.shutdown()

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)))
    for (name, pdf), start in zip(chapters, starts, strict=True):
        writer.append(PdfReader(io.BytesIO(pdf)))
        writer.add_outline_item(title=name, page_number=start - 1)
    writer.add_metadata({"/Title": title})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as file:
        writer.write(file)
    return [name for name, _ in chapters]


def main(argv: list[str]) -> int:
    if len(argv[1:]) != len(("SITE_DIR", "OUT.pdf")):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site, out = Path(argv[1]), Path(argv[2])
    if not (site / "index.html").is_file():
        print(f"Geen gebouwde site in {site}: draai eerst `make site`.", file=sys.stderr)
        return 1
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            names = build_pdf(site, out, browser=browser)
            key = build_key_pdf(site, out.parent / KEY_PDF, browser)
        finally:
            browser.close()
    print(f"{out}: {len(names)} pagina's van de cursus in één PDF")
    print(f"{key}: de antwoorden voor trainers")
    return 0


def build_key_pdf(site: Path, out: Path, browser: Browser | None = None) -> Path:
    """The trainers' answer key as a PDF of its own."""
    build_pdf(site, out, "Antwoorden voor trainers", browser, [TRAINER_KEY], KEY_INTRO)
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv))
