"""Every built page runs under the site's Content-Security-Policy: the policy is in each page
before anything it governs, and no page has what it forbids (inline script, inline handlers)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from helpers import ROOT, site_pages

from widgets._ext_theme import CONTENT_SECURITY_POLICY

GOVERNED = ("script", "link", "style", "img", "iframe")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_policy_forbids_what_it_must():
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'" and directives["form-action"] == "'self'"
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY


def test_every_page_has_the_policy_before_what_it_governs(built_site):
    pages = site_pages(built_site)
    missing = []
    for page in pages:
        document = soup(page)
        metas = document.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if len(metas) != 1 or metas[0].get("content") != CONTENT_SECURITY_POLICY:
            missing.append(f"{page.relative_to(built_site)}: {len(metas)} CSP meta tags")
            continue
        first_governed = document.find(GOVERNED)
        if first_governed is not None and first_governed.sourceline < metas[0].sourceline:
            missing.append(f"{page.relative_to(built_site)}: <{first_governed.name}> before the policy")
    assert len(pages) > 5 and not missing, "\n".join(missing)


def test_no_page_has_inline_script_or_inline_event_handlers(built_site):
    offenders = []
    for page in site_pages(built_site):
        document = soup(page)
        for script in document.find_all("script"):
            if not script.get("src"):
                offenders.append(f"{page.relative_to(built_site)}: <script> without src: {script.get_text()[:60]!r}")
        for element in document.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            if handlers:
                offenders.append(f"{page.relative_to(built_site)}: <{element.name} {' '.join(handlers)}>")
            for name in ("href", "src", "action", "formaction"):
                if str(element.get(name, "")).strip().lower().startswith("javascript:"):
                    offenders.append(f"{page.relative_to(built_site)}: <{element.name} {name}=javascript:…>")
    assert not offenders, "\n".join(offenders)


def test_readme_gives_the_same_policy_as_host_headers_with_frame_ancestors():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    header = f"{CONTENT_SECURITY_POLICY}; frame-ancestors 'self'"
    assert re.search(r'add_header Content-Security-Policy "' + re.escape(header) + '" always;', readme)
    assert re.search(r'Header always set Content-Security-Policy "' + re.escape(header) + '"', readme)
