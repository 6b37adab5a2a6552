"""What the pages' HTML needs for screen readers beyond what the templates write.

Every data table gets an accessible name: its own caption or label when it has one, or else the heading of the
section it stands in (`aria-labelledby`), which is what the table is about ("งานในหน้าที่ที่รับผิดชอบ",
"ขั้นตอนการปฏิบัติงาน"). Tables hidden from assistive technology (the charts' layout, which have a text
alternative) are left as they are.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(
    r"<h[1-6]\b[^>]*?\bid=\"(?P<heading>[^\"]+)\"[^>]*>"  # a heading with its id
    r"|<table\b(?P<table>[^>]*)>(?P<caption>\s*<caption)?"  # a table, and whether a caption opens it
)
_NAMED = re.compile(r"\baria-(?:label|labelledby|hidden)=")


def name_tables(html: str) -> str:
    """The page's HTML with `aria-labelledby` on every table that has no caption, label or aria-hidden."""
    heading: str | None = None

    def visit(match: re.Match[str]) -> str:
        nonlocal heading
        if match.group("heading") is not None:
            heading = match.group("heading")
            return match.group(0)
        attributes = match.group("table")
        if heading is None or match.group("caption") or _NAMED.search(attributes):
            return match.group(0)
        return match.group(0).replace("<table", f'<table aria-labelledby="{heading}"', 1)

    return _TOKENS.sub(visit, html)
