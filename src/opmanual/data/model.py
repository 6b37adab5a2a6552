"""The validated model of a manual: one pydantic class per kind of YAML content.

Every class forbids unknown keys, so a misspelt key is an error rather than a silently lost field. Each field is
declared once, here: its type and limits, its Thai title and help (`doc`, for the JSON Schema and the guide), and
what it refers to (`Ref`, `Defines`, `Attachment`, checked and indexed by `refs.walk`). Ids of people and processes
come from their file names; numbering, counts and back-references are derived, never typed by editors.

Why one module of some 1,200 lines: it is the single declaration of every field an editor can write, and it reads
top to bottom as the data's reference — the value types and their checks, the blocks any text field may hold, then
each file kind (office.yml, people/, processes/, references.yml) in the order the guide and the schema present them.
The file kinds share their blocks, sections, approval and revisions, and pydantic resolves the models' references
to one another within one module; split by kind, each part would import most of the others.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from difflib import get_close_matches
from functools import partial
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .. import thai
from ..errors import excerpt
from ..thai import ARABIC_DIGITS, visible
from . import durations, hygiene
from .files import FILE_TYPES, IMAGE_TYPES
from .labels import MAX_LINE, Labels
from .parts import PAGES
from .refs import Attachment, Defines, Ref

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX = 100  # an id names files and pages (with a suffix of up to ~30 characters); file names hold 255 bytes
DIGITS = "[0-9๐-๙]"


def _visible(text: str) -> str:
    if not visible(text):
        raise PydanticCustomError("string_too_short", "only invisible characters")
    if "\n" in text:
        raise PydanticCustomError(
            "one_line",
            "this text is one line, and a line break in it would be lost: join the lines, or use a subtitle "
            "(`subtitle:`) or a list of paragraphs where the field allows them (ข้อความนี้ต้องอยู่บรรทัดเดียว)",
        )
    return text


def _pasted(kind: str) -> AfterValidator:
    """The paste check of a kind of text (see `hygiene`): it runs only in the loader's second, checking pass."""

    def check(value: str, info: ValidationInfo) -> str:
        return hygiene.in_context(value, info.context, kind)

    return AfterValidator(check)


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX)]
# The longest paragraph: about four printed pages, far above real manuals (the longest paragraph of the seeds has
# 1,495 characters), so that none costs more than a moment to lay out. One-line texts: MAX_LINE (labels.py).
MAX_PARAGRAPH = 20_000
_LINE = StringConstraints(min_length=1, max_length=MAX_LINE)
# Text as the reader sees it: one line, visible; its digits are checked against the manual's style.
Text = Annotated[str, _LINE, AfterValidator(_visible), _pasted(hygiene.TEXT)]
# The titles and names the top of every page of a book repeats (the running title: the manual's title with the
# person's name, the process's or the group's): at most MAX_TITLE characters, two and a half times the longest of the
# seeds (118), so that a book of hundreds of pages does not lay out thousands of characters on each.
MAX_TITLE = 300
PageTitle = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_TITLE), AfterValidator(_visible), _pasted(hygiene.TEXT)
]
# Text printed after a generated number or bullet (list items, topics, forms): a typed one would print twice.
NumberedText = Annotated[str, _LINE, AfterValidator(_visible), _pasted(hygiene.NUMBERED)]
# A step's text, numbered by its order: neither `1.` nor `ขั้นตอนที่ 1` is typed.
StepText = Annotated[str, _LINE, AfterValidator(_visible), _pasted(hygiene.STEP)]
# A paragraph of a text block or a table cell: a typed number or bullet there is a list pasted as text.
ParagraphText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_PARAGRAPH), AfterValidator(_visible), _pasted(hygiene.PARAGRAPH)
]
# Addresses and numbers kept exactly as typed (web and mail addresses, telephone numbers).
Verbatim = Annotated[str, _LINE, AfterValidator(_visible)]
# A scheme written before an address (`javascript:`, `file:`): a word without dots, then a colon.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+-]*):")
_MAIL_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")


def _web_address(value: str) -> str:
    """An address on the web: http(s), or written without its scheme (`www.example.go.th`, `facebook.com/page`)."""
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise PydanticCustomError(
            "not_a_web_address",
            "`{typed}` is not a web address: write one that starts with https:// or http:// (or www.) (ที่อยู่เว็บไม่ถูกต้อง)",
            {"typed": excerpt(value)},
        )
    return value


def _mail_address(value: str) -> str:
    if not _MAIL_ADDRESS.search(value):
        raise PydanticCustomError(
            "not_a_mail_address",
            "`{typed}` is not an e-mail address such as nithet@example.go.th (อีเมลไม่ถูกต้อง)",
            {"typed": excerpt(value)},
        )
    return value


def _phone_number(value: str) -> str:
    if not re.search(DIGITS, value):
        raise PydanticCustomError(
            "not_a_phone_number",
            "`{typed}` holds no telephone number: write its digits, such as 0 2288 5555 (ไม่มีหมายเลขโทรศัพท์)",
            {"typed": excerpt(value)},
        )
    return value


WebAddress = Annotated[Verbatim, AfterValidator(_web_address)]
MailAddress = Annotated[Verbatim, AfterValidator(_mail_address)]
PhoneNumber = Annotated[Verbatim, AfterValidator(_phone_number)]


def _time_taken(value: str) -> str:
    """A duration (`๒–๓ วัน`) that the total of a process can add up: not negative, and a range that runs forward."""
    if re.match(rf"[-−]\s*{DIGITS}", value):
        raise PydanticCustomError(
            "negative_duration", "`{typed}`: a time cannot be negative (ระยะเวลาติดลบไม่ได้)", {"typed": excerpt(value)}
        )
    stated = durations.parse(value)
    if stated and any(stated.high[unit] < low for unit, low in stated.low.items()):
        raise PydanticCustomError(
            "backward_duration",
            "`{typed}` runs backwards: write a range from the shorter time to the longer, such as ๒–๓ วัน "
            "(ช่วงเวลากลับด้าน)",
            {"typed": excerpt(value)},
        )
    return value


# How long a step takes, as manuals write it (`๑ เดือน`, `2–3 วัน`, `ภายใน ๓ วันทำการ`); see `durations`.
Duration = Annotated[Text, AfterValidator(_time_taken)]
YEAR_MONTH_PATTERN = rf"^{DIGITS}{{4}}-{DIGITS}{{2}}$"
YearMonth = Annotated[str, StringConstraints(pattern=YEAR_MONTH_PATTERN)]
DATE_PATTERN = rf"^{DIGITS}{{4}}-{DIGITS}{{2}}-{DIGITS}{{2}}$"


def _real_date(value: str) -> str:
    """A day that exists, in a พ.ศ. year: `2568-02-30` and a ค.ศ. year are refused; Thai digits are read too."""
    year, month, day = (int(part.translate(ARABIC_DIGITS)) for part in value.split("-"))
    _buddhist_year(year, lambda fixed: f"{fixed:04d}-{month:02d}-{day:02d}")
    _on_the_calendar(year, month, day, value)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _on_the_calendar(year: int, month: int, day: int, typed: str) -> None:
    try:
        datetime.date(year - 543, month, day)
    except ValueError:
        raise PydanticCustomError(
            "not_a_date", "`{typed}` is not a day of the calendar (ไม่มีวันที่นี้)", {"typed": excerpt(typed)}
        ) from None


def _not_after_today(value: str) -> str:
    """A day that has come: an approval or a revision is recorded after it happened. Today is the build's own date
    in a reproducible build (SOURCE_DATE_EPOCH, see `thai.today`), so that a commit builds the same on any day."""
    today = thai.today()
    if value > today.day:  # both year-month-day in Arabic digits
        when = f"the build's date, {today.day} (SOURCE_DATE_EPOCH)" if today.reproducible else f"today, {today.day}"
        raise PydanticCustomError(
            "future_date",
            "`{typed}` is after {when} in Bangkok: a day that has not come cannot be recorded; check the year and "
            "the month (ยังไม่ถึงวันที่นี้)",
            {"typed": value, "when": when},
        )
    return value


# A day in พ.ศ.: year-month-day, as `2568-05-15`; kept in Arabic digits, printed in the manual's digits.
ThaiDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN), AfterValidator(_real_date)]
# A day on which something was done (approved, revised): not after today.
PastDate = Annotated[ThaiDate, AfterValidator(_not_after_today)]
_MONTH_WORDS = "|".join(re.escape(name) for name in (*thai.MONTHS, *thai.MONTH_ABBREVIATIONS))
# A date written in words, as forewords and orders print it: `๑๕ พฤษภาคม ๒๕๖๘`, `วันที่ 1 ต.ค. พ.ศ. 2567`.
_DATE_IN_WORDS = re.compile(
    rf"(?<!{DIGITS})({DIGITS}{{1,2}})\s*({_MONTH_WORDS})\s*(?:พ\.\s*ศ\.\s*)?({DIGITS}{{4}})(?!{DIGITS})"
)


