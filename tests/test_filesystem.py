"""When the file system says no — a full disk, a file too large, a read-only folder, a mount point, a name too long —
or a setting points the build at the wrong place: one plain sentence, exit code 2, the old site as it was, and
nothing left beside it.

Full disks are real: a small tmpfs (mounted as root; skipped where that is not allowed) or a file size limit
(RLIMIT_FSIZE, which Python turns into EFBIG errors).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_output import tree

from conftest import ROOT, UNPRIVILEGED, opmanual

pytestmark = [pytest.mark.slow]

MINI = ROOT / "tests/fixtures/mini"


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("previous")
    shutil.copytree(MINI, folder / "data")
    result = opmanual(folder, "build", "data", "--site", "site", "--no-pdf")
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture
def project(tmp_path: Path, previous_site: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "data")
    shutil.copytree(previous_site, tmp_path / "site", symlinks=True)
    return tmp_path


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[Callable[[Path, str], None]]:
    """Mount a tmpfs of a given size on a folder (unmounted at the end)."""
    mounted: list[Path] = []

    def tmpfs(folder: Path, size: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        command = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)]
        if subprocess.run(command, capture_output=True, check=False).returncode != 0:
            pytest.skip("no right to mount a tmpfs here")
        mounted.append(folder)

    yield tmpfs
    for folder in reversed(mounted):
        if os.path.ismount(folder):
            subprocess.run(["umount", "-l", str(folder)], check=True)


def refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in output and "internal error" not in output


def beside(folder: Path) -> list[str]:
    """Everything in `folder` but the data and the site: what a build left."""
    return sorted(path.name for path in folder.iterdir() if path.name not in ("data", "site"))


# A full disk


def test_a_full_disk_while_printing(project: Path, mount: Callable[[Path, str], None]) -> None:
    """The disk holds the old site and the new pages, not the PDFs."""
    size = sum(path.stat().st_size for path in (project / "site").rglob("*") if path.is_file())
    disk = project / "disk"
    mount(disk, str(2 * size + 2**20))
    shutil.copytree(project / "site", disk / "site", symlinks=True)
    before = tree(disk / "site")
    result = opmanual(project, "build", "data", "--site", "disk/site", MANUAL_PDF_CACHE="off")
    refused(result, "the build cannot write its files: No space left on device")
    assert "build failed: disk/site was left as it was" in result.stderr
    assert tree(disk / "site") == before
    assert [path.name for path in disk.iterdir()] == ["site"]


def test_a_full_disk_under_the_pdf_cache_leaves_no_half_written_entry(
    project: Path, mount: Callable[[Path, str], None]
) -> None:
    cache = project / "cache"
    mount(cache, "200k")
    before = tree(project / "site")
    result = opmanual(project, "build", "data", "--site", "site", MANUAL_PDF_CACHE=str(cache))
    refused(result, "the build cannot write its files: No space left on device")
    assert tree(project / "site") == before
    assert beside(project) == ["cache"]
    assert [path.name for path in cache.rglob(".*")] == [".lock"]  # no aside file, no entry half-written


def test_a_file_size_limit_is_a_plain_error(project: Path) -> None:
    """RLIMIT_FSIZE (`ulimit -f`): the writes of MkDocs itself fail (Material's 1 MB source map) with EFBIG."""
    before = tree(project / "site")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (512 * 1024, 512 * 1024))

    result = subprocess.run(
        [sys.executable, "-m", "opmanual", "build", "data", "--site", "site", "--no-pdf"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "MANUAL_CONFIG": str(ROOT / "mkdocs.yml")},
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=300,
        check=False,
    )
    refused(result, "the build cannot write its files: File too large: .site.building-")
    assert tree(project / "site") == before
    assert beside(project) == []


# Read-only places


def test_a_read_only_output_folder(project: Path) -> None:
    before = tree(project / "site")
    (project / "site").chmod(0o555)
    try:
        result = opmanual(project, "build", "data", "--site", "site", "--no-pdf", unprivileged=True)
    finally:
        (project / "site").chmod(0o755)
    refused(result, "refusing to build into site: it is read-only, so the old site could not be replaced")
    assert tree(project / "site") == before
    assert beside(project) == []


def test_a_read_only_folder_inside_the_output_folder(project: Path) -> None:
    (project / "site/people").chmod(0o555)
    try:
        result = opmanual(project, "build", "data", "--site", "site", "--no-pdf", unprivileged=True)
    finally:
        (project / "site/people").chmod(0o755)
    refused(result, "refusing to build into site: site/people is read-only, so the old site could not be replaced")
    assert beside(project) == []


def test_a_read_only_parent_folder(project: Path) -> None:
    (project / "locked").mkdir(mode=0o555)
    try:
        result = opmanual(project, "build", "data", "--site", "locked/site", "--no-pdf", unprivileged=True)
    finally:
        (project / "locked").chmod(0o755)
    refused(result, "cannot build into locked/site: Permission denied: locked/.site.lock")
    assert list((project / "locked").iterdir()) == []


