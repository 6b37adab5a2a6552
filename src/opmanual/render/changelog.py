"""What a change to one data file says to a reader, in Thai: its two versions compared part by part.

The revision record of a printed book and the site's changes page describe each commit by what it changed in the
manual ("เพิ่มขั้นตอนที่ ๓ ในกระบวนงาน…", "แก้ไขมาตรฐานการปฏิบัติงานของนายอนวัช ไข่ขาว"), not by the words of the
commit, which are the editor's (or GitHub's "Update somchai.yml"). A part is named by the manual's own heading for
it where the manual words one (`labels`), else by the field's Thai title in the model. A change that no reader sees
(a comment, quoting, the order of keys, the layout of the file) describes as nothing. An approval is an event of
its own (`Approved`), which the record numbers as a new version.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..data.dataset import FOLDERS, TOP_FILES
from ..data.labels import Labels
from ..data.loader import read_text, validate
from ..data.model import Approval, OfficeFile, Person, Process, ReferencesFile
from ..errors import ErrorList, excerpt
from ..thai import digits
from .history import NO_BLOB, Change, History, read_versions

ADDED, EDITED, REMOVED, CANCELLED = "เพิ่ม", "แก้ไข", "ลบ", "ยกเลิก"
MAX_DESCRIBED = 500  # the newest commits described: more than a revision record or the changes page shows
MOST = 3  # descriptions of one file that a row names; the rest are counted
NAME_LENGTH = 40  # characters of an item's name quoted in a description

# Parts that are not the manual's content: the record itself, and the approval (an event of its own).
_NOT_CONTENT = {"revisions", "approval", "history"}
# Fields that name an item of a list, in the order they are tried.
_ITEM_NAMES = ("title", "name", "topic", "term", "text", "question", "id")


@dataclass(frozen=True)
class Approved:
    """A change that approves a version: the approval as the new file states it."""

    approval: Approval


@dataclass(frozen=True)
class Described:
    """What changed in one file, and the approval it made, if it made one."""

    changes: list[str]
    approved: Approved | None = None

    @property
    def visible(self) -> bool:
        return bool(self.changes or self.approved)


def describe(path: str, before: BaseModel | None, after: BaseModel | None, labels: Labels, style: str) -> Described:
    """The change from `before` to `after` of the data file at `path` (relative to the data folder; None: the file
    did not exist, or no longer does), as one sentence: "เพิ่มขั้นตอนที่ ๓ และแก้ไขวัตถุประสงค์ในกระบวนงาน …"."""
    words = _Words(labels, style)
    if before is None and after is None:
        return Described([])
    if before is None or after is None:
        new = _approval(after) if after is not None else None
        approved = Approved(new) if new is not None and new.approved else None  # a file added approved
        return Described([words.whole(path, after or before, added=after is not None)], approved)
    fragments = list(_compare(before, after, words))
    approved = None
    old, new = _approval(before), _approval(after)
    if new is not None and new.approved and (old is None or not old.approved or _moment(old) != _moment(new)):
        approved = Approved(new)
    elif new is not None and old is not None and old.approved and not new.approved:
        fragments.append((CANCELLED, "การอนุมัติ"))
    sentence = _sentence(fragments, words)
    return Described([_with_owner(sentence, words.owner(path, after))] if sentence else [], approved)


def _sentence(fragments: list[tuple[str, str]], words: _Words) -> str:
    """Fragments (verb, part) as one Thai sentence, each verb once with its parts: "เพิ่มขั้นตอนที่ ๓ และแก้ไข
    วัตถุประสงค์ ขอบเขตของงาน และอีก ๒ รายการ"."""
    by_verb: dict[str, list[str]] = {}
    for verb, part in fragments:
        if part not in by_verb.setdefault(verb, []):
            by_verb[verb].append(part)
    said = []
    for verb, parts in by_verb.items():
        if len(parts) > MOST:
            parts = [*parts[: MOST - 1], f"อีก {words.number(len(parts) - MOST + 1)} รายการ"]
        said.append(verb + (parts[0] if len(parts) == 1 else " ".join(parts[:-1]) + " และ" + parts[-1]))
    return " และ".join(said)


