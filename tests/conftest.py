"""Fixtures for every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BUILD_HTML


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The book as `make site` built it."""
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail("no built site in _build/html: run `make site` (or `make test`) first")
    return BUILD_HTML


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write the golden files in tests/golden/ from the current code (review the diff)",
    )