def _dates_in_words(value: str) -> str:
    """A text that holds a date in words (`๓๑ กันยายน ๒๕๖๗`): the date is a day of the calendar, in a พ.ศ. year."""
    for found in _DATE_IN_WORDS.finditer(value):
        day, name, year_text = found.groups()
        day_number, year = int(day.translate(ARABIC_DIGITS)), int(year_text.translate(ARABIC_DIGITS))
        month = (thai.MONTHS.index(name) if name in thai.MONTHS else thai.MONTH_ABBREVIATIONS.index(name)) + 1
        typed = found.group()
        _buddhist_year(year, partial(_with_year, typed, year_text))
        _on_the_calendar(year, month, day_number, typed)
    return value


def _with_year(typed: str, year: str, fixed: int) -> str:
    """`typed` with its `year` replaced by `fixed`, in the digits the year was typed in."""
    return typed.replace(year, thai.digits(str(fixed), "thai" if year[0] in "๐๑๒๓๔๕๖๗๘๙" else "arabic"))


# A text that may hold a date in words (a foreword's or an order's date, when a source was read).
DateText = Annotated[Text, AfterValidator(_dates_in_words)]
PATH_PATTERN = r"^[^\\]*$"
# What a value of each pattern should look like, in the words of an error message.
PATTERN_HELP = {
    ID_PATTERN: "is not a valid id: use lowercase English letters, digits and '-' (e.g. `somchai-jaidee`)",
    YEAR_MONTH_PATTERN: "has the wrong form; write a พ.ศ. year and month as `2566-04`",
    DATE_PATTERN: "has the wrong form; write a พ.ศ. date as year-month-day, such as `2568-05-15`",
    PATH_PATTERN: "is not a file name of the data folder: separate folders with `/`, as in `files/forms/report.pdf`",
}


def _number(what: str, example: str) -> Callable[[Any], Any]:
    """Read a whole number from the text typed: decimal digits, Arabic or Thai, and nothing else.

    YAML 1.1 would read `012` as 10, `1:30` as 90 and `0x1F` as 31; the loader keeps such values as text, and they
    are refused here with the text the editor typed.
    """

    def parse(value: Any) -> Any:
        if isinstance(value, str):
            typed = value.strip()
            if re.fullmatch(f"-?{DIGITS}{{10,}}", typed):  # before int(), which refuses thousands of digits
                raise PydanticCustomError(
                    "not_a_number", "`{typed}` is too large for {what}", {"typed": excerpt(typed), "what": what}
                )
            if re.fullmatch(f"{DIGITS}+", typed):
                return int(typed.translate(ARABIC_DIGITS))
            if re.fullmatch(f"-{DIGITS}+", typed):
                raise PydanticCustomError(
                    "not_a_number", "`{typed}`: {what} cannot be negative", {"typed": typed, "what": what}
                )
            raise PydanticCustomError(
                "not_a_number",
                "`{typed}` is not {what}: write it with the digits 0–9 or ๐–๙ only, such as {example}",
                {"typed": excerpt(typed), "what": what, "example": example},
            )
        if isinstance(value, bool) or value is None or isinstance(value, float):
            raise PydanticCustomError(
                "not_a_number", "expected {what}, such as {example}", {"what": what, "example": example}
            )
        return value

    return parse


def _flag(value: Any) -> Any:
    """true/false, also written yes/no or on/off (the words YAML 1.1 read as true and false)."""
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("true", "yes", "on"):
            return True
        if word in ("false", "no", "off"):
            return False
        raise PydanticCustomError("not_a_flag", "`{typed}` is not true or false", {"typed": excerpt(value)})
    return value


# The years of a manual's own dates, in พ.ศ.: from well before the education service areas (2546) to well after
# today. Any other year is a typo, or a year in ค.ศ. (พ.ศ. = ค.ศ. + 543).
FIRST_YEAR, LAST_YEAR = 2500, 2600


def _buddhist_year(value: int, written: Callable[[int], str] = str) -> int:
    """A year in พ.ศ.; a ค.ศ. year is told how to write it (`written` makes the value with the พ.ศ. year)."""
    if FIRST_YEAR <= value <= LAST_YEAR:
        return value
    if FIRST_YEAR <= value + 543 <= LAST_YEAR:
        raise PydanticCustomError(
            "not_a_year",
            "{value} is a year in ค.ศ.: write it in พ.ศ. (ค.ศ. + 543) as {fixed}; a year here lies between {first} "
            "and {last} (ใช้ปี พ.ศ.)",
            {"value": value, "fixed": written(value + 543), "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    raise PydanticCustomError(
        "not_a_year",
        "{value} is not a year in พ.ศ.: a year here lies between {first} and {last}, such as 2567 (ใช้ปี พ.ศ.)",
        {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR},
    )


# What an editor may type, for the JSON Schema: a number, or digits written as text (Thai digits are text to YAML).
_DIGITS_TEXT = Annotated[str, StringConstraints(pattern=f"^{DIGITS}+$")]
_FLAG_WORDS = Literal["true", "false", "yes", "no", "on", "off"]
Year = Annotated[
    int,
    BeforeValidator(_number("a year in พ.ศ.", "2567"), json_schema_input_type=int | _DIGITS_TEXT),
    AfterValidator(_buddhist_year),
]
SchoolCount = Annotated[
    int,
    BeforeValidator(_number("a number of schools", "12"), json_schema_input_type=int | _DIGITS_TEXT),
    Field(ge=0, le=10_000),
]
Flag = Annotated[bool, BeforeValidator(_flag, json_schema_input_type=bool | _FLAG_WORDS)]
Count = Annotated[
    int,
    BeforeValidator(_number("a whole number", "2"), json_schema_input_type=int | _DIGITS_TEXT),
    Field(ge=1, le=1000),
]
# The data format a folder is written in (office.yml's `format:`; see data/formats.py, which refuses any but the
# current one before the files are validated).
FormatNumber = Annotated[
    int,
    BeforeValidator(_number("a data format number", "1"), json_schema_input_type=int | _DIGITS_TEXT),
    Field(ge=1, le=1000),
]
# A version (ฉบับที่) counts from 1.
Version = Annotated[
    int,
    BeforeValidator(_number("a version number", "2"), json_schema_input_type=int | _DIGITS_TEXT),
    Field(ge=1, le=1000),
]


def _as_blocks(value: Any) -> Any:
    """A text block: one string is one paragraph, a list holds paragraphs and lists in the order written, and a
    line break inside a string starts a new paragraph."""
    entries = [value] if isinstance(value, str) else value
    if not isinstance(entries, list):
        return value
    blocks: list[Any] = []
    for entry in entries:
        blocks += [line for line in entry.split("\n") if line] if isinstance(entry, str) else [entry]
    return blocks


def _as_mapping(key: str) -> Any:
    """Let editors write a bare string where only the main text of an entry is needed."""

    def wrap(value: Any) -> Any:
        if isinstance(value, str):
            return {key: value}
        return value

    return wrap


def _as_cell(value: Any) -> Any:
    """A cell is a text block with a numbered list after it; written short as text, or as the list alone."""
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, list):
        return {"items": value}
    return value


def doc(title: str, help_text: str) -> Any:
    """The Thai title and help of a field: what editors see in VS Code (the JSON Schema) and in the guide."""
    return Field(title=title, description=help_text)


# References between the parts of a manual (checked and indexed by `refs.walk`).
PersonId = Annotated[Id, Ref("people")]
ProcessId = Annotated[Id, Ref("processes")]
WorkGroupId = Annotated[Id, Ref("workgroups")]
ClusterId = Annotated[Id, Ref("clusters")]
NetworkId = Annotated[Id, Ref("networks")]
LearningAreaId = Annotated[Id, Ref("learning_areas")]
PositionId = Annotated[Id, Ref("positions")]
DocumentId = Annotated[Id, Ref("documents")]
SourceId = Annotated[Id, Ref("sources")]

# A file of the manual, such as a form or a logo: a relative path inside the data folder (checked by `files`).
_PATH = StringConstraints(min_length=1, pattern=PATH_PATTERN)
FilePath = Annotated[str, _PATH, Attachment(FILE_TYPES)]
ImagePath = Annotated[str, _PATH, Attachment(IMAGE_TYPES)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ListItem(Strict, title="ข้อหนึ่งในรายการ (ไม่ต้องพิมพ์เลขข้อ)"):
    """One entry of a numbered list; `items` nests a sub-list (1, 1.1, 1.1.1)."""

    text: Annotated[NumberedText, doc("ข้อความ", "ข้อความของข้อนี้")]
    items: Annotated[list[Item], doc("ข้อย่อย", "รายการย่อย ระบบใส่เลข ๑.๑ ให้")] = []


Item = Annotated[ListItem, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | ListItem)]


