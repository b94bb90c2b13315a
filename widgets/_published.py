"""Where the published book shows an exercise, so that "Lees meer" leads somewhere real in a
notebook too: live in Jupyter the section it names is not on the page."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from ._load import DataError, data_dir

SHOW_CALL = re.compile(r"""widgets\.show\(\s*["']([^"']+)["']""")
"""A chapter's call that shows an exercise; its group is the exercise's id."""


@functools.lru_cache(maxsize=8)
def _pages(book: Path) -> dict[str, str]:
    """Exercise id -> its page's published URL; empty when _config.yml sets no html.baseurl."""
    config = yaml.safe_load((book / "_config.yml").read_text(encoding="utf-8")) or {}
    base = ((config.get("html") or {}).get("baseurl") or "").rstrip("/")
    if not base:
        return {}
    pages: dict[str, str] = {}
    for chapter in sorted((book / "chapters").rglob("*.md")):
        url = f"{base}/{chapter.relative_to(book).with_suffix('.html').as_posix()}"
        for exercise_id in SHOW_CALL.findall(chapter.read_text(encoding="utf-8")):
            pages.setdefault(exercise_id, url)
    return pages


def page_url(exercise_id: str) -> str | None:
    """The published page that shows the exercise (html.baseurl in _config.yml), else None."""
    try:
        book = data_dir().parent
    except DataError:  # exercises loaded from elsewhere (tests, tools): no book around them
        return None
    if not (book / "_config.yml").is_file():
        return None
    return _pages(book).get(exercise_id)
