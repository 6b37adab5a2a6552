"""Two builds of the same data make byte-identical sites and PDFs."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, opmanual

pytestmark = [pytest.mark.pdf, pytest.mark.slow]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for name in ("first", "second"):
        folder = tmp_path / name  # different paths on disk must not matter either
        data = folder / "data"
        shutil.copytree(ROOT / "tests/fixtures/mini", data)
        result = opmanual(  # 1 January 2568: after the fixture's approvals, which may not be in the build's future
            folder, "build", "data", "--site", "site", SOURCE_DATE_EPOCH="1735689600", MANUAL_PDF_CACHE="off"
        )
        assert result.returncode == 0, result.stderr
        outputs.append(folder / "site")
    first, second = outputs
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert any(p.suffix == ".pdf" for p in files) and any(p.suffix == ".html" for p in files)
    different = [str(p) for p in files if not filecmp.cmp(first / p, second / p, shallow=False)]
    assert different == []
