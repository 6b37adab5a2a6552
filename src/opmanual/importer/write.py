"""The imported data folder, written as an editor would write it, and moved in only when all of it is right.

Each file opens with the schema modeline (so VS Code completes and checks it), keys in the model's order, Thai text
as it is (not escaped), block lists, and a `# ตรวจสอบ:` comment above every value the recogniser guessed; every
comment is one line with its control characters escaped, whatever the source's names and text hold.

What is written must read back with the loader: before anything is copied, every file is measured against the
loader's limits (its size, its nesting, the model's longest lists and texts), and a source whose files would exceed
them is refused with the limit named. Then, under the folder's lock, the folder is built beside the target (see
`folder.py`), checked whole with the same loader as `python -m opmanual check`, and swapped in: a failure or a kill
leaves the target as it was. A check that fails after that is the importer's bug, and says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError

from ..data import formats
from ..data.dataset import load
from ..data.files import FileProblem, read_bytes
from ..data.kinds import FILE_KINDS
from ..data.loader import MAX_BYTES, MAX_DEPTH, describe
from ..data.model import OfficeFile, ReferencesFile
from ..data.schema import modeline
from ..data.yamledit import EditError, Render, add
from ..errors import DataErrors, printable
from ..lock import Busy, hold
from . import folder
from .draft import Draft, Guess, Part
from .draft import Path as Loc
from .limits import size
from .merge import SHARED, Merge, merge

INDENT = "  "


class WriteError(Exception):
    """The folder cannot be written as asked (a file would be overwritten, the place is not a folder …)."""


# Thai text with no character YAML gives a meaning to: written plain, as YAML would, without asking it (the emitter
# takes half a millisecond a value). A Thai letter in it means it is no number, date, true/false or null.
_PLAIN = re.compile(r"(?=.*[\u0e01-\u0e5b])[\u0e01-\u0e5bA-Za-z0-9(][\u0e01-\u0e5bA-Za-z0-9 .,()/_+=;\-]*(?<! )")


def scalar(value: Any) -> str:
    """A scalar in YAML: plain when YAML reads it back as the same string, quoted otherwise."""
    if isinstance(value, str) and _PLAIN.fullmatch(value):
        return value
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return yaml.safe_dump(value, default_flow_style=True).removesuffix("\n...\n").strip()
    text = str(value)
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30, default_style=None).rstrip("\n")
    dumped = dumped.removesuffix("\n...").rstrip("\n")
    if "\n" in dumped or any(char in text for char in _BREAKS):
        # A string YAML would fold, or one holding a character YAML reads as a line break: one double-quoted line
        dumped = '"' + "".join(map(_escape, text)) + '"'
    return dumped


def _escape(char: str) -> str:
    """A character as a YAML double-quoted string holds it."""
    if char in _ESCAPES:
        return _ESCAPES[char]
    return f"\\x{ord(char):02x}" if char < " " or "\x7f" <= char <= "\x9f" else char


_BREAKS = "\x85\u2028\u2029"
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


# The model of each kind of data file, by its file or folder name (`data/kinds.py`).
KINDS: dict[str, type[BaseModel]] = {kind.name: kind.model for kind in FILE_KINDS}


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field's type can hold (through Annotated, unions and lists)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def ordered(value: Any, models: list[type[BaseModel]]) -> Any:
    """`value` with every mapping's keys in the model's order, as the guide and the hand-made files write them."""
    if isinstance(value, list):
        return [ordered(entry, models) for entry in value]
    if not isinstance(value, dict):
        return value
    model = next((m for m in models if value.keys() <= m.model_fields.keys()), None)
    if model is None:
        return value
    fields = list(model.model_fields)
    keys = sorted(value, key=fields.index)
    return {key: ordered(value[key], _models_in(model.model_fields[key].annotation)) for key in keys}


def dump(part: Part, header: list[str], model: type[BaseModel] | None = None) -> str:
    """A file's text: `header` comment lines, then the values with each guess's comment above its value."""
    data = ordered(part.data, [model]) if model else part.data
    return "\n".join([*header, *_mapping(data, (), 0, _notes(part.guesses))]) + "\n"


def _notes(guesses: list[Guess]) -> dict[Loc, list[str]]:
    notes: dict[Loc, list[str]] = {}
    for guess in guesses:
        notes.setdefault(guess.path, []).append(guess.note)
    return notes


def _renderer(guesses: list[Guess]) -> Render:
    """New values for a file the folder has: written as `dump` writes, at the column they go in."""
    notes = _notes(guesses)

    def render(loc: Loc, data: Any, column: int, first: int) -> list[str]:
        lines = _mapping(data, loc, 0, notes) if isinstance(data, dict) else _sequence(data, loc, 0, notes, first)
        return [" " * column + line for line in lines]

    return render


def comment(text: str) -> str:
    """`text` as one comment line: YAML ends a comment at any line break (a name with a newline in it would start a
    line of data), and a data file may not hold control characters, so both are written as escapes."""
    return "# " + printable(" ".join(text.split()))


def _comments(loc: Loc, depth: int, notes: dict[Loc, list[str]]) -> Iterator[str]:
    for note in notes.get(loc, []):
        yield INDENT * depth + comment(f"ตรวจสอบ: {note}")


def _mapping(data: dict[str, Any], loc: Loc, depth: int, notes: dict[Loc, list[str]]) -> list[str]:
    lines: list[str] = []
    pad = INDENT * depth
    for key, value in data.items():
        here = (*loc, key)
        lines += _comments(here, depth, notes)
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{key}:")
            lines += _mapping(value, here, depth + 1, notes)
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{key}:")
            lines += _sequence(value, here, depth + 1, notes)
        else:
            lines.append(f"{pad}{key}: {_empty_or_scalar(value)}")
    return lines


def _sequence(data: list[Any], loc: Loc, depth: int, notes: dict[Loc, list[str]], first: int = 0) -> list[str]:
    lines: list[str] = []
    pad = INDENT * depth
    for index, value in enumerate(data, first):
        here = (*loc, index)
        lines += _comments(here, depth, notes)
        if isinstance(value, dict) and value:
            inner = _mapping(value, here, depth + 1, notes)
            # the first key goes on the dash's line (after any comment lines of its own)
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            lines += inner[:first]
            lines.append(f"{pad}- {inner[first].lstrip()}")
            lines += inner[first + 1 :]
        elif isinstance(value, list) and value:
            lines.append(f"{pad}-")
            lines += _sequence(value, here, depth + 1, notes)
        else:
            lines.append(f"{pad}- {_empty_or_scalar(value)}")
    return lines


def _empty_or_scalar(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


@dataclass
class Written:
    paths: list[Path]  # the files written or added to
    merged: Merge | None  # what adding to an existing data folder took (None for a new folder)


def write(draft: Draft, target: Path, *, force: bool = False, header: list[str] | None = None) -> Written:
    """Write the draft's files into `target`: a new folder, or an existing data folder to add to (its office.yml
    and references.yml are added to, see `merge`). A person's or process's file that exists is a clash, refused
    unless `force`. `header` is comment text for the top of every new file."""
    where = folder.name(target)
    target = Path(os.path.abspath(target))  # `.` has no name to put a staging folder or a lock beside
    try:
        folder.check(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        with hold(target, "import"):
            folder.clean(target)
            existed = folder.check(target)  # again: it may have changed while the sources were read
            return _write(draft, target, existed, force, [comment(text) for text in header or []])
    except folder.FolderError as error:
        raise WriteError(f"{error}; nothing was written") from None
    except Busy as error:
        raise WriteError(f"{error}; nothing was written") from None
    except OSError as error:
        raise WriteError(f"cannot write into {where}: {error.strerror or error}; nothing was written") from None


def _write(draft: Draft, target: Path, existed: bool, force: bool, header: list[str]) -> Written:
    merged = _merge(draft, target) if existed else None
    files = {name: part for name, part in draft.files().items() if not merged or _writes(name, merged)}
    clashes = sorted(name for name in files if existed and os.path.lexists(target / name))
    if clashes and not force:
        raise WriteError(
            f"{folder.name(target)} already has {', '.join(clashes)}; nothing was written. Import into a new folder, "
            "or add --force to replace those files (ไฟล์เดิมมีอยู่แล้ว)"
        )
    if "office.yml" in files:  # a new data folder says which data format it is written in
        files["office.yml"].data = {**files["office.yml"].data, formats.KEY: formats.CURRENT}
    texts = {
        name: dump(part, [modeline(target / name, target), *header], KINDS[_kind(name)]) for name, part in files.items()
    }
    values = {name: part.data for name, part in files.items()}
    for name, additions in (merged.additions if merged else {}).items():
        if additions:
            texts[name] = _added(target, name, additions, _renderer(merged.guesses[name] if merged else []))
            values[name] = merged.values[name] if merged else {}
    _fit(texts, values)
    survey = folder.survey(target) if existed else None
    staging = folder.Staging(target)
    try:
        if survey is not None:
            staging.copy(survey)
        else:
            staging.built.mkdir()
        owner = os.stat(target) if existed and os.geteuid() == 0 else None
        for name, text in texts.items():
            path = staging.built / name
            path.parent.mkdir(exist_ok=True)
            path.unlink(missing_ok=True)  # a copied link would be written through, into what it leads to
            path.write_bytes(text.encode("utf-8"))
            if owner is not None:  # a file root adds to someone's folder is theirs, as the folder's copies are
                os.chown(path, owner.st_uid, owner.st_gid)
        try:
            load(staging.built)
        except DataErrors as exc:
            raise WriteError(
                "the imported data does not pass the check, so nothing was written; this is a bug of the "
                "importer, please report it with the source file:\n"
                + "\n".join(str(error).replace(folder.name(staging.built), folder.name(target)) for error in exc.errors)
            ) from None
        staging.swap(existed)
    finally:
        staging.remove()
    return Written([target / name for name in texts], merged)


def _kind(name: str) -> str:
    return name if "/" not in name else name.split("/")[0]


def _added(target: Path, name: str, additions: list[Any], render: Render) -> str:
    """The folder's file `name` with the import's additions, every line the editor wrote kept, and its line ends
    and byte order mark as they were."""
    try:
        raw = read_bytes(target / name, target, MAX_BYTES)
    except FileProblem as problem:  # the check passed a moment ago: the file changed since
        raise WriteError(
            f"cannot add to {folder.name(target / name)}: it {problem.message}; nothing was written"
        ) from None
    text = raw.decode("utf-8", errors="replace")  # it passed the check as UTF-8 a moment ago
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")  # only CRLF: the added lines too
    if crlf:
        text = text.replace("\r\n", "\n")
    text = text.removeprefix(bom)
    try:
        for addition in additions:
            text = add(text, addition.loc, addition.value, addition.key, render)
    except EditError as exc:
        raise WriteError(f"cannot add to {folder.name(target / name)}: {exc}; nothing was written") from None
    return bom + (text.replace("\n", "\r\n") if crlf else text)


# Errors of the model that say a value is longer than a data file may hold, as opposed to a value of the wrong kind
LONGER = ("too_long", "string_too_long")
WHY = "the source holds more than a data file of the manual may: import it in parts, or check that it is the right file"


def _fit(texts: dict[str, str], values: dict[str, Any]) -> None:
    """Refuse, before anything is copied, files the loader would refuse for their size: more bytes or more levels
    than a data file may hold, or a list or a text longer than the model allows."""
    for name, text in texts.items():
        length = len(text.encode("utf-8"))
        if length > MAX_BYTES:
            raise WriteError(
                f"the import would write {name} of {size(length)}, more than the {size(MAX_BYTES)} a data file may "
                f"hold; {WHY}; nothing was written"
            )
        depth = _depth(values[name])
        if depth > MAX_DEPTH:
            raise WriteError(
                f"the import would write {name} nested {depth} levels deep, more than the {MAX_DEPTH} a data file "
                f"may have; {WHY}; nothing was written"
            )
        model = KINDS[_kind(name)]
        try:
            model.model_validate(values[name])
        except ValidationError as error:
            longer = [found for found in error.errors() if found["type"] in LONGER]
            if longer:
                raise WriteError(
                    f"the import would write {name} with {describe(longer[0], model)}; {WHY}; nothing was written"
                ) from None


def _depth(value: Any) -> int:
    """The levels of keys and list items in `value`, counted as the loader counts them."""
    if isinstance(value, dict) and value:
        return 1 + max(_depth(inner) for inner in value.values())
    if isinstance(value, list) and value:
        return 1 + max(_depth(inner) for inner in value)
    return 0


def _merge(draft: Draft, target: Path) -> Merge:
    """Adding to the data folder `target`: it must pass the check first, or the result could not be checked."""
    try:
        load(target)
    except DataErrors as exc:
        where = folder.name(target)
        raise WriteError(
            f"{where} is a data folder that does not pass the check ({len(exc.errors)} errors, the first: "
            f"{exc.errors[0]}); correct it first (python -m opmanual check {where}); nothing was written"
        ) from None
    for name, model in (("office.yml", OfficeFile), ("references.yml", ReferencesFile)):
        part = draft.office if name == "office.yml" else draft.references
        part.data = ordered(part.data, [model])
    return merge(draft, target)


def _writes(name: str, merged: Merge) -> bool:
    """Whether adding writes the draft's file `name` whole: people, processes, and a shared file that is new."""
    return name not in SHARED or name in merged.new_files
