"""The version in the colofon: {bouwversie}`site` becomes the build's date and git commit.

Outside a git checkout (a downloaded zip) it says so instead of guessing. A page with the role
is read again when the date or the commit has changed since the last build.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from docutils import nodes

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def commit(srcdir: Path) -> str | None:
    """The short hash of the checked-out commit, with '+wijzigingen' when files differ; None outside git."""
    try:
        run = lambda *args: subprocess.run(["git", *args], cwd=srcdir, capture_output=True, text=True, timeout=10)  # noqa: E731
        head = run("rev-parse", "--short", "HEAD")
        if head.returncode != 0:
            return None
        dirty = run("status", "--porcelain", "--untracked-files=no").stdout.strip()
        return head.stdout.strip() + ("+wijzigingen" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return None


def version_text(srcdir: Path, today: datetime.date | None = None) -> str:
    today = today or datetime.datetime.now(datetime.timezone.utc).date()
    date = f"{today.day} {MONTHS[today.month - 1]} {today.year}"
    found = commit(srcdir)
    where = f"uit commit {found}" if found else "buiten git (de commit is niet bekend)"
    return f"gebouwd op {date}, {where}"


def version_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{bouwversie}`site`: the build's date and commit, as text."""
    env = inliner.document.settings.env
    env.isw_version_pages = getattr(env, "isw_version_pages", set()) | {env.docname}
    return [nodes.inline(rawtext, version_text(Path(env.srcdir)), classes=["isw-versie"])], []


def reread_when_version_changed(app, env, added, changed, removed) -> list[str]:
    """env-get-outdated: the pages that show the version, when it is no longer the same."""
    now = version_text(Path(app.srcdir))
    if getattr(env, "isw_version", None) == now:
        return []
    env.isw_version = now
    return sorted(getattr(env, "isw_version_pages", set()) & env.found_docs)


def setup_colofon(app) -> None:
    app.add_role("bouwversie", version_role)
    app.connect("env-get-outdated", reread_when_version_changed)