class Form(Strict, title="แบบฟอร์มที่ใช้ พร้อมไฟล์ให้ดาวน์โหลด (ถ้ามี)"):
    """A form used (แบบฟอร์ม), with the file to download when there is one."""

    text: Annotated[NumberedText, doc("ชื่อแบบฟอร์ม", "ชื่อแบบฟอร์ม")]
    file: Annotated[
        FilePath | None,
        doc("ไฟล์แบบฟอร์ม", "ไฟล์ในโฟลเดอร์ข้อมูล เช่น files/forms/report.docx ให้ผู้อ่านดาวน์โหลด"),
    ] = None


FormValue = Annotated[Form, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | Form)]


class Definition(Strict, title="คำจำกัดความ"):
    """A term and what it means (คำจำกัดความ), optionally with a list that belongs to the meaning."""

    term: Annotated[Text, doc("คำ", "คำที่ให้ความหมาย")]
    # Legal texts join term and meaning with หมายความว่า.
    says: Annotated[Literal["หมายถึง", "หมายความว่า"], doc("คำเชื่อม", "หมายถึง (ค่าเริ่มต้น) หรือ หมายความว่า")] = "หมายถึง"
    meaning: Annotated[Paragraphs, doc("ความหมาย", "ย่อหน้าความหมาย")] = []
    items: Annotated[list[Item], doc("รายการ", "รายการที่เป็นส่วนหนึ่งของความหมาย")] = []


class NumberedBlock(Strict, title="รายการที่ระบบใส่เลขข้อ"):
    """A numbered list inside a text block."""

    items: Annotated[list[Item], doc("รายการ", "ข้อต่าง ๆ ไม่ต้องพิมพ์เลขข้อ ระบบใส่ ๑. ๑.๑ ให้")]


class BulletBlock(Strict, title="รายการแบบจุดนำหน้า"):
    """A bulleted list inside a text block."""

    bullets: Annotated[list[Item], doc("รายการแบบจุด", "ข้อต่าง ๆ ที่ไม่มีเลขข้อ ไม่ต้องพิมพ์เครื่องหมาย • เอง")]


class DefinitionBlock(Strict, title="คำจำกัดความในย่อหน้า"):
    """Terms and their meanings inside a text block."""

    definitions: Annotated[list[Definition], doc("คำจำกัดความ", "คำและความหมาย")]


class TableBlock(Strict, title="ตารางในย่อหน้า"):
    """A table inside a text block."""

    table: Annotated[Table, doc("ตาราง", "ตารางที่มีหัวคอลัมน์และแถว")]


_BLOCK_KEYS = ("items", "bullets", "definitions", "table")


def block_kind(value: Any) -> str | None:
    """Which kind of block a value is: as typed (a string, or a mapping by its key), or as a model."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        return next((key for key in _BLOCK_KEYS if key in value), None)
    return _BLOCK_KIND_OF.get(type(value))


Block = Annotated[
    Annotated[ParagraphText, Tag("paragraph")]
    | Annotated[NumberedBlock, Tag("items")]
    | Annotated[BulletBlock, Tag("bullets")]
    | Annotated[DefinitionBlock, Tag("definitions")]
    | Annotated[TableBlock, Tag("table")],
    Discriminator(
        block_kind,
        custom_error_type="not_a_block",
        custom_error_message=(
            "a block of text is a paragraph, or one of `items:`, `bullets:`, `definitions:`, `table:` "
            "(ไม่รู้จักชนิดของย่อหน้านี้)"
        ),
    ),
]
Blocks = Annotated[list[Block], BeforeValidator(_as_blocks, json_schema_input_type=str | list[Any])]
_BLOCK_KIND_OF: dict[type[BaseModel], str] = {
    NumberedBlock: "items",
    BulletBlock: "bullets",
    DefinitionBlock: "definitions",
    TableBlock: "table",
}
# Where a field's text is printed as paragraphs: the same as Blocks.
Paragraphs = Blocks


class Cell(Strict, title="ช่องหนึ่งของตาราง: ย่อหน้า รายการ หรือทั้งสองอย่าง"):
    """A table cell: a text block (paragraphs, lists, definitions, in the order written), then a numbered list."""

    text: Annotated[Blocks, doc("ข้อความ", "ย่อหน้า หรือรายการของย่อหน้าและรายการย่อย ตามลำดับที่เขียน")] = []
    items: Annotated[list[Item], doc("รายการ", "รายการในช่องนี้ ระบบใส่เลขข้อให้")] = []


CellValue = Annotated[Cell, BeforeValidator(_as_cell, json_schema_input_type=str | list[Item] | Cell)]


def _as_row(value: Any) -> Any:
    """A row is written short as the list of its cells."""
    return {"cells": value} if isinstance(value, list) else value


class Row(Strict, title="แถวหนึ่งของตาราง"):
    """A row: an optional label of the editor's (the ที่ column), and one cell per column."""

    label: Annotated[Text | None, doc("ป้ายของแถว", "ข้อความในช่อง ที่ ตามที่คู่มือเขียน เช่น ก หรือ 1.2")] = None
    cells: Annotated[list[CellValue], doc("ช่อง", "ช่องของแถวนี้ เรียงตามคอลัมน์ หนึ่งช่องต่อหนึ่งคอลัมน์")]


RowValue = Annotated[Row, BeforeValidator(_as_row, json_schema_input_type=list[Any] | Row)]


class Table(Strict, title="ตารางที่กำหนดคอลัมน์เอง"):
    """A table with the columns the manual uses; rows numbered by the system or labelled by the editor."""

    title: Annotated[Text | None, doc("หัวข้อตาราง", "ชื่อของตาราง (ถ้ามี)")] = None
    subtitle: Annotated[Text | None, doc("หัวข้อรอง", "บรรทัดใต้หัวข้อตาราง (ถ้ามี)")] = None
    columns: Annotated[list[Text], Field(min_length=1), doc("คอลัมน์", "หัวคอลัมน์ เรียงจากซ้ายไปขวา")]
    numbered: Annotated[Flag, doc("ใส่เลขแถว", "true: ระบบใส่เลข ๑ ๒ ๓ ในช่อง ที่ ด้านหน้าให้")] = False
    number_header: Annotated[
        Text | None, doc("หัวช่องเลขแถว", "หัวของช่องเลขแถวหรือป้ายแถว ถ้าไม่ใส่ ใช้ labels.number_column")
    ] = None
    rows: Annotated[list[RowValue], doc("แถว", "แต่ละแถวเป็นรายการช่อง หรือ label และ cells")] = []

    @model_validator(mode="after")
    def _shape(self) -> Table:
        """Every row has one cell per column, and rows are either numbered by the system or labelled."""
        problems = [
            InitErrorDetails(
                type=PydanticCustomError(
                    "row_width",
                    "this row has {cells} cells and the table has {columns} columns ({names}); give one cell per "
                    'column (an empty cell is "") (จำนวนช่องไม่เท่ากับจำนวนคอลัมน์)',
                    {"cells": len(row.cells), "columns": len(self.columns), "names": excerpt(", ".join(self.columns))},
                ),
                loc=("rows", index),
                input=[],
            )
            for index, row in enumerate(self.rows)
            if len(row.cells) != len(self.columns)
        ]
        problems += [
            InitErrorDetails(
                type=PydanticCustomError(
                    "numbered_and_labelled",
                    "the rows are numbered by the system (`numbered: true`), so a row cannot carry a `label:` "
                    "(เลือกเลขแถวอัตโนมัติหรือป้ายแถวอย่างใดอย่างหนึ่ง)",
                ),
                loc=("rows", index, "label"),
                input=row.label,
            )
            for index, row in enumerate(self.rows)
            if self.numbered and row.label
        ]
        if problems:
            raise ValidationError.from_exception_data(type(self).__name__, problems)
        return self

    @property
    def labelled(self) -> bool:
        return any(row.label for row in self.rows)


# A topic or section that starts a page of the printed manual (PDF and Word), as manuals that give each work-standard
# topic or each duty a page of their own do; the website is one long page and ignores it.
NEW_PAGE = doc("ขึ้นหน้าใหม่", "true: ในฉบับพิมพ์ (PDF และ Word) หัวข้อนี้เริ่มที่หน้าใหม่ บนเว็บไซต์ไม่มีผล")


class Section(Strict, title="หัวข้อที่มีย่อหน้า ตาราง คำจำกัดความ รายการ และหัวข้อย่อย"):
    """A titled piece of prose: paragraphs, then definitions, a numbered list, tables, and sub-sections."""

    title: Annotated[Text, doc("หัวข้อ", "ชื่อหัวข้อ")]
    subtitle: Annotated[Text | None, doc("หัวข้อรอง", "บรรทัดใต้หัวข้อ เช่น ส่วนที่หัวข้อต้นฉบับขึ้นบรรทัดใหม่")] = None
    text: Annotated[Blocks, doc("ย่อหน้า", "ย่อหน้าหนึ่งบรรทัดต่อหนึ่งย่อหน้า แทรกรายการหรือตารางได้")] = []
    definitions: Annotated[list[Definition], doc("คำจำกัดความ", "คำและความหมาย")] = []
    items: Annotated[list[Item], doc("รายการ", "รายการ ระบบใส่เลขข้อให้")] = []
    tables: Annotated[list[Table], doc("ตาราง", "ตารางของหัวข้อนี้")] = []
    sections: Annotated[list[Section], doc("หัวข้อย่อย", "หัวข้อย่อย")] = []
    new_page: Annotated[Flag, NEW_PAGE] = False


