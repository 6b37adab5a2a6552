"""`opmanual new DIR`: an office's repository, ready to push, holding content and configuration only.

The files come from the package (`starter/`): a small starter office in `data/` (or what `--from` imports), the
MkDocs configuration and the one-line hook file, `requirements.txt` pinning this version of the generator, the
GitHub workflows (check on pull requests, publish on main), Dependabot's configuration, pre-commit's, the JSON
Schemas the data files' modelines name, and a README in Thai. What only the office knows (its name, its group's
name) comes from options or, on a terminal, from questions; what is left unsaid stays a «placeholder» that `check`
points out, and the starter still builds.

DIR must not exist or be empty; nothing outside it is written. A `new` that is killed leaves DIR holding a marker
(`.opmanual-new`), and the next `new` into it starts again from an empty folder.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import metadata
from pathlib import Path

from . import __version__
from .data import schema
from .data.dataset import load
from .errors import DataErrors, display, printable

STARTER = Path(__file__).parent / "starter"
MARKER = ".opmanual-new"  # in DIR while `new` writes it; a DIR holding it is an unfinished `new`
STANDARD_GROUP = "กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"  # the name every area office's group has
OFFICE_PLACEHOLDER = "«ชื่อสำนักงานเขตพื้นที่การศึกษา»"
MAX_NAME = 200
# The package's files and where they go in the office's repository (names starting with a dot are not package data).
PROJECT = {
    "mkdocs.yml": "mkdocs.yml",
    "hooks/manual.py.in": "hooks/manual.py",  # not a module of the package: copied as it is
    "requirements.txt": "requirements.txt",
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github/dependabot.yml": ".github/dependabot.yml",
    "github/workflows/check.yml": ".github/workflows/check.yml",
    "github/workflows/publish.yml": ".github/workflows/publish.yml",
}


class Refused(Exception):
    """Why `new` wrote nothing, in one sentence."""


@dataclass(frozen=True)
class Names:
    office: str | None  # None: left as a placeholder
    group: str


def source_url() -> str:
    """Where the generator lives (the package's `Source` address): its tags are the versions offices pin."""
    for entry in metadata("opmanual").get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "source":
            return str(url).strip()
    return "https://github.com/opmanual/opmanual"


def requirement() -> str:
    """The line of requirements.txt that pins this version: the git tag `v<version>` of the generator's repository,
    which Dependabot and Renovate know how to bump."""
    return f"opmanual @ git+{source_url()}.git@v{__version__}"


def name(text: str | None, what: str) -> str | None:
    """A name as typed, trimmed; None when empty. Refused when it cannot be a one-line name."""
    if text is None or not text.strip():
        return None
    if any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 or char in "\u2028\u2029" for char in text):
        raise Refused(f"the {what} holds a control character or a line break; type it as one line of plain text")
    text = " ".join(text.split())
    if len(text) > MAX_NAME:
        raise Refused(f"the {what} is {len(text)} characters long; a name has at most {MAX_NAME}")
    return text


def ask(names: Names, office: bool, group: bool, prompt: Callable[[str], str]) -> Names:
    """Ask on a terminal for the names the options did not give; an empty answer keeps the placeholder or the
    standard group name."""
    if office:
        names = Names(name(prompt("ชื่อสำนักงานเขตพื้นที่การศึกษา (Enter = เขียนภายหลัง): "), "office name"), names.group)
    if group:
        names = Names(names.office, name(prompt(f"ชื่อกลุ่ม (Enter = {names.group}): "), "group name") or names.group)
    return names


def check_target(target: Path) -> bool:
    """Refuse a DIR that `new` must not write into; True when it is an unfinished `new` to start again."""
    shown = printable(display(target))
    if target.is_symlink():
        raise Refused(f"{shown} is a link; name the folder itself")
    if not target.parent.is_dir():
        raise Refused(f"{printable(display(target.parent))} is not a folder; create it first")
    if not target.exists():
        return False
    if not target.is_dir():
        raise Refused(f"{shown} exists and is not a folder")
    entries = os.listdir(target)
    if MARKER in entries:
        return True
    if entries:
        raise Refused(f"{shown} is not empty; name a new or empty folder (opmanual new writes a whole repository)")
    return False


