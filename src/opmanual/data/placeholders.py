"""Text still in the starter's placeholders: `opmanual new` writes «ชื่อ», «รายละเอียดของงาน» … where only the office
can say what goes, and `check` points at each one left (a warning: the starter office builds, and its pages show the
marks, so an unfinished manual looks unfinished)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .loader import Loc

PLACEHOLDER = re.compile(r"«[^«»\n]{1,200}»")


def found(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every placeholder in a file's values: where it is and its text."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from found(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from found(value, (*loc, index))
    elif isinstance(data, str):
        for match in PLACEHOLDER.finditer(data):
            yield loc, match.group()


def message(text: str) -> str:
    return f"{text} is still the starter's placeholder: write the office's own text here (ข้อความตัวอย่างที่ยังไม่ได้แก้)"
