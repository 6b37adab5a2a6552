"""What a killed build leaves is removed by the next one, and only that: folders a build named and marked, aside
files of the PDF cache no live build owns; the processes of a build die with it. (The kills of real builds are in
test_interrupt.py.)"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from opmanual import cache as pdf_cache
from opmanual.build import MARKER, SCRATCH, mark, remove_debris, swap


def folder(path: Path, *, marked: bool = True, files: int = 2) -> Path:
    path.mkdir(parents=True)
    if marked:
        mark(path)
    for n in range(files):
        (path / f"page-{n}.html").write_text(str(n), encoding="utf-8")
    return path


def test_only_folders_a_build_named_and_marked_are_removed(tmp_path: Path) -> None:
    site = folder(tmp_path / "site")
    staging = folder(tmp_path / ".site.building-abcd1234")
    old = folder(tmp_path / ".site.previous-x1y2z3w4")
    empty = folder(tmp_path / ".site.building-00000000", marked=False, files=0)  # killed before its marker
    scratch = folder(site / f"{SCRATCH}k3j4h5g6", marked=False)
    keep = [
        folder(tmp_path / ".site.building-12345678", marked=False),  # someone's files, in a name like ours
        folder(tmp_path / ".site.my-backup"),  # a user's copy of a built site
        folder(tmp_path / ".other.building-abcd1234"),  # another site's
    ]
    assert remove_debris(site) == []
    assert not any(path.exists() for path in (staging, old, empty, scratch))
    assert all(path.is_dir() for path in keep) and (site / "page-0.html").is_file()


def test_leftovers_of_a_site_whose_name_looks_like_a_pattern(tmp_path: Path) -> None:
    site = folder(tmp_path / "site [new]*")
    staging = folder(tmp_path / ".site [new]*.building-abcd1234")
    other = folder(tmp_path / ".site n*.building-abcd1234")  # what the name would match as a pattern
    assert remove_debris(site) == []
    assert not staging.exists() and other.exists()


def test_a_swap_cut_between_its_two_renames_is_undone(tmp_path: Path) -> None:
    """Where the file system cannot exchange two folders at once, a swap is two renames; killed between them, the
    site is missing and the old one is beside it: the next build puts it back before anything else."""
    site = tmp_path / "site"
    old = folder(tmp_path / ".site.previous-x1y2z3w4")
    new = folder(tmp_path / ".site.building-abcd1234", files=5)
    assert remove_debris(site) == []
    assert sorted(path.name for path in site.iterdir()) == [MARKER, "page-0.html", "page-1.html"]
    assert not old.exists() and not new.exists()


def test_a_swap_exchanges_the_folders_in_one_step(tmp_path: Path) -> None:
    site = folder(tmp_path / "site", files=1)
    staging = folder(tmp_path / ".site.building-abcd1234", files=3)
    inode = staging.stat().st_ino
    old = swap(staging, site)
    assert site.stat().st_ino == inode and (site / "page-2.html").is_file()
    assert old is not None and sorted(path.name for path in old.iterdir()) == [MARKER, "page-0.html"]


HOLDER = """
import sys, time
from pathlib import Path
from opmanual.cache import using
with using(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def test_aside_files_of_the_cache_are_removed_only_when_no_build_uses_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (cache / "figures").mkdir(parents=True)
    entry = cache / f"{'a' * 64}.pdf"
    entry.write_bytes(b"%PDF-")
    other = cache / ".notes.tmp"  # not a name the build writes
    other.write_text("keep", encoding="utf-8")
    template = f".__jinja2_{'d' * 40}.cache.91.tmp"  # a compiled template, half written
    aside = [
        pdf_cache.aside(entry),
        cache / f".{'b' * 64}.docx.77.tmp",
        cache / template,
        cache / f"figures/.{'c' * 64}.12.tmp",
    ]
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(cache)], stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            for path in aside[:3]:  # another build is at work: its aside files may be in progress
                path.write_bytes(b"half")
            aside[3].mkdir()
            with pdf_cache.using(cache):
                assert all(path.exists() for path in aside)
            pdf_cache.clean(cache)
            assert all(path.exists() for path in aside)
        finally:
            holder.kill()
    pdf_cache.clean(cache)  # the other build was killed: what it left goes
    assert not any(path.exists() for path in aside)
    assert entry.read_bytes() == b"%PDF-" and other.exists()


PARENT = """
import subprocess, sys, time
from opmanual.children import lifeline
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], preexec_fn=lifeline())
print(child.pid, flush=True)
time.sleep(60)
"""


def test_a_child_dies_with_its_parent_even_by_sigkill(tmp_path: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True) as parent:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while alive(child):
        assert time.monotonic() < deadline, "the child outlived its parent"
        time.sleep(0.02)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in "ZX"


def test_a_compiled_template_is_written_whole_and_read_back(tmp_path: Path) -> None:
    """The templates' cache (.cache/jinja in the project) is written like the PDF cache: aside, then renamed."""
    from opmanual.render.render import Renderer

    folder = tmp_path / "jinja"
    first = Renderer("thai", compiled=folder).env.get_template("home.md.j2")
    written = sorted(path.name for path in folder.iterdir())
    assert written and all(re.fullmatch(r"__jinja2_[0-9a-f]{40}\.cache|\.lock", name) for name in written)
    # a new process's environment loads the compiled code instead of compiling: the same template
    fresh = subprocess.run(
        [sys.executable, "-c", LOADS, str(folder)], capture_output=True, text=True, check=False, timeout=60
    )
    assert fresh.returncode == 0 and fresh.stdout.split() == ["loaded", "home.md.j2"], fresh.stderr
    assert first.name == "home.md.j2"


LOADS = """
import sys
from pathlib import Path
from jinja2.bccache import Bucket
from opmanual.render.render import Renderer
env = Renderer("arabic", compiled=Path(sys.argv[1])).env
compiled = env.bytecode_cache
calls = []
load = compiled.load_bytecode
def counted(bucket: Bucket) -> None:
    load(bucket)
    calls.append(bucket.code is not None)
compiled.load_bytecode = counted
template = env.get_template("home.md.j2")
print("loaded" if calls == [True] else f"compiled {calls}", template.name)
"""


def test_a_templates_cache_that_cannot_be_written_costs_only_compiling(tmp_path: Path) -> None:
    from opmanual.render.render import Renderer

    blocked = tmp_path / "jinja"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    template = Renderer("arabic", compiled=blocked).env.get_template("process.md.j2")
    assert template.name == "process.md.j2" and blocked.read_text(encoding="utf-8").startswith("a file")
