"""`import --into`: the folder is checked before anything is copied, what is written reads back with the loader,
two imports never interleave, a killed import leaves the data as it was, and names from the command line are data.

Every test runs the real command in a child process; the kills are real SIGKILLs at stages observed from outside
(a staging folder appearing, the PDF reader's process starting), and the concurrent runs really run at once.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bombs import run_bounded

from opmanual.data.dataset import load
from opmanual.importer.folder import MARK, clean
from opmanual.lock import hold, lock_path

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests/fixtures/mini"  # the manual, its person and the process `qa` are approved
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_MKDOCS_2_WARNING": "1"}
FOREWORD = "# คำนำ\n\nคู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทางของบุคลากรใหม่\n"
PERSON = "นางสาวมาลี ใจดี\n\nศึกษานิเทศก์ชำนาญการพิเศษ\n\nคู่มือปฏิบัติงาน\n\nคำนำ\n\nคู่มือฉบับนี้จัดทำขึ้นเพื่อเป็นแนวทาง\n"


def run(cwd: Path, *args: str | Path, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opmanual", *map(str, args)],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        preexec_fn=None if umask is None else lambda: os.umask(umask),  # type: ignore[func-returns-value]
    )


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every entry under `folder` with its mode and content (a link's target), to compare before and after."""
    found: dict[str, tuple[int, bytes]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        content = os.readlink(path).encode() if path.is_symlink() else path.read_bytes() if path.is_file() else b""
        found[path.relative_to(folder).as_posix()] = (info.st_mode, content)
    return found


def data_folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def source(tmp_path: Path, text: str = FOREWORD, name: str = "manual.md") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def debris(tmp_path: Path) -> list[str]:
    return sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("."))


# --- the folder is checked first --------------------------------------------------------------------------------


@pytest.mark.slow
def test_importing_into_an_approved_data_folder_adds_to_it(tmp_path: Path) -> None:
    """The folder's approval dates were read as dates by yaml.safe_load: an internal error."""
    target = data_folder(tmp_path)
    before = snapshot(target)
    result = run(tmp_path, "import", source(tmp_path, PERSON, "person.txt"), "--into", target)
    assert result.returncode == 0, result.stderr
    manual = load(target)
    assert manual.info.approval.status == "approved" and manual.info.approval.date == "2567-10-01"
    assert [person.approval.status for person in manual.people.values()].count("approved") == 1
    for name, (mode, content) in before.items():  # every file kept, every line of office.yml kept
        after = snapshot(target)[name]
        assert after[0] == mode, name
        if name != "office.yml":
            assert after[1] == content, name
    assert (target / "office.yml").read_bytes().startswith(before["office.yml"][1].rstrip(b"\n"))
    assert len(manual.people) == 2
    assert debris(tmp_path) == []


@pytest.mark.parametrize("into", ["/", "/etc", "home"])
def test_a_folder_that_is_not_a_data_folder_is_refused_before_anything_is_copied(tmp_path: Path, into: str) -> None:
    if into == "home":
        (tmp_path / "home").mkdir()
        (tmp_path / "home/notes.txt").write_text("mine\n")
    started = time.monotonic()
    result = run(tmp_path, "import", source(tmp_path), "--into", into)
    assert result.returncode == 1
    assert result.stderr.endswith(
        "is neither a data folder (it has no office.yml) nor empty: import into a new or "
        "empty folder, or into a data folder; nothing was written\n"
    ), result.stderr
    assert time.monotonic() - started < 20  # `--into /` copied the whole file system before failing
    assert debris(tmp_path) == []
    assert not list(Path("/").glob(".import-*")) and not Path("/..lock").exists()


@pytest.mark.slow
def test_a_file_and_a_link_are_refused_as_the_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = run(tmp_path, "import", source(tmp_path), "--into", "file")
    assert (result.returncode, result.stderr) == (
        1,
        "python -m opmanual import: file is not a folder; nothing was written\n",
    )
    data_folder(tmp_path)
    (tmp_path / "link").symlink_to(tmp_path / "data")
    result = run(tmp_path, "import", source(tmp_path), "--into", "link")
    assert result.returncode == 1
    assert result.stderr.startswith("python -m opmanual import: link is a link; give the folder it leads to (data)")


