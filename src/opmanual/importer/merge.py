"""An import added to an existing data folder: the folder's own files are added to, never rewritten.

People and processes are new files (one the folder has already is a clash, as for a new folder). `office.yml` and
`references.yml` are the folder's: an entry the import defines that the folder has too (a work group, learning
area, document … of the same name, or failing that the same id) is the folder's entry, and the import's references
are renamed to its id; a new entry is appended under a free id. A value the folder has already is kept; when the
source says it differently, the source's words are appended as a free section of the group page for the editor to
compare, so nothing the source says is lost. Which lists define ids and which fields refer to them is read from
the model (`refs`), so a new kind of reference needs nothing here. The folder's files are read with the loader, as
`check` reads them: its limits, and every value the text typed (an approval date is the text `2568-05-15`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..data.loader import read_yaml
from ..data.model import Group, OfficeFile, Person, Process, ReferencesFile
from ..data.refs import Defines, Loc, Ref, markers, model_in, walk
from ..errors import ErrorList
from .draft import Draft, Guess, Part
from .ids import unique
from .recognise.office import DEFAULT_GROUP

SHARED: dict[str, type[BaseModel]] = {"office.yml": OfficeFile, "references.yml": ReferencesFile}
# Values the recogniser writes when the source does not say them: never a reason to add a section.
PLACEHOLDERS = {DEFAULT_GROUP, "สำนักงานเขตพื้นที่การศึกษา"}


@dataclass(frozen=True)
class Addition:
    """A new item appended to the list at `loc`, or (`key` given) a new key of the mapping at `loc`."""

    loc: Loc
    value: Any
    key: str | None = None


@dataclass
class Merge:
    """What adding needs beyond the draft's people and processes: each shared file's additions, the guesses on
    them (at their places in the folder's file), and notes for the report."""

    additions: dict[str, list[Addition]] = field(default_factory=dict)
    guesses: dict[str, list[Guess]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    new_files: set[str] = field(default_factory=set)  # shared files the folder lacks: written whole
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # each shared file's values once added to


def merge(draft: Draft, folder: Path) -> Merge:
    """What adding `draft` to the data folder `folder` (which passes the check) takes. The draft's ids and
    references are renamed in place to the folder's."""
    existing = {name: _read(folder, name) for name in SHARED}
    rename_ids(draft, _renames(draft, existing))
    result = Merge()
    for name, model in SHARED.items():
        part = _shared(draft, name)
        if not part.data:
            continue
        if not (folder / name).exists():
            result.new_files.add(name)
            continue
        adding = _Adding(part.guesses)
        adding.mapping(part.data, existing[name], (), (), model)
        if adding.differing:
            adding.compare(existing[name])
        result.additions[name] = adding.additions
        result.guesses[name] = adding.guesses
        result.values[name] = existing[name]
        result.notes += adding.notes
    return result


def _shared(draft: Draft, name: str) -> Part:
    return draft.office if name == "office.yml" else draft.references


def _read(folder: Path, name: str) -> dict[str, Any]:
    """A shared file's values as the loader reads them (the folder passed the check, so it reads)."""
    if not (folder / name).exists():
        return {}
    read = read_yaml(folder / name, ErrorList(folder))
    return read[0] if read is not None and isinstance(read[0], dict) else {}


def _defined(data: dict[str, Any], model: type[BaseModel]) -> list[tuple[str, Loc, dict[str, Any]]]:
    """Every entry that defines an id in a file's values: (kind, where, entry)."""
    return [
        (found.marker.kind, found.loc[:-1], _at(data, found.loc[:-1]))
        for found in walk(model.model_validate(data), ("file", ""))
        if isinstance(found.marker, Defines)
    ]


def _renames(draft: Draft, existing: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(kind, the import's id) → the folder's id of the same entry, or a new id free in the folder."""
    renames: dict[tuple[str, str], str] = {}
    for name, model in SHARED.items():
        theirs = _defined(existing[name], model) if existing[name] else []
        taken = {(kind, str(entry["id"])) for kind, _, entry in theirs}
        part = _shared(draft, name)
        for kind, _, entry in _defined(part.data, model) if part.data else []:
            same = [other for k, _, other in theirs if k == kind and _label(other) == _label(entry)]
            same = same or [other for k, _, other in theirs if k == kind and _alike(other, entry)]
            if same:
                renames[(kind, entry["id"])] = str(same[0]["id"])
            else:
                free = unique(entry["id"], {value for k, value in taken if k == kind})
                taken.add((kind, free))
                renames[(kind, entry["id"])] = free
    return renames


def _label(entry: dict[str, Any]) -> str:
    return "".join(str(entry.get("name") or entry.get("title") or entry["id"]).split())


def _alike(theirs: dict[str, Any], ours: dict[str, Any]) -> bool:
    """The same id, and one name inside the other (กลุ่มสาระการเรียนรู้ภาษาไทย and ภาษาไทย): the same entry."""
    a, b = _label(theirs), _label(ours)
    return bool(theirs["id"] == ours["id"] and (a in b or b in a))


def rename_ids(draft: Draft, renames: dict[tuple[str, str], str]) -> None:
    """Every id the import defines in office.yml and references.yml, and every reference to one, as renamed."""
    parts: list[tuple[Part, type[BaseModel]]] = [(draft.office, OfficeFile), (draft.references, ReferencesFile)]
    parts += [(part, Person) for part in draft.people.values()]
    parts += [(part, Process) for part in draft.processes.values()]
    for part, model in parts:
        if not part.data:
            continue
        for found in list(walk(model.model_validate(part.data), ("file", ""))):
            kind = found.marker.kind if isinstance(found.marker, Ref | Defines) else None
            if kind and (kind, found.value) in renames:
                _put(part.data, found.loc, renames[(kind, found.value)])


def _at(data: Any, loc: Loc) -> Any:
    for step in loc:
        data = data[step]
    return data


def _put(data: Any, loc: Loc, value: Any) -> None:
    _at(data, loc[:-1])[loc[-1]] = value


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return "".join(_plain(inner) for inner in value.values())
    if isinstance(value, list):
        return "".join(_plain(inner) for inner in value)
    return "".join(str(value).split())


def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for inner in value.values() for text in _texts(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in _texts(inner)]
    return [str(value)] if str(value).strip() else []


class _Adding:
    """The additions one shared file needs, found by walking the import's values beside the folder's. Each value
    has two places: `loc` in the folder's file and `src` in the import's (they differ where an entry is the
    folder's own or is appended after the folder's); the import's guesses move from `src` to `loc`."""

    def __init__(self, guesses: list[Guess]) -> None:
        self.source_guesses = guesses
        self.additions: list[Addition] = []
        self.guesses: list[Guess] = []
        self.notes: list[str] = []
        self.differing: list[tuple[str, Any]] = []  # (what it is, the source's value): values said differently

    def _add(self, addition: Addition, loc: Loc, src: Loc | None) -> None:
        self.additions.append(addition)
        if src is None:
            return
        for guess in self.source_guesses:
            if guess.path[: len(src)] == src:
                self.guesses.append(Guess((*loc, *guess.path[len(src) :]), guess.note))

    def mapping(
        self, ours: dict[str, Any], theirs: dict[str, Any], loc: Loc, src: Loc | None, model: type[BaseModel] | None
    ) -> None:
        marked = markers(model) if model else {}
        for key, value in ours.items():
            info = model.model_fields.get(key) if model else None
            inner = model_in(info.annotation) if info else None
            here, there = (*loc, key), None if src is None else (*src, key)
            title = (info.title if info else None) or key
            if theirs.get(key) in (None, [], {}, ""):
                self._add(Addition(loc, value, key), here, there)
                theirs[key] = copy.deepcopy(value)  # what the file holds now, to add to
            elif isinstance(value, list) and isinstance(theirs[key], list):
                self.sequence(value, theirs[key], here, there, inner, marked.get(key), title)
            elif isinstance(value, dict) and isinstance(theirs[key], dict):
                self.mapping(value, theirs[key], here, there, inner)
            elif _plain(value) != _plain(theirs[key]) and str(value) not in PLACEHOLDERS:
                self.differing.append((title, value))

    def sequence(
        self,
        ours: list[Any],
        theirs: list[Any],
        loc: Loc,
        src: Loc | None,
        model: type[BaseModel] | None,
        marker: Any,
        title: str,
    ) -> None:
        if isinstance(marker, Defines):  # the same id is the same entry: the ids were renamed to the folder's
            for index, entry in enumerate(ours):
                there = None if src is None else (*src, index)
                at = next((i for i, other in enumerate(theirs) if other.get("id") == entry.get("id")), None)
                if at is None:
                    self._add(Addition(loc, entry), (*loc, len(theirs)), there)
                    theirs.append(copy.deepcopy(entry))
                else:
                    self.mapping(entry, theirs[at], (*loc, at), there, model)
            return
        have = {_plain(item) for item in theirs}
        new = [(index, item) for index, item in enumerate(ours) if _plain(item) not in have]
        if new and not (isinstance(marker, Ref) or loc[-1] == "sections"):
            self.differing.append((title, ours))
            return
        for index, item in new:  # references and free sections: each new one added
            self._add(Addition(loc, item), (*loc, len(theirs)), None if src is None else (*src, index))
            theirs.append(copy.deepcopy(item))

    def compare(self, theirs: dict[str, Any]) -> None:
        """What the folder has already and the source says differently: a free section each at the end of the
        group page, for the editor to compare and keep one wording."""
        group = theirs.setdefault("group", {})
        have = {_plain(section) for section in group.get("sections") or []}
        sections = [
            (title, {"title": f"{title} (ตามต้นฉบับที่นำเข้า)", "text": _texts(value)}) for title, value in self.differing
        ]
        sections = [(title, section) for title, section in sections if _plain(section) not in have]
        before = len(group.get("sections") or [])
        self.mapping({"sections": [section for _, section in sections]}, group, ("group",), None, Group)
        for index, (title, _) in enumerate(sections, before):
            note = f"office.yml มี{title}อยู่แล้ว ต้นฉบับเขียนต่างไป เทียบแล้วเก็บไว้ฉบับเดียว จากนั้นลบหัวข้อนี้"
            self.guesses.append(Guess(("group", "sections", index), note))
            self.notes.append(f"office.yml มี{title}อยู่แล้ว ข้อความจากต้นฉบับใส่เป็นหัวข้อเพิ่มเติมไว้ให้เทียบ")
