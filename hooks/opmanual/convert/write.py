"""The imported data folder, written as an editor would write it, and moved in only when all of it is right.

Each file opens with the schema modeline (so VS Code completes and checks it), keys in the model's order, Thai text
as it is (not escaped), block lists, and a `# ตรวจสอบ:` comment above every value the recogniser guessed. Files are
written into a temporary folder beside the target, the whole folder is checked with the same loader as
`python -m opmanual check`, and only then moved into place: a failure leaves the target as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel

from ..data.dataset import load
from ..data.model import OfficeFile, Person, Process, ReferencesFile
from ..data.schema import modeline
from ..data.yamledit import EditError, Render, add
from ..errors import DataErrors
from .draft import Draft, Guess, Part
from .draft import Path as Loc
from .merge import SHARED, Merge, merge

INDENT = "  "


class WriteError(Exception):
    """The folder cannot be written as asked (a file would be overwritten, the place is not a folder …)."""


def scalar(value: Any) -> str:
    """A scalar in YAML: plain when YAML reads it back as the same string, quoted otherwise."""
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return yaml.safe_dump(value, default_flow_style=True).removesuffix("\n...\n").strip()
    text = str(value)
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30, default_style=None).rstrip("\n")
    dumped = dumped.removesuffix("\n...").rstrip("\n")
    if "\n" in dumped:  # a string YAML would fold: write it as one double-quoted line
        dumped = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return dumped


KINDS: dict[str, type[BaseModel]] = {
    "office.yml": OfficeFile,
    "references.yml": ReferencesFile,
    "people": Person,
    "processes": Process,
}


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


def _comments(loc: Loc, depth: int, notes: dict[Loc, list[str]]) -> Iterator[str]:
    for note in notes.get(loc, []):
        yield f"{INDENT * depth}# ตรวจสอบ: {' '.join(note.split())}"


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
    unless `force`."""
    if target.exists() and not target.is_dir():
        raise WriteError(f"{target} is not a folder")
    merged = _merge(draft, target) if (target / "office.yml").is_file() else None
    files = {name: part for name, part in draft.files().items() if not merged or _writes(name, merged)}
    clashes = sorted(name for name in files if (target / name).exists())
    if clashes and not force:
        raise WriteError(
            f"{target} already has {', '.join(clashes)}; nothing was written. Import into a new folder, or add "
            "--force to replace those files (ไฟล์เดิมมีอยู่แล้ว)"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.import-", dir=target.parent))
    except OSError as exc:
        raise WriteError(f"cannot write into {target.parent}: {exc.strerror or exc}; nothing was written") from None
    try:
        if target.is_dir():  # the folder's own files take part in the check, as they will after the move
            shutil.copytree(target, staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
        for name, part in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            lines = [modeline(target / name, target), *(header or [])]
            model = KINDS[name if "/" not in name else name.split("/")[0]]
            path.write_text(dump(part, lines, model), encoding="utf-8")
        names = list(files)
        for name, additions in (merged.additions if merged else {}).items():
            path = staging / name
            text = path.read_text(encoding="utf-8")
            render = _renderer(merged.guesses[name] if merged else [])
            try:
                for addition in additions:
                    text = add(text, addition.loc, addition.value, addition.key, render)
            except EditError as exc:
                raise WriteError(f"cannot add to {target / name}: {exc}; nothing was written") from None
            path.write_text(text, encoding="utf-8")
            names += [name] if additions else []
        try:
            load(staging)
        except DataErrors as exc:
            raise WriteError(
                "the imported data does not pass the check, so nothing was written; this is a bug of the "
                "importer, please report it with the source file:\n"
                + "\n".join(str(error).replace(str(staging), str(target)) for error in exc.errors)
            ) from None
        try:
            return Written(_move_in(staging, target, names), merged)
        except OSError as exc:
            raise WriteError(f"cannot write into {target}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _merge(draft: Draft, target: Path) -> Merge:
    """Adding to the data folder `target`: it must pass the check first, or the result could not be checked."""
    try:
        load(target)
    except DataErrors as exc:
        raise WriteError(
            f"{target} is a data folder that does not pass the check ({len(exc.errors)} errors, the first: "
            f"{exc.errors[0]}); correct it first (python -m opmanual check {target}); nothing was written"
        ) from None
    for name, model in (("office.yml", OfficeFile), ("references.yml", ReferencesFile)):
        part = draft.office if name == "office.yml" else draft.references
        part.data = ordered(part.data, [model])
    return merge(draft, target)


def _writes(name: str, merged: Merge) -> bool:
    """Whether adding writes the draft's file `name` whole: people, processes, and a shared file that is new."""
    return name not in SHARED or name in merged.new_files


def _move_in(staging: Path, target: Path, names: list[str]) -> list[Path]:
    if not target.exists():  # a new folder appears whole, in one rename
        staging.rename(target)
        return [target / name for name in names]
    written = []
    for name in names:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(destination)
        written.append(destination)
    return written
