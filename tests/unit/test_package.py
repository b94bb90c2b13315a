"""An installed wheel carries everything the book's build needs from the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from helpers import ROOT


def test_the_wheel_holds_every_file_of_the_package(tmp_path):
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the working tree
    shutil.copytree(ROOT / "widgets", source / "widgets", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", source)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "dist").glob("*.whl")
    packaged = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("widgets/")}
    expected = {str(p.relative_to(source)) for p in (source / "widgets").rglob("*") if p.is_file()}
    assert packaged == expected
    assert "widgets/templates/sphinx/page.html" in packaged  # the theme's templates
    entry_points = next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("entry_points.txt"))
    assert "integraal-ipc = widgets._kernel:IpcProvisioner" in zipfile.ZipFile(wheel).read(entry_points).decode()
