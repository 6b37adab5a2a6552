"""The editors' guide: its pages ship in the package (`opmanual/guide/`), so every office's site carries the guide
of the generator it is built with; the tables in them that are made from the model never fall behind it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..data import model as m
from ..data import schema
from ..data.labels import Labels
from ..render.render import escape

PAGES = Path(__file__).parents[1] / "guide"
SECTION = "คู่มือการแก้ไขข้อมูล"  # its title in the navigation, after the manual's own sections


def pages() -> dict[str, Path]:
    """The guide's pages: each page's path on the site (`guide/index.md`) and its file in the package."""
    return {f"guide/{path.name}": path for path in sorted(PAGES.glob("*.md"))}


def nav() -> list[Any]:
    """The guide's section of the navigation: its first page, then the others."""
    found = pages()
    return [{SECTION: ["guide/index.md", *(uri for uri in found if uri != "guide/index.md")]}]


LABELS_MARKER = "<!-- opmanual:labels -->"


def labels_table(labels: Labels) -> str:
    """Every label that `labels:` may reword: its key, where it is printed, its placeholders, its default wording, and
    this manual's wording where it differs."""
    described = labels.described()
    reworded = any(current != default for *_, default, current in described)
    lines = [
        "| ชื่อใน `labels:` | ที่พิมพ์ | ช่องเติม | ค่าเริ่มต้น |" + (" คู่มือนี้ใช้ |" if reworded else ""),
        "| --- | --- | --- | --- |" + (" --- |" if reworded else ""),
    ]
    for key, where, placeholders, default, current in described:
        row = f"| `{key}` | {escape(where)} | {escape(placeholders)} | {escape(default)} |"
        if reworded:
            row += f" {escape(current) if current != default else ''} |"
        lines.append(row)
    return "\n".join(lines)


FIELDS_MARKER = "<!-- opmanual:fields -->"

# The forms a text must take, in the words of the guide (the patterns are the model's).
_FORMS = {
    m.ID_PATTERN: "รหัส (อักษรอังกฤษพิมพ์เล็ก ตัวเลข และ `-`)",
    m.YEAR_MONTH_PATTERN: "ปี-เดือน พ.ศ. เช่น `2566-04`",
    m.DATE_PATTERN: "วันที่ พ.ศ. ปี-เดือน-วัน เช่น `2568-05-15`",
    m.PATH_PATTERN: "ชื่อไฟล์ในโฟลเดอร์ข้อมูล เช่น `files/logo.png`",
    rf"^{m.DIGITS}+$": "ตัวเลข",
}
_TYPES = {"string": "ข้อความ", "integer": "ตัวเลข", "boolean": "`true` หรือ `false`", "null": ""}
# Where each kind of data file is described first; the parts they share follow once each.
_FILES: list[tuple[str, type[BaseModel]]] = [
    ("office.yml", m.OfficeFile),
    ("people/<รหัส>.yml", m.Person),
    ("processes/<รหัส>.yml", m.Process),
    ("references.yml", m.ReferencesFile),
]


def _anchor(name: str) -> str:
    return "f-" + name.lower()


def _kind(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    """What a field holds, in Thai, with links to the parts it is made of."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        if name == "Labels":
            return "ถ้อยคำ ([เปลี่ยนถ้อยคำ](index.md#labels))"
        return f"[{escape(defs[name]['title'])}](#{_anchor(name)})"
    options = spec.get("anyOf") or spec.get("oneOf")
    if options:
        kinds = [kind for kind in (_kind(option, defs) for option in options) if kind]
        return " หรือ ".join(dict.fromkeys(kinds))
    if "enum" in spec:
        return "หนึ่งใน " + " ".join(f"`{value}`" for value in spec["enum"])
    if spec.get("type") == "array":
        return f"รายการของ {_kind(spec.get('items', {}), defs) or 'ข้อความ'}"
    if spec.get("type") == "object":
        return "หัวข้อย่อย"
    if "pattern" in spec:
        return _FORMS.get(spec["pattern"], "ข้อความ")
    return _TYPES.get(spec.get("type", ""), "")


def _table(definition: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    required = set(definition.get("required", []))
    lines = ["| หัวข้อ | ความหมาย | เขียนเป็น | ต้องมี |", "| --- | --- | --- | --- |"]
    for key, spec in definition.get("properties", {}).items():
        meaning = f"**{escape(spec['title'])}**: {escape(spec['description'])}"
        lines.append(f"| `{key}` | {meaning} | {_kind(spec, defs)} | {'ต้องมี' if key in required else ''} |")
    return lines


def fields_reference() -> str:
    """Every key a data file may hold, file by file and part by part, from the model's JSON Schema: its Thai
    title and help, what it holds, and whether it must be there. Search finds the page by its introduction: its
    tables hold a word of nearly every query and would outrank the manual's own pages."""
    lines: list[str] = []
    shared: dict[str, Any] = {}
    for path, model in _FILES:
        generated = schema.generate(model)
        defs = generated.get("$defs", {})
        shared |= defs
        lines += [f"## `{path}` {{#{_anchor(model.__name__)} data-search-exclude}}", "", escape(generated["title"]), ""]
        lines += [*_table(generated, defs), ""]
    for name in sorted(shared, key=lambda name: shared[name]["title"]):
        if name == "Labels":
            continue
        heading = f"### {escape(shared[name]['title'])} {{#{_anchor(name)} data-search-exclude}}"
        lines += [heading, "", *_table(shared[name], shared), ""]
    return "\n".join(lines)


def fill(markdown: str, labels: Labels) -> str:
    """The guide's Markdown with its generated parts in place."""
    if LABELS_MARKER in markdown:
        markdown = markdown.replace(LABELS_MARKER, labels_table(labels))
    if FIELDS_MARKER in markdown:
        markdown = markdown.replace(FIELDS_MARKER, fields_reference())
    return markdown