class Appendix(Strict, title="ภาคผนวก: ไฟล์แนบพร้อมชื่อ"):
    """An appendix (ภาคผนวก): a file of the data folder with its title. Images are printed full-page in the PDFs;
    other files are listed, and linked on the site."""

    title: Annotated[NumberedText, doc("ชื่อภาคผนวก", "เช่น คำสั่งแต่งตั้งคณะกรรมการ")]
    file: Annotated[FilePath, doc("ไฟล์", "ไฟล์ในโฟลเดอร์ข้อมูล: รูปภาพ (png, jpg) พิมพ์เต็มหน้า ไฟล์อื่นแสดงเป็นลิงก์")]


class FreeSection(Section, title="หัวข้อเพิ่มเติม วางต่อจากหัวข้อมาตรฐานที่ระบุ"):
    """A section for content that no field captures, placed after a named part of its page (`after`); the parts
    each owner has are listed in PARTS (made from parts.PAGES)."""

    after: Annotated[Text | None, doc("วางต่อจาก", "ชื่อส่วนที่หัวข้อนี้ต่อท้าย เช่น duties หรือ steps ถ้าไม่ใส่ อยู่ท้ายหน้า")] = None


# The parts of each kind of page, in print order: where a free section may be placed (`after:`).
PARTS: dict[str, tuple[str, ...]] = {owner: tuple(part.key for part in parts) for owner, parts in PAGES.items()}


def _placed(owner: str) -> Callable[[list[FreeSection]], list[FreeSection]]:
    """Check that each free section of an `owner` follows one of its parts."""

    def check(sections: list[FreeSection]) -> list[FreeSection]:
        problems = [
            InitErrorDetails(
                type=PydanticCustomError(
                    "unknown_part",
                    "`{after}` is not a part here{hint}; a section can follow one of: {parts} (ไม่รู้จักส่วนนี้)",
                    {
                        "after": excerpt(section.after),
                        "hint": "".join(
                            f" (did you mean `{close}`?)" for close in get_close_matches(section.after, PARTS[owner], 1)
                        ),
                        "parts": ", ".join(PARTS[owner]),
                    },
                ),
                loc=(index, "after"),
                input=section.after,
            )
            for index, section in enumerate(sections)
            if section.after is not None and section.after not in PARTS[owner]
        ]
        if problems:
            raise ValidationError.from_exception_data("sections", problems)
        return sections

    return check


def free_sections(owner: str) -> Any:
    return AfterValidator(_placed(owner))


class Aims(Strict, title="วิสัยทัศน์ พันธกิจ และเป้าหมาย"):
    """Vision, mission and goals (วิสัยทัศน์ พันธกิจ เป้าหมาย) at one level."""

    vision: Annotated[Text | None, doc("วิสัยทัศน์", "ข้อความวิสัยทัศน์")] = None
    mission: Annotated[list[Item], doc("พันธกิจ", "รายการพันธกิจ ไม่ต้องพิมพ์เลขข้อ")] = []
    goals: Annotated[list[Item], doc("เป้าหมาย", "เป้าหมาย เป้าประสงค์ หรือเป้าหมายการปฏิบัติงาน")] = []


class Contacts(Strict, title="ช่องทางติดต่อ"):
    """How to reach the group."""

    phone: Annotated[PhoneNumber | None, doc("โทรศัพท์", "หมายเลขโทรศัพท์ ตามที่ต้องการให้แสดง")] = None
    email: Annotated[MailAddress | None, doc("อีเมล", "ที่อยู่อีเมล")] = None
    facebook: Annotated[WebAddress | None, doc("Facebook", "ที่อยู่เพจ Facebook")] = None
    website: Annotated[WebAddress | None, doc("เว็บไซต์", "ที่อยู่เว็บไซต์ เช่น https://www.example.go.th")] = None
    address: Annotated[Text | None, doc("ที่อยู่", "ที่อยู่สำนักงาน")] = None


class Office(Strict, title="สำนักงานเขตพื้นที่การศึกษา"):
    """The Educational Service Area Office."""

    name: Annotated[PageTitle, doc("ชื่อสำนักงาน", "ชื่อเต็มของสำนักงานเขตพื้นที่การศึกษา")]
    short_name: Annotated[PageTitle | None, doc("ชื่อย่อ", "เช่น สพม.กท ๑")] = None
    english_name: Annotated[Text | None, doc("ชื่อภาษาอังกฤษ", "ชื่อภาษาอังกฤษ (ถ้ามี)")] = None
    aims: Annotated[Aims, doc("วิสัยทัศน์ พันธกิจ เป้าประสงค์ของสำนักงาน", "ระดับสำนักงาน")] = Aims()
    aims_terms: Annotated[list[Definition], doc("ความหมายของวิสัยทัศน์", "คำในวิสัยทัศน์และความหมาย")] = []
    aims_source: Annotated[Text | None, doc("อ้างอิงข้อมูล", "แหล่งที่มาของวิสัยทัศน์")] = None


class Task(Strict, title="งานในกลุ่มงาน"):
    """A task (งาน) of a work group."""

    title: Annotated[NumberedText, doc("ชื่องาน", "ชื่องานในกลุ่มงาน")]
    text: Annotated[Paragraphs, doc("รายละเอียด", "ภารกิจในงาน")] = []


class WorkGroup(Strict, title="กลุ่มงานในขอบข่ายภารกิจ"):
    """A work group (กลุ่มงาน) of the supervision group, with its tasks and members."""

    id: Annotated[Id, doc("รหัส", "รหัสกลุ่มงาน เช่น quality-assurance")]
    name: Annotated[NumberedText, doc("ชื่อกลุ่มงาน", "ชื่อเต็มของกลุ่มงาน")]
    text: Annotated[Paragraphs, doc("รายละเอียด", "ย่อหน้าอธิบายกลุ่มงาน")] = []
    tasks_title: Annotated[Text | None, doc("หัวข้อรายการงาน", "หัวข้อก่อนรายการงาน (ถ้ามี)")] = None
    tasks: Annotated[
        list[Annotated[Task, BeforeValidator(_as_mapping("title"), json_schema_input_type=str | Task)]],
        doc("งาน", "รายการงานในกลุ่มงาน"),
    ] = []
    members: Annotated[list[PersonId], doc("ผู้ปฏิบัติงาน", "รหัสบุคลากร")] = []


class Position(Strict, title="ตำแหน่งในแผนภูมิโครงสร้าง"):
    """A box of the organisation chart above the work groups (director, deputy, group director)."""

    id: Annotated[Id, doc("รหัส", "รหัสตำแหน่ง เช่น office-director")]
    title: Annotated[Text, doc("ชื่อตำแหน่ง", "ชื่อตำแหน่งเต็ม")]
    person: Annotated[PersonId | None, doc("ผู้ดำรงตำแหน่ง (รหัส)", "รหัสบุคลากรใน people/")] = None
    name: Annotated[Text | None, doc("ผู้ดำรงตำแหน่ง (ชื่อ)", "ชื่อ เมื่อผู้ดำรงตำแหน่งไม่อยู่ใน people/")] = None
    rank: Annotated[Text | None, doc("ตำแหน่งและวิทยฐานะ", "บรรทัดใต้ชื่อ")] = None
    acting: Annotated[Flag, doc("ปฏิบัติหน้าที่", "true ถ้าเป็นการปฏิบัติหน้าที่แทน")] = False
    reports_to: Annotated[PositionId | None, doc("ขึ้นตรงต่อ", "รหัสตำแหน่งที่อยู่เหนือขึ้นไป")] = None

    @model_validator(mode="after")
    def _held(self) -> Position:
        if self.person is None and self.name is None:
            raise PydanticCustomError("no_holder", "a position needs `person` (an id from people/) or `name`")
        return self


class Method(Strict, title="วิธีการทำงาน เช่น วงจรคุณภาพ PDCA"):
    """The working method (e.g. the PDCA cycle) and its steps."""

    title: Annotated[Text, doc("ชื่อ", "ชื่อวิธีการทำงาน")]
    text: Annotated[Paragraphs, doc("รายละเอียด", "ย่อหน้าอธิบาย")] = []
    steps: Annotated[list[Item], doc("ขั้นตอน", "ขั้นตอนของวิธีการ")] = []


