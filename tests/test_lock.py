"""The one-writer lock: a second run is refused while the first lives, and a killed owner blocks no one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from opmanual.lock import Busy, hold, lock_path

HOLDER = """
import sys, time
from pathlib import Path
from opmanual.lock import hold
with hold(Path(sys.argv[1]), "build"):
    print("held", flush=True)
    time.sleep(60)
"""


def _holder(folder: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_run_is_refused_with_the_owner_named(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    holder = _holder(folder)
    try:
        message = rf"site is being written by another run \(build, process {holder.pid}\)"
        with pytest.raises(Busy, match=message), hold(folder, "build"):
            pass
    finally:
        holder.kill()
        holder.communicate()


def test_a_killed_owner_leaves_a_lock_the_next_run_takes_and_removes(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    holder = _holder(folder)
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate()
    assert lock_path(folder).exists()  # what the dead run left
    with hold(folder, "build") as path:
        assert path.read_text() == f"build, process {os.getpid()}\n"
    assert not lock_path(folder).exists()


def test_the_lock_is_released_when_the_block_fails(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with pytest.raises(ValueError), hold(folder, "import"):
        raise ValueError
    with hold(folder, "import"):  # taken again: a held lock would raise Busy
        pass


def test_a_link_in_place_of_the_lock_file_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me\n")
    lock_path(folder).symlink_to(target)
    with pytest.raises(OSError), hold(folder, "build"):
        pass
    assert target.read_text() == "keep me\n"