def _with_owner(text: str, owner: str) -> str:
    """A description and whose part it is: after a number or a quoted name, with a space, as Thai prints them."""
    if not owner:
        return text
    return f"{text} {owner}" if text[-1] in "”0123456789๐๑๒๓๔๕๖๗๘๙" else text + owner


def _approval(model: BaseModel) -> Approval | None:
    if isinstance(model, OfficeFile):
        return model.manual.approval
    return getattr(model, "approval", None)


def _moment(approval: Approval) -> tuple[object, ...]:
    return (approval.version, approval.date, approval.by, approval.order)


class _Words:
    """The words of a description: the manual's headings and the owner of a part."""

    def __init__(self, labels: Labels, style: str) -> None:
        self.labels = labels
        self.style = style

    def part(self, model: type[BaseModel], field: str) -> str:
        """The manual's heading for a part: a process's numbered part (`part_steps`), a person's own aims, or the
        label of the field's name; else the field's Thai title in the model."""
        names = {Process: [f"part_{field}"], Person: {"aims": ["personal_aims"]}.get(field, [])}.get(model, [])
        for name in [*names, field]:
            if name in Labels.model_fields:
                return str(getattr(self.labels, name))
        return model.model_fields[field].title or field

    def number(self, value: int) -> str:
        return digits(str(value), self.style)

    def owner(self, path: str, model: BaseModel) -> str:
        if isinstance(model, Person):
            return f"ของ{model.prefix}{model.name} {model.surname}"
        if isinstance(model, Process):
            return f"ในกระบวนงาน {model.name}"
        return ""

    def whole(self, path: str, model: BaseModel | None, added: bool) -> str:
        verb = ADDED if added else REMOVED
        if isinstance(model, Person):
            return f"{verb}บุคลากร {model.prefix}{model.name} {model.surname}"
        if isinstance(model, Process):
            return f"{verb}กระบวนงาน {model.name}"
        if isinstance(model, ReferencesFile):
            return f"{verb}เอกสารอ้างอิงและบรรณานุกรม"
        return f"{verb}ข้อมูลของกลุ่มและคู่มือ" if model is not None else f"{verb} {path}"


def _compare(before: BaseModel, after: BaseModel, words: _Words) -> Iterator[tuple[str, str]]:
    """Each part that differs, as (verb, part), in the order of the model's fields."""
    model = type(after)
    for field in model.model_fields:
        if field in _NOT_CONTENT or field == "labels":
            continue
        old, new = getattr(before, field), getattr(after, field)
        if _same(old, new):
            continue
        if isinstance(old, BaseModel) and isinstance(new, BaseModel) and model is OfficeFile:
            yield from _compare(old, new, words)  # the manual, the office, the group: their parts by name
        elif field == "steps" and model is Process:
            yield from _steps(old, new, words)
        elif isinstance(old, list) and isinstance(new, list) and any(isinstance(i, BaseModel) for i in old + new):
            yield from _items(words.part(model, field), old, new, words)
        else:
            yield EDITED, words.part(model, field)
    if isinstance(after, OfficeFile) and not _same(before.labels, after.labels):  # type: ignore[attr-defined]
        yield EDITED, "ถ้อยคำของหัวข้อ"


def _steps(old: list[Any], new: list[Any], words: _Words) -> Iterator[tuple[str, str]]:
    """Steps by their number: the ones added, removed or edited, each kind in one fragment."""
    matcher = difflib.SequenceMatcher(a=[_key(s) for s in old], b=[_key(s) for s in new], autojunk=False)
    numbers: dict[str, list[int]] = {}
    for tag, first, last, start, end in matcher.get_opcodes():
        if tag == "replace" and last - first == end - start:
            numbers.setdefault(EDITED, []).extend(range(start, end))
        elif tag != "equal":
            numbers.setdefault(REMOVED, []).extend(range(first, last))
            numbers.setdefault(ADDED, []).extend(range(start, end))
    for verb, found in numbers.items():
        if found:
            yield verb, "ขั้นตอนที่ " + " ".join(words.number(n + 1) for n in found)