def create(
    target: Path,
    names: Names,
    sources: Sequence[Path] = (),
    pin: str | None = None,
    out: Callable[[str], None] = print,
) -> None:
    """Write the office's repository into `target` (see the module's docstring). Raises Refused."""
    target = Path(os.path.abspath(target))
    unfinished = check_target(target)
    if unfinished:
        out(f"{printable(display(target))}: an unfinished `opmanual new` was here; starting again")
        _empty(target)
    made = not target.exists()
    target.mkdir(exist_ok=True)
    try:
        _create(target, names, sources, pin, out)
    except BaseException:  # a refusal, an import that failed, Ctrl-C: the folder as it was before
        _empty(target)
        if made:
            target.rmdir()
        raise


def _create(target: Path, names: Names, sources: Sequence[Path], pin: str | None, out: Callable[[str], None]) -> None:
    (target / MARKER).write_text("opmanual new is writing this folder\n", encoding="utf-8")
    for packaged, placed in PROJECT.items():
        text = (STARTER / "project" / packaged).read_text(encoding="utf-8")
        _write(target / placed, _filled(text, names, pin))
    (target / "docs").mkdir()
    (target / "docs/.gitkeep").write_text("", encoding="utf-8")
    schema.write(target / "schema")
    if sources:
        _imported(target, sources)
    else:
        shutil.copytree(STARTER / "data", target / "data")
        office = target / "data/office.yml"
        office.write_text(_filled(office.read_text(encoding="utf-8"), names, pin), encoding="utf-8")
    try:
        manual = load(target / "data")
    except DataErrors as exc:  # a starter that does not load is this package's fault: say where
        raise Refused(f"the new data does not pass the check: {exc.errors[0]}") from None
    (target / MARKER).unlink()
    out(
        f"{printable(display(target))}: a repository for {printable(manual.office.name)} "
        f"({len(manual.people)} people, {len(manual.processes)} processes), pinned to opmanual {__version__}"
    )
    if pin is None and ".dev" in __version__:
        out(
            f"note: opmanual {__version__} is a development version, which has no tag: requirements.txt names "
            f"v{__version__}; run `new` with a released opmanual, or give --requirement"
        )


def _filled(text: str, names: Names, pin: str | None) -> str:
    """A starter file with the office's names (as YAML double-quoted strings in YAML, as typed in the README)."""
    office = names.office or OFFICE_PLACEHOLDER
    values = {
        "__OFFICE__": json.dumps(office, ensure_ascii=False),
        "__GROUP__": json.dumps(names.group, ensure_ascii=False),
        "__OFFICE_TEXT__": _markdown(office),
        "__GROUP_TEXT__": _markdown(names.group),
        "__TITLE__": _markdown(f"คู่มือการปฏิบัติงาน {names.group} {office}"),
        "__REQUIREMENT__": pin or requirement(),
        "__SOURCE__": source_url(),
        "__VERSION__": __version__,
    }
    for token, value in values.items():
        text = text.replace(token, value)
    return text


def _markdown(text: str) -> str:
    """A name as Markdown text: its punctuation escaped, so that it is read as typed."""
    return "".join(f"\\{char}" if char in "\\`*_{}[]<>()#+-.!|~" else char for char in text)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _empty(target: Path) -> None:
    """Remove what an unfinished `new` wrote into `target` (it holds the marker), links as links."""
    for entry in os.scandir(target):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)


def _imported(target: Path, sources: Sequence[Path]) -> None:
    """The data folder filled by importing `sources`, its modelines pointing at the repository's schema/."""
    from .importer.command import run as run_import

    if run_import(list(sources), target / "data") != 0:
        raise Refused("the import failed (its message is above)")
    data = target / "data"
    for path in sorted(data.rglob("*.yml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and lines[0].startswith("# yaml-language-server:"):
            lines[0] = schema.modeline(path, data, target / "schema")
            path.write_text("\n".join(lines), encoding="utf-8")


def run(target: Path, office: str | None, group: str | None, sources: Sequence[Path], pin: str | None) -> int:
    """The command: names from the options, then from a terminal's questions; 0, or 1 with one sentence."""
    try:
        names = Names(name(office, "office name"), name(group, "group name") or STANDARD_GROUP)
        check_target(Path(os.path.abspath(target)))
        if sys.stdin.isatty() and not sources and (office is None or group is None):
            names = ask(names, office is None, group is None, input)
        create(target, names, sources, pin)
    except Refused as exc:
        print(f"opmanual new: {exc}; nothing was written", file=sys.stderr)
        return 1
    except EOFError:
        print("opmanual new: no answer; nothing was written", file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a folder that cannot be written: what was written is removed
        print(f"opmanual new: cannot write {printable(display(target))}: {exc.strerror or exc}; nothing was written",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0