class LearningArea(Strict, title="กลุ่มสาระการเรียนรู้"):
    """One of the learning areas of the curriculum."""

    id: Annotated[Id, doc("รหัส", "รหัสภาษาอังกฤษ เช่น science")]
    name: Annotated[NumberedText, doc("ชื่อ", "ชื่อกลุ่มสาระการเรียนรู้")]


def _count_or_names(value: Any) -> str:
    return "names" if isinstance(value, list) else "count"


class Cluster(Strict, title="กลุ่มโรงเรียนหรือเครือข่าย"):
    """A school cluster (กลุ่มโรงเรียน) or network; the school count is derived from a list of names."""

    id: Annotated[Id, doc("รหัส", "รหัสภาษาอังกฤษตัวเล็ก เช่น cluster-1 ใช้อ้างถึงจากไฟล์บุคลากร")]
    name: Annotated[Text, doc("ชื่อ", "เช่น กลุ่มโรงเรียนที่ ๑")]
    schools: Annotated[
        Annotated[
            Annotated[SchoolCount, Tag("count")] | Annotated[list[Text], Field(max_length=10_000), Tag("names")],
            Discriminator(_count_or_names),
        ]
        | None,
        doc("โรงเรียน", "จำนวนโรงเรียน หรือรายชื่อโรงเรียน (ระบบนับให้)"),
    ] = None
    text: Annotated[Paragraphs, doc("รายละเอียด", "ย่อหน้าอธิบาย")] = []


class Foreword(Strict, title="คำนำ"):
    """A person's foreword (คำนำ), signed by the person."""

    text: Annotated[Paragraphs, doc("ข้อความคำนำ", "ย่อหน้าของคำนำ")]
    signed_as: Annotated[Text | None, doc("ตำแหน่งใต้ลายมือชื่อ", "บรรทัดใต้ชื่อและตำแหน่ง ถ้าไม่ใส่ ใช้ชื่อสำนักงาน")] = None
    date: Annotated[DateText | None, doc("วันที่", "วันที่ของคำนำ เช่น ๓๐ กันยายน ๒๕๖๗")] = None


class ManualForeword(Foreword, title="คำนำของคู่มือทั้งเล่ม"):
    """The foreword of the whole manual, signed by `signed_by` (a person) or by the office."""

    allowed_on: ClassVar[str] = "the foreword of the whole manual (`manual.foreword`): a person signs their own"

    signed_by: Annotated[PersonId | None, doc("ผู้ลงนาม", "รหัสบุคลากรผู้ลงนามคำนำของทั้งเล่ม")] = None


class Approval(Strict, title="การอนุมัติ: ฉบับร่าง หรือ อนุมัติแล้ว โดยใคร เมื่อใด"):
    """Whether a part of the manual is a draft or approved, and by whom, on which day, under which order or memo.

    Absent, a part is a draft: nothing is presented as approved unless the data says who approved it and when."""

    status: Annotated[Literal["draft", "approved"], doc("สถานะ", "draft: ฉบับร่าง (ค่าเริ่มต้น) หรือ approved: อนุมัติแล้ว")] = (
        "draft"
    )
    by: Annotated[Text | None, doc("ผู้อนุมัติ", "ชื่อผู้อนุมัติ เช่น นายสมศักดิ์ ใจดี")] = None
    position: Annotated[
        Text | None, doc("ตำแหน่งผู้อนุมัติ", "เช่น ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษากรุงเทพมหานคร เขต ๑")
    ] = None
    date: Annotated[PastDate | None, doc("วันที่อนุมัติ", "ปี พ.ศ.-เดือน-วัน เช่น 2568-05-15 (ไม่เกินวันนี้)")] = None
    order: Annotated[Text | None, doc("คำสั่งหรือบันทึกข้อความ", "ที่อ้างถึงการอนุมัติ เช่น คำสั่งที่ ๑๒๓/๒๕๖๘ (ถ้ามี)")] = None
    version: Annotated[Version | None, doc("ฉบับที่", "ลำดับของฉบับที่อนุมัติ ค่าเริ่มต้น ๑ ใช้เป็นเลขหน้าจุดในบันทึกการแก้ไข")] = None

    @model_validator(mode="after")
    def _complete(self) -> Approval:
        """An approval says who approved and when; a draft says nothing of an approval it has not had."""
        needed = ("by", "position", "date") if self.status == "approved" else ()
        given = ("by", "position", "date", "order", "version") if self.status == "draft" else ()
        problems = [
            InitErrorDetails(
                type=PydanticCustomError(
                    "approval_incomplete",
                    "an approved part names who approved it and when: add `{name}` (ระบุผู้อนุมัติ ตำแหน่ง และวันที่)",
                    {"name": name},
                ),
                loc=(name,),
                input=None,
            )
            for name in needed
            if getattr(self, name) is None
        ] + [
            InitErrorDetails(
                type=PydanticCustomError(
                    "draft_approved",
                    "a draft has not been approved: remove `{name}`, or set `status: approved` (ฉบับร่างยังไม่มีการอนุมัติ)",
                    {"name": name},
                ),
                loc=(name,),
                input=getattr(self, name),
            )
            for name in given
            if getattr(self, name) is not None
        ]
        if problems:
            raise ValidationError.from_exception_data(type(self).__name__, problems)
        return self

    @property
    def approved(self) -> bool:
        return self.status == "approved"


def _not_negative(value: str) -> str:
    if re.match(rf"[-−–]\s*{DIGITS}", value):
        raise PydanticCustomError(
            "negative_version",
            "`{typed}`: a version cannot be negative; a draft's versions are ๐.๑, ๐.๒ … (ฉบับที่ติดลบไม่ได้)",
            {"typed": excerpt(value)},
        )
    return value


class Revision(Strict, title="บันทึกการแก้ไขหนึ่งครั้ง"):
    """One line of a book's revision record, written by hand where the git history is not wanted."""

    version: Annotated[Annotated[Text, AfterValidator(_not_negative)], doc("ฉบับที่", "เช่น ๑.๐ หรือ ๒.๑ (ฉบับร่าง ๐.๑)")]
    date: Annotated[PastDate, doc("วันที่", "ปี พ.ศ.-เดือน-วัน เช่น 2568-05-15 (ไม่เกินวันนี้)")]
    change: Annotated[Text, doc("รายการแก้ไข", "สิ่งที่แก้ไขหรือเพิ่มเติม")]
    approved_by: Annotated[Text | None, doc("ผู้อนุมัติ", "ชื่อผู้อนุมัติการแก้ไขนี้ (ถ้ามี)")] = None


class ManualInfo(Strict, title="ข้อมูลของเล่มคู่มือ"):
    """The book: its title, year, foreword, digits and logo."""

    title: Annotated[PageTitle, doc("ชื่อคู่มือ", f"เช่น คู่มือการปฏิบัติงานศึกษานิเทศก์ (ไม่เกิน {MAX_TITLE} ตัวอักษร)")] = (
        "คู่มือการปฏิบัติงาน"
    )
    year: Annotated[Year | None, doc("ปี พ.ศ.", "ปีของคู่มือเป็นพุทธศักราช เช่น 2567 หรือ ๒๕๖๗")] = None
    foreword: Annotated[ManualForeword | None, doc("คำนำของทั้งเล่ม", "คำนำของคู่มือฉบับกลุ่ม")] = None
    digits: Annotated[
        Literal["thai", "arabic"],
        doc("ตัวเลข", "thai: เลขไทย (ค่าเริ่มต้น) หรือ arabic: เลขอารบิก สำหรับเลขที่ระบบสร้าง"),
    ] = "thai"
    logo: Annotated[
        ImagePath | None,
        doc("ตราสัญลักษณ์", "ไฟล์รูปภาพในโฟลเดอร์ข้อมูล เช่น files/logo.png (ใช้บนปกและหน้าแรก)"),
    ] = None
    appendices: Annotated[list[Appendix], doc("ภาคผนวก", "ไฟล์แนบของคู่มือทั้งเล่ม เช่น คำสั่ง ระเบียบ")] = []
    approval: Annotated[Approval, doc("สถานะและการอนุมัติ", "ของหน้ากลุ่มและของคู่มือทั้งเล่ม: ฉบับร่าง หรือผู้อนุมัติ วันที่ คำสั่ง")] = (
        Approval()
    )
    history: Annotated[
        Flag,
        doc(
            "บันทึกการแก้ไขจาก git",
            "true (ค่าเริ่มต้น): บันทึกการแก้ไขในเล่ม PDF สร้างจากประวัติ git; false/off: ใช้เฉพาะ revisions ที่เขียนเอง",
        ),
    ] = True
    revisions: Annotated[list[Revision], doc("บันทึกการแก้ไข", "ของคู่มือทั้งเล่ม เขียนเอง (ใช้แทนประวัติจาก git)")] = []


