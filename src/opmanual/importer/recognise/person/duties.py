"""A person's duties (each with its roles, text and forms), what they care for (school clusters, networks,
learning areas), their projects and processes as lists, and the entries of their bibliography."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ....thai import normalize
from ...blocks import Block, Heading, ListItem, PageBreak, Paragraph, Table
from ...draft import Part
from ...shape import items, text_block
from .. import bibliography
from ..words import line_of, matches
from .common import (
    AREA,
    CLUSTER,
    DEFINES,
    DUTY_CARE,
    FLOW,
    FORMS,
    NETWORK,
    ROLES,
    SCHOOLS,
    _block_text,
    _duty_title,
    section_body,
)


def _duties(part: Part, body: Sequence[Block]) -> list[Block]:
    """งานในหน้าที่ที่รับผิดชอบ: each title (a deeper heading, or a top-level list item or short line after which
    text follows) opens a duty; the text before the first title is returned."""
    rest: list[Block] = []
    level = min((b.level for b in body if isinstance(b, Heading) and b.level is not None), default=None)
    titles: list[int] = []
    for index, block in enumerate(body):
        by_level = (
            isinstance(block, Heading)
            and (level is None or block.level == level)
            and not _duty_part(block, ROLES + FORMS + FLOW)
        )
        if by_level or (level is None and (_duty_title(block) or _list_title(body, index))):
            titles.append(index)
    if not titles:
        listed = [block for block in body if isinstance(block, ListItem) and block.level == 0]
        if listed and all(isinstance(block, ListItem | PageBreak) for block in body):
            # only a list: each item is a duty's title, its sub-items the duty's text
            for block in listed:
                _duty(
                    part, block, [b for b in body if isinstance(b, ListItem) and b.level > 0 and _under(body, block, b)]
                )
            return []
        return list(body)
    rest += body[: titles[0]]
    for number, start in enumerate(titles):
        end = titles[number + 1] if number + 1 < len(titles) else len(body)
        _duty(part, body[start], body[start + 1 : end])
    return [block for block in rest if not isinstance(block, PageBreak)]


def _under(body: Sequence[Block], parent: ListItem, child: ListItem) -> bool:
    """Whether `child` follows `parent` before the next top-level item."""
    start = body.index(parent)
    for block in body[start + 1 :]:
        if block is child:
            return True
        if isinstance(block, ListItem) and block.level == 0:
            return False
    return False


def _list_title(body: Sequence[Block], index: int) -> bool:
    """A top-level numbered item followed by paragraphs or a roles heading: a duty's title typed as a list."""
    block = body[index]
    if not isinstance(block, ListItem) or block.level != 0 or len(block.text) > 90:
        return False
    following = body[index + 1] if index + 1 < len(body) else None
    return isinstance(following, Paragraph) or (following is not None and matches(following, ROLES + FORMS))


def _duty_part(block: Block, words: tuple[str, ...]) -> bool:
    return matches(block, words) or (
        isinstance(block, Heading | Paragraph | ListItem)
        and any(normalize(block.text).endswith(word) for word in words)
        and len(block.text) <= 90
    )


def _retext(block: Block, text: str) -> Block:
    """`block` holding `text` instead of its own."""
    if isinstance(block, ListItem):
        return ListItem(text, block.level, block.where, block.numbered, block.label)
    return Paragraph(text, block.where)


def _before_word(block: Block, words: tuple[str, ...]) -> str:
    """The text of a block before the heading words it ends with ("" when it is only the words, or ends otherwise)."""
    text = normalize(getattr(block, "text", "")).replace("\n", " ")
    for word in sorted(words, key=len, reverse=True):
        if text.endswith(word):
            return text[: -len(word)].strip(" :")
    return ""


