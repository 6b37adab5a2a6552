"""What Material's search reads of a page: it keeps no tag of a table cell or a line break, so the text of two
neighbouring cells, or of two lines split by `<br>`, ran together in the index and in the snippets under each
result ("…ผู้รับผิดชอบนายอนวัช ไข่ขาวหน่วยงาน…"). A newline after each of them is whitespace the index keeps as
one space, and the page shows nothing of it.
"""

from __future__ import annotations

import re

_JOINED = re.compile(r"(</t[dh]>|<br\s*/?>)(?=\S)", re.IGNORECASE)


def separate_cells(html: str) -> str:
    """`html` with a newline after every table cell and line break that is not followed by whitespace."""
    return _JOINED.sub("\\1\n", html)
