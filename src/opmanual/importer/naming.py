"""`import --ids FILE`: the ids the office chose, by name, for the people, processes and work groups of an import.

The file is YAML, one line a name, in the words of the source:

    อนวัช ไข่ขาว: anawat-khaikhao                               # a person: name and surname
    งานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา: qa-system-promotion  # a process
    กลุ่มงานวัดและประเมินผลการศึกษา: assessment                   # a work group

Names are matched without their spaces; each id is renamed everywhere the import refers to it (members, the people
who run a process, a step's responsible people). An id that is not one, a name given twice, a name the import does
not hold, or two entries of a kind given one id is refused with the file's line, before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.files import FileProblem, read_bytes
from ..data.loader import MAX_BYTES, Refused, parse
from ..data.model import ID_MAX, ID_PATTERN
from ..errors import display, excerpt, printable
from ..thai import normalize
from .draft import Draft, Part
from .merge import rename_ids


class NamingError(Exception):
    """Why the ids file cannot be used, naming the file and the line."""


@dataclass(frozen=True)
class Chosen:
    name: str  # as written in the file
    ident: str
    line: int


def _key(text: str) -> str:
    return "".join(normalize(text).split())


def read(path: Path) -> list[Chosen]:
    """The file's names and ids; NamingError for anything it cannot be."""
    shown = printable(display(path))
    try:
        raw = read_bytes(path, path.parent, MAX_BYTES)
        text = raw.decode("utf-8").removeprefix("\ufeff")
        root = parse(text)
    except FileProblem as exc:
        raise NamingError(f"{shown}: the file {exc.message}") from None
    except UnicodeDecodeError:
        raise NamingError(f"{shown}: the file is not UTF-8 text; save it as UTF-8") from None
    except Refused as exc:
        raise NamingError(f"{shown}:{exc.line[0]}: {exc.message}") from None
    if root is None:
        return []
    if not hasattr(root, "value") or not isinstance(root.value, list) or root.tag != "tag:yaml.org,2002:map":
        raise NamingError(f"{shown}:1: write one `name: id` a line")
    chosen: list[Chosen] = []
    seen: dict[str, int] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        name, ident = str(key.value).strip(), str(getattr(value, "value", "")).strip()
        if not isinstance(value.value, str) or not re.fullmatch(ID_PATTERN, ident) or len(ident) > ID_MAX:
            raise NamingError(
                f"{shown}:{line}: `{excerpt(printable(ident))}` is not an id: lowercase a–z, digits and `-`, "
                f"at most {ID_MAX} characters (รหัสใช้อักษรอังกฤษพิมพ์เล็ก ตัวเลข และ -)"
            )
        if _key(name) in seen:
            raise NamingError(f"{shown}:{line}: {printable(name)} is named already on line {seen[_key(name)]}")
        seen[_key(name)] = line
        chosen.append(Chosen(name, ident, line))
    return chosen


def _values(parts: dict[str, Part]) -> list[tuple[str, dict[str, Any]]]:
    return [(ident, part.data) for ident, part in parts.items()]


def apply(draft: Draft, chosen: list[Chosen], path: Path) -> list[str]:
    """Give the draft's entries the ids chosen for their names; what was renamed, a line each."""
    shown = printable(display(path))
    people = {
        _key(f"{part.data.get('name', '')}{part.data.get('surname', '')}"): pid for pid, part in draft.people.items()
    }
    processes = {_key(str(part.data.get("name", ""))): pid for pid, part in draft.processes.items()}
    groups = draft.office.data.get("group", {}).get("workgroups", [])
    workgroups = {_key(str(group.get("name", ""))): str(group.get("id")) for group in groups}
    renames: dict[tuple[str, str], str] = {}
    said: list[str] = []
    for entry in chosen:
        key = _key(entry.name)
        found = [(kind, index[key]) for kind, index in (("people", people), ("processes", processes),
                                                         ("workgroups", workgroups)) if key in index]  # fmt: skip
        if not found:
            raise NamingError(
                f"{shown}:{entry.line}: {printable(entry.name)} is no person, process or work group of the import "
                "(ไม่พบชื่อนี้ในต้นฉบับ)"
            )
        for kind, old in found:
            renames[(kind, old)] = entry.ident
            said.append(f"{kind} {old} → {entry.ident}")
    for kind, ids in (("people", draft.people), ("processes", draft.processes), ("workgroups", workgroups.values())):
        final = [renames.get((kind, old), old) for old in ids]
        twice = sorted({ident for ident in final if final.count(ident) > 1})
        if twice:
            raise NamingError(f"{shown}: two {kind} would have the id {twice[0]}; give each its own")
    rename_ids(draft, renames)
    draft.people = {renames.get(("people", pid), pid): part for pid, part in draft.people.items()}
    draft.processes = {renames.get(("processes", pid), pid): part for pid, part in draft.processes.items()}
    return said
