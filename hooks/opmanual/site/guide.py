"""Parts of the editors' guide (docs/guide) that are made from the model, so that they never fall behind it."""

from __future__ import annotations

from ..data.labels import Labels
from .render import escape

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


def fill(markdown: str, labels: Labels) -> str:
    """The guide's Markdown with its generated parts in place."""
    return markdown.replace(LABELS_MARKER, labels_table(labels)) if LABELS_MARKER in markdown else markdown
