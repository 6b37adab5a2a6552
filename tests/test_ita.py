"""ITA readiness: what the ITA item asks of each process (step times, who is responsible, the laws), warned of by
`check` where it stands in the files, refused by `check --strict-ita`, and said plainly on the ITA page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import DATASETS, opmanual
from opmanual.data.dataset import load
from opmanual.render.pages import render_all


def _folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATASETS["mini"], data)
    return data


def test_check_warns_of_each_gap_where_it_stands_and_counts_the_complete_processes(tmp_path: Path) -> None:
    result = opmanual(tmp_path, "check", str(_folder(tmp_path)))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    gaps = [line.split(": warning: ") for line in lines if "the ITA assessment" in line]
    # qa.yml says everything (step 2's time is its sub-step's); review.yml's steps 1, 2, 4 and 5 give no time (step
    # 3's sub-steps all do), and it cites no law
    assert [where for where, _ in gaps] == [
        "data/processes/review.yml:5:5",
        "data/processes/review.yml:13:5",
        "data/processes/review.yml:21:5",
        "data/processes/review.yml:28:5",
        "data/processes/review.yml:2:1",
    ]
    assert [message.split(":")[0] for _, message in gaps[:4]] == [
        f"step {n} gives no time (`duration" for n in (1, 2, 4, 5)
    ]
    assert gaps[-1][1].startswith("no law or document is cited (`references:`, part 8)")
    assert "ITA: 1 of 2 processes complete (ข้อมูลครบตามเกณฑ์ ITA ๑ จาก ๒ กระบวนงาน)" in lines


def test_strict_ita_refuses_the_gaps_as_errors(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    result = opmanual(tmp_path, "check", "--strict-ita", "--format", "github", str(data))
    assert result.returncode == 1
    assert "::error file=data/processes/review.yml,line=2,col=1::no law or document is cited" in result.stdout
    assert "5 ITA gaps refused by --strict-ita (ข้อมูลยังไม่ครบตามเกณฑ์ ITA)" in result.stderr
    assert opmanual(tmp_path, "check", str(data)).returncode == 0  # without the option, the same are warnings


def test_the_ita_page_says_which_processes_are_incomplete() -> None:
    page = re.sub(r"<[^>]+>|&#\d+;", " ", render_all(load(DATASETS["varied"]))["ita.md"])
    text = " ".join(page.split())
    assert "ข้อมูลครบตามเกณฑ์ ITA ๐ จาก ๑ กระบวนงาน" in text
    assert "ระยะเวลารวม ยังไม่ระบุระยะเวลาของขั้นตอนที่ ๑ ๒ ๓ ตามเกณฑ์ ITA" in text
    assert "กฎหมายและเอกสารอ้างอิง ยังไม่ระบุกฎหมายและเอกสารอ้างอิง ตามเกณฑ์ ITA" in text
    assert "ไม่ได้ระบุ" not in text
