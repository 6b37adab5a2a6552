"""Reading the print HTML the Word copies are made from: a tag's classes, its text as printed, its whole-number
attributes (rowspan, colspan, a list's start)."""

from __future__ import annotations

import re

from bs4.element import Tag

SPACE = re.compile(r"\s+")


def classes_of(node: Tag) -> set[str]:
    return set(node.get("class") or [])


def text_of(node: Tag) -> str:
    """The node's text with its spaces collapsed, as a browser prints it."""
    return SPACE.sub(" ", node.get_text()).strip()


def whole_number(node: Tag, name: str) -> int:
    """A positive whole-number attribute; 1 when it is missing or not one."""
    value = str(node.get(name) or "1").strip()
    return max(1, int(value)) if value.isdigit() else 1