class Group(Strict, title="กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา"):
    """The supervision group (กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา)."""

    name: Annotated[PageTitle, doc("ชื่อกลุ่ม", "ชื่อกลุ่มนิเทศ")]
    contacts: Annotated[Contacts, doc("ติดต่อ", "ช่องทางติดต่อกลุ่ม")] = Contacts()
    concept: Annotated[Paragraphs, doc("แนวคิด", "ย่อหน้าแนวคิด")] = []
    objectives: Annotated[list[Item], doc("วัตถุประสงค์", "รายการวัตถุประสงค์")] = []
    aims: Annotated[Aims, doc("วิสัยทัศน์ พันธกิจ เป้าหมายของกลุ่ม", "ระดับกลุ่ม")] = Aims()
    operational_aims: Annotated[Aims | None, doc("การปฏิบัติงานตามโครงสร้าง", "วิสัยทัศน์ พันธกิจ เป้าหมายการปฏิบัติงาน")] = None
    scope_text: Annotated[Paragraphs, doc("ขอบข่ายภารกิจ (ย่อหน้านำ)", "ย่อหน้าก่อนรายการกลุ่มงาน")] = []
    workgroups: Annotated[list[WorkGroup], Defines("workgroups"), doc("กลุ่มงาน", "กลุ่มงานและงานในขอบข่ายภารกิจ")] = []
    position_standard: Annotated[Section | None, doc("งานตามมาตรฐานตำแหน่ง", "หัวข้อมาตรฐานตำแหน่งศึกษานิเทศก์")] = None
    knowledge: Annotated[list[Section], doc("สาระความรู้", "สาระความรู้ ความสามารถ และลักษณะงานที่ปฏิบัติ")] = []
    method: Annotated[Method | None, doc("วิธีการทำงาน", "เช่น วงจรคุณภาพ PDCA")] = None
    areas: Annotated[list[Section], doc("งานอื่นของกลุ่ม", "หัวข้องานอื่น ๆ")] = []
    learning_areas: Annotated[
        list[LearningArea], Defines("learning_areas"), doc("กลุ่มสาระการเรียนรู้", "รายการกลุ่มสาระพร้อมรหัส")
    ] = []
    clusters_text: Annotated[Paragraphs, doc("กลุ่มโรงเรียน (ย่อหน้านำ)", "ย่อหน้าอธิบายกลุ่มโรงเรียน")] = []
    clusters: Annotated[
        list[Cluster], Defines("clusters"), doc("กลุ่มโรงเรียน", "กลุ่มโรงเรียนพร้อมจำนวนหรือรายชื่อโรงเรียน")
    ] = []
    networks: Annotated[list[Cluster], Defines("networks"), doc("เครือข่าย", "เครือข่ายและศูนย์พัฒนาวิชาการ")] = []
    schedule: Annotated[
        Table | None, doc("ปฏิทินการปฏิบัติงาน", "ตารางกิจกรรมตามช่วงเวลาของกลุ่ม (columns, rows) พิมพ์ในหน้าขอบข่ายภารกิจ")
    ] = None
    sections: Annotated[
        list[FreeSection],
        free_sections("group"),
        doc("หัวข้อเพิ่มเติม", "หัวข้อของกลุ่มที่ไม่มีช่องเฉพาะ วางต่อจากส่วนที่ระบุใน after"),
    ] = []


class OfficeFile(Strict, title="ไฟล์ office.yml: สำนักงาน กลุ่มนิเทศ โครงสร้าง และข้อมูลของคู่มือ"):
    """`office.yml`: the office, its supervision group, the organisation chart, the manual and its wording."""

    format: Annotated[
        FormatNumber,
        doc(
            "รุ่นของรูปแบบข้อมูล",
            "รูปแบบไฟล์ข้อมูลที่โฟลเดอร์นี้เขียนไว้ ระบบใส่ให้เอง ไม่ต้องแก้ เมื่อปรับรุ่นโปรแกรมแล้วรูปแบบเปลี่ยน ให้สั่ง opmanual migrate",
        ),
    ] = 1  # a folder must say it (data/formats.py refuses one that does not); in memory it is this version's
    labels: Annotated[Labels, doc("ถ้อยคำของหัวข้อ", "เปลี่ยนถ้อยคำของหัวข้อและป้ายที่ระบบพิมพ์ ใส่เฉพาะคำที่ต้องการเปลี่ยน")] = Labels()
    manual: Annotated[ManualInfo, doc("ข้อมูลคู่มือ", "ชื่อคู่มือ ปี และการตั้งค่าตัวเลข")] = ManualInfo()
    office: Annotated[Office, doc("สำนักงาน", "สำนักงานเขตพื้นที่การศึกษา")]
    group: Annotated[Group, doc("กลุ่มนิเทศ", "ข้อมูลของกลุ่มนิเทศ")]
    organization: Annotated[
        list[Position],
        Defines("positions"),
        doc("แผนภูมิโครงสร้าง", "ตำแหน่งจากผู้อำนวยการสำนักงานลงมาถึงผู้อำนวยการกลุ่ม"),
    ] = []


class Order(Strict, title="คำสั่งมอบหมายงาน"):
    """The official order (คำสั่ง) that assigned the person's duties."""

    number: Annotated[Text, doc("เลขที่คำสั่ง", "เช่น 185/2564")]
    title: Annotated[Text, doc("เรื่อง", "เรื่องของคำสั่ง")]
    issuer: Annotated[Text | None, doc("ผู้ออกคำสั่ง", "ถ้าไม่ใส่ ใช้ชื่อสำนักงาน")] = None
    date: Annotated[DateText | None, doc("ลงวันที่", "วันที่ของคำสั่ง เช่น ๑๕ พฤษภาคม ๒๕๖๔")] = None


class Duty(Section, title="งานในหน้าที่ที่รับผิดชอบ"):
    """A duty (งานในหน้าที่): a section plus the roles it carries and the forms it uses."""

    title: Annotated[NumberedText, doc("ชื่องาน", "ชื่องานในหน้าที่")]
    text: Annotated[Paragraphs, doc("รายละเอียด", "ย่อหน้าอธิบายงาน")] = []
    roles: Annotated[list[Item], doc("บทบาทและหน้าที่", "รายการบทบาทและหน้าที่")] = []
    forms: Annotated[list[FormValue], doc("แบบฟอร์มที่ใช้", "รายการแบบฟอร์ม")] = []


class StandardRow(Strict, title="แถวหนึ่งของมาตรฐานการปฏิบัติงาน"):
    """An activity and the standard it must meet."""

    activity: Annotated[CellValue, doc("กิจกรรม/วิธีปฏิบัติ", "ข้อความหรือรายการ")]
    standard: Annotated[CellValue, doc("มาตรฐาน/หลักฐาน", "ข้อความหรือรายการของหลักฐานร่องรอย")]


class WorkStandard(Strict, title="มาตรฐานการปฏิบัติงานหนึ่งเรื่อง"):
    """A topic of work standards (มาตรฐานการปฏิบัติงาน): activity ↔ the standard or evidence it meets, in the short
    two-column form (`rows`), and sub-tables of any columns under the topic's number (`tables`)."""

    topic: Annotated[NumberedText, doc("เรื่อง", "หัวข้อมาตรฐาน")]
    subtitle: Annotated[Text | None, doc("หัวข้อรอง", "บรรทัดใต้หัวข้อ (ถ้ามี)")] = None
    headers: Annotated[
        tuple[Text, Text] | None,
        doc("หัวตาราง", "หัวตารางสองช่องของ rows ถ้าไม่ใส่ ใช้ labels.standard_activity และ labels.standard_evidence"),
    ] = None
    rows: Annotated[list[StandardRow], doc("แถว", "แต่ละแถวจับคู่กิจกรรมกับมาตรฐาน/หลักฐาน")] = []
    tables: Annotated[list[Table], doc("ตารางย่อย", "ตารางย่อยใต้หัวข้อนี้ แต่ละตารางมีหัวข้อ หัวข้อรอง และคอลัมน์ของตนเอง")] = []
    new_page: Annotated[Flag, NEW_PAGE] = False

    @model_validator(mode="after")
    def _has_a_table(self) -> WorkStandard:
        if not self.rows and not self.tables:
            raise PydanticCustomError(
                "empty_topic", "a topic needs `rows:` (two columns) or `tables:`, or both (เรื่องนี้ยังไม่มีตาราง)"
            )
        return self