@pytest.mark.slow
def test_importing_into_the_working_folder(tmp_path: Path) -> None:
    """`--into .` had no name to put a staging folder beside, and the swap replaces the working folder itself."""
    (tmp_path / "here").mkdir()
    first = run(tmp_path / "here", "import", source(tmp_path, PERSON, "person.txt"), "--into", ".")
    assert first.returncode == 0, first.stderr
    assert first.stdout.endswith("ตรวจไฟล์ทั้งหมดด้วย: opmanual check .\nเขียนลง . แล้ว 2 ไฟล์ (นำเข้าแล้ว)\n")
    second = run(tmp_path / "here", "import", source(tmp_path), "--into", ".")
    assert second.returncode == 0, second.stderr
    assert len(load(tmp_path / "here").people) == 1 and debris(tmp_path) == []


def test_a_folder_inside_a_data_folder_is_refused(tmp_path: Path) -> None:
    """Its files, lock and staging folder would stand in the data folder, which would no longer pass the check."""
    target = data_folder(tmp_path)
    before = snapshot(target)
    for inside in ("data/new", "data/files/more/new"):
        result = run(tmp_path, "import", source(tmp_path), "--into", inside)
        assert (result.returncode, result.stderr) == (
            1,
            f"python -m opmanual import: {inside} is inside the data folder data; import beside it, not into it; "
            "nothing was written\n",
        )
    assert snapshot(target) == before


def test_a_link_in_the_folder_is_copied_as_a_link_and_never_written_through(tmp_path: Path) -> None:
    """office.yml a link into a hidden folder of the data folder, by its absolute path: written through, the
    additions went into the old folder, which the swap then removed."""
    target = data_folder(tmp_path)
    (target / ".source").mkdir()
    (target / "office.yml").rename(target / ".source/office.yml")
    (target / "office.yml").symlink_to(target / ".source/office.yml")
    result = run(tmp_path, "import", source(tmp_path), "--into", target)
    assert result.returncode == 0, result.stderr
    assert [section.title for section in load(target).group.sections][-1].endswith("(ตามต้นฉบับที่นำเข้า)")


@pytest.mark.slow
def test_a_named_pipe_in_the_data_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    target = data_folder(tmp_path)
    (target / ".cache").mkdir()
    os.mkfifo(target / ".cache/pipe")  # the loader does not read hidden folders; a copy would block on it
    run_ = run_bounded(tmp_path, "import", str(source(tmp_path)), "--into", "data")
    assert run_.code == 1, run_.err
    assert run_.err == (
        "python -m opmanual import: data/.cache/pipe is a named pipe, not a file; a data folder holds files and "
        "folders only; nothing was written\n"
    )
    os.unlink(target / ".cache/pipe")
    os.mkfifo(target / "pipe")  # where the loader looks: the folder does not pass the check
    run_ = run_bounded(tmp_path, "import", str(source(tmp_path)), "--into", "data")
    assert run_.code == 1 and "is a data folder that does not pass the check" in run_.err, run_.err
    assert debris(tmp_path) == []


def test_a_link_out_of_the_data_folder_is_refused(tmp_path: Path) -> None:
    target = data_folder(tmp_path)
    (target / ".notes").mkdir()
    (target / ".notes/passwd").symlink_to("/etc/passwd")
    result = run(tmp_path, "import", source(tmp_path), "--into", "data")
    assert result.returncode == 1
    assert "data/.notes/passwd is a link that leads out of the data folder" in result.stderr


@pytest.mark.slow
def test_new_folders_and_files_have_the_users_normal_permissions(tmp_path: Path) -> None:
    """A temporary folder is private (700); renamed into place, it made the new data folder private."""
    for umask, folder_mode, file_mode in ((0o022, 0o755, 0o644), (0o027, 0o750, 0o640)):
        target = tmp_path / f"new-{umask:o}"
        result = run(tmp_path, "import", source(tmp_path, PERSON, "person.txt"), "--into", target, umask=umask)
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(target.stat().st_mode) == folder_mode
        assert {stat.S_IMODE(path.stat().st_mode) for path in target.rglob("*") if path.is_dir()} == {folder_mode}
        assert {stat.S_IMODE(path.stat().st_mode) for path in target.rglob("*") if path.is_file()} == {file_mode}


