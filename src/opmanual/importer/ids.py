"""Ids for imported people and processes: their Thai names romanised (Royal Institute system, PyThaiNLP), as the
lowercase `a-z0-9-` ids of the data folder, unique among their kind."""

from __future__ import annotations

import re
from functools import cache

from ..data.model import ID_MAX
from ..thai import normalize

_NOT_ID = re.compile(r"[^a-z0-9]+")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Words that only stand before a name; they are not part of a person's id.
WORDS_IN_A_PROCESS_ID = 4


@cache
def _romanizer() -> object:
    from pythainlp.transliterate import romanize

    return romanize


def romanize(text: str) -> str:
    """`text` in Latin letters: Thai words romanised one by one (whole phrases romanise worse), the rest kept."""
    from pythainlp.tokenize import word_tokenize

    words = []
    for word in word_tokenize(normalize(text), keep_whitespace=False):
        if _THAI.search(word):
            romanised = _romanizer()(word, engine="royin")  # type: ignore[operator]
            words.append(_NOT_ID.sub("", str(romanised).lower()))
        else:
            words.append(word.lower())
    return " ".join(word for word in words if word)


def slug(text: str, words: int | None = None) -> str:
    """An id from `text`: romanised, lowercase, words joined by `-`; at most `words` Thai words."""
    # An id holds ID_MAX characters, and romanising is slow (a long paragraph taken for a name took seconds): only
    # the start of the text can reach the id.
    text = text[: 2 * ID_MAX]
    parts = [part for part in _NOT_ID.split(romanize(text).replace(" ", "-").lower()) if part]
    if words is not None:
        parts = parts[:words]
    value = "-".join(parts)[:ID_MAX].strip("-")
    return value or "item"


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … the first one not in `taken`; the result is added to `taken`."""
    value, number = base, 1
    while value in taken:
        number += 1
        value = f"{base[: ID_MAX - len(str(number)) - 1]}-{number}"
    taken.add(value)
    return value


def person_id(name: str, surname: str, taken: set[str]) -> str:
    """`name-surname`, each romanised as one word (ranya-champamun, not ranya-champa-mun)."""
    return unique(
        "-".join(part for part in (slug(name).replace("-", ""), slug(surname).replace("-", "")) if part), taken
    )


def process_id(name: str, taken: set[str]) -> str:
    return unique(slug(name, WORDS_IN_A_PROCESS_ID), taken)
