"""Schedule tables (ระยะเวลาการปฏิบัติงาน) as the model's `ScheduleRow`s: an activity and its period, as พ.ศ.
year-months, read from a period column ("เมษายน 2566", "มิถุนายน - สิงหาคม 2566", "พ.ย. 66 – มี.ค. 67") or from ticks
under one column per month ("ต.ค. 2566" …)."""

from __future__ import annotations

import re

from ...thai import ARABIC_DIGITS, MONTHS, normalize
from ..blocks import Table
from ..shape import columns, grid, header_count
from .words import key

_YEAR = re.compile(r"(?:พ\.\s*ศ\.\s*)?([0-9]{4}|[0-9]{2})(?![0-9])")
_SHORT_MONTHS = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
_MONTH_NAMES = sorted(
    [(name, index + 1) for index, name in enumerate(MONTHS)]
    + [(name, index + 1) for index, name in enumerate(_SHORT_MONTHS)]
    + [(name.replace(".", ""), index + 1) for index, name in enumerate(_SHORT_MONTHS)],
    key=lambda pair: -len(pair[0]),
)


def column(names: list[str], *words: str) -> int | None:
    """The first column whose header holds one of `words` (compared as `words.key` compares headings)."""
    for index, name in enumerate(names):
        if any(word in key(name) for word in map(key, words)):
            return index
    return None


def rows(block: Table) -> list[dict[str, str]]:
    """Rows of activity and period ("เมษายน 2566", "มิถุนายน - สิงหาคม 2566", "พ.ย. 66 – มี.ค. 67"), or of activity
    and ticks under month columns; [] when a row cannot be read so (the table then stays a table)."""
    names = columns(block)
    activity = column(names, "กิจกรรม", "ขั้นตอน", "วิธีการ", "รายการ")
    period = column(names, "ระยะเวลา", "ช่วงเวลา", "เดือน", "ปี")
    full = grid(block)
    body = full[header_count(block) :]
    if activity is None:
        activity = 1 if len(names) > 2 and key(names[0]) in {"ที่", "ลำดับ", "ลำดับที่", "-"} else 0
    rows: list[dict[str, str]] = []
    misses = 0
    month_columns = [(index, _month(name)) for index, name in enumerate(names)]
    ticked = [(index, month) for index, month in month_columns if month is not None]
    for row in body:
        cells = [cell.text.strip() if cell is not None else "" for cell in row]
        if activity >= len(cells) or not cells[activity]:
            continue
        text = normalize(cells[activity].replace("\n", " ")).replace("**", "").strip()
        when: tuple[str, str | None] | None = None
        if period is not None and period != activity and period < len(cells):
            when = _period(cells[period])
        elif len(ticked) >= 3:
            when = _ticks(cells, ticked, names)
        if when is None:
            misses += 1
            continue
        entry = {"text": text, "start": when[0]}
        if when[1] and when[1] != when[0]:
            entry["end"] = when[1]
        rows.append(entry)
    return rows if rows and misses == 0 else []


def _month(text: str) -> int | None:
    plain = normalize(text).replace(" ", "")
    for name, number in _MONTH_NAMES:
        if plain.startswith(name.replace(" ", "")):
            return number
    return None


def _year(text: str) -> int | None:
    found = _YEAR.findall(normalize(text).translate(ARABIC_DIGITS))
    if not found:
        return None
    year = int(found[-1])
    return year + 2500 if year < 100 else year


def _period(text: str) -> tuple[str, str | None] | None:
    """A period cell as (start, end) พ.ศ. year-months; None when it does not say months and a year."""
    plain = normalize(text).replace("\n", " ").translate(ARABIC_DIGITS)
    halves = [half for half in re.split(r"\s+[-–—]\s+|\s*[–—]\s*|\s+ถึง\s+", plain) if half.strip()]
    if not 1 <= len(halves) <= 2:
        return None
    months = [_find_month(half) for half in halves]
    years = [_year(half) for half in halves]
    if any(month is None for month in months) or years[-1] is None:
        return None
    end_year, start_month, end_month = years[-1], months[0], months[-1]
    if end_year is None or start_month is None or end_month is None:
        return None
    start_year = years[0] if years[0] is not None else end_year
    if years[0] is None and start_month > end_month:
        start_year -= 1  # "พฤศจิกายน - มีนาคม 2567": the months before the new year are in the year before
    if not 2400 <= start_year <= 2700:
        return None
    start = f"{start_year}-{start_month:02d}"
    end = f"{end_year}-{end_month:02d}" if len(halves) == 2 else None
    return start, end


def _find_month(text: str) -> int | None:
    plain = text.replace(" ", "")
    for name, number in _MONTH_NAMES:
        if name.replace(" ", "") in plain:
            return number
    return None


def _ticks(cells: list[str], ticked: list[tuple[int, int]], names: list[str]) -> tuple[str, str | None] | None:
    """Ticks under month columns: the first and last ticked month, the year from the column's header (a fiscal
    year's months from ตุลาคม belong to the year before)."""
    marked = [(index, month) for index, month in ticked if index < len(cells) and cells[index].strip()]
    if not marked:
        return None
    out = []
    for index, month in (marked[0], marked[-1]):
        year = _year(names[index])
        if year is None:
            return None
        out.append(f"{year}-{month:02d}")
    return out[0], out[1]