def _duty(part: Part, heading: Block, body: Sequence[Block]) -> None:
    """One duty: its title, text (with definitions "… หมายถึง …"), roles (บทบาทและหน้าที่) and forms (แบบฟอร์มที่ใช้)."""
    title = normalize(line_of(heading) or str(getattr(heading, "text", ""))).replace("\n", " ")
    title = re.sub(r"^[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*", "", title)
    field = "text"
    for word in ROLES:
        if title.endswith(word) and title != word:
            title, field = title[: -len(word)].strip(), "roles"
    duty: dict[str, Any] = {"title": title or "งาน"}
    pieces: dict[str, list[Block]] = {"text": [], "roles": [], "forms": [], "flow": []}
    for block in body:
        if _duty_part(block, ROLES) or (isinstance(block, Paragraph | ListItem) and _before_word(block, ROLES)):
            before = _before_word(block, ROLES)
            at = before.rfind(duty["title"]) if before else -1
            if at >= 0:
                # "งานกลุ่มโรงเรียนที่ ๒ บทบาทและหน้าที่" names the duty more closely; a PDF's line may have been run
                # into the text before it, which stays where it was
                duty["title"] = before[at:]
                if before[:at].strip():
                    pieces[field].append(_retext(block, before[:at].strip()))
            elif before:
                pieces[field].append(_retext(block, before))
            field = "roles"
        elif _duty_part(block, FORMS):
            field = "forms"
        elif matches(block, FLOW):
            field = "flow"
        else:
            pieces[field].append(block)
    text: list[Block] = []
    definitions: list[dict[str, Any]] = []
    for block in pieces["text"] + pieces["flow"]:
        found = DEFINES.match(normalize(block.text).replace("\n", " ")) if isinstance(block, Paragraph) else None
        if found:
            definitions.append({"term": found.group(1).strip(), "meaning": [found.group(3).strip()]})
            if found.group(2) != "หมายถึง":
                definitions[-1]["says"] = found.group(2)
        else:
            text.append(block)
    if definitions:
        duty["definitions"] = definitions
    headed = next((index for index, block in enumerate(text) if isinstance(block, Heading)), len(text))
    closing = headed
    while closing and _numbered_item(text[closing - 1]):
        closing -= 1
    if closing < headed and definitions:  # text, definitions, then the list: the order a Section prints them
        duty["items"] = items([block for block in text[closing:headed] if isinstance(block, ListItem)])
        text = [*text[:closing], *text[headed:]]
    duty.update(section_body(text))
    for name in ("roles", "forms"):
        listed = [block for block in pieces[name] if isinstance(block, ListItem)]
        others = [block for block in pieces[name] if not isinstance(block, ListItem | PageBreak)]
        if listed:
            duty[name] = items(listed) if name == "roles" else [block.text for block in listed]
        if others:
            duty["text"] = [*duty.get("text", []), *text_block(others)]
    part.data.setdefault("duties", []).append(duty)
    _care_from(part, duty["title"])


def _numbered_item(block: Block) -> bool:
    return isinstance(block, ListItem) and block.numbered


def _care_from(part: Part, title: str) -> None:
    """A duty named after a cluster, learning area or network names what the person cares for (a guess)."""
    for field, pattern in (("clusters", CLUSTER), ("learning_areas", AREA), ("networks", NETWORK)):
        found = pattern.search(title)
        if found:
            name = normalize(found.group(1) if field != "clusters" else found.group(0))
            names = part.data.setdefault(DUTY_CARE, {}).setdefault(field, [])
            if name not in names:
                names.append(name)
            return


def _care(part: Part, body: Sequence[Block]) -> list[Block]:
    """Clusters, networks and learning areas cared for, one per line: names for the orchestrator to resolve."""
    rest: list[Block] = []
    for block in body:
        text = normalize(line_of(block) or "")
        text = SCHOOLS.sub("", text).strip()
        if not text:
            if not isinstance(block, PageBreak):
                rest.append(block)
            continue
        if found := AREA.match(text):
            field, name = "learning_areas", found.group(1).strip()
        elif CLUSTER.match(text) or text.startswith("กลุ่มโรงเรียน"):
            field, name = "clusters", text
        elif isinstance(block, ListItem) or len(text) <= 60:
            field, name = "networks", text
        else:
            rest.append(block)
            continue
        names = part.data.setdefault(field, [])
        if name not in names:
            names.append(name)
    return rest


def _listing(field: str) -> Callable[[Part, Sequence[Block]], list[Block]]:
    """A list field (projects, process names): its list items, or each short paragraph as one (a guess)."""

    def place(part: Part, body: Sequence[Block]) -> list[Block]:
        listed = [block for block in body if isinstance(block, ListItem)]
        rest: list[Block] = [
            block
            for block in body
            if not isinstance(block, ListItem | PageBreak) and not re.fullmatch(r"[•·▪■●○◦►\-–—]", _block_text(block))
        ]  # a PDF's bullet glyph alone on its line carries no text
        if not listed:
            listed = [ListItem(b.text, 0, b.where) for b in rest if isinstance(b, Paragraph) and len(b.text) <= 200]
            rest = [b for b in rest if not (isinstance(b, Paragraph) and len(b.text) <= 200)]
            if listed:
                part.guess((field,), "ต้นฉบับเขียนเป็นย่อหน้า นำมาเป็นรายการทีละย่อหน้า")
        if listed:
            value = items(listed) if field == "projects" else [block.text for block in listed if block.level == 0]
            part.data[field] = [*part.data.get(field, []), *value]
        return rest

    return place


def _bibliography(part: Part, body: Sequence[Block]) -> list[Block]:
    """บรรณานุกรม: its entries as the source wrote them (`bibliography.entries` mends the reader's wrapping), for the
    orchestrator to make a source of references.yml of each; a table or a drawing's title found there is returned."""
    lines: list[str] = []
    rest: list[Block] = []
    for block in body:
        if isinstance(block, Table) or matches(block, FLOW):
            rest.append(block)
        elif isinstance(block, Paragraph | ListItem):
            lines.append(normalize(block.text).replace("\n", " "))
    found = bibliography.entries(lines)
    if found:
        part.data["bibliography"] = [*part.data.get("bibliography", []), *found]
    return rest
