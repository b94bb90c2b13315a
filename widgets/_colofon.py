"""The version in the colofon: {bouwversie}`site` becomes the build's date and git commit.

Outside a git checkout (a downloaded zip) it says so instead of guessing. A page with the role
is read again when the date or the commit has changed since the last build.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _git(srcdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git in srcdir; the caller reads the return code (check=False: outside git is no error)."""
    return subprocess.run(["git", *args], cwd=srcdir, capture_output=True, text=True, timeout=10, check=False)


def commit(srcdir: Path) -> str | None:
    """The short hash of the checked-out commit, with '+wijzigingen' when files differ; None outside git."""
    try:
        head = _git(srcdir, "rev-parse", "--short", "HEAD")
        if head.returncode != 0:
            return None
        dirty = _git(srcdir, "status", "--porcelain", "--untracked-files=no").stdout.strip()
        return head.stdout.strip() + ("+wijzigingen" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return None


def version_text(srcdir: Path, today: datetime.date | None = None) -> str:
    today = today or datetime.datetime.now(datetime.UTC).date()
    date = f"{today.day} {MONTHS[today.month - 1]} {today.year}"
    found = commit(srcdir)
    where = f"uit commit {found}" if found else "buiten git (de commit is niet bekend)"
    return f"gebouwd op {date}, {where}"


def version_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[Any]]:
    """{bouwversie}`site`: the build's date and commit, as text."""
    env = inliner.document.settings.env
    env.isw_version_pages = getattr(env, "isw_version_pages", set()) | {env.docname}
    return [nodes.inline(rawtext, version_text(Path(env.srcdir)), classes=["isw-versie"])], []


def reread_when_version_changed(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """env-get-outdated: the pages that show the version, when it is no longer the same.

    `env` is Sphinx's BuildEnvironment, carrying this module's own attributes (isw_version,
    isw_version_pages), which Sphinx keeps from one build to the next.
    """
    now = version_text(Path(app.srcdir))
    if getattr(env, "isw_version", None) == now:
        return []
    env.isw_version = now
    return sorted(getattr(env, "isw_version_pages", set()) & env.found_docs)


def setup_colofon(app: Sphinx) -> None:
    app.add_role("bouwversie", version_role)
    app.connect("env-get-outdated", reread_when_version_changed)
