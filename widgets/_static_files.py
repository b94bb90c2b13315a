"""The browser files in widgets/static/ as the built site serves them."""

from __future__ import annotations

import shutil
from pathlib import Path

STATIC = Path(__file__).parent / "static"


def publish(names: tuple[str, ...], target: Path) -> None:
    """Copy `names` from widgets/static/ into `target`; stylesheets without their comments
    and spaces (about a third of their bytes, on every page), the scripts as they are (the
    bundles are minified already, loader.js is kept readable for whoever debugs a site)."""
    import rcssmin  # only the build minifies: the kernel's widget needs STATIC alone

    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        if name.endswith(".css"):
            css = rcssmin.cssmin((STATIC / name).read_text(encoding="utf-8"))
            (target / name).write_text(css, encoding="utf-8")
        else:
            shutil.copyfile(STATIC / name, target / name)