class Person(Strict, title="ไฟล์ของศึกษานิเทศก์หนึ่งคน (people/<รหัส>.yml) — รหัสคือชื่อไฟล์"):
    """`people/<id>.yml`: one supervisor."""

    prefix: Annotated[PageTitle, doc("คำนำหน้า", "นาย นาง นางสาว ดร. ฯลฯ")]
    name: Annotated[PageTitle, doc("ชื่อ", "ชื่อจริง")]
    surname: Annotated[PageTitle, doc("นามสกุล", "นามสกุล")]
    position: Annotated[Text, doc("ตำแหน่ง", "ค่าเริ่มต้น ศึกษานิเทศก์")] = "ศึกษานิเทศก์"
    rank: Annotated[
        Literal["ชำนาญการ", "ชำนาญการพิเศษ", "เชี่ยวชาญ", "เชี่ยวชาญพิเศษ"] | None,
        doc("วิทยฐานะ", "ชำนาญการ ชำนาญการพิเศษ เชี่ยวชาญ หรือเชี่ยวชาญพิเศษ (ไม่ใส่ถ้ายังไม่มี)"),
    ] = None
    role: Annotated[Text | None, doc("บทบาท", "บทบาทพิเศษที่ไม่อยู่ในแผนภูมิโครงสร้าง")] = None
    order: Annotated[Order | None, doc("คำสั่งมอบหมายงาน", "คำสั่งที่มอบหมายหน้าที่")] = None
    foreword: Annotated[Foreword | None, doc("คำนำ", "คำนำของคู่มือส่วนบุคคล ระบบสร้างลายมือชื่อให้")] = None
    aims: Annotated[Aims, doc("วิสัยทัศน์ พันธกิจ เป้าหมายการปฏิบัติงาน", "ระดับบุคคล")] = Aims()
    duties: Annotated[list[Duty], doc("งานในหน้าที่ที่รับผิดชอบ", "รายการงานในหน้าที่")] = []
    clusters: Annotated[list[ClusterId], doc("กลุ่มโรงเรียนที่รับผิดชอบ", "รหัสกลุ่มโรงเรียนจาก office.yml")] = []
    networks: Annotated[list[NetworkId], doc("เครือข่ายที่รับผิดชอบ", "รหัสเครือข่ายจาก office.yml")] = []
    learning_areas: Annotated[list[LearningAreaId], doc("กลุ่มสาระที่รับผิดชอบ", "รหัสกลุ่มสาระจาก office.yml")] = []
    projects: Annotated[list[Item], doc("โครงการ", "รายการโครงการ")] = []
    processes: Annotated[list[ProcessId], doc("กระบวนงานที่รับผิดชอบ", "รหัสกระบวนงาน (ชื่อไฟล์ใน processes/)")] = []
    work_standards: Annotated[list[WorkStandard], doc("มาตรฐานการปฏิบัติงาน", "หัวข้อมาตรฐาน แต่ละหัวข้อเป็นตาราง")] = []
    bibliography: Annotated[list[SourceId], doc("บรรณานุกรม", "รหัสรายการบรรณานุกรมจาก references.yml")] = []
    cover_title: Annotated[
        PageTitle | None,
        doc("ชื่อบนปก", "ชื่อเล่มบนปกคู่มือส่วนบุคคล เช่น มาตรฐานการปฏิบัติงาน ถ้าไม่ใส่ ใช้ manual.title"),
    ] = None
    sections: Annotated[
        list[FreeSection],
        free_sections("person"),
        doc("หัวข้อเพิ่มเติม", "หัวข้อที่ไม่มีช่องเฉพาะ วางต่อจากส่วนที่ระบุใน after"),
    ] = []
    appendices: Annotated[list[Appendix], doc("ภาคผนวก", "ไฟล์แนบของคู่มือส่วนบุคคล")] = []
    approval: Annotated[Approval, doc("สถานะและการอนุมัติ", "ของหน้าและเล่มส่วนบุคคล: ฉบับร่าง หรือผู้อนุมัติ วันที่ คำสั่ง")] = Approval()
    revisions: Annotated[list[Revision], doc("บันทึกการแก้ไข", "ของเล่มส่วนบุคคล เขียนเอง (ใช้แทนประวัติจาก git)")] = []


END = "end"
MAX_STEPS = 200
# A step of the same process that the flow goes to, or `end` (checked by `flow.check`).
FlowTarget = Id


class Decision(Strict, title="จุดตัดสินใจ (รูปข้าวหลามตัด) ในผังงาน"):
    """A check drawn as a diamond after its step (or `before` it): `yes` continues, `no` goes to `no_to`."""

    question: Annotated[Text, doc("คำถาม", "ข้อความในรูปข้าวหลามตัด เช่น ผู้บริหารเห็นชอบหรือไม่")]
    yes: Annotated[Text, doc("คำตอบใช่", "ป้ายของทางที่ไปต่อ ค่าเริ่มต้น ใช่")] = "ใช่"
    no: Annotated[Text, doc("คำตอบไม่ใช่", "ป้ายของทางแยก ค่าเริ่มต้น ไม่ใช่")] = "ไม่ใช่"
    # By default the next step; the step itself when the check comes `before` it.
    yes_to: Annotated[FlowTarget | None, doc("ไปต่อที่", "รหัสขั้นตอนหรือ end ถ้าไม่ใส่ ไปขั้นตอนถัดไป")] = None
    no_to: Annotated[FlowTarget, doc("ถ้าไม่ใช่ ไปที่", "รหัสขั้นตอน (ขั้นตอนก่อนหน้าทำให้วนกลับ) หรือ end")]
    before: Annotated[Flag, doc("ตรวจก่อนขั้นตอน", "true: ตรวจก่อนทำขั้นตอนนี้ แทนที่จะตรวจหลังทำ")] = False


def _not_end(value: str | None) -> str | None:
    if value == END:
        raise PydanticCustomError(
            "reserved_id", "`end` means the end of the flowchart and cannot be a step id; choose another id"
        )
    return value


StepId = Annotated[Id, AfterValidator(_not_end)]


class SubStep(Strict, title="ขั้นตอนย่อย (ไม่ต้องพิมพ์เลขข้อ)"):
    """A sub-step (1.1, 1.1.1): text and its own details; only top-level steps are boxes of the flowchart."""

    text: Annotated[StepText, doc("ขั้นตอน", "ข้อความของขั้นตอน")]
    id: Annotated[StepId | None, doc("รหัสขั้นตอน", "ใส่เมื่อต้องการอ้างถึงขั้นตอนนี้ (ห้ามใช้ end)")] = None
    steps: Annotated[list[SubStepValue], doc("ขั้นตอนย่อย", "ขั้นตอนย่อย ระบบใส่เลข ๑.๑ ให้")] = []
    duration: Annotated[Duration | None, doc("ระยะเวลา", "ระยะเวลาของขั้นตอน เช่น ๑ เดือน หรือ ๒–๓ วัน")] = None
    responsible: Annotated[list[PersonId], doc("ผู้รับผิดชอบ", "รหัสบุคลากร")] = []
    standard: Annotated[Text | None, doc("มาตรฐานคุณภาพงาน", "มาตรฐานของขั้นตอน")] = None


class Step(SubStep, title="ขั้นตอนการปฏิบัติงาน (ไม่ต้องพิมพ์เลขข้อ)"):
    """A step of a process (ขั้นตอนการปฏิบัติงาน); `steps` nests sub-steps (1, 1.1, 1.1.1).

    A top-level step is a box of the flowchart: `kind` picks its symbol, `label` shortens its text in the chart,
    `decision` adds a diamond after it, and `next` sends the flow somewhere other than the following step.
    """

    allowed_on: ClassVar[str] = "a top-level step: the flowchart draws top-level steps only, not sub-steps"

    label: Annotated[Text | None, doc("ข้อความในผัง", "ข้อความสั้นในกล่องของผังงาน")] = None
    kind: Annotated[
        Literal["process", "document"], doc("รูปในผัง", "process: สี่เหลี่ยม (ค่าเริ่มต้น) หรือ document: รูปเอกสาร")
    ] = "process"
    decision: Annotated[Decision | None, doc("จุดตัดสินใจ", "คำถามและทางแยกในผังงาน")] = None
    next: Annotated[FlowTarget | None, doc("ขั้นตอนถัดไป", "รหัสขั้นตอนหรือ end ถ้าไม่ใช่ขั้นตอนถัดไปตามลำดับ")] = None


SubStepValue = Annotated[SubStep, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | SubStep)]
StepValue = Annotated[Step, BeforeValidator(_as_mapping("text"), json_schema_input_type=str | Step)]


class ScheduleRow(Strict, title="แถวหนึ่งของตารางระยะเวลา"):
    """A row of the schedule: an activity and its period as พ.ศ. year-month (`2566-04`)."""

    text: Annotated[NumberedText, doc("กิจกรรม", "วิธีการหรือขั้นตอนการปฏิบัติงาน")]
    start: Annotated[YearMonth, doc("เริ่ม", "ปี พ.ศ. และเดือน เช่น 2566-04")]
    end: Annotated[YearMonth | None, doc("สิ้นสุด", "ปี พ.ศ. และเดือน เช่น 2566-09 (ไม่ใส่ถ้าเดือนเดียว)")] = None

    @field_validator("start", "end")
    @classmethod
    def _month(cls, value: str | None) -> str | None:
        if value is None:
            return value
        year, month = (int(part.translate(ARABIC_DIGITS)) for part in value.split("-"))
        if not 1 <= month <= 12:
            raise ValueError(f"month {month:02d} does not exist (use 01–12)")
        _buddhist_year(year, lambda fixed: f"{fixed:04d}-{month:02d}")
        return value

    @model_validator(mode="after")
    def _in_order(self) -> ScheduleRow:
        if self.end is not None and self.end.translate(ARABIC_DIGITS) < self.start.translate(ARABIC_DIGITS):
            raise PydanticCustomError(
                "schedule_order", "ends ({end}) before it starts ({start})", {"end": self.end, "start": self.start}
            )
        return self