@pytest.mark.slow
def test_an_existing_folder_keeps_its_files_modes_line_ends_and_byte_order_mark(tmp_path: Path) -> None:
    target = data_folder(tmp_path)
    office = target / "office.yml"
    office.write_bytes(b"\xef\xbb\xbf" + office.read_bytes().replace(b"\n", b"\r\n"))
    os.chmod(target, 0o2775)  # noqa: S103 - a folder shared by a group of editors
    os.chmod(target / "people/somchai.yml", 0o600)
    result = run(tmp_path, "import", source(tmp_path), "--into", target)
    assert result.returncode == 0, result.stderr
    text = office.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"\r\n" in text and text.count(b"\n") == text.count(b"\r\n")
    assert "ตามต้นฉบับที่นำเข้า" in text.decode("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o2775
    assert stat.S_IMODE((target / "people/somchai.yml").stat().st_mode) == 0o600


# --- what import writes, the loader reads -----------------------------------------------------------------------


@pytest.mark.slow
def test_a_source_too_large_for_a_data_file_is_refused_with_the_loaders_limit(tmp_path: Path) -> None:
    """Text that no field takes goes into office.yml's free sections: past 1 MB, "this is a bug of the importer"."""
    paragraphs = [f"ย่อหน้าที่ {number} " + "การนิเทศ ติดตาม และประเมินผลการจัดการศึกษา " * 6 for number in range(1_500)]
    result = run(tmp_path, "import", source(tmp_path, "\n\n".join(paragraphs), "long.txt"), "--into", "data")
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        "python -m opmanual import: the import would write office.yml of 1.2 MB, more than the 1 MB a data file may "
        "hold; the source holds more than a data file of the manual may: import it in parts, or check that it is the "
        "right file; nothing was written\n"
    )
    assert not (tmp_path / "data").exists() and debris(tmp_path) == []


