"""The book's Sphinx extension: setup() wires one module per job; it does nothing else.

Listed in _config.yml (sphinx.config.extensions). Sphinx's events, in the order they come:
config-inited, builder-inited, (per page) source-read and doctree-read, env-check-consistency,
(per page written) html-page-context, build-finished. Each module's setup_…() connects its
handlers, each commented with its place in that order. ARCHITECTURE.md, "The Sphinx
extension", says which module does what.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ._chapters import GOAL_ROLE
from ._colofon import setup_colofon
from ._ext_assets import drop_unused_static, setup_assets
from ._ext_checks import chapter_problems, setup_checks
from ._ext_learning import setup_learning
from ._ext_theme import setup_theme
from ._kernel import setup_kernels
from ._offline import setup_offline
from ._published import SHOW_CALL
from ._study_time import setup_study_time

# Names other code imports from here (tests, tools): kept where they were.
__all__ = ["GOAL_ROLE", "SHOW_CALL", "chapter_problems", "drop_unused_static", "setup"]
_chapter_problems = chapter_problems


def setup(app: Sphinx) -> dict[str, Any]:
    setup_kernels(app)  # config-inited: kernels over IPC, before any notebook is executed
    setup_theme(app)  # config-inited, html-page-context, build-finished (index.html)
    setup_checks(app)  # builder-inited (data/ valid), source-read, doctree-read, env-check-consistency
    setup_assets(app)  # config-inited (version), builder-inited (copy), html-page-context, build-finished
    setup_learning(app)  # config-inited (substitutions), html-page-context, build-finished (catalog)
    setup_colofon(app)  # env-get-outdated: the colofon page is re-read when the build's date or commit changes
    setup_study_time(app)  # {studietijd}`h2`: study times computed from the words and exercises
    setup_offline(app)  # config-inited, builder-inited, build-finished after everything else (sw.js)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
