"""Fuzzing of the data folder as a file system, and of YAML tags; run by tests/test_fuzz.py without root's power.

Random links (out of the folder, to devices, in loops), named pipes, folders where files belong, unreadable files
and folders, and tags written before values: loading must end, within seconds, in a manual or in data errors that
each name a file, a line and a column, and must never show the content of a file outside the data folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path
from types import FrameType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opmanual.data.dataset import load
from opmanual.errors import DataErrors
from opmanual.render.pages import render_all

BASE = Path(__file__).parent / "fixtures" / "mini"
PATHS = [*sorted(path.relative_to(BASE).as_posix() for path in BASE.rglob("*")), "people", "processes", "files"]
SECRET = "ความลับนอกโฟลเดอร์ข้อมูล"  # noqa: S105 - a text that must never be shown, not a password
TARGETS = ["/etc/passwd", "/dev/zero", "/dev/null", "/dev/urandom", "/proc/self/environ", "/nonexistent", ".", ".."]
TAGS = ["!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!binary ", "!!python/object:os.system ", "! ", "!x "]

settings.register_profile("short", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))

SHAPES = st.lists(
    st.tuples(
        st.sampled_from(["link", "outside", "fifo", "folder", "loop", "unreadable", "tag"]),
        st.sampled_from(PATHS),
        st.sampled_from(TARGETS),
        st.integers(0, 200),
        st.sampled_from(TAGS),
    ),
    min_size=1,
    max_size=4,
)


def _timeout(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError("loading did not end")


def _clear(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def _shape(tmp: Path, action: str, path: Path, target: str, position: int, tag: str) -> None:
    if action == "tag":
        if path.is_file() and not path.is_symlink() and path.suffix == ".yml":
            text = path.read_text(encoding="utf-8")
            at = text.find(": ", position % max(len(text), 1))
            if at >= 0:
                path.write_text(text[: at + 2] + tag + text[at + 2 :], encoding="utf-8")
        return
    if action == "unreadable":
        if os.path.lexists(path) and not path.is_symlink():
            path.chmod(0)
        return
    _clear(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if action == "link":
        path.symlink_to(target)
    elif action == "outside":
        path.symlink_to(tmp / "outside.yml")
    elif action == "fifo":
        os.mkfifo(path)
    elif action == "folder":
        path.mkdir()
    else:
        path.symlink_to(path.name)


@given(SHAPES)
def test_random_file_system_shapes(shapes: list[tuple[str, str, str, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(BASE, data)
        (Path(tmp) / "outside.yml").write_text(f"name: {SECRET}\n", encoding="utf-8")
        # Permissions last, so that every other shape can still be made; a shape that cannot be made (a file under
        # a path that is now a link) is left out.
        for action, name, target, position, tag in sorted(shapes, key=lambda shape: shape[0] == "unreadable"):
            try:
                _shape(Path(tmp), action, data / name, target, position, tag)
            except OSError:
                continue
        signal.signal(signal.SIGALRM, _timeout)
        signal.alarm(20)
        try:
            manual = load(data)
        except DataErrors as exc:
            assert exc.errors and all(str(error).count(":") >= 3 for error in exc.errors)
            assert not any(SECRET in str(error) or "root:" in str(error) for error in exc.errors)
            return
        finally:
            signal.alarm(0)
            for path in data.rglob("*"):  # let the temporary folder be removed
                if not path.is_symlink():
                    path.chmod(0o700)
        render_all(manual)
