"""Two builds of the same data make byte-identical sites and PDFs."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

pytestmark = [pytest.mark.pdf, pytest.mark.slow]


def test_two_builds_are_byte_identical(twin_builds: tuple[Path, Path]) -> None:
    """Built from two folders, on machines with other fonts and other numbers of PDF processes (conftest.py)."""
    first, second = twin_builds
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert any(p.suffix == ".pdf" for p in files) and any(p.suffix == ".html" for p in files)
    different = [str(p) for p in files if not filecmp.cmp(first / p, second / p, shallow=False)]
    assert different == []