@pytest.mark.slow
def test_forty_thousand_paragraphs_of_word_are_refused_with_the_loaders_limit(tmp_path: Path) -> None:
    """The probe's case: a 150 kB Word file of 40,000 paragraphs ran for minutes, then "this is a bug"."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    end = document.element.body[-1]  # the section's properties, which stay last
    for number in range(40_000):  # as add_paragraph() writes them, fifty times faster
        end.addprevious(parse_xml(f"<w:p {nsdecls('w')}><w:r><w:t>ย่อหน้าที่ {number}</w:t></w:r></w:p>"))
    document.save(str(tmp_path / "long.docx"))
    run_ = run_bounded(tmp_path, "import", str(tmp_path / "long.docx"), "--into", "data", seconds=120)
    assert run_.code == 1, run_.err
    assert run_.err.startswith(
        "python -m opmanual import: the import would write office.yml of 1.9 MB, more than the 1 MB a data file "
        "may hold; the source holds more than a data file of the manual may"
    ), run_.err
    assert "bug" not in run_.err and not (tmp_path / "data").exists()


@pytest.mark.slow
def test_a_process_of_more_steps_than_the_model_allows_is_refused_with_the_limit(tmp_path: Path) -> None:
    lines = ["ชื่องาน การนิเทศติดตามทดสอบ", "วัตถุประสงค์", "1. เพื่อทดสอบ", "ขอบเขตของงาน", "ครอบคลุมทุกโรงเรียน"]
    lines += ["คำจำกัดความ", "การนิเทศ หมายถึง การช่วยเหลือ", "ขั้นตอนการปฏิบัติงาน"]
    lines += [f"{number}. ขั้นตอนที่ทำงานลำดับ {number}" for number in range(1, 251)]
    lines += ["แบบฟอร์มที่ใช้", "1. แบบบันทึก", "เอกสารอ้างอิง", "1. ระเบียบกระทรวง"]
    result = run(tmp_path, "import", source(tmp_path, "\n\n".join(lines), "steps.txt"), "--into", "data")
    assert result.returncode == 1
    assert "with steps: a list of 250 items; at most 200 are allowed; the source holds more" in result.stderr
    assert "bug" not in result.stderr


# --- names from the command line are data -----------------------------------------------------------------------


@pytest.mark.slow
def test_a_file_name_with_a_line_break_stays_in_its_comment(tmp_path: Path) -> None:
    path = source(tmp_path, PERSON, "x\nmanual:\n  title: injected\n#.txt")
    result = run(tmp_path, "import", path, "--into", "data")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "data/office.yml").read_text(encoding="utf-8")
    header = text.splitlines()[1]  # the name's line breaks are spaces in its comment
    assert header == "# นำเข้าจาก x manual: title: injected #.txt ด้วย python -m opmanual import"
    assert "injected" not in str(yaml.safe_load(text).get("manual"))
    assert load(tmp_path / "data").info.title != "injected"


@pytest.mark.slow
def test_terminal_escapes_in_a_file_name_reach_the_terminal_escaped(tmp_path: Path) -> None:
    name = "\x1b[2J\x1b]0;owned\x07manual.md"
    good = run(tmp_path, "import", source(tmp_path, PERSON, name + ".txt"), "--into", "data")
    bad = run(tmp_path, "import", source(tmp_path, "", name + ".txt"), "--into", "other")
    gone = run(tmp_path, "import", tmp_path / "in" / ("\x1b[31m" + "gone.md"), "--into", "other")
    for result in (good, bad, gone):
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    assert good.returncode == 0, good.stderr
    header = (tmp_path / "data/office.yml").read_text(encoding="utf-8").splitlines()[1]
    assert header == "# นำเข้าจาก \\x1b[2J\\x1b]0;owned\\x07manual.md.txt ด้วย python -m opmanual import"
    assert bad.stderr.startswith("python -m opmanual import: \\x1b[2J\\x1b]0;owned\\x07manual.md.txt is empty")
    assert gone.stderr.startswith("python -m opmanual import: \\x1b[31mgone.md does not exist.")


# --- one writer at a time ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_import_into_a_folder_another_run_writes_is_refused_plainly(tmp_path: Path) -> None:
    target = data_folder(tmp_path)
    before = snapshot(target)
    with hold(target, "import"):
        result = run(tmp_path, "import", source(tmp_path), "--into", target)
    assert result.returncode == 1
    assert result.stderr == (
        f"python -m opmanual import: data is being written by another run (import, process {os.getpid()}); wait "
        "for it to finish and try again; nothing was written\n"
    )
    assert snapshot(target) == before


@pytest.mark.slow
def test_two_imports_at_once_leave_a_folder_that_passes_the_check(tmp_path: Path) -> None:
    """Both used to report success and leave a folder that no longer passed `check`."""
    target = data_folder(tmp_path)
    first, second = source(tmp_path, PERSON, "a.txt"), source(tmp_path, PERSON.replace("มาลี", "มานี"), "b.txt")
    commands = [
        [sys.executable, "-m", "opmanual", "import", str(path), "--into", str(target)] for path in (first, second)
    ]
    runs = [
        subprocess.Popen(command, cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    results = [(process.wait(timeout=300), process.communicate()[1]) for process in runs]
    for code, err in results:
        assert code == 0 or (code == 1 and "is being written by another run (import, process" in err), err
    manual = load(target)
    assert len(manual.people) == 1 + sum(code == 0 for code, _ in results)
    assert debris(tmp_path) == []


# --- a killed import ---------------------------------------------------------------------------------------------


def start(tmp_path: Path, *args: str | Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "opmanual", *map(str, args)],
        cwd=tmp_path,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, "the import ended before the stage was reached"
        assert time.monotonic() < deadline, "the stage was never reached"
        time.sleep(0.001)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.slow
def test_an_import_killed_while_it_builds_the_folder_leaves_the_data_and_the_next_one_cleans_up(
    tmp_path: Path,
) -> None:
    target = data_folder(tmp_path)
    (target / ".archive").mkdir()  # hidden: not the manual's, but the folder's, and copied with it (slowly)
    (target / ".archive/scans.bin").write_bytes(os.urandom(40_000_000))
    before = snapshot(target)
    process = start(tmp_path, "import", source(tmp_path, PERSON, "person.txt"), "--into", target)
    # Killed while it copies the folder: its staging folder is marked, the copy has begun.
    wait_for(lambda: any((tmp_path / name / "data").exists() for name in debris(tmp_path)), process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert snapshot(target) == before
    left = [name for name in debris(tmp_path) if name.startswith(".data.import-")]
    assert len(left) == 1 and (tmp_path / left[0] / MARK).is_file()
    unmarked = tmp_path / ".data.import-mine"  # not an import's: never removed
    unmarked.mkdir()
    result = run(tmp_path, "import", source(tmp_path, PERSON, "person.txt"), "--into", target)
    assert result.returncode == 0, result.stderr
    assert debris(tmp_path) == [".data.import-mine"]
    assert len(load(target).people) == 2


def test_an_import_killed_while_it_reads_a_pdf_takes_its_reader_with_it(tmp_path: Path) -> None:
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    line = b"(Supervision manual of the office, part one, the work of each group) Tj 0 -14 Td "
    for _ in range(30):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 10 Tf 40 800 Td " + line * 50 + b"ET")
    pdf.save(tmp_path / "long.pdf")
    process = start(tmp_path, "import", tmp_path / "long.pdf", "--into", "data")
    try:
        wait_for(lambda: bool(children(process.pid)), process)
        readers = children(process.pid)  # the process that checks the file, or those that read its parts
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()

    def alive(pid: int) -> bool:
        stat = Path(f"/proc/{pid}/stat")
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            return stat.read_text().split()[2] != "Z"
        return False

    deadline = time.monotonic() + 10
    while any(alive(reader) for reader in readers):
        assert time.monotonic() < deadline, "a reader outlived the import"
        time.sleep(0.01)
    assert not (tmp_path / "data").exists() and debris(tmp_path) == []


@pytest.mark.slow
def test_an_import_killed_at_any_moment_leaves_the_old_folder_or_the_new_one(tmp_path: Path) -> None:
    """Kills spread over the whole run (reading, recognising, the lock, copying, writing, checking, the swap): the
    folder is always the old one or the whole new one, and the next import leaves nothing behind. The next import
    is a real one after two of the kills; after the others, what it does first (under the lock, `clean`)."""
    (seed,) = (ROOT / "tests/seeds").glob("004_*.txt")
    target = data_folder(tmp_path)
    old = snapshot(target)
    started = time.monotonic()
    assert run(tmp_path, "import", seed, "--into", tmp_path / "measure").returncode == 0
    whole = time.monotonic() - started
    shutil.rmtree(tmp_path / "measure")
    for sixth in range(1, 7):
        shutil.rmtree(target)
        shutil.copytree(MINI, target)
        process = start(tmp_path, "import", seed, "--into", target)
        time.sleep(whole * sixth / 6)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert snapshot(target) == old or len(load(target).people) > 1, sixth
        if sixth % 3:
            with hold(target, "import"):
                clean(target)
        else:
            person = source(tmp_path, PERSON.replace("มาลี", "มาลี" + "ก" * sixth), "p.txt")
            result = run(tmp_path, "import", person, "--into", target)
            assert result.returncode == 0, (sixth, result.stderr)
        assert debris(tmp_path) == [], sixth


# --- what a killed import left ----------------------------------------------------------------------------------


def test_a_swap_killed_between_its_two_renames_is_undone(tmp_path: Path) -> None:
    """Where the file system cannot exchange two folders, the old one waits in the staging folder for a moment."""
    target = data_folder(tmp_path)
    before = snapshot(target)
    staging = tmp_path / ".data.import-0a1b2c3d"
    staging.mkdir()
    (staging / MARK).write_text("import, process 1\n")
    target.rename(staging / "old")
    (staging / "data").mkdir()
    assert clean(target) == [staging]
    assert snapshot(target) == before and debris(tmp_path) == []


def test_a_staging_folder_killed_before_it_was_marked_is_removed_only_when_empty(tmp_path: Path) -> None:
    target = data_folder(tmp_path)
    (tmp_path / ".data.import-0123abcd").mkdir()  # made, not yet marked
    (tmp_path / ".data.import-89abcdef").mkdir()
    (tmp_path / ".data.import-89abcdef/mine.txt").write_text("not an import's\n")
    assert clean(target) == [tmp_path / ".data.import-0123abcd"]
    assert debris(tmp_path) == [".data.import-89abcdef"]


@pytest.mark.slow
def test_the_lock_of_a_killed_import_does_not_block_the_next(tmp_path: Path) -> None:
    target = data_folder(tmp_path)
    lock_path(target).write_text("import, process 999999\n")
    result = run(tmp_path, "import", source(tmp_path), "--into", target)
    assert result.returncode == 0, result.stderr
    assert debris(tmp_path) == []
