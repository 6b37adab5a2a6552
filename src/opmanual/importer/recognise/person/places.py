"""The pieces of a person's part, the headings that open them and how each is read (`PLACES`)."""

from __future__ import annotations

from ....data.parts import PAGES
from ...blocks import Block
from ..words import Place, body_only, place_of
from .aims import _aims
from .common import APPROVAL_WORDS, BIBLIOGRAPHY_WORDS, CONTENTS_WORDS, OTHER_WORDS
from .duties import _bibliography, _care, _duties, _listing
from .front import _approval, _assignment, _contents, _foreword
from .standards import _work_standards


def part_of(block: Block) -> str | None:
    """The person's part `block` is the heading of, or None."""
    found = place_of(block, PLACES)
    return found.name if found else None


# The pieces of a person's part and how each is read: the page's parts (in print order), then pieces of the source
# that are no part of the page: a printed contents page, the bibliography, our export's approval page, and the parts
# of a group manual's chapter that a person's page has not (free sections).
PLACES: tuple[Place, ...] = (
    *(
        Place(found.key, found.wordings, body_only(read))
        for found, read in zip(
            [found for found in PAGES["person"] if found.heading],
            (
                _foreword,
                _assignment,
                _aims,
                _duties,
                _care,
                _listing("projects"),
                _work_standards,
                _listing("processes"),
            ),
            strict=True,
        )
    ),
    Place("contents", CONTENTS_WORDS, body_only(_contents), after="profile"),
    Place("bibliography", BIBLIOGRAPHY_WORDS, body_only(_bibliography), after="processes"),
    Place("approval", APPROVAL_WORDS, body_only(_approval)),
    Place("other", OTHER_WORDS, lambda part, heading, body: list(body)),
)
