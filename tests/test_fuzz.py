"""Property-based fuzzing: whatever the files hold, loading either succeeds or reports data errors, nothing else.

The suite runs a short profile. A long run: `HYPOTHESIS_PROFILE=long scripts/test tests/test_fuzz.py`.
"""

from __future__ import annotations

import json
import os
import re
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
from opmanual.data import fixing
from opmanual.data.dataset import load
from opmanual.errors import DataErrors
from opmanual.render.pages import render_all

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


# check --fix, over generated lists in every way YAML writes a value -----------------------------------------------

FIX_MARKS = [
    "{}. ",
    "{}) ",
    "({}) ",
    "{}.",
    "2.{} ",
    "- ",
    "• ",
    "▪ ",
    "1. - ",
    "* ",
    "09.00 น. ",
    "1.5 ",
    "-5 ",
    "+3 ",
]
FIX_WORDS = st.text(alphabet="กขคงจาิ่ 0123๑๒.-", min_size=1, max_size=12).map(lambda text: "ก" + " ".join(text.split()))


def written(value: str, style: str, indent: str) -> str:
    """`value` as a list item written in `style` (plain only where YAML reads it back as the same text)."""
    if style == "plain" and not re.search(r"""^[-?:,\[\]{}#&*!|>'"%@`]|:\s|\s#|^[-?:]$""", value):
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style in ("|", ">"):
        return f"{style}\n{indent}  {value}"
    return json.dumps(value, ensure_ascii=False)


@given(
    st.lists(st.tuples(st.sampled_from(FIX_MARKS), FIX_WORDS, st.sampled_from(["plain", "single", "double", "|", ">"])),
             min_size=1, max_size=8),
    st.booleans(), st.booleans(), st.sampled_from(["objectives", "steps"]),
)  # fmt: skip
def test_fix_keeps_every_other_byte_and_is_done_in_one_run(
    items: list[tuple[str, str, str]], crlf: bool, bom: bool, field: str
) -> None:
    """Whatever is pasted into a list, in whatever style, `--fix` changes only the values it reports, keeps the
    line endings and the byte order mark, reads back as it said, and leaves nothing for a second run."""
    lines = ["name: งานทดสอบ", f"{field}:"]
    for index, (mark, words, style) in enumerate(items):
        lines.append("  - " + written(mark.format(index + 1) + words, style, "  "))
    original = ("\ufeff" if bom else "") + ("\n".join(lines) + "\n").replace("\n", "\r\n" if crlf else "\n")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "processes").mkdir(parents=True)
        (data / "office.yml").write_text(
            "format: 1\noffice:\n  name: สำนักงานทดสอบ\ngroup:\n  name: กลุ่มนิเทศ\n", encoding="utf-8"
        )
        path = data / "processes/fuzz.yml"
        path.write_bytes(original.encode("utf-8"))
        manual = load(data)
        fixable = [finding for finding in manual.pasted if finding.fixable and finding.path == path]
        outcome = fixing.fix(fixable, data)
        assert outcome.problems == []
        after = path.read_bytes().decode("utf-8")
        assert after.startswith("\ufeff") == bom and after.count("\n") == original.count("\n")
        assert after.count("\r\n") == (after.count("\n") if crlf else 0)
        changed = {finding.line[0] for finding in fixable}  # a block scalar's text is on the line after its `|`
        for number, (before_line, after_line) in enumerate(
            zip(original.split("\n"), after.split("\n"), strict=True), 1
        ):
            if before_line != after_line:
                assert number in changed or number - 1 in changed, (number, before_line, after_line)
        again = load(data)
        assert [finding for finding in again.pasted if finding.fixable] == []
        read_back = getattr(again.processes["fuzz"], field)
        for finding in fixable:
            assert read_back[int(finding.loc[1])].text == finding.fixed
        assert not list(data.rglob("*.fixing"))
