"""Property-based fuzzing: whatever the files hold, loading either succeeds or reports data errors, nothing else.

The suite runs a short profile. A long run: `HYPOTHESIS_PROFILE=long scripts/test tests/test_fuzz.py`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import UNPRIVILEGED
from opmanual.data.dataset import load
from opmanual.errors import DataErrors
from opmanual.site.pages import render_all

pytestmark = [pytest.mark.slow]

HERE = Path(__file__).parent
BASE = HERE / "fixtures" / "mini"
FILES = sorted(path.relative_to(BASE).as_posix() for path in BASE.rglob("*.yml"))

settings.register_profile("short", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))

KEYS = ["name", "prefix", "surname", "steps", "text", "items", "id", "title", "duties", "processes", "rows",
        "decision", "no_to", "yes", "no", "schools", "members", "workgroups", "group", "office", "manual",
        "year", "start", "end", "label", "kind", "next", "references", "bibliography", "x", "", "<<", "ก"]  # fmt: skip
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True), st.sampled_from(KEYS),
    st.text(max_size=40), st.text(alphabet="กขคงจำ่้๊๋ิีึืุู์ํา ", max_size=20),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)),
    max_leaves=30,
)


def outcome(files: dict[str, bytes]) -> None:
    """Load (and, when valid, render) a manual made of the fixture with `files` replaced."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(BASE, data)
        for name, content in files.items():
            (data / name).write_bytes(content)
        try:
            manual = load(data)
        except DataErrors as exc:
            assert exc.errors and all(str(error).count(":") >= 3 for error in exc.errors)
            return
        render_all(manual)


@given(st.sampled_from(FILES), st.binary(max_size=400))
@example("office.yml", b"\x00")  # the long run found that PyYAML's reader error escaped
@example("office.yml", b"\xef\xbb\xbf\xef\xbb\xbf")
def test_random_bytes(name: str, content: bytes) -> None:
    outcome({name: content})


@given(st.sampled_from(FILES), VALUES)
def test_random_yaml_structures(name: str, value: object) -> None:
    outcome({name: yaml.safe_dump(value, allow_unicode=True).encode()})


@given(st.sampled_from(FILES), st.data())
def test_mutated_real_files(name: str, data: st.DataObject) -> None:
    lines = (BASE / name).read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "swap", "truncate"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = "  " + line
        elif action == "dedent":
            lines[index] = line[2:] if line.startswith("  ") else line
        elif action == "insert":
            at = data.draw(st.integers(0, len(line)))
            lines[index] = (
                line[:at] + data.draw(st.text(alphabet=":-[]{}&*!|>'\"#\t ก๑%@`,?", min_size=1, max_size=3)) + line[at:]
            )
        elif action == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines[index] = line[: data.draw(st.integers(0, len(line)))]
    outcome({name: "".join(lines).encode()})


def test_file_system_and_tags() -> None:
    """tests/fuzz_files.py, run in its own process without root's power to read every file."""
    result = subprocess.run(
        [*UNPRIVILEGED, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(HERE / "fuzz_files.py")],
        cwd=HERE.parent,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