def test_a_read_only_file_system(project: Path, mount: Callable[[Path, str], None]) -> None:
    disk = project / "disk"
    mount(disk, "20m")
    shutil.copytree(project / "site", disk / "site", symlinks=True)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    result = opmanual(project, "build", "data", "--site", "disk/site", "--no-pdf")
    refused(result, "cannot build into disk/site: Read-only file system: disk/.site.lock")


# Mount points


def test_an_output_folder_that_is_a_mount_point(project: Path, mount: Callable[[Path, str], None]) -> None:
    mount(project / "mounted", "20m")
    refused(
        opmanual(project, "build", "data", "--site", "mounted", "--no-pdf"),
        "refusing to build into mounted: it is a mount point, which a build cannot replace; build into a new folder "
        "inside it",
    )
    assert list((project / "mounted").iterdir()) == []
    assert opmanual(project, "build", "data", "--site", "mounted/site", "--no-pdf").returncode == 0


def test_an_output_folder_that_holds_a_mount_point(project: Path, mount: Callable[[Path, str], None]) -> None:
    before = tree(project / "site")
    mount(project / "site/pdf", "1m")
    refused(
        opmanual(project, "build", "data", "--site", "site", "--no-pdf"),
        "refusing to build into site: it holds a mount point, site/pdf, which a build cannot remove",
    )
    subprocess.run(["umount", str(project / "site/pdf")], check=True)
    (project / "site/pdf").rmdir()
    assert tree(project / "site") == before
    assert beside(project) == []


# Names and settings


def test_an_output_folder_with_a_name_too_long(project: Path) -> None:
    refused(opmanual(project, "build", "data", "--site", "x" * 5000, "--no-pdf"), "(File name too long)")
    assert beside(project) == []


@pytest.mark.parametrize(
    ("cache", "reason"),
    [
        ("data/cache", "it lies inside the data folder"),
        ("data", "it is the data folder"),
        ("site/cache", "it is, holds or lies inside the output folder"),
        (".", "it contains the data folder"),
        ("data/office.yml", "it lies inside the data folder"),
        ("notes.txt", "it is a file, not a folder"),
        (str(ROOT / "hooks/cache"), f"it is, holds or lies inside {ROOT / 'hooks'}, a folder of the project"),
    ],
)
def test_a_pdf_cache_where_it_would_do_harm_is_refused(project: Path, cache: str, reason: str) -> None:
    (project / "notes.txt").write_text("บันทึก", encoding="utf-8")
    before = {"data": tree(project / "data"), "site": tree(project / "site")}
    where = str(project / cache)
    for command in (["build", "data", "--site", "site"], ["build", "data", "--site", "site", "--no-pdf"]):
        result = opmanual(project, *command, MANUAL_PDF_CACHE=where)
        refused(result, f"refusing to keep the PDF cache in {cache} (MANUAL_PDF_CACHE): {reason}")
    direct = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml")],
        env={
            **os.environ,
            "MANUAL_DATA": str(project / "data"),
            "MANUAL_SITE": str(project / "site"),
            "MANUAL_PDF_CACHE": where,
            "NO_MKDOCS_2_WARNING": "1",
        },
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    refused(direct, f"refusing to keep the PDF cache in {cache} (MANUAL_PDF_CACHE): {reason}")
    assert {"data": tree(project / "data"), "site": tree(project / "site")} == before
    assert opmanual(project, "check", "data").returncode == 0


@pytest.mark.parametrize("epoch", ["abc", "-5", "1e9", "4294967296", "99999999999999999999999", "๑๗๐๐๐๐๐๐๐๐"])
def test_a_source_date_epoch_the_build_cannot_write_is_refused(project: Path, epoch: str) -> None:
    result = opmanual(project, "build", "data", "--site", "site", "--no-pdf", SOURCE_DATE_EPOCH=epoch)
    refused(result, "SOURCE_DATE_EPOCH=")
    assert "expected seconds since 1970, a whole number up to 4294967295" in result.stderr


def test_unprivileged_is_really_unprivileged() -> None:
    """The read-only tests mean something only if the build cannot override permissions."""
    if not UNPRIVILEGED:
        return
    result = subprocess.run([*UNPRIVILEGED, "cat", "/proc/self/status"], capture_output=True, text=True, check=True)
    effective = next(line for line in result.stdout.splitlines() if line.startswith("CapEff:"))
    assert int(effective.split()[1], 16) & (1 << 1) == 0  # CAP_DAC_OVERRIDE


def test_a_working_folder_that_was_removed(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    command = [sys.executable, "-m", "opmanual", "build", str(MINI), "--site", str(tmp_path / "site"), "--no-pdf"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "MANUAL_CONFIG": str(ROOT / "mkdocs.yml")}
    script = f"import os, subprocess, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
    script += f"sys.exit(subprocess.run({command!r}).returncode)"
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    refused(result, "python -m opmanual build: the working folder was removed; go to the project again")
    assert not (tmp_path / "site").exists()
