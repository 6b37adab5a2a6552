"""Durations as manuals write them (`๑ เดือน`, `2–3 วัน`, `ภายใน ๓ วันทำการ`, `1 วัน 4 ชั่วโมง`), read and added up.

The ITA page gives the total time of each process. Units are not converted into one another (a month is not a
fixed number of days, a working day is not a day): a total is a sum per unit, as `๑ เดือน ๕ วัน`. A range adds up
its low and its high ends apart. A step whose time says no number of a unit (`ตามปฏิทินของ สพฐ.`) is counted as
not given, and the total says how many were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..thai import ARABIC_DIGITS, digits

# The units, longest name first where one contains another (วันทำการ before วัน), in the order a total is written.
UNITS = ("ปี", "เดือน", "สัปดาห์", "วันทำการ", "วัน", "ชั่วโมง", "นาที")
_ALIASES = {"ชม.": "ชั่วโมง", "ชม": "ชั่วโมง", "อาทิตย์": "สัปดาห์", "นาที.": "นาที"}
_NAMES = sorted([*UNITS, *_ALIASES], key=len, reverse=True)
_NUMBER = r"\d+(?:\.\d+)?"
_PART = re.compile(rf"({_NUMBER})(?:\s*[-–—]\s*({_NUMBER}))?\s*({'|'.join(map(re.escape, _NAMES))})")


@dataclass(frozen=True)
class Duration:
    """A time per unit: its low and high ends (equal unless the time is a range)."""

    low: dict[str, Decimal] = field(default_factory=dict)
    high: dict[str, Decimal] = field(default_factory=dict)

    def __add__(self, other: Duration) -> Duration:
        def add(a: dict[str, Decimal], b: dict[str, Decimal]) -> dict[str, Decimal]:
            return {unit: a.get(unit, Decimal(0)) + b.get(unit, Decimal(0)) for unit in UNITS if unit in a or unit in b}

        return Duration(add(self.low, other.low), add(self.high, other.high))

    def __bool__(self) -> bool:
        return bool(self.low)


def parse(text: str) -> Duration | None:
    """The duration `text` states, or None when it states no number of a unit."""
    low: dict[str, Decimal] = {}
    high: dict[str, Decimal] = {}
    for first, last, name in _PART.findall(text.translate(ARABIC_DIGITS)):
        unit = _ALIASES.get(name, name)
        low[unit] = low.get(unit, Decimal(0)) + Decimal(first)
        high[unit] = high.get(unit, Decimal(0)) + Decimal(last or first)
    return Duration(low, high) if low else None


def _amounts(amounts: dict[str, Decimal], style: str) -> str:
    return " ".join(f"{digits(_number(amounts[unit]), style)} {unit}" for unit in UNITS if amounts.get(unit))


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def describe(duration: Duration, style: str) -> str:
    """`๑ เดือน ๕ วัน`; a range `๒–๓ วัน`, or `๓ วัน – ๑ สัปดาห์ ๒ วัน` when its ends differ in their units."""
    low, high = _amounts(duration.low, style), _amounts(duration.high, style)
    if low == high:
        return low
    units = [unit for unit in UNITS if duration.low.get(unit) or duration.high.get(unit)]
    if len(units) == 1:
        unit = units[0]
        ends = (digits(_number(end.get(unit, Decimal(0))), style) for end in (duration.low, duration.high))
        return "–".join(ends) + f" {unit}"
    return f"{low} – {high}"


def months_between(start: str, end: str) -> int:
    """The months from `start` to `end` (`2566-04`, `2567-04`), both counted: 13."""
    (y1, m1), (y2, m2) = ((int(part) for part in value.translate(ARABIC_DIGITS).split("-")) for value in (start, end))
    return (y2 - y1) * 12 + (m2 - m1) + 1


@dataclass(frozen=True)
class Total:
    """The time of a process: the sum of its steps' times, and how many steps give none."""

    duration: Duration
    missing: int
    steps: int


def total(times: list[str | None]) -> Total:
    """Add up the times of a process's steps (None or unreadable: not given)."""
    sum_, missing = Duration(), 0
    for text in times:
        found = parse(text) if text else None
        if found is None:
            missing += 1
        else:
            sum_ = sum_ + found
    return Total(sum_, missing, len(times))