def _items(part: str, old: list[Any], new: list[Any], words: _Words) -> Iterator[tuple[str, str]]:
    """Items of a list: one named by its name, several counted."""
    matcher = difflib.SequenceMatcher(a=[_key(i) for i in old], b=[_key(i) for i in new], autojunk=False)
    changed: dict[str, list[Any]] = {}
    for tag, first, last, start, end in matcher.get_opcodes():
        if tag == "replace" and last - first == end - start:
            changed.setdefault(EDITED, []).extend(new[start:end])
        elif tag != "equal":
            changed.setdefault(REMOVED, []).extend(old[first:last])
            changed.setdefault(ADDED, []).extend(new[start:end])
    for verb, items in changed.items():
        if len(items) == 1:
            yield verb, f"{part} “{_name(items[0])}”"
        elif items:
            yield verb, f"{part} {words.number(len(items))} รายการ"


def _name(item: Any) -> str:
    for name in _ITEM_NAMES:
        value = getattr(item, name, None)
        if isinstance(value, str) and value:
            return excerpt(value, NAME_LENGTH)
        if isinstance(value, list) and value and isinstance(value[0], str):
            return excerpt(value[0], NAME_LENGTH)
    return excerpt(str(item), NAME_LENGTH)


def _key(value: Any) -> str:
    """A value as comparable text: the same content, however it was written in the file."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _same(old: Any, new: Any) -> bool:
    return _key(old) == _key(new)


def approval_wording(approval: Approval, version: int, labels: Labels, style: str) -> str:
    """An approval as the revision record and the changes page say it: "อนุมัติฉบับที่ ๒ โดย … ตามคำสั่ง …"."""
    order = labels.fill("approved_order", order=approval.order) if approval.order else ""
    return labels.fill("approved_change", version=digits(str(version), style), by=approval.by or "", order=order)


def said(change: Change, labels: Labels, style: str) -> list[str] | None:
    """What a commit changed, each file's change and each approval a line, for the changes page; its subject where
    a file's change was not described; None where it changed nothing a reader sees."""
    if any(name not in change.described for name in change.files):
        return [change.subject]
    lines = [text for name in change.files for text in change.described[name].changes]
    for name in change.files:
        approved = change.described[name].approved
        if approved is not None:
            lines.append(approval_wording(approved.approval, approved.approval.version or 1, labels, style))
    return lines or None


def describe_history(history: History, root: Path, labels: Labels, style: str) -> History:
    """`history` (of the data folder `root`) with what each of its newest commits changed in each data file, in
    the manual's words. A version that cannot be read (gone from a shallow clone, or not valid data then) is
    described by nothing, and the commit falls back to its subject where it is shown."""
    recent = history.changes[:MAX_DESCRIBED]
    texts = read_versions(root, (blob for change in recent for pair in change.versions.values() for blob in pair))
    models: dict[tuple[str, str], BaseModel | None] = {}

    def version(path: str, blob: str) -> BaseModel | None:
        if (path, blob) not in models:
            models[path, blob] = _model(root, path, texts.get(blob))
        return models[path, blob]

    described: dict[str, dict[str, Described]] = {}
    for change in recent:
        for path, (old, new) in change.versions.items():
            kind = _kind(path)
            if kind is None:
                continue
            before = None if old == NO_BLOB else version(path, old)
            after = None if new == NO_BLOB else version(path, new)
            if (old != NO_BLOB and before is None) or (new != NO_BLOB and after is None):
                continue  # a version that cannot be read: not described
            described.setdefault(change.commit, {})[path] = describe(path, before, after, labels, style)
    return history.with_descriptions(described)


def _kind(path: str) -> type[BaseModel] | None:
    folder, _, name = path.rpartition("/")
    if not folder and path in TOP_FILES:
        return TOP_FILES[path][1]
    return FOLDERS.get(folder) if folder and "/" not in folder and name.endswith(".yml") else None


def _model(root: Path, path: str, raw: bytes | None) -> BaseModel | None:
    """An older version of a data file as its model, read as the loader reads the file; None when it is not valid."""
    kind = _kind(path)
    if raw is None or kind is None:
        return None
    errors = ErrorList(root)
    read = read_text(raw, root / path, errors)
    return validate(kind, read[0], read[1], errors) if read is not None else None
