"""A build killed at any stage leaves the last good site, no process that goes on writing, and nothing the next
build does not remove; two builds into one site at once: one is refused, and the site stays whole.

Each test starts a real build in a session of its own, watches it from the outside until it reaches a stage (its
staging folder, its `mkdocs build` child, a PDF worker, a Word copy written aside, the swap), kills it with SIGKILL,
and looks at every process of the session and every file beside the site.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_output import tree

from conftest import ROOT, opmanual

pytestmark = [pytest.mark.slow]

MINI = ROOT / "tests/fixtures/mini"


def processes(session: int) -> dict[int, tuple[int, str]]:
    """The live processes of a session: process id → (parent's id, command line). Zombies have ended already."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()
        state, parent, sid = fields[0], int(fields[1]), int(fields[3])
        if sid == session and state not in "ZX":
            found[int(entry.name)] = (parent, command)
    return found


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not seen within {seconds} s: {what}"
        time.sleep(0.02)


def mkdocs_child(session: int) -> int | None:
    """The `mkdocs build` that `python -m opmanual build` (the session's leader) runs."""
    found = processes(session).items()
    return next((pid for pid, (parent, command) in found if parent == session and "-m mkdocs build" in command), None)


def pdf_worker(session: int, builder: int | None = None) -> int | None:
    """A PDF worker: a process forked by the `mkdocs build` of the session (the leader's child, or the leader)."""
    found = processes(session)
    builder = builder or mkdocs_child(session)
    if builder not in found:
        return None
    return next(
        (pid for pid, (parent, command) in found.items() if parent == builder and command == found[builder][1]), None
    )


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from `mini`, to be copied where each test builds again."""
    folder = tmp_path_factory.mktemp("previous")
    shutil.copytree(MINI, folder / "data")
    result = opmanual(folder, "build", "data", "--site", "site", "--no-pdf")
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture
def project(tmp_path: Path, previous_site: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "data")
    shutil.copytree(previous_site, tmp_path / "site", symlinks=True)
    (tmp_path / "tmp").mkdir()  # the builds' TMPDIR, to see what they leave in it
    return tmp_path


def environment(project: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(ROOT / "src"),
        "MANUAL_CONFIG": str(ROOT / "mkdocs.yml"),
        "MANUAL_PDF_CACHE": str(project / "cache"),
        "MANUAL_PDF_JOBS": "2",
        "TMPDIR": str(project / "tmp"),
        **extra,
    }


@contextmanager
def started(project: Path, command: list[str], **extra: str) -> Iterator[subprocess.Popen[bytes]]:
    """A build running in a session of its own; whatever of it is left is killed at the end."""
    log = (project / f"log-{time.monotonic_ns()}.txt").open("wb")
    process = subprocess.Popen(
        command, cwd=project, env=environment(project, **extra), stdout=log, stderr=log, start_new_session=True
    )
    try:
        yield process
    finally:
        for pid in processes(process.pid):
            os.kill(pid, signal.SIGKILL)
        process.wait()
        log.close()


def build_command(*options: str) -> list[str]:
    return [sys.executable, "-m", "opmanual", "build", "data", "--site", "site", *options]


def build_now(project: Path) -> subprocess.CompletedProcess[str]:
    """A whole build of the site without PDFs, as the next run would be."""
    command = build_command("--no-pdf")
    return subprocess.run(command, cwd=project, env=environment(project), capture_output=True, text=True, check=False)


def killed(process: subprocess.Popen[bytes], target: int | None = None) -> None:
    """Kill `target` (the build itself by default) with SIGKILL, and see every process of the build end."""
    os.kill(target or process.pid, signal.SIGKILL)
    if target is None:
        process.wait()
    wait_for(lambda: not processes(process.pid), 10, f"the end of every process of the build: {processes(process.pid)}")


def debris(project: Path) -> list[str]:
    """What builds left: anything beside the site or inside it that no build keeps, aside files of the cache, and
    temporary folders."""
    expected = {"data", "site", "cache", "tmp"}
    left = [path.name for path in project.iterdir() if path.name not in expected and not path.name.startswith("log-")]
    left += [f"site/{path.name}" for path in (project / "site").glob(".*") if path.name != ".opmanual-site"]
    left += [f"cache/{path.name}" for path in (project / "cache").glob(".*.tmp")]
    left += [f"cache/figures/{path.name}" for path in (project / "cache/figures").glob(".*.tmp")]
    # compiled templates are kept in the project's .cache/jinja, never in the temporary folder
    left += [f"tmp/{path.name}" for path in (project / "tmp").iterdir()]
    return left


def next_build_cleans_up(project: Path) -> None:
    result = build_now(project)
    assert result.returncode == 0, result.stderr
    assert debris(project) == []


def test_killed_while_building_the_pages(project: Path) -> None:
    before = tree(project / "site")
    with started(project, build_command()) as build:
        wait_for(lambda: mkdocs_child(build.pid), 60, "the `mkdocs build` child")
        assert list(project.glob(".site.building-*"))
        killed(build)
    assert tree(project / "site") == before
    assert len(list(project.glob(".site.building-*"))) == 1  # what it left
    next_build_cleans_up(project)


def test_killed_while_printing_kills_the_pdf_workers(project: Path) -> None:
    before = tree(project / "site")
    with started(project, build_command()) as build:
        wait_for(lambda: pdf_worker(build.pid), 120, "a PDF worker")
        killed(build)
    assert tree(project / "site") == before
    next_build_cleans_up(project)


def test_killed_while_writing_the_word_copies(project: Path) -> None:
    """Word copies without PDFs: the same stage, reached without waiting for every book to be printed first."""
    before = tree(project / "site")
    with started(project, build_command(), MANUAL_PDF="0", MANUAL_WORD="1") as build:
        wait_for(lambda: list((project / "cache").glob(".*.docx.*.tmp")), 180, "a Word copy written aside")
        killed(build)
    assert tree(project / "site") == before
    assert list((project / "cache").glob(".*.tmp"))  # what it left
    next_build_cleans_up(project)


def test_killed_without_a_cache_leaves_no_temporary_folder(project: Path) -> None:
    before = tree(project / "site")
    with started(project, build_command(), MANUAL_PDF_CACHE="off") as build:
        wait_for(lambda: list(project.glob(".site.building-*/.opmanual-scratch-*")), 120, "the charts' folder")
        wait_for(lambda: pdf_worker(build.pid), 60, "a PDF worker")
        killed(build)
    assert tree(project / "site") == before
    next_build_cleans_up(project)


def test_nothing_is_written_in_the_temporary_folder(project: Path) -> None:
    """Whatever the build or its libraries write as temporary files goes in the scratch folder of the site being
    built: nothing of it can be left in the system's temporary folder by a build killed at any moment (ctypes
    writes a file there while WeasyPrint looks for its libraries; WeasyPrint copied the fonts there and its workers
    never removed them)."""
    seen: set[str] = set()
    with started(project, build_command()) as build:
        while build.poll() is None:
            seen |= {path.name for path in (project / "tmp").iterdir()}
            time.sleep(0.005)
        assert build.returncode == 0
    assert seen == set()


def test_a_direct_mkdocs_build_killed_takes_its_workers_with_it(project: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    with started(project, command, MANUAL_DATA=str(project / "data"), MANUAL_SITE=str(project / "site")) as build:
        wait_for(lambda: pdf_worker(build.pid, build.pid), 120, "a PDF worker")
        killed(build)
    # MkDocs writes in place: the site is half-written, and the next build replaces it whole.
    next_build_cleans_up(project)
    assert (project / "site/index.html").is_file()


def test_killed_while_swapping_leaves_one_whole_site(project: Path) -> None:
    bulk = project / "site/old-bulk"  # an old site slow to remove, to be caught in the act
    bulk.mkdir()
    for n in range(20_000):
        (bulk / f"{n}.txt").write_bytes(b"")
    with started(project, build_command("--no-pdf")) as build:

        def swapped() -> bool:
            return not bulk.exists() and any(project.glob(".site.building-*/old-bulk"))

        wait_for(swapped, 120, "the old site swapped out")
        killed(build)
    site = project / "site"
    assert (site / "index.html").is_file() and (site / ".opmanual-site").is_file() and not bulk.exists()
    next_build_cleans_up(project)


def test_a_terminated_build_removes_its_staging_folder_at_once(project: Path) -> None:
    """SIGTERM (a cancelled CI job) ends the build as Ctrl-C does: it removes what it made before it goes."""
    before = tree(project / "site")
    with started(project, build_command()) as build:
        wait_for(lambda: mkdocs_child(build.pid), 60, "the `mkdocs build` child")
        os.kill(build.pid, signal.SIGTERM)
        assert build.wait(timeout=30) == 130
        wait_for(lambda: not processes(build.pid), 10, "the end of every process of the build")
    assert tree(project / "site") == before
    assert debris(project) == []


def test_a_killed_mkdocs_is_said_plainly(project: Path) -> None:
    """The `mkdocs build` child killed (by the system, out of memory): its workers end, the build says so."""
    before = tree(project / "site")
    with started(project, build_command()) as build:
        wait_for(lambda: pdf_worker(build.pid), 120, "a PDF worker")
        builder = mkdocs_child(build.pid)
        assert builder is not None
        os.kill(builder, signal.SIGKILL)
        assert build.wait(timeout=30) == 2
        wait_for(lambda: not processes(build.pid), 10, "the end of every process of the build")
    log = next(project.glob("log-*.txt")).read_text(encoding="utf-8")
    assert "build stopped: `mkdocs build` was killed (SIGKILL); site was left as it was" in log
    assert "Traceback" not in log
    assert tree(project / "site") == before
    assert [name for name in debris(project) if not name.startswith("cache/")] == []


# Two builds at once


def test_a_second_build_into_the_same_site_is_refused_and_the_first_finishes(project: Path) -> None:
    with started(project, build_command("--no-pdf")) as first:
        wait_for(lambda: mkdocs_child(first.pid), 60, "the first build's `mkdocs build`")
        # The first build is held still while the others try (on a busy machine it could otherwise finish first).
        held = mkdocs_child(first.pid)
        assert held is not None
        os.kill(held, signal.SIGSTOP)
        try:
            second = build_now(project)
            direct = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml")],
                env=environment(project, MANUAL_DATA=str(project / "data"), MANUAL_SITE=str(project / "site")),
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            os.kill(held, signal.SIGCONT)
        assert second.returncode == 2
        assert f"site is being written by another run (build, process {first.pid}); wait for it" in second.stderr
        assert "Traceback" not in second.stderr
        assert direct.returncode == 2
        assert f"is being written by another run (build, process {first.pid})" in direct.stderr
        assert "Traceback" not in direct.stderr
        assert first.wait(timeout=300) == 0
    assert (project / "site/index.html").is_file()
    assert debris(project) == []


def test_a_direct_mkdocs_build_holds_the_site_too(project: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml")]
    extra = {"MANUAL_DATA": str(project / "data"), "MANUAL_SITE": str(project / "site"), "MANUAL_PDF": "0"}
    with started(project, command, **extra) as first:
        lock = project / ".site.lock"
        wait_for(lambda: lock.exists() and lock.stat().st_size > 0, 60, "the lock of the direct build, taken")
        os.kill(first.pid, signal.SIGSTOP)  # held still while the second tries, however busy the machine
        try:
            second = build_now(project)
        finally:
            os.kill(first.pid, signal.SIGCONT)
        assert second.returncode == 2
        assert f"(mkdocs build, process {first.pid})" in second.stderr
        assert first.wait(timeout=300) == 0
    assert (project / "site/index.html").is_file()
    assert debris(project) == []
