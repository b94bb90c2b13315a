"""Shared test helpers: the project root, the fixture data and small test books."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
# The built site under test; SITE_DIR points the tests at another build of the book.
BUILD_HTML = Path(os.environ.get("SITE_DIR") or ROOT / "_build" / "html")
SHARED = ROOT.parent / "shared"
"""The course's source articles and the copy check: not public, beside the project's own checkouts."""
FIXTURE_DATA = FIXTURES / "data" / "t1-oefeningen.yml"
"""One exercise of every kind; the test book (make_book) shows each of them."""


@functools.cache
def fixture_exercises() -> dict:
    """The exercises of FIXTURE_DATA, by id."""
    import widgets

    return {exercise.id: exercise for exercise in widgets.load_file(FIXTURE_DATA)}


def require_shared(path: Path) -> Path:  # noqa: RET503 (pytest.skip raises)
    """`path` in ../shared, which the project's own machines and CI have beside the checkout.
    Elsewhere (a public clone, GitHub's CI) the test is skipped, saying why; in the project's
    CI (CI set, not GitHub's) a missing ../shared fails, so these tests cannot silently skip there."""
    import pytest

    if path.exists():
        return path
    reason = f"{path} is not beside this checkout: the source articles are not public"
    if os.environ.get("CI") and not os.environ.get("GITHUB_ACTIONS"):
        pytest.fail(reason)
    pytest.skip(reason)


def site_pages(site: Path) -> list[Path]:
    """Every page of a built site, without the theme's and our files in _static/."""
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def make_book(folder: Path, chapter: str | None = None, data: dict[str, str] | None = None) -> Path:
    """A small book with the project's own config and extension, the fixture data and chapter.

    `data` adds or replaces files in data/ (name -> YAML text).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("_config.yml", "references.bib"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(FIXTURES / "data", folder / "data", dirs_exist_ok=True)
    for name, text in (data or {}).items():
        (folder / "data" / name).write_text(text, encoding="utf-8")
    (folder / "chapters").mkdir(exist_ok=True)
    text = chapter if chapter is not None else (FIXTURES / "chapter.md").read_text(encoding="utf-8")
    (folder / "chapters" / "t1.md").write_text(text, encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: chapters/t1\n", encoding="utf-8")
    return folder


def build_book(folder: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Run jupyter-book as a maintainer would, and return what it printed."""
    args = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(folder)]
    if strict:
        args[2:2] = ["-W", "-n", "--keep-going"]
    return subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)  # callers read returncode