def _list_or_table(value: Any) -> str:
    return "table" if isinstance(value, dict | Table) else "list"


ListOrTable = Annotated[
    Annotated[list[Item], Tag("list")] | Annotated[Table, Tag("table")],
    Discriminator(_list_or_table),
]


class Risk(Strict, title="ความเสี่ยงและจุดควบคุม"):
    """A risk of the process and how it is controlled."""

    risk: Annotated[Text, doc("ความเสี่ยง", "ความเสี่ยงที่อาจเกิด")]
    control: Annotated[Text | None, doc("จุดควบคุม", "วิธีควบคุมความเสี่ยง")] = None


class Flowchart(Strict, title="หัวข้อที่ ๖ Flow Chart การปฏิบัติงาน (ผังสร้างจากขั้นตอนโดยอัตโนมัติ)"):
    """Part 6 of a process; the drawing itself is derived from the top-level steps."""

    title: Annotated[Text | None, doc("คำอธิบายผัง", "ข้อความใต้หัวข้อ Flow Chart (ถ้ามี)")] = None
    start: Annotated[Text, doc("จุดเริ่ม", "ข้อความในวงรีเริ่มต้น")] = "เริ่มต้น"
    end: Annotated[Text, doc("จุดสิ้นสุด", "ข้อความในวงรีสิ้นสุด")] = "สิ้นสุด"


class Process(Strict, title="ไฟล์ของกระบวนงานหนึ่งเรื่อง (processes/<รหัส>.yml) ตามโครงสร้าง ๘ หัวข้อ — รหัสคือชื่อไฟล์"):
    """`processes/<id>.yml`: one work process (กระบวนงาน) in the standard 8 parts."""

    name: Annotated[PageTitle, doc("ชื่องาน (กระบวนงาน)", f"หัวข้อที่ ๑ (ไม่เกิน {MAX_TITLE} ตัวอักษร)")]
    workgroup: Annotated[WorkGroupId | None, doc("กลุ่มงาน", "รหัสกลุ่มงานจาก office.yml")] = None
    objectives: Annotated[list[Item], doc("วัตถุประสงค์", "หัวข้อที่ ๒")] = []
    scope: Annotated[Paragraphs, doc("ขอบเขตของงาน", "หัวข้อที่ ๓ ย่อหน้า")] = []
    scope_items: Annotated[list[Item], doc("ขอบเขตของงาน (รายการ)", "รายการในหัวข้อที่ ๓")] = []
    definitions: Annotated[list[Definition], doc("คำจำกัดความ", "หัวข้อที่ ๔")] = []
    # A flowchart of more boxes than this cannot be read, on a page or on paper.
    steps: Annotated[
        list[StepValue],
        Field(max_length=MAX_STEPS),
        doc("ขั้นตอนการปฏิบัติงาน", f"หัวข้อที่ ๕ ขั้นตอนย่อยใส่ใต้ steps (ไม่เกิน {MAX_STEPS} ขั้นตอนหลัก)"),
    ] = []
    flowchart: Annotated[Flowchart, doc("Flow Chart", "หัวข้อที่ ๖ ผังสร้างจากขั้นตอน")] = Flowchart()
    forms_text: Annotated[Paragraphs, doc("แบบฟอร์ม (ย่อหน้านำ)", "ย่อหน้าก่อนรายการแบบฟอร์ม")] = []
    forms: Annotated[list[FormValue], doc("แบบฟอร์มที่ใช้", "หัวข้อที่ ๗")] = []
    references: Annotated[list[DocumentId], doc("เอกสาร/หลักฐานอ้างอิง", "หัวข้อที่ ๘ รหัสเอกสารจาก references.yml")] = []
    bibliography: Annotated[list[SourceId], doc("บรรณานุกรม", "รหัสรายการบรรณานุกรมจาก references.yml")] = []
    schedule: Annotated[list[ScheduleRow], doc("ระยะเวลาการปฏิบัติงาน", "ตารางกิจกรรมและเดือน ปี พ.ศ.")] = []
    kpis: Annotated[ListOrTable, doc("มาตรฐานงานและตัวชี้วัด", "รายการตัวชี้วัด หรือตาราง (columns, rows)")] = []
    monitoring: Annotated[Paragraphs, doc("ระบบติดตามประเมินผล", "ย่อหน้า")] = []
    risks: Annotated[
        Annotated[
            Annotated[list[Risk], Tag("list")] | Annotated[Table, Tag("table")],
            Discriminator(_list_or_table),
        ],
        doc("ความเสี่ยงและจุดควบคุม", "รายการ risk/control หรือตาราง (columns, rows)"),
    ] = []
    sections: Annotated[
        list[FreeSection],
        free_sections("process"),
        doc("หัวข้อเพิ่มเติม", "หัวข้อที่ไม่มีช่องเฉพาะ วางต่อจากส่วนที่ระบุใน after เช่น steps"),
    ] = []
    appendices: Annotated[list[Appendix], doc("ภาคผนวก", "ไฟล์แนบของกระบวนงาน เช่น แบบฟอร์ม คำสั่ง")] = []
    approval: Annotated[Approval, doc("สถานะและการอนุมัติ", "ของหน้าและเล่มของกระบวนงาน: ฉบับร่าง หรือผู้อนุมัติ วันที่ คำสั่ง")] = (
        Approval()
    )
    revisions: Annotated[list[Revision], doc("บันทึกการแก้ไข", "ของเล่มกระบวนงาน เขียนเอง (ใช้แทนประวัติจาก git)")] = []


class Document(Strict, title="กฎหมายหรือเอกสารที่กระบวนงานอ้างถึง"):
    """A law or document cited by processes (เอกสาร/หลักฐานอ้างอิง)."""

    id: Annotated[Id, doc("รหัส", "รหัสที่กระบวนงานใช้อ้างถึงใน references")]
    title: Annotated[NumberedText, doc("ชื่อเอกสาร", "ชื่อกฎหมายหรือเอกสารเต็ม")]
    url: Annotated[WebAddress | None, doc("ที่อยู่เว็บ", "ลิงก์ไปยังเอกสาร (ถ้ามี)")] = None


class Source(Strict, title="รายการบรรณานุกรม"):
    """A bibliography entry (บรรณานุกรม)."""

    id: Annotated[Id, doc("รหัส", "รหัสที่ใช้อ้างถึง")]
    author: Annotated[Text | None, doc("ผู้แต่ง", "ชื่อผู้แต่งหรือหน่วยงาน")] = None
    year: Annotated[Text | None, doc("ปีที่พิมพ์", "ปี พ.ศ. หรือ ม.ป.ป.")] = None
    title: Annotated[Text, doc("ชื่อเรื่อง", "ชื่อหนังสือหรือเอกสาร")]
    place: Annotated[Text | None, doc("สถานที่พิมพ์", "เช่น กรุงเทพฯ")] = None
    publisher: Annotated[Text | None, doc("สำนักพิมพ์", "ชื่อสำนักพิมพ์")] = None
    detail: Annotated[Text | None, doc("รายละเอียดอื่น", "เช่น ราชกิจจานุเบกษา เล่ม ... หรือ เอกสารอัดสำเนา")] = None
    url: Annotated[WebAddress | None, doc("ที่อยู่เว็บ", "ลิงก์ (ถ้ามี)")] = None
    accessed: Annotated[DateText | None, doc("วันที่สืบค้น", "เช่น ๑๓ พฤษภาคม ๒๕๖๔")] = None


class ReferencesFile(Strict, title="ไฟล์ references.yml: เอกสารอ้างอิงและบรรณานุกรม"):
    """`references.yml`: documents cited by processes and the bibliography."""

    documents: Annotated[
        list[Document], Defines("documents"), doc("เอกสารอ้างอิง", "กฎหมายและเอกสารที่กระบวนงานอ้างถึง")
    ] = []
    bibliography: Annotated[list[Source], Defines("sources"), doc("บรรณานุกรม", "รายการบรรณานุกรม")] = []


def is_id(value: str) -> bool:
    return len(value) <= ID_MAX and re.fullmatch(ID_PATTERN, value) is not None


ListItem.model_rebuild()
Definition.model_rebuild()
TableBlock.model_rebuild()
Cell.model_rebuild()
Table.model_rebuild()
Section.model_rebuild()
Duty.model_rebuild()
SubStep.model_rebuild()
Step.model_rebuild()
