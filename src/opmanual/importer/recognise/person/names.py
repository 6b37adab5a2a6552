"""A person's name and position as a manual writes them: "ว่าที่ร้อยตรี ดร.สมชาย ใจดี", "ศึกษานิเทศก์ชำนาญการพิเศษ"; and the
people an organisation chart or a signature names with a supervisor's position."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ....thai import normalize
from ...blocks import Block
from ..words import line_of

PREFIX = re.compile(r"^((?:(?:ว่าที่\s*(?:ร้อยตรี|ร\.\s*ต\.)(?:\s*หญิง)?|ดร\.|ผศ\.|รศ\.|ศ\.|นางสาว|น\.ส\.|นาง|นาย)\s*)+)")
RANKS = ("ชำนาญการพิเศษ", "ชำนาญการ", "เชี่ยวชาญพิเศษ", "เชี่ยวชาญ")  # longest first: a prefix of another
POSITION = re.compile(r"^(?:ตำแหน่ง\s*)?(ศึกษานิเทศก์|ผู้อำนวยการ|รองผู้อำนวยการ|นักวิชาการ|ครู)")
DEFAULT_POSITION = "ศึกษานิเทศก์"
NAME_LONGEST = 60  # characters of a line holding only a name


def split_name(text: str) -> tuple[str, str, str] | None:
    """(prefix, name, surname) of a line that is a person's full name, such as "ว่าที่ร้อยตรี ดร.สมชาย ใจดี"; None
    when the line is not one."""
    line = normalize(text).strip(" *:")
    if not line or len(line) > NAME_LONGEST or "\n" in line:
        return None
    found = PREFIX.match(line)
    if not found:
        return None
    rest = line[found.end() :].split()
    if len(rest) < 2 or len(rest) > 3 or not all(re.fullmatch(r"[\u0e00-\u0e7f.]+", word) for word in rest):
        return None
    prefix = re.sub(r"\s+", "", found.group(1)).replace("ว่าที่ร.ต.", "ว่าที่ ร.ต.")
    return prefix, rest[0], " ".join(rest[1:])


def split_position(text: str) -> tuple[str, str | None] | None:
    """(position, rank) of a position line: "ศึกษานิเทศก์ชำนาญการพิเศษ" → ("ศึกษานิเทศก์", "ชำนาญการพิเศษ"); None when
    the line names no position."""
    line = normalize(text).strip()
    line = re.sub(r"^ตำแหน่ง\s*", "", line)
    if not line or len(line) > 90 or not POSITION.match(line):
        return None
    for rank in RANKS:
        at = line.find(rank)
        if at > 0:
            position = re.sub(r"\s*(?:วิทยฐานะ|ระดับ)\s*$", "", line[:at]).strip()
            return position or DEFAULT_POSITION, rank
    return line, None


def people_named(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """Every person a line names with a supervisor's position under it (the boxes of an organisation chart, the
    signature of a foreword): prefix, name, surname, rank. The orchestrator can add those it has no file for."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for index, block in enumerate(blocks[:-1]):
        named = split_name(line_of(block) or "")
        if not named:
            continue
        after = next((b for b in blocks[index + 1 : index + 3] if line_of(b)), None)
        held = split_position(line_of(after) or "") if after is not None else None
        if not held or not held[0].startswith(DEFAULT_POSITION) or (named[1], named[2]) in seen:
            continue
        seen.add((named[1], named[2]))
        person: dict[str, Any] = {"prefix": named[0], "name": named[1], "surname": named[2]}
        if held[1]:
            person["rank"] = held[1]
        out.append(person)
    return out
