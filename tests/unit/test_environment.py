"""The locked test environment agrees with what the project asks for: a pin changed in
requirements*.txt or constraints.txt without `make lock` fails here, not on another machine."""

from __future__ import annotations

import json
import re

from helpers import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {re.sub(r"[-_.]+", "-", package).lower(): version for package, version in PIN.findall(text)}


def test_the_lock_pins_every_package_as_the_requirements_do():
    locked = pins("requirements-lock.txt")
    for name in ("requirements.txt", "requirements-test.txt", "constraints.txt"):
        asked = pins(name)
        assert asked, name
        differing = {p: (v, locked.get(p)) for p, v in asked.items() if locked.get(p) != v}
        assert not differing, f"{name} and requirements-lock.txt differ (run `make lock`): {differing}"


def test_every_locked_package_is_checked_by_its_hash():
    text = (ROOT / "requirements-lock.txt").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    packages = [entry for entry in entries if PIN.match(entry)]
    assert len(packages) > 100
    assert all("--hash=sha256:" in entry for entry in packages)
    assert "-e " not in text, "the book's own package is installed apart (pip refuses hashes for it)"


def test_the_tests_do_not_install_lighthouse():
    """Only `make bench` needs Lighthouse: it is in tools/bench/, not in the tests' packages."""
    tests = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    bench = json.loads((ROOT / "tools" / "bench" / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert "node_modules/lighthouse" not in tests
    assert "node_modules/lighthouse" in bench
