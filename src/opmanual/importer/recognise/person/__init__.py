"""A supervisor in the stream: where each person's manual (or chapter of a group manual) is, and its parts as the
model's `Person`.

A personal manual starts at its cover's name line (นางสาวรัญญา จำปามูล, then ศึกษานิเทศก์ชำนาญการพิเศษ and a คำนำ or a
"คู่มือ…" title close by); a person's chapter of a group manual starts at การปฏิบัติงานตามที่ได้รับมอบหมาย; our own
export's chapter of a person is a heading holding the full name over the profile table. Our export's person book
names the person twice — on its cover (with the approval, revisions and foreword after it) and at the head of their
chapter, the group's chapter between — so it gives two spans of one person: `same` tells, `merge` joins them.

Inside, the stream is cut at the headings of the person's parts — in the seeds' wordings and our labels
(`labels.py`), matched without numbering, spacing or digit style — and each body is read into its field. What no
field holds goes into a free section after the part it was found in (`sections:` with `after:`) and into
`part.unplaced`: nothing is dropped. Tables a PDF flattened into lines are rebuilt where the pattern is clear (a
work standard's numbered activities with their evidence under them; an aims table of three levels, whose last
column is the person's), each marked as a guess.

Cross-references are left as the source names them, for the orchestrator to turn into ids:
`learning_areas`, `clusters` and `networks` hold Thai names (ids of office.yml's lists once resolved), `processes`
holds process names (ids of processes/) and `bibliography` the entries of the บรรณานุกรม as written (sources of
references.yml once the orchestrator has read them; a personal manual's bibliography at the back of the book, after
the group's part and the processes, is a span of its own, which the orchestrator joins to her as a nameless part).
`people_named` lists the people an organisation chart or a signature names with a supervisor's position, for people
with no chapter of their own.

    names.py, spans.py  who the person is, and where each person's part is in the stream
    places.py           the pieces of a person's part (`PLACES`) and their readers: front.py (profile, foreword,
                        assignment, approval), aims.py, duties.py (duties, care, lists, bibliography), standards.py
    common.py           the words and small readings they share
    here                one person: the span cut at its headings, each piece placed, the names' defaults
"""

from __future__ import annotations

from collections.abc import Sequence

from ....data.model import PARTS
from ....thai import normalize
from ...blocks import Block, Heading
from ...draft import Part
from ..words import line_of
from .common import (
    DUTY_CARE,
    OFFICE,
    PLACEHOLDERS,
    PROFILE,
    _contents_line,
    _cover_title,
    _defaults,
    _duty_title,
    _leftover,
)
from .duties import _duty
from .front import _assignment, _profile_lines
from .names import people_named, split_name, split_position
from .places import PLACES, part_of
from .spans import _toc_entry, merge, same, spans


def recognise(blocks: Sequence[Block]) -> Part:
    """The person's file from the blocks of one span (see `spans`)."""
    part = Part()
    data = part.data
    pieces = _cut(blocks)
    front = _assignment(part, _profile_lines(part, pieces[0][2]))
    if front:
        _leftover(part, PROFILE.title, front, "profile")
    placed = "profile"  # the last part seen: where a free section of unknown content goes
    for name, heading, body in pieces[1:]:
        placed = _after(name, placed)
        if name == "duty" and heading is not None:
            _duty(part, heading, body)
            continue
        place = next((place for place in PLACES if place.name == name), None)
        rest = place.read(part, heading, body) if place is not None else list(body)
        if rest:
            title = normalize(line_of(heading) or "") if heading is not None else ""
            _leftover(part, title or "เพิ่มเติม", rest, placed)
    data.pop(OFFICE, None)
    for field, names in data.pop(DUTY_CARE, {}).items():
        if field not in data:  # a list of what the person cares for says it better than the duties' titles
            data[field] = names
            part.guess((field,), "อ่านจากชื่องานในหน้าที่ ตรวจว่าเป็นสิ่งที่รับผิดชอบ")
    _defaults(part)
    if not data.get("duties"):
        data.pop("duties", None)
    return part


def _after(name: str, previous: str) -> str:
    """The part a free section of piece `name` follows: its place's, its own part, or the one before it."""
    if name == "duty":
        return "duties"
    place = next((place for place in PLACES if place.name == name), None)
    if place is not None and place.after is not None:
        return place.after
    return name if name in PARTS["person"] else previous


def _cut(blocks: Sequence[Block]) -> list[tuple[str, Block | None, list[Block]]]:
    """(part name, heading, body) pieces; the first is what stands before any part heading ("profile"). A duty's
    title outside a duties part ("๓.๒.๒ งานกลุ่มโรงเรียน" in a group manual's chapter) opens a piece "duty"; a
    heading no part knows, as high as the parts' headings, opens a piece "other" (a free section)."""
    pieces: list[tuple[str, Block | None, list[Block]]] = [("profile", None, [])]
    named = next((b for b in blocks[:3] if isinstance(b, Heading) and split_name(b.text)), None)
    # the level of the parts' headings: under our export's chapter heading (the name), or as the first one seen
    level: int | None = named.level + 1 if named is not None and named.level is not None else None
    for index, block in enumerate(blocks):
        heading = pieces[-1][1]
        leveled = isinstance(heading, Heading) and heading.level is not None
        within = leveled and _toc_entry(block)
        if pieces[-1][0] == "contents" and (within or _contents_line(blocks, index)):
            pieces[-1][2].append(block)
            continue
        name = part_of(block)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and _cover_title(block) and split_name(line_of(following) or ""):
            pieces[-1][2].append(block)  # the cover's title (มาตรฐานการปฏิบัติงาน) above the person's name
            continue
        if name is not None and isinstance(block, Heading) and block.level is not None:
            level = block.level if level is None else min(level, block.level)
        if name is None and _duty_title(block) and pieces[-1][0] not in ("duties", "work_standards", "processes"):
            name = "duty"
        if (
            name is None
            and isinstance(block, Heading)
            and block is not named
            and block.level is not None
            and level is not None
            and block.level <= level
        ):
            name = "other"
        if name is not None and not (name == "projects" and pieces[-1][0] in ("duties", "duty")):
            pieces.append((name, block, []))
        else:
            pieces[-1][2].append(block)
    return pieces


__all__ = ["PLACEHOLDERS", "merge", "people_named", "recognise", "same", "spans", "split_name", "split_position"]
